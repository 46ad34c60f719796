/**
 * classifyRow, one convention of real tables per line (test/fixtures/real names the table each comes from), and the
 * one id scheme. A row is [TT, text, chuẩn, thưởng, trừ]; the state is what the rows above left.
 */
import { classifyRow, criterionId, INITIAL_STATE, RowCells, RowKind, RowState, sttSegments } from '../../src/engine/criteria';
import { readScore } from '../../src/engine/numbers';

type Cell = string | number | null;
const cells = ([tt, text, std, bonus, ded]: Cell[]): RowCells => ({
  tt: String(tt ?? ''),
  text: String(text ?? ''),
  standard: readScore(std ?? null),
  bonus: readScore(bonus ?? null),
  deduction: readScore(ded ?? null),
  filled: [std, bonus, ded].some((v) => v !== null && v !== undefined),
});

const inSection: RowState = { section: 'other', sectionNumber: 1, numberedOpen: false, started: true };
const underItem = (tt: string, numberedOpen = true): RowState => ({ ...inSection, item: { tt, standard: true }, numberedOpen });
const underLetterSection: RowState = { section: 'letter', numberedOpen: false, started: true, item: { tt: 'a1', standard: true } };

const CASES: [string, Cell[], RowState, RowKind['kind']][] = [
  ['blank row', [null, null], inSection, 'skip'],
  ['grand total at the top, "100 điểm" (NA)', [null, 'TỔNG ĐIỂM (A + B)', '100 điểm'], INITIAL_STATE, 'total'],
  ['"Tổng" alone at the bottom (RL)', [null, 'Tổng', 100], inSection, 'total'],
  ['"Tổng điểm phần I" is a subtotal, not the grand total (BD)', [null, 'Tổng điểm phần I', 500], inSection, 'subtotal'],
  ['"Cộng mục I" (NT)', [null, 'Cộng mục I', 60, 6, -7], inSection, 'subtotal'],
  ['"Cộng" alone (HCM)', [null, 'Cộng', 60], inSection, 'subtotal'],
  ['"Cộng phần A" (NA)', [null, 'Cộng phần A', 70], inSection, 'subtotal'],
  ['"Tổng điểm = …" explains the total (TW)', [null, 'Tổng điểm = Điểm tự chấm + Điểm cộng tự chấm'], inSection, 'note'],
  ['Roman section (BD)', ['I', 'PHẦN I. THỰC HIỆN CÁC CHỈ TIÊU'], INITIAL_STATE, 'section'],
  ['"1 | Tiêu chuẩn 1: …" heads a section (TW)', ['1', 'Tiêu chuẩn 1: Thực hiện nhiệm vụ chính trị', 50], INITIAL_STATE, 'section'],
  ['"D1 | Tiêu chí 1: …" heads a section (MH)', ['D1', 'Tiêu chí 1: Xây dựng kế hoạch', 30], INITIAL_STATE, 'section'],
  [
    '"V." after Phần IV is the next section, under a numbered item too (RL)',
    ['V.', 'ĐÁNH GIÁ VỀ Ý THỨC', 10],
    { ...underItem('3.'), sectionNumber: 4 },
    'section',
  ],
  [
    'a capital letter under a numbered item of a Roman section is its part (NT)',
    ['A', 'Chi bộ được xếp loại', null, 2],
    underItem('3'),
    'item',
  ],
  ['a capital letter with no numbered item open is a section (NA)', ['A', 'PHẦN A. THỰC HIỆN NHIỆM VỤ', 70], INITIAL_STATE, 'section'],
  ['numbered item', ['2.3.1.1', 'Văn bản đi được ký số', 3], inSection, 'item'],
  ['mixed STT a2.1 (NA)', ['a2.1', 'Có kế hoạch', 5], underLetterSection, 'item'],
  ['mixed STT b.3.2 (NA)', ['b.3.2', 'Tỷ lệ hồ sơ trực tuyến', 5], underLetterSection, 'item'],
  ['mixed STT c1. (NA)', ['c1.', 'Kết quả đánh giá', 10], underLetterSection, 'item'],
  ['the STT of the item repeated: an option (NA, HCM, MH)', ['a2.1', '- Không có kế hoạch', 0], underItem('a2.1'), 'option'],
  ['D2.1 | - Không có kế hoạch | 0 (the issue)', ['D2.1', '- Không có kế hoạch', 0, null, -1], underItem('D2.1'), 'option'],
  ['a percent band under an item (NA)', [null, 'Tỷ lệ đạt từ 90% đến dưới 95%', 18], underItem('a1'), 'option'],
  ['"- Có kế hoạch" under an item (MH)', [null, '- Có kế hoạch', 10], underItem('D1.1'), 'option'],
  ['a flag for a score: "(không xếp loại)" (NA)', [null, '- Không hoàn thành nhiệm vụ', '(không xếp loại)'], underItem('c1.'), 'option'],
  ['"- Công đoàn | 20" under an item is one of its parts, not an option (seed)', ['-', 'Công đoàn', 20], underItem('7'), 'item'],
  [
    'a bonus rule: "+ 0,5" in the bonus cell (NT)',
    [null, '- Vượt chỉ tiêu: cộng 0,5 điểm/01 chỉ tiêu (tối đa 2 điểm)', null, '+ 0,5'],
    underItem('1'),
    'bonus-rule',
  ],
  [
    'a deduction rule: "- 0,25" in the deduction cell (NT)',
    [null, '- Chậm gửi báo cáo: trừ 0,25 điểm/01 trường hợp', null, null, '- 0,25'],
    underItem('4'),
    'deduction-rule',
  ],
  ['a deduction rule: "-0.5" (NT)', [null, '- Vắng mặt: trừ 0,5 điểm/lần', null, null, '-0.5'], underItem('2'), 'deduction-rule'],
  [
    'a deduction rule in words only (BD)',
    [null, 'Mỗi báo cáo gửi chậm trừ 5 điểm; tối đa trừ không quá 50 điểm'],
    underItem('c.'),
    'deduction-rule',
  ],
  ['"Cứ 01 văn bản chậm bị trừ 0,5 điểm" (TW)', [null, 'Cứ 01 văn bản chậm tiến độ bị trừ 0,5 điểm'], underItem('1.2'), 'deduction-rule'],
  [
    'a bonus rule in words: "cộng 0,5 điểm, điểm cộng tối đa không quá 2 điểm" (HCM)',
    [null, '- Mỗi trường đạt chuẩn: cộng 0,5 điểm, điểm cộng tối đa không quá 2 điểm'],
    underItem('3'),
    'bonus-rule',
  ],
  ['a negative Điểm: a deduction row (PT)', [null, '- Bị lập biên bản khiển trách', -2], underItem('1.3'), 'deduction-rule'],
  [
    'a numbered row with a negative Điểm per occurrence (PT 3.5)',
    ['3.5', 'Đưa thông tin sai lệch (mỗi lần vi phạm)', -10],
    underItem('3.4'),
    'deduction-rule',
  ],
  ['"Hoặc" between two alternatives (RL)', [null, 'Hoặc', 0], underItem('1.'), 'note'],
  ['the assessor (NT)', [null, '(Khối trưởng theo dõi, đánh giá mục I)'], inSection, 'note'],
  ['"Căn cứ chấm điểm: …" (BD)', [null, 'Căn cứ chấm điểm: số liệu do Cục Thống kê công bố'], inSection, 'note'],
  [
    '"Ghi chú: Tổng điểm trừ của mục c2. không quá 2 điểm" (NA)',
    [null, 'Ghi chú: Tổng điểm trừ của mục c2. không quá 2 điểm.'],
    inSection,
    'note',
  ],
  ['"Xếp loại: từ 80 điểm trở lên: Tốt" (MH)', [null, 'Xếp loại: từ 80 điểm trở lên: Tốt'], inSection, 'note'],
  ['an unnumbered row with a standard (seed)', [null, 'Công tác khác', 5], inSection, 'item'],
  ['text with no TT and no standard: a continuation', [null, 'và các văn bản khác'], underItem('1'), 'continuation'],
];

describe('classifyRow', () => {
  it.each(CASES)('%s', (_, row, state, kind) => {
    expect(classifyRow(cells(row), state).kind).toBe(kind);
  });

  it('reads a rule into sign, rate, per occurrence and cap', () => {
    const k = classifyRow(cells([null, '- Có sáng kiến: cộng 0,5 điểm/01 mô hình, tối đa 1 điểm', null, '+ 0,5']), underItem('3'));
    expect(k).toMatchObject({ kind: 'bonus-rule', rule: { sign: 1, rate: 0.5, perOccurrence: true, cap: 1 } });
    const d = classifyRow(
      cells([null, '- Có cá nhân bị kỷ luật: trừ 1 điểm/01 trường hợp. Điểm trừ tối đa là 2 điểm', null, null, '- 1']),
      underItem('3.4'),
    );
    expect(d).toMatchObject({ kind: 'deduction-rule', rule: { sign: -1, rate: 1, perOccurrence: true, cap: 2 } });
  });
});

describe('the id scheme', () => {
  const none = () => false;
  it.each([
    ['a section by number', { kind: 'section' as const, number: '2' }, '2'],
    [
      'item 3 of section 2',
      { kind: 'item' as const, numbering: 'numbered' as const, key: '3', row: 9, section: { id: '2', carries: false } },
      '2.3',
    ],
    [
      'STT 1.2 under section 1 (the seed)',
      { kind: 'item' as const, numbering: 'numbered' as const, key: '1.2', row: 9, section: { id: '1', carries: false } },
      '1.1.2',
    ],
    [
      'STT 1.1 where items carry the section number (PT)',
      { kind: 'item' as const, numbering: 'numbered' as const, key: '1.1', row: 9, section: { id: '1', carries: true } },
      '1.1',
    ],
    [
      'D1.1 under section D1 (MH)',
      { kind: 'item' as const, numbering: 'alnum' as const, key: 'D1.1', row: 9, section: { id: 'D1', carries: false } },
      'D1.1',
    ],
    [
      'a2.1 under section A (NA)',
      { kind: 'item' as const, numbering: 'alnum' as const, key: 'a2.1', row: 9, section: { id: 'A', carries: false } },
      'A.a2.1',
    ],
    ['a letter under its parent', { kind: 'item' as const, numbering: 'letter' as const, key: 'a', row: 9, parent: '2.3' }, '2.3.a'],
    [
      'an unnumbered row by its sheet row',
      { kind: 'item' as const, numbering: 'unnumbered' as const, key: '', row: 13, parent: '2' },
      '2.r14',
    ],
    ['the grand total', { kind: 'total' as const }, 'total'],
    ['a subtotal of section 2', { kind: 'subtotal' as const, section: '2' }, '2.cong'],
  ])('%s', (_, spec, id) => {
    expect(criterionId(spec, none, 0)).toBe(id);
  });

  it('tells a taken id apart by its sheet row', () => {
    expect(criterionId({ kind: 'item', numbering: 'numbered', key: '3', row: 26 }, (id) => id === '3', 26)).toBe('3~27');
  });

  it('splits mixed STT into segments', () => {
    expect(['a2.1', 'b.3.2', 'c1.', 'D2.1', '2.3.1.1'].map(sttSegments)).toEqual([
      ['a', '2', '1'],
      ['b', '3', '2'],
      ['c', '1'],
      ['D', '2', '1'],
      ['2', '3', '1', '1'],
    ]);
  });
});

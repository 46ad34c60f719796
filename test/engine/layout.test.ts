import { checkSheet, SheetGrid, shownMessage } from '../../src/engine';
import { criterion, findingsOf, found } from '../helpers/check';
import { CellInput, formula, grid, HEADER, Row, set, table, validBody, validTable, VALID_MERGES } from '../helpers/grid';

/** The ids of every criterion, in order. */
const ids = (g: SheetGrid) => checkSheet(g).criteria.map((c) => c.id);
const VALID_IDS = ['1', '1.1', '1.1.1', '1.1.2', '1.2', '2', '2.1', 'total'];

/** validBody moved right by `cols` empty columns. */
const shifted = (cols: number): Row[] => validBody().map((r) => [...Array<CellInput>(cols).fill(null), ...r]);

describe('the valid table', () => {
  it('maps sections, items, sub-items and the grand total, with stable ids and labels', () => {
    const r = checkSheet(validTable());
    expect(r.findings).toEqual([]);
    expect(r.table).toMatchObject({ headerRow: 1, headerRange: 'A2:G2', firstRow: 2, lastRow: 9 });
    expect(r.table.columns).toEqual({ tt: 0, tieuChi: 1, diemChuan: 2, diemThuong: 3, tuCham: 4, thuongTuCham: 5, giaiTrinh: 6 });
    expect(r.criteria.map((c) => [c.id, c.kind, c.label, c.parent ?? null])).toEqual([
      ['1', 'section', 'Nội dung 1', 'total'],
      ['1.1', 'item', 'Nội dung 1, mục 1', '1'],
      ['1.1.1', 'item', 'Nội dung 1, mục 1.1', '1.1'],
      ['1.1.2', 'item', 'Nội dung 1, mục 1.2', '1.1'],
      ['1.2', 'item', 'Nội dung 1, mục 2', '1'],
      ['2', 'section', 'Nội dung 2', 'total'],
      ['2.1', 'item', 'Nội dung 2, mục 1', '2'],
      ['total', 'total', 'TỔNG CỘNG', null],
    ]);
    expect(r.year).toBe(2022);
  });

  it('never takes the title rows above the header for criteria', () => {
    const g = grid([
      ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022'],
      ['1', 'Đơn vị: Văn phòng UBND tỉnh', 100],
      ['(Ban hành kèm theo Báo cáo số 12/BC-VP)'],
      HEADER,
      ...validBody(),
    ]);
    const r = checkSheet(g);
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.criteria.every((c) => c.row >= 4)).toBe(true);
    expect(r.findings).toEqual([]);
  });
});

describe('where the table sits', () => {
  it('finds a table that starts at D7 on the sheet (empty cells before it)', () => {
    const rows: Row[] = [...Array.from({ length: 6 }, () => [] as Row), [null, null, null, ...HEADER], ...shifted(3)];
    const r = checkSheet(grid(rows));
    expect(r.table.headerRange).toBe('D7:J7');
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.findings).toEqual([]);
  });

  it('finds a table whose grid starts at D7 (a used range that does not start at A1), and names cells absolutely', () => {
    const body = set(validBody(), 5, 'E', 25).map((r) => r);
    const g = grid([HEADER, ...body], { origin: 'D7' });
    const r = checkSheet(g);
    expect(r.table.headerRange).toBe('D7:J7');
    // Body row 3 of the standard table is sheet row 8 here; mục 1.1 (standard row 5) is row 10, column E → H.
    expect(findingsOf(r, 'over-cap').map(shownMessage)).toEqual(['H10: Nội dung 1, mục 1.1 tự chấm 25 điểm, vượt điểm chuẩn 20 điểm.']);
    expect(r.plan.writes.map((w) => w.cell)).toEqual(expect.arrayContaining(['H8', 'H9', 'H15']));
  });
});

describe('header words', () => {
  it('reads renamed headers: STT, Nội dung tiêu chí, Điểm tối đa, Tự chấm, Tài liệu kiểm chứng', () => {
    const header = ['STT', 'Nội dung tiêu chí', 'Điểm tối đa', 'Điểm thưởng', 'Tự chấm', 'Điểm thưởng tự chấm', 'Tài liệu kiểm chứng'];
    const r = checkSheet(grid([header, ...validBody()]));
    expect(r.table.columns).toEqual({ tt: 0, tieuChi: 1, diemChuan: 2, diemThuong: 3, tuCham: 4, thuongTuCham: 5, giaiTrinh: 6 });
    expect(r.findings).toEqual([]);
  });

  it.each([
    ['Điểm tự đánh giá', 'tuCham'],
    ['Điểm tự chấm', 'tuCham'],
    ['ĐIỂM TỰ CHẤM', 'tuCham'],
    ['Điểm thưởng tự đánh giá', 'thuongTuCham'],
    ['Điểm tối đa', 'diemChuan'],
    ['Giải trình/ tài liệu kiểm chứng', 'giaiTrinh'],
    ['TIÊU CHÍ ĐÁNH GIÁ THI ĐUA NĂM 2022', 'tieuChi'],
  ])('knows %p as %p', (title, role) => {
    const header = [...HEADER];
    const at = { tuCham: 4, thuongTuCham: 5, diemChuan: 2, giaiTrinh: 6, tieuChi: 1 }[role]!;
    header[at] = title;
    const r = checkSheet(grid([header, ...validBody()]));
    expect(r.table.columns[role as 'tuCham']).toBe(at);
    expect(r.findings).toEqual([]);
  });

  it('reads columns in any order', () => {
    // Tiêu chí, TT, Điểm tự chấm, Điểm chuẩn, Giải trình, Điểm thưởng tự chấm, Điểm thưởng
    const order = [1, 0, 4, 2, 6, 5, 3];
    const rows = [HEADER, ...validBody()].map((r) => order.map((i) => r[i] ?? null));
    const r = checkSheet(grid(rows));
    expect(r.table.columns).toEqual({ tieuChi: 0, tt: 1, tuCham: 2, diemChuan: 3, giaiTrinh: 4, thuongTuCham: 5, diemThuong: 6 });
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.findings).toEqual([]);
    // Mục 1.1 (sheet row 4) self-scores 25 against 20: Điểm tự chấm is column C here.
    const brokenRows = rows.map((r) => [...r]);
    brokenRows[3][2] = 25;
    expect(findingsOf(checkSheet(grid(brokenRows)), 'over-cap').map((f) => f.cell)).toEqual(['C4']);
  });

  it('knows the review column (Điểm Khối chấm) and the reason column (Ghi chú), and never reads them as the self-score', () => {
    const header = [...HEADER.slice(0, 4), 'Điểm Khối chấm', ...HEADER.slice(4), 'Ghi chú'];
    const body = validBody().map((r) => {
      const full = [...r, ...Array<CellInput>(7 - r.length).fill(null)];
      return [...full.slice(0, 4), 'không chấm', ...full.slice(4), 999];
    });
    const r = checkSheet(grid([header, ...body]));
    // Issue 10: review and reason columns are roles of their own (khoiCham, lyDo), kept for the bloc leader's summary.
    expect(r.table.columns).toEqual({
      tt: 0,
      tieuChi: 1,
      diemChuan: 2,
      diemThuong: 3,
      khoiCham: 4,
      tuCham: 5,
      thuongTuCham: 6,
      giaiTrinh: 7,
      lyDo: 8,
    });
    expect(r.table.reviewColumns).toEqual([{ col: 4, title: 'Điểm Khối chấm' }]);
    expect(r.table.extraColumns).toEqual([]);
    expect(r.findings).toEqual([]);
    expect(r.plan.writes.every((w) => w.col !== 4 && w.col !== 8)).toBe(true);
  });

  it('reads decomposed (NFD) headers and headers broken over lines', () => {
    const header = [
      'TT',
      'Tiêu\nchí',
      'Điểm\nchuẩn',
      'Điểm\nthưởng',
      'Điểm tự\nchấm',
      'Điểm thưởng\ntự chấm',
      'Giải trình/\ntài liệu kiểm chứng',
    ].map((h) => h.normalize('NFD'));
    // Body text decomposed and broken over lines too, as a PDF conversion leaves it.
    const body = validBody().map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/ (\S+) /, ' $1\n').normalize('NFD') : v)));
    const r = checkSheet(grid([header, ...body]));
    expect(r.table.columns).toEqual({ tt: 0, tieuChi: 1, diemChuan: 2, diemThuong: 3, tuCham: 4, thuongTuCham: 5, giaiTrinh: 6 });
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(criterion(r, '1').label).toBe('Nội dung 1');
    expect(criterion(r, '1.1.1').text).toBe('Lãnh đạo, chỉ đạo triển khai nhiệm vụ');
    expect(criterion(r, 'total').label).toBe('TỔNG CỘNG');
    expect(r.findings).toEqual([]);
  });

  it('reads a two-row header ("Điểm tự chấm" over "Điểm" and "Điểm thưởng")', () => {
    const rows: Row[] = [
      ['TT', 'Tiêu chí', 'Điểm chuẩn', 'Điểm thưởng', 'Điểm tự chấm', null, 'Giải trình'],
      [null, null, null, null, 'Điểm', 'Điểm thưởng', null],
      ...validBody(),
    ];
    const r = checkSheet(grid(rows, { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:D2', 'E1:F1', 'G1:G2'] }));
    expect(r.table.headerRange).toBe('A1:G2');
    expect(r.table.firstRow).toBe(2);
    expect(r.table.columns).toEqual({ tt: 0, tieuChi: 1, diemChuan: 2, diemThuong: 3, tuCham: 4, thuongTuCham: 5, giaiTrinh: 6 });
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.findings).toEqual([]);
  });

  it('reads a two-row header with "Điểm" over Chuẩn, Thưởng, Tự chấm and Thưởng tự chấm', () => {
    const rows: Row[] = [
      ['TT', 'Tiêu chí', 'Điểm', null, null, null, 'Giải trình'],
      [null, null, 'Chuẩn', 'Thưởng', 'Tự chấm', 'Thưởng tự chấm', null],
      ...validBody(),
    ];
    const r = checkSheet(grid(rows, { merges: ['C1:F1'] }));
    expect(r.table.headerRange).toBe('A1:G2');
    expect(r.table.columns).toEqual({ tt: 0, tieuChi: 1, diemChuan: 2, diemThuong: 3, tuCham: 4, thuongTuCham: 5, giaiTrinh: 6 });
    expect(r.findings).toEqual([]);
  });

  it.each([
    ['as text', ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)']],
    ['as numbers', [1, 2, 3, 4, 5, 6, 7]],
    ['as letters', ['A', 'B', '1', '2', '3', '4', '5']],
  ])('skips a row of column numbers under the header (%s)', (_, numbers) => {
    const r = checkSheet(grid([HEADER, numbers, ...validBody()]));
    expect(r.table.firstRow).toBe(2);
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.findings).toEqual([]);
  });
});

describe('sections', () => {
  const items = (section: CellInput[]): Row[] => [
    section,
    ['1', 'Công tác chuyên môn', 20, null, 20, null, 'Báo cáo số 1/BC'],
    ['2', 'Công tác cải cách hành chính', 10, null, 10, null, 'Báo cáo số 2/BC'],
  ];

  it('takes Roman numerals in the TT column (I, II) as sections', () => {
    const r = checkSheet(table([...items(['I', 'CÔNG TÁC CHUYÊN MÔN', 30, null, 30]), ...items(['II', 'CÔNG TÁC ĐẢNG', 30, null, 30])]));
    expect(r.criteria.map((c) => [c.id, c.kind, c.label])).toEqual([
      ['1', 'section', 'Phần I'],
      ['1.1', 'item', 'Phần I, mục 1'],
      ['1.2', 'item', 'Phần I, mục 2'],
      ['2', 'section', 'Phần II'],
      ['2.1', 'item', 'Phần II, mục 1'],
      ['2.2', 'item', 'Phần II, mục 2'],
    ]);
    expect(r.findings).toEqual([]);
  });

  it.each([
    ['in the TT column', ['Phần I', 'Công tác chuyên môn', 30, null, 30], ['Phần II', 'Công tác đảng', 30, null, 30]],
    ['in the text column', [null, 'Phần I. Công tác chuyên môn', 30, null, 30], [null, 'PHẦN II: CÔNG TÁC ĐẢNG', 30, null, 30]],
  ])('takes "Phần I" %s as a section', (_, one, two) => {
    const r = checkSheet(table([...items(one), ...items(two)]));
    expect(r.criteria.filter((c) => c.kind === 'section').map((c) => [c.id, c.label])).toEqual([
      ['1', 'Phần I'],
      ['2', 'Phần II'],
    ]);
    expect(ids(table([...items(one), ...items(two)]))).toEqual(['1', '1.1', '1.2', '2', '2.1', '2.2']);
  });

  it('takes capital letters (A., B., C., D.) as sections, also those that are Roman digits', () => {
    const body = ['A.', 'B.', 'C.', 'D.'].flatMap((l) => items([l, `Nhóm tiêu chí thứ ${l}`, 30, null, 30]));
    const r = checkSheet(table(body));
    expect(r.criteria.filter((c) => c.kind === 'section').map((c) => [c.id, c.label])).toEqual([
      ['A', 'Phần A'],
      ['B', 'Phần B'],
      ['C', 'Phần C'],
      ['D', 'Phần D'],
    ]);
    expect(criterion(r, 'C.2').parent).toBe('C');
    expect(r.findings).toEqual([]);
  });

  it('reads a heading merged across TT and Tiêu chí, its text in the TT cell', () => {
    const r = checkSheet(validTable());
    expect(criterion(r, '1')).toMatchObject({ kind: 'section', text: 'Nội dung 1: Thực hiện nhiệm vụ chuyên môn', tt: '' });
  });

  it('reads a heading written in the TT column, unmerged', () => {
    const r = checkSheet(table(validBody()));
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(criterion(r, '2')).toMatchObject({ kind: 'section', label: 'Nội dung 2' });
    expect(r.findings).toEqual([]);
  });

  it('reads a heading written in the Tiêu chí column with an empty TT', () => {
    const body = validBody().map((r) => (r[1] === null && typeof r[0] === 'string' && r[0].length > 12 ? [null, r[0], ...r.slice(2)] : r));
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.findings).toEqual([]);
  });
});

describe('rows', () => {
  it('skips blank rows anywhere in the body', () => {
    const body = validBody().flatMap((r) => [r, [], [null, '', null, null, '  ']]);
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.findings).toEqual([]);
    // The totals skip the blank rows: mục 1.1 and 1.2 are rows 9 and 12.
    expect(r.totals.find((t) => t.criterion === '1.1' && t.column === 'diemChuan')?.childRows).toEqual([8, 11]);
  });

  it('takes a row without TT and without standard as the continuation of the criterion above', () => {
    const body: Row[] = validBody();
    body.splice(3, 0, [null, 'trong đó tập trung cải cách thủ tục hành chính', null, null, 5, null, 'Kế hoạch số 9/KH-VP']);
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    const c = criterion(r, '1.1.1');
    expect(c.continuationRows).toEqual([5]);
    expect(c.text).toBe('Lãnh đạo, chỉ đạo triển khai nhiệm vụ trong đó tập trung cải cách thủ tục hành chính');
    expect(c.evidence).toBe('Báo cáo số 12/BC-VP ngày 10/12/2022 Kế hoạch số 9/KH-VP');
    // The 5 is a part of mục 1.1, never a criterion: it changes no total.
    expect(c.parts.tuCham).toEqual([5]);
    expect(findingsOf(r, 'total-mismatch')).toEqual([]);
  });

  it('ignores everything after TỔNG CỘNG (signatures, notes, dates)', () => {
    const body: Row[] = [
      ...validBody(),
      [],
      [null, 'Người lập biểu', null, null, 'THỦ TRƯỞNG ĐƠN VỊ'],
      ['1', 'Ghi chú: điểm tạm tính', 100, null, 'ký tên'],
      [null, 'Ngày 20 tháng 12 năm 2022', -1],
    ];
    const r = checkSheet(table(body, { merges: VALID_MERGES }));
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.table.lastRow).toBe(9);
    expect(r.findings).toEqual([]);
  });

  it.each(['TỔNG CỘNG', 'Tổng cộng', 'Tổng điểm', 'TỔNG CỘNG'.normalize('NFD')])('knows %p as the grand total', (words) => {
    const body = validBody();
    body[body.length - 1] = [null, words, 70, 7, 70, 7];
    const r = checkSheet(table(body));
    expect(criterion(r, 'total')).toMatchObject({ kind: 'total', children: ['1', '2'] });
    expect(r.findings).toEqual([]);
  });

  it('maps letter sub-items (a, b) under their numbered item', () => {
    const body: Row[] = [
      ['1', 'Công tác đoàn thể', 30, null, 25],
      ['a', 'Công đoàn', 15, null, 15, null, 'Quyết định số 5/QĐ-CĐ'],
      ['b)', 'Đoàn thanh niên', 15, null, 10, null, 'Quyết định số 6/QĐ-ĐTN'],
      ['2', 'Cải cách hành chính', 10, null, 10, null, 'Báo cáo số 2/BC'],
      ['TỔNG CỘNG', null, 40, null, 35],
    ];
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => [c.id, c.parent ?? null, c.label])).toEqual([
      ['1', 'total', 'Mục 1'],
      ['1.a', '1', 'Mục 1, điểm a'],
      ['1.b', '1', 'Mục 1, điểm b'],
      ['2', 'total', 'Mục 2'],
      ['total', null, 'TỔNG CỘNG'],
    ]);
    expect(r.findings).toEqual([]);
    expect(found(checkSheet(table(set(body, 4, 'E', 12))))).toEqual(['total-mismatch@E3', 'total-mismatch@E7']);
  });

  it('maps three levels (1, 1.1, 1.1.1) and adds them up bottom-up', () => {
    const body: Row[] = [
      ['Nội dung 1: Chuyên môn', null, 30, null, 28],
      ['1', 'Quản lý nhà nước', 30, null, 28],
      ['1.1', 'Tham mưu', 30, null, 28],
      ['1.1.1', 'Tham mưu văn bản', 20, null, 20, null, 'Báo cáo số 1/BC'],
      ['1.1.2', 'Tham mưu đề án', 10, null, 8, null, 'Báo cáo số 2/BC'],
      ['TỔNG CỘNG', null, 30, null, 28],
    ];
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => [c.id, c.parent ?? null])).toEqual([
      ['1', 'total'],
      ['1.1', '1'],
      ['1.1.1', '1.1'],
      ['1.1.1.1', '1.1.1'],
      ['1.1.1.2', '1.1.1'],
      ['total', null],
    ]);
    expect(r.findings).toEqual([]);
    const wrong = checkSheet(table(set(body, 7, 'E', 9)));
    expect(found(wrong)).toEqual(['total-mismatch@E3', 'total-mismatch@E4', 'total-mismatch@E5', 'total-mismatch@E8']);
  });

  it('keeps totals already written as formulas when they are right, and rewrites them when they are wrong', () => {
    const right = set(validBody(), 3, 'E', formula('=SUM(E4,E7)', 50));
    const r = checkSheet(table(right));
    expect(r.findings).toEqual([]);
    expect(r.plan.writes.find((w) => w.cell === 'E3')).toBeUndefined();

    const wrong = set(validBody(), 3, 'E', formula('=SUM(E5:E6)', 30));
    const w = checkSheet(table(wrong));
    expect(found(w)).toEqual(['total-mismatch@E3']);
    expect(w.plan.writes.find((x) => x.cell === 'E3')).toMatchObject({
      value: 50,
      formula: '=SUM(E4,E7)',
      previous: { value: 30, formula: '=SUM(E5:E6)' },
    });
  });

  it('reads a 1.1 written as a number (Excel turned it into 1.1) as the same item', () => {
    const body = set(validBody(), 5, 'A', 1.1);
    expect(ids(table(body))).toEqual(VALID_IDS);
  });
});

describe('pages and parts', () => {
  it('skips the header and its column numbers repeated at the top of a new page', () => {
    const numbers = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'];
    const body = validBody();
    body.splice(5, 0, HEADER, numbers);
    const r = checkSheet(grid([HEADER, numbers, ...body]));
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.findings).toEqual([]);
    expect(criterion(r, '1.1.2').text).toBe('Tham mưu ban hành văn bản');
  });

  it('skips a repeated header written in other words or case', () => {
    const body = validBody();
    body.splice(5, 0, ['STT', 'NỘI DUNG TIÊU CHÍ', 'ĐIỂM CHUẨN', 'ĐIỂM THƯỞNG', 'TỰ CHẤM', 'THƯỞNG TỰ CHẤM', 'GHI CHÚ']);
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => c.id)).toEqual(VALID_IDS);
    expect(r.findings).toEqual([]);
  });

  it('takes bulleted rows with a score of their own as parts of the numbered item above', () => {
    const body: Row[] = [
      ['Nội dung 2: Đảng và đoàn thể', null, 70, null, 65],
      ['1', 'Tổ chức cơ sở đảng', 10, null, 10, null, 'Quyết định số 1/QĐ-ĐU'],
      ['2', 'Xây dựng tổ chức các đoàn thể', 60, null, 55],
      [null, '- Tổ chức Công đoàn', 20, null, 20, null, 'Quyết định số 2/QĐ-CĐ'],
      ['-', 'Đoàn Thanh niên', 20, null, 15, null, 'Quyết định số 3/QĐ-ĐTN'],
      [null, '+ Hội Cựu chiến binh', 20, null, 20, null, 'Quyết định số 4/QĐ-CCB'],
      ['TỔNG CỘNG', null, 70, null, 65],
    ];
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => [c.id, c.parent ?? null])).toEqual([
      ['2', 'total'],
      ['2.1', '2'],
      ['2.2', '2'],
      ['2.2.r6', '2.2'],
      ['2.2.r7', '2.2'],
      ['2.2.r8', '2.2'],
      ['total', null],
    ]);
    expect(criterion(r, '2.2.r7').label).toBe('Nội dung 2, mục 2, dòng 7');
    expect(r.findings).toEqual([]);
  });

  it('keeps an unnumbered, unbulleted row with a standard as an item of the section', () => {
    const body: Row[] = [
      ['Nội dung 1: Chuyên môn', null, 30, null, 30],
      ['1', 'Quản lý nhà nước', 20, null, 20, null, 'Báo cáo số 1/BC'],
      [null, 'Cải cách hành chính', 10, null, 10, null, 'Báo cáo số 2/BC'],
    ];
    const r = checkSheet(table(body));
    expect(criterion(r, '1.r5')).toMatchObject({ parent: '1', label: 'Nội dung 1, dòng 5' });
    expect(r.findings).toEqual([]);
  });

  it('never plans a write into a cell covered by a merged heading', () => {
    // Nội dung 1 is merged across the whole row: its totals cannot be written without losing the heading.
    const body = validBody();
    body[0] = ['Nội dung 1: Thực hiện nhiệm vụ chuyên môn'];
    const r = checkSheet(table(body, { merges: ['A3:G3'] }));
    expect(r.plan.writes.filter((w) => w.row === 2)).toEqual([]);
    expect(r.totals.filter((t) => t.row === 2).length).toBeGreaterThan(0);
    expect(r.findings).toEqual([]);
  });
});

describe('numbering that looks like something else', () => {
  it('reads "1)" and "2)" as numbered items', () => {
    const body: Row[] = [
      ['Nội dung 1: Chuyên môn', null, 30, null, 30],
      ['1)', 'Quản lý nhà nước', 10, null, 10, null, 'Báo cáo số 1/BC'],
      ['2)', 'Cải cách hành chính', 20, null, 20, null, 'Báo cáo số 2/BC'],
    ];
    expect(ids(table(body))).toEqual(['1', '1.1', '1.2']);
  });

  it('keeps a numbered criterion whose text starts like a heading ("Nội dung vi phạm…") an item', () => {
    const body: Row[] = [
      ['Nội dung 1: Chuyên môn', null, 30, null, 30],
      ['1', 'Nội dung vi phạm hành chính được xử lý kịp thời', 10, null, 10, null, 'Báo cáo số 1/BC'],
      [null, 'Phần việc còn lại của năm', 20, null, 20, null, 'Báo cáo số 2/BC'],
      [null, 'Nội dung vi phạm đã khắc phục', 0, null, 0],
    ];
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => [c.id, c.kind])).toEqual([
      ['1', 'section'],
      ['1.1', 'item'],
      ['1.r5', 'item'],
      ['1.r6', 'item'],
    ]);
    expect(r.findings).toEqual([]);
  });

  it('takes a first row "I | 30 | 2 | 30 | 2" for a section, not for a row of column numbers', () => {
    const body: Row[] = [
      ['I', null, 30, 2, 30, 2],
      ['1', 'Quản lý nhà nước', 10, 2, 10, 2, 'Báo cáo số 1/BC'],
      ['2', 'Cải cách hành chính', 20, null, 20, null, 'Báo cáo số 2/BC'],
    ];
    const r = checkSheet(table(body, { merges: ['A3:B3'] }));
    expect(r.table.firstRow).toBe(2);
    expect(r.criteria.map((c) => [c.id, c.kind])).toEqual([
      ['1', 'section'],
      ['1.1', 'item'],
      ['1.2', 'item'],
    ]);
  });
});

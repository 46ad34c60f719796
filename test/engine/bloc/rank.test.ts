/** The bloc's ranking and its rules file: hand-made units, hand-worked ranks. */
import {
  bandFormula,
  bandGaps,
  BlocInput,
  BlocRules,
  competitionRanks,
  parseBlocRules,
  parseBlocRulesJson,
  rankBloc,
  sheetNames,
  UnitScores,
} from '../../../src/engine/bloc';
import { offRange } from '../../../src/engine/bloc/matrix';
import { sampleRules } from '../../helpers/bloc';

const SOURCE = { vanBan: 'Quy chế số 9/QC-K', ngay: '01/02/2022' };

function u(name: string, checked: number, extra: Partial<UnitScores> = {}): BlocInput {
  return {
    kind: 'unit',
    unit: {
      name,
      nameFrom: 'title',
      sheet: name,
      diemChuan: 100,
      tuCham: checked,
      checked,
      reviewColumns: [],
      errors: 0,
      warnings: 0,
      adjustments: [],
      criteria: [],
      findings: [],
      ...extra,
    },
  };
}

function rules(r: Partial<BlocRules>): BlocRules {
  const parsed = parseBlocRules({ version: 1, khoi: 'Khối thử', nam: 2022, ...r });
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.rules;
}

describe('competition ranking', () => {
  test('1, 2, 2, 4: equal scores share a rank, the next one skips', () => {
    expect(competitionRanks([90, 80, 80, 70])).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([5, 5, 5])).toEqual([1, 1, 1]);
    expect(competitionRanks([70, 90.5, 90.5, 95])).toEqual([4, 2, 2, 1]);
  });
});

describe('rankBloc', () => {
  test('Khối chấm, where present, is what the unit is ranked on; the self-score only for the self rank', () => {
    const r = rankBloc([u('A', 90, { tuCham: 99 }), u('B', 95, { khoiCham: 85, tuCham: 96 }), u('C', 88, { tuCham: 88 })]);
    expect(r.units.map((x) => [x.unit.name, x.score, x.rank, x.selfRank, x.change])).toEqual([
      ['A', 90, 1, 1, 0],
      ['C', 88, 2, 3, 1],
      ['B', 85, 3, 2, -1],
    ]);
  });

  test('ties are never broken silently: without a chain they share rank and place', () => {
    const r = rankBloc([u('A', 80), u('B', 90), u('C', 80)]);
    expect(r.units.map((x) => [x.unit.name, x.rank, x.place, x.tiedWith, x.brokenBy])).toEqual([
      ['B', 1, 1, [], undefined],
      ['A', 2, 2, ['C'], undefined],
      ['C', 2, 2, ['A'], undefined],
    ]);
  });

  test('a tie-break chain splits a tie level by level and says which rule did', () => {
    const chain = rules({
      phaHoa: [
        { theo: 'it-loi-hon', nguon: SOURCE },
        { theo: 'diem-tieu-chi', tieuChi: '2', nguon: { ...SOURCE, dieu: 'Điều 4' } },
      ],
    });
    const crit = (v: number) => [
      { key: '2', id: '2', fromTemplate: false, tt: '', label: 'Nội dung 2', text: '', kind: 'section' as const, checked: v },
    ];
    const r = rankBloc(
      [
        u('A', 80, { errors: 1, criteria: crit(10) }),
        u('B', 80, { errors: 0, criteria: crit(5) }),
        u('C', 80, { errors: 1, criteria: crit(12) }),
        u('D', 80, { errors: 1, criteria: crit(12) }),
      ],
      chain,
    );
    // B: fewest errors → place 1. A, C, D: one error each; Nội dung 2: C and D 12, A 10 → C, D place 2 (still tied), A 4.
    expect(r.units.map((x) => [x.unit.name, x.rank, x.place])).toEqual([
      ['B', 1, 1],
      ['C', 1, 2],
      ['D', 1, 2],
      ['A', 1, 4],
    ]);
    expect(r.units[0].brokenBy).toBe('ít lỗi hơn (Quy chế số 9/QC-K ngày 01/02/2022)');
    expect(r.units[3].brokenBy).toBe('ít lỗi hơn (Quy chế số 9/QC-K ngày 01/02/2022)');
  });

  test('two rows claiming one unit are reported, kept apart, and not proposed', () => {
    const r = rankBloc(
      [u('Sở Nội vụ', 90, { file: 'a.xlsx' }), u('SỞ NỘI VỤ', 85, { file: 'b.xlsx' }), u('Sở Y tế', 80)],
      rules({ khenThuong: [{ ten: 'Cờ', soLuong: 1, lamTron: 'xuong', nguon: SOURCE }] }),
    );
    expect(r.units).toHaveLength(3);
    expect(r.notes[0]).toMatch(/Đơn vị “Sở Nội vụ” có 2 bảng: a\.xlsx › Sở Nội vụ; b\.xlsx › SỞ NỘI VỤ/);
    expect(r.units.map((x) => x.award ?? x.notProposed)).toEqual([
      expect.stringMatching(/^Trùng đơn vị/),
      expect.stringMatching(/^Trùng đơn vị/),
      'Cờ',
    ]);
  });

  test('a gate: ranked, never proposed; a gate naming no unit is told', () => {
    const r = rankBloc(
      [u('A', 90), u('B', 80)],
      rules({
        khenThuong: [{ ten: 'Cờ', soLuong: 1, lamTron: 'xuong', nguon: SOURCE }],
        khongDuDieuKien: [
          { donVi: 'a', lyDo: 'kỷ luật', nguon: SOURCE },
          { donVi: 'Z', lyDo: 'x', nguon: SOURCE },
        ],
      }),
    );
    expect(r.units.map((x) => [x.unit.name, x.rank, x.award ?? x.notProposed])).toEqual([
      ['A', 1, 'Không đủ điều kiện: kỷ luật (Quy chế số 9/QC-K ngày 01/02/2022)'],
      ['B', 2, 'Cờ'],
    ]);
    expect(r.notes).toContainEqual(expect.stringMatching(/“Z” không đủ điều kiện, nhưng khối không có bảng/));
  });

  test.each([
    ['xuong', 2],
    ['len', 3],
    ['gan-nhat', 2],
  ] as const)('percentage quota, 30%% of 8 = 2,4 rounded %s → %d', (lamTron, quota) => {
    const units = [98, 97, 96, 95, 94, 93, 92, 91].map((s, i) => u(`U${i + 1}`, s));
    const r = rankBloc(units, rules({ khenThuong: [{ ten: 'BK', tyLe: 30, lamTron, nguon: SOURCE }] }));
    expect(r.awards[0].quota).toBe(quota);
    expect(r.units.filter((x) => x.award === 'BK')).toHaveLength(quota);
  });

  test('gan-nhat rounds 2,5 up: 25% of 10', () => {
    const units = Array.from({ length: 10 }, (_, i) => u(`U${i}`, 100 - i));
    expect(rankBloc(units, rules({ khenThuong: [{ ten: 'BK', tyLe: 25, lamTron: 'gan-nhat', nguon: SOURCE }] })).awards[0].quota).toBe(3);
  });

  test('an award for some bands only skips the others, and units beyond the bands are told', () => {
    const bands = {
      muc: [
        { ten: 'Xuất sắc', min: 90 },
        { ten: 'Tốt', min: 80, max: 90 },
        { ten: 'Khá', max: 70 },
      ],
      nguon: SOURCE,
    };
    const r = rankBloc(
      [u('A', 85), u('B', 95), u('C', 75)],
      rules({
        xepLoai: bands as BlocRules['xepLoai'],
        khenThuong: [{ ten: 'Cờ', soLuong: 2, lamTron: 'xuong', xepLoai: ['Xuất sắc'], nguon: SOURCE }],
      }),
    );
    expect(r.units.map((x) => [x.unit.name, x.band, x.award])).toEqual([
      ['B', 'Xuất sắc', 'Cờ'],
      ['A', 'Tốt', undefined],
      ['C', undefined, undefined],
    ]);
    expect(r.units[2].outsideBands).toBe(true);
    expect(r.notes).toContainEqual(expect.stringMatching(/không thuộc mức xếp loại nào.*“C” \(75\)/));
  });
});

describe('the rules file', () => {
  test('the example in samples/ is valid and says it is an example', () => {
    const r = parseBlocRulesJson(sampleRules());
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.rules.ghiChu).toMatch(/TỆP VÍ DỤ/);
      expect(r.warnings).toEqual([]);
    }
  });

  test('every rule needs its source; fields are named by path, in Vietnamese', () => {
    const r = parseBlocRules({
      version: 1,
      khoi: 'K',
      nam: 2022,
      xepLoai: { muc: [{ ten: 'A', min: 'chín mươi' }] },
      khenThuong: [
        { ten: 'Cờ', soLuong: 1, nguon: { vanBan: 'QĐ 1', ngay: '31/02/2022' } },
        { ten: 'BK', nguon: SOURCE },
      ],
      phaHoa: [
        { theo: 'diem-tieu-chi', nguon: SOURCE },
        { theo: 'boc-tham', nguon: SOURCE },
      ],
      khongDuDieuKien: [{ donVi: 'X', lyDo: 'y' }],
      thuaRa: 1,
    });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual(
        expect.arrayContaining([
          'xepLoai.muc[0].min: phải là số',
          'xepLoai.nguon: thiếu (bắt buộc phải có)',
          'khenThuong[0].nguon.ngay: không phải ngày có thật',
          'khenThuong[1].soLuong: cần đúng một trong hai: soLuong hoặc tyLe',
          'phaHoa[0].tieuChi: thiếu (bắt buộc với "diem-tieu-chi")',
          'phaHoa[1].theo: phải là "it-loi-hon" hoặc "it-canh-bao-hon" hoặc "diem-tieu-chi" hoặc "tu-cham-thap-hon"',
          'khongDuDieuKien[0].nguon: thiếu (bắt buộc phải có)',
          '(gốc): không có trường “thuaRa” trong định dạng quy chế (viết sai tên?)',
        ]),
      );
  });

  test('a JSON syntax error names the line (a comma left after the last field)', () => {
    expect(parseBlocRulesJson('{\n  "version": 1,\n  "khoi": "K",\n}')).toEqual({
      ok: false,
      errors: [expect.stringMatching(/lỗi cú pháp ở dòng 4/)],
    });
  });

  test('overlapping bands are refused; gaps are reported, not guessed', () => {
    const overlap = parseBlocRules({
      version: 1,
      khoi: 'K',
      nam: 2022,
      xepLoai: {
        muc: [
          { ten: 'A', min: 90 },
          { ten: 'B', min: 80, max: 90, gomMax: true },
        ],
        nguon: SOURCE,
      },
    });
    expect(overlap).toEqual({ ok: false, errors: ['xepLoai.muc[1]: mức “B” chồng lên mức “A” (xepLoai.muc[0]) ở điểm 90'] });
    const gaps = parseBlocRules({
      version: 1,
      khoi: 'K',
      nam: 2022,
      xepLoai: {
        muc: [
          { ten: 'A', min: 90 },
          { ten: 'B', min: 80, max: 89 },
          { ten: 'C', min: 50, max: 80 },
        ],
        nguon: SOURCE,
      },
    });
    expect(gaps.ok && gaps.warnings).toEqual([
      'xepLoai.muc: không mức nào chứa điểm dưới 50; từ 89 đến dưới 90: đơn vị có điểm này không được xếp loại',
    ]);
  });

  test('bandGaps: open and closed ends', () => {
    const b = (x: Partial<{ min: number; max: number; gomMin: boolean; gomMax: boolean }>) => ({
      ten: 't',
      gomMin: true,
      gomMax: false,
      ...x,
    });
    expect(bandGaps([b({ min: 0, max: 50 }), b({ min: 50 })])).toEqual([]);
    expect(bandGaps([b({ min: 0, max: 50 }), b({ min: 50, gomMin: false })])).toEqual(['đúng 50']);
    expect(bandGaps([b({ min: 0, max: 50 })])).toEqual(['từ 50']);
    expect(bandGaps([b({ min: 10, max: 50, gomMax: true })])).toEqual(['dưới 10', 'trên 50']);
  });
});

describe('the summary workbook plan, its pieces', () => {
  test('Xếp loại as nested IFs over the bands, each bound as the file says', () => {
    const f = bandFormula('G5', [
      { ten: 'Xuất sắc', min: 90, gomMin: true, gomMax: false },
      { ten: 'Tốt', min: 80, max: 90, gomMin: true, gomMax: false },
      { ten: 'Khá', max: 80, gomMin: true, gomMax: false },
    ]);
    expect(f).toBe('=IF(ISNUMBER(G5),IF(G5>=90,"Xuất sắc",IF(AND(G5>=80,G5<90),"Tốt",IF(G5<80,"Khá","(không thuộc mức nào)"))),"")');
  });

  test('sheet names: within 31 characters, no []:*?/\\, unique ignoring case, clear of names taken', () => {
    const names = sheetNames(['Sở Kế hoạch và Đầu tư tỉnh Quảng Ngãi (bản sửa)', 'a/b:c', 'Tổng hợp', 'X', 'x'], ['Tổng hợp']);
    expect(names).toEqual(['Sở Kế hoạch và Đầu tư tỉnh Quản', 'a b c', 'Tổng hợp (2)', 'X', 'x (2)']);
    for (const n of names) expect([...n].length).toBeLessThanOrEqual(31);
  });

  test('off the bloc’s typical range: median ± 3 × 1.4826 × MAD, from five units scoring', () => {
    // median 20, |x − 20| = 0 1 1 2 0 30 → MAD 1; limit 4.45: 50 is off, 18 is not.
    expect(offRange([20, 19, 21, 18, 20, 50])).toEqual([false, false, false, false, false, true]);
    // More than half give 20 (MAD 0): every other score is off.
    expect(offRange([20, 20, 20, 15, 20, undefined])).toEqual([false, false, false, true, false, false]);
    // Four units: too few for a range.
    expect(offRange([20, 0, 20, 20])).toEqual([false, false, false, false]);
  });
});

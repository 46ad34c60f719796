/**
 * Điểm sau kiểm tra, worked out by hand on the small valid table (test/helpers/grid.ts validBody):
 * rows 3 Nội dung 1 (50 / 5) · 4 mục 1 (30, own bonus 5) · 5 mục 1.1 (20) · 6 mục 1.2 (10) · 7 mục 2 (20) ·
 * 8 Nội dung 2 (20 / 2) · 9 mục 1 (20, bonus 2) · 10 TỔNG CỘNG (70 / 7). Clean: self 77, checked 77.
 */
import { checkSheet, SheetGrid, Template } from '../../../src/engine';
import { checkedScore, reviewTotal, unitNameOf, unitScores } from '../../../src/engine/bloc';
import { grid, HEADER, Row, set, table, validBody, VALID_MERGES } from '../../helpers/grid';
import { validTemplate } from '../template/helpers';

function unit(body: Row[], options: { title?: string; template?: Template; name?: string } = {}) {
  const g = table(body, { merges: VALID_MERGES, title: options.title, name: options.name });
  const report = checkSheet(g, { template: options.template });
  return { g, report, unit: unitScores(report, g, { template: options.template }) };
}

const edit = (changes: [number, string, Row[number]][]) => changes.reduce((b, [r, c, v]) => set(b, r, c, v), validBody());

describe('Điểm sau kiểm tra (checkedScore)', () => {
  test('a clean table: checked = self = 70 + 7', () => {
    const { unit: u } = unit(validBody());
    expect([u.tuCham, u.checked, u.diemChuan]).toEqual([77, 77, 77]);
    expect(u.adjustments).toEqual([]);
  });

  test('a leaf above its cap counts its cap: 1.1 scored 25 of 20, totals following → self 82, checked 77', () => {
    const { unit: u } = unit(
      edit([
        [5, 'E', 25],
        [4, 'E', 35],
        [3, 'E', 55],
        [10, 'E', 75],
      ]),
    );
    expect([u.tuCham, u.checked]).toEqual([82, 77]);
    expect(u.adjustments).toEqual([expect.objectContaining({ cell: 'E5', from: 25, to: 20, why: 'over-cap', column: 'tuCham' })]);
  });

  test('a bonus above its cap counts its cap: mục 1 of Nội dung 2 scored 3 of 2 → self 78, checked 77', () => {
    const { unit: u } = unit(
      edit([
        [9, 'F', 3],
        [8, 'F', 3],
        [10, 'F', 8],
      ]),
    );
    expect([u.tuCham, u.checked]).toEqual([78, 77]);
    expect(u.adjustments.map((a) => `${a.cell} ${a.from}→${a.to} ${a.why}`)).toEqual(['F9 3→2 over-cap']);
  });

  test('a broken total is recomputed from its items: TỔNG CỘNG says 80 → self 87, checked 77', () => {
    const { unit: u } = unit(edit([[10, 'E', 80]]));
    expect([u.tuCham, u.checked]).toEqual([87, 77]);
    expect(u.adjustments.map((a) => `${a.cell} ${a.from}→${a.to} ${a.why}`)).toEqual(['E10 80→70 total']);
  });

  test('a negative score counts 0: 1.2 scored −5, totals following → self 55 + 7 = 62, checked 20 + 0 + 20 + 20 + 7 = 67', () => {
    const { unit: u } = unit(
      edit([
        [6, 'E', -5],
        [4, 'E', 15],
        [3, 'E', 35],
        [10, 'E', 55],
      ]),
    );
    expect([u.tuCham, u.checked]).toEqual([62, 67]);
    expect(u.adjustments.map((a) => `${a.cell} ${a.from}→${a.to} ${a.why}`)).toEqual(['E6 -5→0 negative']);
  });

  test('text in a score cell counts 0: mục 2 written “Đạt” → checked 50 + 7 = 57, self as stated 77', () => {
    const { unit: u } = unit(edit([[7, 'E', 'Đạt']]));
    expect([u.tuCham, u.checked]).toEqual([77, 57]);
  });

  test('an empty TỔNG CỘNG: the self-score is what the items add up to', () => {
    const { unit: u } = unit(edit([[10, 'E', null]]));
    expect([u.tuCham, u.checked]).toEqual([77, 77]);
    expect(u.adjustments.map((a) => `${a.cell} ${a.from}→${a.to}`)).toEqual(['E10 undefined→70']);
  });

  test('with a template, a raised cap is no cap: 1.1 capped 15 by the template, its row says 20 → checked 72', () => {
    const template = validTemplate();
    const c11 = template.sections[0].criteria[0].children[0];
    expect(c11.diemChuan).toBe(20);
    c11.diemChuan = 15;
    template.sections[0].criteria[0].children[1].diemChuan = 15; // the template still adds up: 15 + 15 = 30
    const { unit: u } = unit(validBody(), { template });
    expect(u.checked).toBe(72);
    expect(u.adjustments.map((a) => `${a.cell} ${a.from}→${a.to} ${a.why}`)).toEqual(['E5 20→15 over-cap']);
    // Without the template the same sheet is clean.
    expect(unit(validBody()).unit.checked).toBe(77);
  });

  test('per criterion: a section counts its items held to caps, main and bonus together', () => {
    const { report } = unit(
      edit([
        [5, 'E', 25],
        [4, 'E', 35],
        [3, 'E', 55],
        [10, 'E', 75],
      ]),
    );
    const { byCriterion } = checkedScore(report);
    expect(byCriterion.get('1')).toBe(50 + 5);
    expect(byCriterion.get('1.1.1')).toBe(20);
    expect(byCriterion.get('total')).toBe(77);
  });
});

describe('the unit’s name', () => {
  const named = (line: string) => unitNameOf(grid([['BẢNG CHẤM ĐIỂM NĂM 2022'], [line], HEADER]), 2);
  test.each([
    ['Đơn vị: Văn phòng UBND tỉnh', 'Văn phòng UBND tỉnh'],
    ['ĐƠN VỊ: SỞ NỘI VỤ', 'SỞ NỘI VỤ'],
    ['Tên đơn vị: Sở Tư pháp.', 'Sở Tư pháp'],
    ['Đơn vị :  Ban Dân tộc ', 'Ban Dân tộc'],
  ])('%s → %s', (line, name) => expect(named(line)).toBe(name));

  test('“Đơn vị tính: điểm” names no unit; then the sheet names it', () => {
    expect(named('Đơn vị tính: điểm')).toBeUndefined();
    const { unit: u } = unit(validBody(), { title: 'Đơn vị tính: điểm', name: 'Sở Y tế' });
    expect([u.name, u.nameFrom]).toEqual(['Sở Y tế', 'sheet']);
  });

  test('a workbook’s only sheet without a title line takes the file’s name', () => {
    const g = table(validBody(), { merges: VALID_MERGES });
    const u = unitScores(checkSheet(g), g, { file: '/khoi/So Cong Thuong.xlsx', onlySheetOfFile: true });
    expect([u.name, u.nameFrom]).toEqual(['So Cong Thuong', 'file']);
  });
});

describe('the review column (Khối chấm)', () => {
  /** validBody with review columns H (and I) beside it. */
  function reviewed(titles: string[], values: Record<number, (number | null)[]>): { g: SheetGrid; total?: number; columns?: string[] } {
    const body = validBody().map((r, i) => {
      const row = [...r];
      while (row.length < 7) row.push(null);
      return [...row, ...(values[i + 3] ?? titles.map(() => null))];
    });
    const g = grid([['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022'], [...HEADER, ...titles], ...body], { merges: VALID_MERGES });
    const r = reviewTotal(checkSheet(g), g);
    return { g, total: r?.total, columns: r?.columns };
  }

  test('its TỔNG CỘNG cell, where it holds a number', () => {
    expect(reviewed(['Điểm Khối chấm'], { 10: [66] }).total).toBe(66);
  });

  test('else the sum of its leaf rows: 18 + 10 + 20 + 20 = 68 (section and parent rows not counted twice)', () => {
    expect(reviewed(['Điểm thẩm định'], { 3: [50], 4: [30], 5: [18], 6: [10], 7: [20], 8: [20], 9: [20] }).total).toBe(68);
  });

  test('main and bonus review columns add up; a column that is no review is ignored', () => {
    const r = reviewed(['Ghi chú', 'Điểm Khối chấm', 'Điểm thưởng Khối chấm'], { 10: [null, 65, 6] });
    expect(r.total).toBe(71);
    expect(r.columns).toEqual(['Điểm Khối chấm', 'Điểm thưởng Khối chấm']);
  });

  test('no review column, or an empty one: none', () => {
    expect(reviewed(['Ghi chú'], { 10: [5] }).total).toBeUndefined();
    expect(reviewed(['Điểm Khối chấm'], {}).total).toBeUndefined();
  });
});

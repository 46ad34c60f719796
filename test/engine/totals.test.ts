import { checkSheet } from '../../src/engine';
import { criterion, findingsOf } from '../helpers/check';
import { formula, grid, HEADER, Row, set, table, validBody, validTable } from '../helpers/grid';

const line = (t: { criterion: string; column: string; cell: string; computed: number; stated?: number }) =>
  `${t.criterion} ${t.column} ${t.cell} ${t.stated ?? '–'}→${t.computed}`;

describe('totals', () => {
  it('adds every section, parent item and the grand total bottom-up, children before parents', () => {
    const r = checkSheet(validTable());
    expect(r.totals.map(line)).toEqual([
      '1.1 diemChuan C4 30→30',
      '1.1 tuCham E4 30→30',
      '1 diemChuan C3 50→50',
      '1 diemThuong D3 5→5',
      '1 tuCham E3 50→50',
      '1 thuongTuCham F3 5→5',
      '2 diemChuan C8 20→20',
      '2 diemThuong D8 2→2',
      '2 tuCham E8 20→20',
      '2 thuongTuCham F8 2→2',
      'total diemChuan C10 70→70',
      'total diemThuong D10 7→7',
      'total tuCham E10 70→70',
      'total thuongTuCham F10 7→7',
    ]);
    expect(r.totals.find((t) => t.cell === 'E3')?.childRows).toEqual([3, 6]);
    expect(r.totals.find((t) => t.cell === 'E10')?.childRows).toEqual([2, 7]);
  });

  it('summarises each section and the grand total', () => {
    expect(checkSheet(validTable()).summary).toEqual([
      { criterion: '1', label: 'Nội dung 1', diemChuan: 50, diemThuong: 5, tuCham: 50, thuongTuCham: 5 },
      { criterion: '2', label: 'Nội dung 2', diemChuan: 20, diemThuong: 2, tuCham: 20, thuongTuCham: 2 },
      { criterion: 'total', label: 'TỔNG CỘNG', diemChuan: 70, diemThuong: 7, tuCham: 70, thuongTuCham: 7 },
    ]);
  });

  it("keeps a parent's own bonus where its sub-items have no bonus values or caps (mục 1's own bonus)", () => {
    const r = checkSheet(validTable());
    expect(r.totals.filter((t) => t.criterion === '1.1').map((t) => t.column)).toEqual(['diemChuan', 'tuCham']);
    // Give 1.1 a bonus cap: mục 1's bonus cap becomes the sum of its sub-items' caps; its self bonus stays its own,
    // since no sub-item carries one (issue 10: children left blank are the parent's guide, not a sum of zeros).
    const withCap = checkSheet(table(set(validBody(), 5, 'D', 5)));
    expect(withCap.totals.filter((t) => t.criterion === '1.1').map((t) => `${t.column} ${t.computed}`)).toEqual([
      'diemChuan 30',
      'diemThuong 5',
      'tuCham 30',
    ]);
    expect(findingsOf(withCap, 'total-mismatch').map((f) => f.cell)).toEqual([]);
    // A self bonus on a sub-item makes mục 1's self bonus their sum.
    const withBonus = checkSheet(table(set(set(validBody(), 5, 'D', 5), 5, 'F', 5)));
    expect(findingsOf(withBonus, 'total-mismatch').map((f) => f.cell)).toEqual([]);
    expect(withBonus.totals.filter((t) => t.criterion === '1.1').map((t) => t.column)).toContain('thuongTuCham');
  });

  it('recomputes from the items, not from the totals as stated', () => {
    const body = set(set(validBody(), 4, 'E', 99), 3, 'E', 7);
    const r = checkSheet(table(body));
    expect(r.summary[0].tuCham).toBe(50);
    expect(r.summary[2].tuCham).toBe(70);
  });

  it('counts text that is no number as nothing, and several numbers by the first', () => {
    let body = set(validBody(), 5, 'E', 'đạt');
    body = set(body, 6, 'C', '10 5 5');
    const r = checkSheet(table(body));
    expect(r.totals.find((t) => t.cell === 'E4')?.computed).toBe(10);
    expect(r.totals.find((t) => t.cell === 'C4')?.computed).toBe(30);
  });

  it('counts a number in a continuation row as part of its criterion, never in the total', () => {
    const body: Row[] = validBody();
    body.splice(3, 0, [null, 'trong đó', null, null, 20]);
    const r = checkSheet(table(body));
    expect(criterion(r, '1.1.1').parts.tuCham).toEqual([20]);
    expect(r.totals.find((t) => t.criterion === '1.1' && t.column === 'tuCham')?.computed).toBe(30);
  });

  it('adds numbers written as text with a leading zero or a decimal comma', () => {
    const body = set(set(validBody(), 5, 'E', '19,5'), 6, 'E', '02');
    const r = checkSheet(table(body));
    expect(r.totals.find((t) => t.cell === 'E4')?.computed).toBe(21.5);
    expect(r.summary[2].tuCham).toBe(61.5);
  });

  it('adds top-level items when the table has no sections', () => {
    const body: Row[] = [
      ['1', 'Chuyên môn', 20, null, 18, null, 'Báo cáo số 1/BC'],
      ['2', 'Cải cách hành chính', 10, null, 10, null, 'Báo cáo số 2/BC'],
      [null, 'Tổng cộng', 30, null, 28],
    ];
    const r = checkSheet(table(body));
    expect(r.totals.map(line)).toEqual(['total diemChuan C5 30→30', 'total tuCham E5 28→28']);
    expect(r.findings).toEqual([]);
  });

  it('totals sections even without a TỔNG CỘNG row', () => {
    const r = checkSheet(table(validBody().slice(0, -1)));
    expect(r.totals.map((t) => t.criterion)).not.toContain('total');
    expect(r.summary.map((s) => s.criterion)).toEqual(['1', '2']);
  });

  it('has no lines for a column the table does not have', () => {
    const header = ['TT', 'Tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm', 'Giải trình'];
    const rows: Row[] = validBody().map((r) => [r[0], r[1], r[2], r[4], r[6] ?? null]);
    const r = checkSheet(grid([header, ...rows]));
    expect(new Set(r.totals.map((t) => t.column))).toEqual(new Set(['diemChuan', 'tuCham']));
    expect(r.findings).toEqual([]);
  });

  it('reads a total kept as a formula by its result', () => {
    const r = checkSheet(table(set(validBody(), 10, 'E', formula('=SUM(E3,E8)', 70))));
    expect(r.totals.find((t) => t.cell === 'E10')).toMatchObject({ stated: 70, computed: 70 });
  });

  it('starts a header-only table with no totals and no findings', () => {
    const r = checkSheet(grid([HEADER]));
    expect(r.criteria).toEqual([]);
    expect(r.totals).toEqual([]);
    expect(r.findings).toEqual([]);
  });
});

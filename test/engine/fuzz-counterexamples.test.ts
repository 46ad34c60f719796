/** Counterexamples the engine fuzzer (test/fuzz) found, shrunk, kept as plain tests. */
import { checkSheet } from '../../src/engine';
import { formula, grid, HEADER } from '../helpers/grid';

describe('found by the fuzzer', () => {
  it('takes a first row "A | | 0 | 1 | 2 | 3" for a section, not a row of column numbers, before and after fix', () => {
    // The fix wrote 0, 1, 2, 3 into the section's total cells; checking the copy then read the section as column
    // numbering, lost it, and reported TỔNG CỘNG as wrong: a total-mismatch created by the fix itself.
    const before = grid([
      HEADER,
      ['A', null, 0, 0, formula('=SUM(C4:C9)', 0), formula('=SUM(C4:C9)', 0)],
      [null, null, 0, 1, 2, 3],
      [null, 'Nội dung 3: Khác', 0, null, 0],
      [null, 'TỔNG CỘNG', 0, '02', '02', '02'],
    ]);
    const r = checkSheet(before);
    expect(r.plan.writes.filter((w) => w.row === 1).map((w) => [w.cell, w.value])).toEqual([
      ['C2', 0],
      ['D2', 1],
      ['E2', 2],
      ['F2', 3],
    ]);
    const after = grid([
      HEADER,
      ['A', null, formula('=SUM(C3)', 0), formula('=SUM(D3)', 1), formula('=SUM(E3)', 2), formula('=SUM(F3)', 3)],
      [null, null, 0, 1, 2, 3],
      [null, 'Nội dung 3: Khác', 0, null, 0],
      [null, 'TỔNG CỘNG', formula('=SUM(C2,C4)', 0), formula('=SUM(D2,D4)', 1), formula('=SUM(E2,E4)', 2), formula('=SUM(F2,F4)', 3)],
    ]);
    const again = checkSheet(after);
    expect(again.table.firstRow).toBe(1);
    expect(again.criteria.map((c) => [c.id, c.kind])).toEqual([
      ['A', 'section'],
      ['A.r3', 'item'],
      ['3', 'section'],
      ['total', 'total'],
    ]);
    expect(again.findings.filter((f) => f.rule === 'total-mismatch')).toEqual([]);
  });
});

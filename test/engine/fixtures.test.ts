import * as path from 'path';
import { checkSheet, hasScoringTable, SheetReport } from '../../src/engine';
import { compare, FIXTURE_NAMES, FIXTURES, loadExpected } from '../helpers/expected';
import { readGrids } from '../helpers/xlsx';

/** The value a cell will hold once the plan is applied: the write, or what is there now. */
function afterFix(r: SheetReport, cell: string): number | undefined {
  const w = r.plan.writes.find((x) => x.cell === cell);
  if (w) return w.value;
  return r.totals.find((t) => t.cell === cell)?.stated;
}

describe.each(FIXTURE_NAMES)('fixture %s', (name) => {
  const exp = loadExpected(name);
  let reports: SheetReport[];

  beforeAll(async () => {
    const grids = await readGrids(path.join(FIXTURES, `${name}.xlsx`));
    reports = grids.filter(hasScoringTable).map((g) => checkSheet(g));
  });

  it('has one scoring table, with the header where expected', () => {
    expect(reports).toHaveLength(1);
    expect(reports[0].table.headerRange).toBe(exp.header);
  });

  it('finds what it must and nothing it must not', () => {
    const findings = reports.flatMap((r) => r.findings.map((f) => ({ ...f, sheet: r.sheet })));
    expect(compare(exp, findings)).toEqual({ misses: [], falses: [] });
  });

  it('plans totals equal to the expected totals after fixing', () => {
    const got = Object.fromEntries(Object.keys(exp.totalsAfterFix!).map((cell) => [cell, afterFix(reports[0], cell)]));
    expect(got).toEqual(exp.totalsAfterFix);
  });

  it('plans writes to total cells only', () => {
    const totals = new Set(reports[0].totals.map((t) => t.cell));
    for (const w of reports[0].plan.writes) expect(totals.has(w.cell)).toBe(true);
  });
});

describe('the expectation check itself', () => {
  it('fails on a miss and on a forbidden finding', () => {
    const exp = loadExpected('seed-2022-typed');
    const r = compare(exp, [{ rule: 'over-cap', cell: 'E9' }]);
    expect(r.misses.length).toBeGreaterThan(0);
    expect(r.falses).toEqual(['over-cap@E9']);
  });
});

/** The entry points' contract: inputs are never changed, and a workbook is its sheets checked and held together. */
import { builtinTemplate, checkSheet, checkWorkbook, listBuiltinTemplates, parseA1, SheetGrid } from '../../src/engine';
import { readGrids } from '../helpers/xlsx';
import { set, table, validBody } from '../helpers/grid';

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

describe('checkSheet and checkWorkbook', () => {
  it('change neither the grids nor the template they are given', async () => {
    const grids = await readGrids('test/fixtures/seed-2022-typed.xlsx');
    const template = builtinTemplate(listBuiltinTemplates()[0].id)!;
    const before = JSON.stringify({ grids, template });
    deepFreeze(grids);
    deepFreeze(template);
    // Frozen inputs: any write to them throws in strict mode.
    const { reports } = checkWorkbook(grids, { template });
    expect(reports.length).toBeGreaterThan(0);
    for (const g of grids) if (reports.some((r) => r.sheet === g.name)) checkSheet(g, { template });
    expect(JSON.stringify({ grids, template })).toBe(before);
  });

  it('names the sheets it passed over, and refuses a workbook with no table at all', () => {
    const cover: SheetGrid = { name: 'Bìa', origin: { row: 0, col: 0 }, cells: [[{ value: 'Báo cáo thi đua' }]] };
    const out = checkWorkbook([cover, table(validBody(), { name: 'Chấm điểm' })]);
    expect(out.skipped).toEqual(['Bìa']);
    expect(out.reports.map((r) => r.sheet)).toEqual(['Chấm điểm']);
    expect(() => checkWorkbook([cover])).toThrow(expect.objectContaining({ code: 'no-table' }));
  });

  it('gives each sheet the report checkSheet gives it, plus what only the workbook shows', () => {
    const a = table(set(validBody(), 6, 'G', 'Kế hoạch số 7/KH-VP ngày 05/01/2022'), { name: 'A' });
    const b = table(set(validBody(), 6, 'G', 'Kế hoạch số 7/KH-VP ngày 06/01/2022'), { name: 'B' });
    const [ra, rb] = checkWorkbook([a, b]).reports;
    expect(ra.findings).toEqual(checkSheet(a).findings);
    const added = rb.findings.filter((f) => !checkSheet(b).findings.some((g) => g.message === f.message));
    expect(added.map((f) => [f.rule, f.messageId, f.cell, f.data.sheet])).toEqual([['citation-conflict', 'otherSheet', 'G6', 'A']]);
  });

  it('keeps rows 0-based in the report: findings, criteria and template matches alike', async () => {
    const grid = (await readGrids('test/fixtures/seed-2022-typed.xlsx')).find((g) => g.name === 'Chấm điểm')!;
    const r = checkSheet(grid, { template: builtinTemplate(listBuiltinTemplates()[0].id)! });
    for (const f of r.findings) expect(parseA1(f.cell).row).toBe(f.row);
    for (const m of r.template!.matches) expect(m.row).toBe(r.criteria.find((c) => c.id === m.criterion)!.row);
    expect(r.criteria.find((c) => c.id === 'total')!.row).toBe(39); // TỔNG CỘNG is on sheet row 40
  });
});

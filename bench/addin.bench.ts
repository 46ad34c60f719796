/**
 * Add-in: one check through the Office.js adapter against the in-memory test host, on generated sheets of 50 to 50,000
 * criterion rows. Counts what costs time in real Excel: round trips (context.sync) and queued API calls.
 */
import { checkSheet } from '../src/engine';
import { runCheck } from '../src/excel';
import { renderTable, sizedSpec, spreadFaults } from '../test/helpers/generate';
import { hostWithGrid } from '../test/host/excel-host';
import { Bench } from './table';
import { ms } from './measure';

const SIZES = [50, 500, 5_000, 50_000];

export const run: Bench = async () => {
  const rows: (string | number)[][] = [];
  const syncs: number[] = [];
  for (const n of SIZES) {
    // One fault per 100 rows, as in the engine bench.
    const { grid } = renderTable(sizedSpec(n, n), { textEvery: 7, mergeHeadings: true }, spreadFaults(Math.ceil(n / 100), n));
    const { plan, findings } = checkSheet(grid);
    const host = hostWithGrid(grid);
    const t = performance.now();
    await runCheck();
    const elapsed = performance.now() - t;
    syncs.push(host.book.syncs);
    const cells = grid.cells.reduce((s, r) => s + r.length, 0);
    rows.push([
      `generated ${n.toLocaleString('en-US')}`,
      cells,
      findings.length,
      plan.marks.length,
      plan.writes.length,
      host.book.syncs,
      host.book.calls,
      (host.book.calls / Math.max(1, plan.marks.length + plan.writes.length)).toFixed(2),
      ms(elapsed),
    ]);
  }
  return {
    title: 'Add-in: one check through the Office.js adapter (test host)',
    columns: [
      'sheet',
      'cells read',
      'findings',
      'cells marked',
      'totals written',
      'syncs',
      'queued calls',
      'calls per changed cell',
      'check ms (host)',
    ],
    rows,
    notes: [
      `context.sync calls per check: ${[...new Set(syncs)].join(', ')} whatever the size (target: 2).`,
      'Queued calls follow the cells marked and written (a note each, a range and its formula per total, fills batched per colour through RangeAreas), not the cells read.',
      'Measured against the in-memory host of test/host/excel-host.ts on ExcelApi 1.18; time in real Excel is dominated by the two round trips.',
    ],
  };
};

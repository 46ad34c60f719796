/** Engine: check and total the seed's sheet and generated sheets of 50 to 50,000 criterion rows. */
import * as path from 'path';
import { checkSheet, SheetGrid } from '../src/engine';
import { renderTable, sizedSpec, spreadFaults } from '../test/helpers/generate';
import { readGrids } from '../test/helpers/xlsx';
import { Bench } from './table';
import { load, ms, repeat, ROOT } from './measure';

const SIZES = [50, 500, 5_000, 50_000];
const SEED_FIXTURE = path.join(ROOT, 'test', 'fixtures', 'seed-2022-converted.xlsx');
/** 1,000-row tables of the new kinds (issue 10): a bloc table with rule rows and subtotals, a table of options. */
const REAL_BENCH = ['bench-khoi-1000', 'bench-options-1000'].map((n) => path.join(ROOT, 'test', 'fixtures', 'real', 'bench', `${n}.xlsx`));
/** Targets from the issue. */
const SEED_TARGET_MS = 2;
const LARGE_TARGET_MS = 1000;
/** Steady state, not the JIT's warm-up, is what the per-sheet times compare (the cold start is told apart). */
const WARM_UP_MS = 1000;

export const run: Bench = async () => {
  const loadBefore = load();
  const seed = (await readGrids(SEED_FIXTURE)).find((g) => g.name === 'Chấm điểm')!;
  const sheets: { label: string; grid: SheetGrid }[] = [{ label: 'seed 2022 (fixture)', grid: seed }];
  for (const n of SIZES) {
    // One fault per 100 rows, so that the rules and the plan have work to do, as on a real sheet.
    const { grid } = renderTable(sizedSpec(n, n), { textEvery: 7, mergeHeadings: true }, spreadFaults(Math.ceil(n / 100), n));
    sheets.push({ label: `generated ${n.toLocaleString('en-US')}`, grid });
  }

  const generated = sheets.length;
  for (const file of REAL_BENCH) {
    const [grid] = await readGrids(file);
    sheets.push({ label: path.basename(file, '.xlsx'), grid });
  }

  const rows: (string | number)[][] = [];
  const perRow: number[] = [];
  const medians: number[] = [];
  // The seed is checked first, before any other sheet: its first check is the engine's cold start (code not yet
  // compiled by the JIT), what one click in a freshly opened pane costs.
  const coldStart = performance.now();
  checkSheet(seed);
  const coldMs = performance.now() - coldStart;
  for (const { label, grid } of sheets) {
    const report = checkSheet(grid);
    const criteria = report.criteria.length;
    const big = grid.cells.length > 10_000;
    // Warmed up for a second on small sheets: five runs left the first sheets measured while the JIT still compiled.
    const warmUntil = performance.now() + (big ? 0 : WARM_UP_MS);
    while (performance.now() < warmUntil) checkSheet(grid);
    const t = await repeat(() => checkSheet(grid), { minRuns: big ? 3 : 20, minMs: big ? 0 : 1000, warmup: big ? 1 : 5 });
    medians.push(t.median);
    perRow.push((t.median * 1000) / criteria);
    rows.push([
      label,
      criteria.toLocaleString('en-US'),
      grid.cells.length.toLocaleString('en-US'),
      report.findings.length.toLocaleString('en-US'),
      report.plan.writes.length.toLocaleString('en-US'),
      ms(t.median),
      ms(t.p90),
      ms(t.cpu!),
      ((t.median * 1000) / criteria).toFixed(2),
      t.runs,
    ]);
  }
  const loadAfter = load();
  const small = perRow[2]; // 500 rows: past the fixed costs, before the garbage collector matters
  const large = generated - 1;
  const growth = perRow[large] / small;
  return {
    title: 'Engine: checkSheet (find table, criteria, totals, all rules, plan)',
    columns: ['sheet', 'criterion rows', 'grid rows', 'findings', 'writes', 'median ms', 'p90 ms', 'CPU ms', 'µs / criterion row', 'runs'],
    rows,
    notes: [
      `Target seed < ${SEED_TARGET_MS} ms: ${medians[0] < SEED_TARGET_MS ? 'met' : 'MISSED'} (${ms(medians[0])} ms).`,
      `Target 50,000 rows < ${LARGE_TARGET_MS} ms: ${medians[large] < LARGE_TARGET_MS ? 'met' : 'MISSED'} (${ms(medians[large])} ms).`,
      `Cold start: the seed's first check in this process, before the JIT has compiled the engine, took ${ms(coldMs)} ms; every other time above is after a second of warm-up (small sheets) or one run (large ones).`,
      'bench-khoi-1000 and bench-options-1000: test/fixtures/real/bench (built by test/fixtures/real/bench.js on the Ninh Thuận and Nghệ An layouts).',
      `Linear: time per row at 50,000 rows is ${growth.toFixed(2)}× the time per row at 500 (1 is perfectly linear).`,
      `Machine ${loadBefore} before, ${loadAfter} after: wall times above CPU times mean other work shared the cores.`,
      'Generated sheets: test/helpers/generate.ts (sections of 6–14 items, a third with 2–4 sub-items, every 7th leaf typed as text, one injected fault per 100 rows). Timed in-process after warm-up; the grid is built once, outside the timing.',
    ],
  };
};

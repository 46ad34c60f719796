/** CLI: wall time of `thidua check` as a user runs it (a new Node process), on the seed fixture and a 5,000-row file. */
import { spawnSync } from 'child_process';
import { existsSync, statSync } from 'fs';
import * as path from 'path';
import { renderTable, sizedSpec, spreadFaults } from '../test/helpers/generate';
import { removeDir, tempDir, writeXlsx } from '../test/helpers/xlsx';
import { Bench } from './table';
import { kb, load, ms, ROOT, runThidua as once, timings } from './measure';

const RUNS = 7;

export const run: Bench = async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: npm run build:cli');
  const dir = tempDir();
  try {
    const big = renderTable(sizedSpec(5000, 5000), { textEvery: 7, mergeHeadings: true }, spreadFaults(50, 5000));
    const bigFile = await writeXlsx(path.join(dir, 'bang-5000.xlsx'), [{ grid: big.grid }]);
    const files = [
      { label: 'seed 2022 (fixture)', file: path.join(ROOT, 'test', 'fixtures', 'seed-2022-converted.xlsx'), rows: 'seed' },
      { label: 'generated 5,000', file: bigFile, rows: '5,000' },
    ];
    const rows: (string | number)[][] = [];
    // What a process costs before thidua does anything: Node's own start.
    const bare = timings(
      Array.from({ length: RUNS }, () => {
        const t = performance.now();
        spawnSync(process.execPath, ['-e', '0']);
        return performance.now() - t;
      }),
    );
    // And what loading ExcelJS's code costs: most of a small file's time when the CLI read through ExcelJS (it no longer does).
    const excelJs = timings(
      Array.from({ length: RUNS }, () => {
        const r = spawnSync(
          process.execPath,
          ['-e', "const t = performance.now(); require('exceljs'); process.stdout.write(String(performance.now() - t))"],
          {
            cwd: ROOT,
            encoding: 'utf8',
          },
        );
        return Number(r.stdout);
      }),
    );
    for (const f of files) {
      for (const format of ['text', 'json']) {
        const runs = Array.from({ length: RUNS }, () => once(['check', f.file, '--format', format]));
        const t = timings(runs.map((r) => r.ms));
        const rss = Math.max(...runs.map((r) => r.rssKb ?? 0));
        const cpu = runs.every((r) => r.cpuMs !== undefined) ? ms(timings(runs.map((r) => r.cpuMs!)).median) : '–';
        rows.push([
          f.label,
          kb(statSync(f.file).size),
          format,
          ms(t.median),
          ms(t.min),
          cpu,
          rss > 0 ? (rss / 1024).toFixed(0) : '–',
          runs[0].code ?? '',
        ]);
      }
    }
    return {
      title: 'CLI: thidua check, wall time of a new process',
      columns: ['file', 'size KB', 'format', 'median ms', 'min ms', 'CPU ms', 'peak RSS MB', 'exit'],
      rows,
      notes: [
        `Median of ${RUNS} runs of \`node bin/thidua.js check FILE --format F\` (dist/ built by tsc), including Node's start-up (${ms(bare.median)} ms for \`node -e 0\`) but no longer loading ExcelJS's code (${ms(excelJs.median)} ms, which the CLI spent before it read the sheet XML itself).`,
        `Machine ${load()} at the end; CPU time (user + system, from /usr/bin/time, 10 ms resolution) is less swayed by other work than wall time.`,
        'Exit 1: both files hold errors (the seed its own; the generated file one injected fault per 100 rows).',
      ],
    };
  } finally {
    removeDir(dir);
  }
};

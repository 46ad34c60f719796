/**
 * `thidua tonghop`: wall time of a new process summarising a bloc of 50 units, each a 200-row scoring table in its own
 * file, with the example rules file. Target (issue 13): under 2 s.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import * as path from 'path';
import { renderTable, sizedSpec, spreadFaults } from '../test/helpers/generate';
import { removeDir, tempDir, writeXlsx } from '../test/helpers/xlsx';
import { Bench } from './table';
import { load, ms, ROOT, runThidua, timings } from './measure';

const RUNS = 7;
const UNITS = 50;
const ROWS = 200;
const TARGET_MS = 2000;
const CHILD = path.join(__dirname, 'tonghop-child.js');
const PHASES: [string, string][] = [
  ['load', 'Node start-up and loading the modules'],
  ['read', 'reading 50 files (openBook, grids)'],
  ['check', 'checking every sheet (engine checkSheet)'],
  ['units', 'checked scores (unitScores)'],
  ['rankPlan', 'ranking and planning the summary'],
  ['write', 'writing the summary (SpreadsheetML, zip)'],
  ['writeExcelJs', 'not run: the old ExcelJS writer, same plan'],
];

/** Node 20's V8 default, which src/cli/v8-tuning.ts raises for thidua's short runs. */
const V8_DEFAULT_BUDGET = 67584;

/** As runThidua, with flags for node itself before the script. */
function runWithNodeArgs(nodeArgs: string[], args: string[]): { ms: number; code: number | null; cpuMs?: number } {
  const bin = path.join(ROOT, 'bin', 'thidua.js');
  const timeBin = existsSync('/usr/bin/time') ? ['/usr/bin/time', '-f', 'thidua-bench user=%U sys=%S'] : [];
  const command = [...timeBin, process.execPath, ...nodeArgs, bin, ...args];
  const t = performance.now();
  const r = spawnSync(command[0], command.slice(1), { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const elapsed = performance.now() - t;
  if (r.status === 2 || r.status === null) throw new Error(`thidua ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  const m = /thidua-bench user=([\d.]+) sys=([\d.]+)/.exec(r.stderr ?? '');
  return { ms: elapsed, code: r.status, ...(m ? { cpuMs: (Number(m[1]) + Number(m[2])) * 1000 } : {}) };
}

export const run: Bench = async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: npm run build:cli');
  const dir = tempDir();
  try {
    const folder = path.join(dir, 'khoi');
    mkdirSync(folder);
    const spec = sizedSpec(ROWS, 1);
    for (let i = 1; i <= UNITS; i++) {
      // One criteria table for the whole bloc, as in life; each unit its own faults (over cap, totals), so scores differ.
      const t = renderTable(spec, { textEvery: 11 }, spreadFaults(i % 5, i));
      await writeXlsx(path.join(folder, `don-vi-${String(i).padStart(2, '0')}.xlsx`), [{ grid: t.grid }]);
    }
    const rules = path.join(ROOT, 'samples', 'quy-che-khoi-vi-du.json');
    const out = path.join(dir, 'TONG-HOP.xlsx');
    const variants: [string, Record<string, string>, string[]][] = [
      ['as installed (default: no worker below 4 MB of files)', {}, []],
      ['main thread only (THIDUA_WORKERS=0)', { THIDUA_WORKERS: '0' }, []],
      ['one worker (THIDUA_WORKERS=1)', { THIDUA_WORKERS: '1' }, []],
      [`V8's own tiering (node --interrupt-budget=${V8_DEFAULT_BUDGET})`, {}, [`--interrupt-budget=${V8_DEFAULT_BUDGET}`]],
    ];
    const rows: (string | number)[][] = [];
    const before = load();
    // Interleaved (run k of every variant and of the phases, then run k+1): a busy spell of the shared machine falls on
    // all of them alike. The phases: the same work in a new process on the main thread, each phase timed apart
    // (bench/tonghop-child.ts).
    const args = ['tonghop', folder, '-o', out, '--force', '--quy-che', rules];
    const runs: ReturnType<typeof runWithNodeArgs>[][] = variants.map(() => []);
    const phases: Record<string, number[]> = {};
    for (let k = 0; k < RUNS; k++) {
      variants.forEach(([, env, nodeArgs], v) =>
        runs[v].push(nodeArgs.length > 0 ? runWithNodeArgs(nodeArgs, args) : runThidua(args, env)),
      );
      const r = spawnSync(process.execPath, [CHILD, folder, rules, path.join(dir, 'phases.xlsx')], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`tonghop-child failed (${r.status}): ${r.stderr}`);
      for (const [phase, v] of Object.entries(JSON.parse(r.stdout) as Record<string, number>)) (phases[phase] ??= []).push(v);
    }
    variants.forEach(([label], v) => {
      const bad = runs[v].find((r) => r.code !== 0);
      if (bad) throw new Error(`thidua tonghop exited ${bad.code}`);
      const t = timings(runs[v].map((r) => r.ms));
      const cpu = runs[v].every((r) => r.cpuMs !== undefined) ? ms(timings(runs[v].map((r) => r.cpuMs!)).median) : '–';
      rows.push([label, UNITS, ROWS, ms(t.median), ms(t.min), cpu, TARGET_MS, t.median < TARGET_MS ? 'yes' : 'NO']);
    });
    for (const [phase, label] of PHASES) {
      const t = timings(phases[phase]);
      rows.push([`  phase: ${label}`, UNITS, ROWS, ms(t.median), ms(t.min), '', '', '']);
    }
    // A yardstick for how busy the machine was: the seed's `thidua check`, 610 ms on a quiet machine (bench cli).
    const seedFile = path.join(ROOT, 'test', 'fixtures', 'seed-2022-converted.xlsx');
    const yard = Array.from({ length: RUNS }, () => runThidua(['check', seedFile]));
    const yt = timings(yard.map((r) => r.ms));
    const ycpu = yard.every((r) => r.cpuMs !== undefined) ? ms(timings(yard.map((r) => r.cpuMs!)).median) : '–';
    rows.push(['yardstick: thidua check on the seed', 1, 'seed', ms(yt.median), ms(yt.min), ycpu, '', '']);
    return {
      title: 'CLI: thidua tonghop, 50 units of 200 rows',
      columns: ['readers', 'units', 'rows each', 'median ms', 'min ms', 'CPU ms', 'target ms', 'met'],
      rows,
      notes: [
        `Median of ${RUNS} runs (the variants and the phases interleaved) of \`node bin/thidua.js tonghop DIR -o TONG-HOP.xlsx --force --quy-che samples/quy-che-khoi-vi-du.json\`, a new Node process each time (start-up included): read ${UNITS} files, check every sheet, rank, write the summary (Tổng hợp, Theo tiêu chí, ${UNITS} unit sheets) as SpreadsheetML parts zipped by the repo's own writer (ExcelJS, which loading and writing took about 1.4 s of the 3 s measured before, is no longer loaded).`,
        `The phases: median of ${RUNS} runs of bench/tonghop-child.ts, the same work on the main thread of a new process, each phase timed apart; the first six add up to about the main-thread-only row, the last is not part of the command: the writer it replaced (bench/exceljs-summary.ts), loading ExcelJS included, on the same plan.`,
        `Before these (same machine, load 2.2): 2139 ms median by default, 1896 on the main thread only, 3020 ms of CPU; phases 261 start-up, 504 reading, 668 checking, 134 unit scores. What changed: the sheet, shared-string, style, relationship and workbook parts are read by the repo's own lean XML scanner (src/xlsx/xml.ts streamXml) rather than saxes; V8's tiering budget is raised for the short run (src/cli/v8-tuning.ts: TurboFan compiles only what is really hot; the last variant row runs with V8's own budget); no worker is started for a bloc below 4 MB of files, where a worker's start-up and JIT warm-up cost more than it takes over.`,
        `Machine ${before} before, ${load()} after: on a busy machine the workers find no idle core and are not started. CPU time (user + system of the process and its workers, /usr/bin/time) is less swayed by other work than wall time.`,
      ],
    };
  } finally {
    removeDir(dir);
  }
};

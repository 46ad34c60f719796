/**
 * `thidua fix` in place against the old ExcelJS rewrite, and the two ways of reading a grid, on the seeds and on a
 * 20 MB workbook (test/helpers/big.ts): wall time and peak memory of a new process with a 2 GB heap, as users run it.
 */
import { spawnSync } from 'child_process';
import { copyFileSync, existsSync, statSync } from 'fs';
import * as path from 'path';
import { writeBigWorkbook, RICH_SEED } from '../test/helpers/big';
import { removeDir, tempDir } from '../test/helpers/xlsx';
import { kb, load, ms, ROOT, timings } from './measure';
import { Bench } from './table';

const BIN = path.join(ROOT, 'bin', 'thidua.js');
const CHILD = path.join(__dirname, 'fix-child.js');
const HEAP = '--max-old-space-size=2048';

interface Run {
  /** Wall time of the whole process, Node's start and module loading included. */
  ms?: number;
  /** The operation alone, timed inside the process (fix-child.ts only). */
  opMs?: number;
  rssMb?: number;
  failed?: string;
}

/** `thidua fix` as a user runs it: wall time, and peak RSS from /usr/bin/time when it is there. */
function newFix(input: string, out: string): Run {
  const time = existsSync('/usr/bin/time');
  const args = [HEAP, BIN, 'fix', input, '-o', out, '--force'];
  const t = performance.now();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', 'bench-rss=%M', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  const elapsed = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) return { failed: `exit ${r.status ?? r.signal}: ${(r.stderr ?? '').split('\n')[0].slice(0, 80)}` };
  const m = /bench-rss=(\d+)/.exec(r.stderr ?? '');
  return { ms: elapsed, ...(m ? { rssMb: Number(m[1]) / 1024 } : {}) };
}

/** One operation of fix-child.js in its own process. */
function child(mode: string, input: string, out = ''): Run {
  const t = performance.now();
  const r = spawnSync(process.execPath, [HEAP, CHILD, mode, input, out], { encoding: 'utf8', timeout: 600_000 });
  const elapsed = performance.now() - t;
  if (r.status !== 0) {
    const why = r.signal
      ? `killed by ${r.signal}`
      : /heap out of memory/i.test(r.stderr ?? '')
        ? 'out of memory (V8 abort)'
        : `exit ${r.status}`;
    return { failed: why };
  }
  const j = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; maxRssKb: number };
  return { ms: elapsed, opMs: j.ms, rssMb: j.maxRssKb / 1024 };
}

export const run: Bench = async () => {
  if (!existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new Error('dist/ is missing: npm run build:cli');
  const dir = tempDir();
  try {
    const big = writeBigWorkbook(path.join(dir, 'bang-20mb.xlsx'));
    const seed = path.join(dir, 'seed-rich.xlsx');
    copyFileSync(RICH_SEED, seed);
    const files = [
      { label: 'seed (LibreOffice, rich)', file: seed, runs: 5 },
      { label: 'seed (fixture)', file: path.join(ROOT, 'test', 'fixtures', 'seed-2022-typed.xlsx'), runs: 5 },
      { label: '20 MB workbook', file: big, runs: 1 },
    ];
    const rows: (string | number)[][] = [];
    const row = (label: string, size: number, what: string, runs: Run[]) => {
      const ok = runs.filter((r) => r.ms !== undefined);
      if (ok.length === 0) return rows.push([label, kb(size), what, '–', '–', '–', runs[0].failed ?? '?']);
      const rss = Math.max(...ok.map((r) => r.rssMb ?? 0));
      const op = ok.every((r) => r.opMs !== undefined) ? ms(timings(ok.map((r) => r.opMs!)).median) : '–';
      rows.push([label, kb(size), what, ms(timings(ok.map((r) => r.ms!)).median), op, rss > 0 ? rss.toFixed(0) : '–', 'ok']);
    };
    for (const f of files) {
      const size = statSync(f.file).size;
      const n = f.runs;
      row(
        f.label,
        size,
        'fix, in place (thidua)',
        Array.from({ length: n }, () => newFix(f.file, path.join(dir, 'ra-moi.xlsx'))),
      );
      row(
        f.label,
        size,
        'fix, ExcelJS rewrite (old)',
        Array.from({ length: n }, () => child('old-fix', f.file, path.join(dir, 'ra-cu.xlsx'))),
      );
      row(
        f.label,
        size,
        'read grids, direct (saxes)',
        Array.from({ length: n }, () => child('read-direct', f.file)),
      );
      row(
        f.label,
        size,
        'read grids, ExcelJS',
        Array.from({ length: n }, () => child('read-exceljs', f.file)),
      );
    }
    return {
      title: 'CLI: thidua fix in place vs the old ExcelJS rewrite; reading grids directly vs through ExcelJS',
      columns: ['file', 'size KB', 'what', 'process ms', 'operation ms', 'peak RSS MB', 'result'],
      rows,
      notes: [
        `Each a new Node process with ${HEAP}; "process ms" is its median wall time, Node's start and module loading included. "fix, in place" is \`node bin/thidua.js fix\` (peak RSS by /usr/bin/time); the others run bench/fix-child.ts, which also times the operation alone ("operation ms") and reports its peak RSS.`,
        'Both fixes read, check and write the whole workbook; the in-place one also edits the second sheet, whose 130 formulas read the corrected grand total (their stale cached results are dropped), and copies the attachment untouched where the old one re-encodes every part.',
        'The 20 MB workbook: the rich seed, a visible 65,000-row second sheet of numbers (130 formulas read the grand total) and a 17 MB attachment (test/helpers/big.ts).',
        `Machine ${load()} at the end.`,
      ],
    };
  } finally {
    removeDir(dir);
  }
};

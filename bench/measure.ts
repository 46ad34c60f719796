/** Timing helpers shared by the benchmarks: repeat until the median is steady, report it in milliseconds. */
import { spawnSync } from 'child_process';
import { existsSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

/** The repository, whether this runs compiled from .bench-build/bench/ or from bench/. */
export const ROOT = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..')].find((d) =>
  existsSync(path.join(d, 'package.json')),
)!;

export interface Timing {
  /** Median, fastest and 90th-percentile time of one run, in milliseconds. */
  median: number;
  min: number;
  p90: number;
  runs: number;
  /** Median CPU time (user + system) of one run, in milliseconds: less swayed than wall time by other work on the machine. */
  cpu?: number;
}

export interface RepeatOptions {
  /** Runs at least this many times (default 5)… */
  minRuns?: number;
  /** …and until this much time has been spent (default 500 ms), but never more than maxRuns (default 500). */
  minMs?: number;
  maxRuns?: number;
  /** Untimed runs first, so that the JIT has compiled the hot paths (default 2). */
  warmup?: number;
}

export function timings(samples: number[]): Timing {
  const s = [...samples].sort((a, b) => a - b);
  return {
    median: s[Math.floor((s.length - 1) / 2)],
    min: s[0],
    p90: s[Math.min(s.length - 1, Math.floor(s.length * 0.9))],
    runs: s.length,
  };
}

/** Times `fn` (sync or async) repeatedly. */
export async function repeat(fn: () => unknown, options: RepeatOptions = {}): Promise<Timing> {
  const { minRuns = 5, minMs = 500, maxRuns = 500, warmup = 2 } = options;
  for (let i = 0; i < warmup; i++) await fn();
  const samples: number[] = [];
  const cpu: number[] = [];
  const start = performance.now();
  while (samples.length < maxRuns && (samples.length < minRuns || performance.now() - start < minMs)) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { ...timings(samples), cpu: timings(cpu).median };
}

/** Milliseconds with a precision that suits their size: 0.412, 12.3, 845. */
export function ms(v: number): string {
  return v < 1 ? v.toFixed(3) : v < 100 ? v.toFixed(1) : v.toFixed(0);
}

export function kb(bytes: number): string {
  return (bytes / 1024).toFixed(1);
}

/** The machine's load (1-minute average) against its cores: above 1, other work competes with the benchmark. */
export function load(): string {
  const cores = os.cpus().length;
  return `load ${os.loadavg()[0].toFixed(1)} on ${cores} core${cores === 1 ? '' : 's'}`;
}

/**
 * Wall time of one `node bin/thidua.js ARGS` as a user runs it (a new process, its output thrown away), with its CPU
 * time and peak memory where /usr/bin/time is there. Exit 2 or a signal is a failure of the bench.
 */
export function runThidua(
  args: string[],
  env: Record<string, string> = {},
): { ms: number; code: number | null; cpuMs?: number; rssKb?: number } {
  const bin = path.join(ROOT, 'bin', 'thidua.js');
  const timeBin = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const stdio: ['ignore', 'ignore', 'pipe'] = ['ignore', 'ignore', 'pipe'];
  const options = { encoding: 'utf8' as const, stdio, env: { ...process.env, ...env } };
  const t = performance.now();
  const r = timeBin
    ? spawnSync(timeBin, ['-f', 'thidua-bench rss=%M user=%U sys=%S', process.execPath, bin, ...args], options)
    : spawnSync(process.execPath, [bin, ...args], options);
  const elapsed = performance.now() - t;
  if (r.status === 2 || r.status === null) throw new Error(`thidua ${args.join(' ')} failed (${r.status ?? r.signal}): ${r.stderr}`);
  const m = /thidua-bench rss=(\d+) user=([\d.]+) sys=([\d.]+)/.exec(r.stderr ?? '');
  return { ms: elapsed, code: r.status, ...(m ? { rssKb: Number(m[1]), cpuMs: (Number(m[2]) + Number(m[3])) * 1000 } : {}) };
}

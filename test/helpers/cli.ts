/** Runs the CLI in-process, capturing what it prints. */
import { main } from '../../src/cli/main';

export interface Run {
  code: number;
  out: string;
  err: string;
}

export async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Exit 2 with one Vietnamese line on stderr, nothing on stdout, no stack trace. */
export function expectRefused(r: Run, words: RegExp): void {
  expect(r.code).toBe(2);
  expect(r.out).toBe('');
  expect(r.err.split('\n')).toHaveLength(1);
  expect(r.err).toMatch(/^thidua: /);
  expect(r.err).toMatch(words);
  expect(r.err).not.toMatch(/\n\s+at |Error:|node_modules|\.ts:\d+/);
}

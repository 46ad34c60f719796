import { execFile } from 'child_process';
import { readFileSync } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { FIXTURES, compare, loadExpected } from '../helpers/expected';
import { useTempDir } from '../helpers/xlsx';

const root = path.join(__dirname, '..', '..');
const exec = promisify(execFile);

/** Runs the real bin as a user would (dist/ is built by test/global-setup.js when stale). */
async function thidua(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await exec(process.execPath, [path.join(root, 'bin', 'thidua.js'), ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (e) {
    const x = e as { code: number; stdout: string; stderr: string };
    return { code: x.code, stdout: x.stdout, stderr: x.stderr };
  }
}

describe('bin/thidua.js, end to end', () => {
  const dir = useTempDir();

  it('checks, fixes and refuses with the right exit codes', async () => {
    const input = path.join(FIXTURES, 'seed-2022-converted.xlsx');
    const before = readFileSync(input);

    const check = await thidua('check', input, '--format', 'json');
    expect(check.code).toBe(1);
    expect(compare(loadExpected('seed-2022-converted'), JSON.parse(check.stdout).findings)).toEqual({ misses: [], falses: [] });

    const out = path.join(dir(), 'da-sua.xlsx');
    const fix = await thidua('fix', input, '-o', out);
    expect(fix.code).toBe(1);
    expect(fix.stdout).toContain('Tệp gốc giữ nguyên.');
    expect(readFileSync(input).equals(before)).toBe(true);

    const again = await thidua('check', out, '--format', 'json');
    const report = JSON.parse(again.stdout);
    expect(report.findings.filter((f: { rule: string }) => f.rule === 'total-mismatch')).toEqual([]);

    const missing = await thidua('check', path.join(dir(), 'khong-co.xlsx'));
    expect(missing.code).toBe(2);
    expect(missing.stdout).toBe('');
    expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^thidua: Không tìm thấy tệp/)]);
  }, 60_000); // four node processes on a busy machine: a limit against hanging, not a speed target
});

describe('the CLI’s exit codes for a user error and for a bug', () => {
  it('exits 3, with one line asking for a report and no stack, when thidua itself fails', async () => {
    const { main } = await import('../../src/cli/main');
    const err: string[] = [];
    const input = path.join(FIXTURES, 'seed-2022-typed.xlsx');
    // A front end that breaks while printing stands for any bug below main: it is no fault of the user's input.
    const code = await main(['check', input], {
      out: () => {
        throw new TypeError('Cannot read properties of undefined');
      },
      err: (t) => err.push(t),
    });
    expect(code).toBe(3);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/^thidua: lỗi không mong đợi trong thidua .*Xin báo lỗi này/);
    expect(err[0]).not.toMatch(/\n\s+at /);
  });

  it('exits 2 for input the user can fix', async () => {
    const { main } = await import('../../src/cli/main');
    const err: string[] = [];
    expect(await main(['check'], { out: () => undefined, err: (t) => err.push(t) })).toBe(2);
    expect(err[0]).toMatch(/^thidua: Thiếu tên tệp/);
  });
});

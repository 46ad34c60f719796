/**
 * The CLI on the real tables (issue 10): text output that fits a screen (info collapsed unless --verbose), a check of an
 * as-issued table, a template learned from it and then held against a unit's sheet, and no empty template written.
 */
import { mkdtempSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkSheet, inferTemplate, isUserError } from '../../src/engine';
import { formatText } from '../../src/cli/format';
import { main } from '../../src/cli/main';
import { grid } from '../helpers/grid';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');
const capture = () => {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
};

describe('thidua on the real tables', () => {
  it('prints a check of the 150-row table on one screen: errors first, info as one count line per rule', async () => {
    const c = capture();
    const code = await main(['check', path.join(REAL, 'screen-150', 'screen-150-faults.xlsx')], c.io);
    expect(code).toBe(1);
    const lines = c.out.join('\n').split('\n');
    expect(lines.length).toBeLessThanOrEqual(40);
    expect(lines.findIndex((l) => l.startsWith('  Lỗi'))).toBeGreaterThan(0);
  });

  it('collapses info into a count per rule, and lists each with --verbose', () => {
    const r = checkSheet(
      grid([
        ['TT', 'Tiêu chí', 'Điểm chuẩn', 'Điểm thưởng', 'Điểm tự chấm', 'Điểm thưởng tự chấm', 'Giải trình'],
        ['1', 'Công tác A', 10, null, 10, null, 'đã làm'],
        ['2', 'Công tác B', 10, null, 10, null, 'đã làm xong'],
        [null, 'TỔNG CỘNG', 20, null, 20],
      ]),
    );
    expect(r.counts.info).toBe(2);
    const short = formatText('x.xlsx', [r]);
    expect(short).toContain('i 2 ô: G2, G3 [weak-evidence]');
    expect(short).toContain('--verbose');
    const long = formatText('x.xlsx', [r], { verbose: true });
    expect(long.match(/\[weak-evidence\]/g)).toHaveLength(2);
  });

  it('checks an as-issued table (no self-score column) by its own arithmetic', async () => {
    const c = capture();
    const code = await main(['check', path.join(REAL, 'binhdinh-huyen-2018', 'binhdinh-huyen-2018-faults.xlsx'), '--format', 'json'], c.io);
    expect(code).toBe(1);
    const cells = (JSON.parse(c.out.join('')) as { findings: { rule: string; cell: string }[] }).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(cells).toEqual(expect.arrayContaining(['total-mismatch@C5', 'total-mismatch@C7', 'total-mismatch@C38']));
  });

  it('learns a template from the as-issued table and holds the unit sheet against it', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'thidua-real-'));
    const tpl = path.join(dir, 'mau.json');
    const made = capture();
    expect(
      await main(['template', path.join(REAL, 'binhdinh-huyen-2018', 'binhdinh-huyen-2018.xlsx'), '-o', tpl, '--year', '2018'], made.io),
    ).toBe(0);
    expect(made.out[0]).toMatch(/2 nội dung, 19 tiêu chí/);
    const c = capture();
    const code = await main(
      ['check', path.join(REAL, 'binhdinh-huyen-2018', 'binhdinh-huyen-2018-unit-faults.xlsx'), '--template', tpl, '--format', 'json'],
      c.io,
    );
    expect(code).toBe(1);
    const found = (JSON.parse(c.out.join('')) as { findings: { rule: string; cell: string }[] }).findings.map((f) => `${f.rule}@${f.cell}`);
    expect(found).toEqual(expect.arrayContaining(['standard-changed@C24', 'over-cap@E20', 'not-a-tier@E27', 'total-mismatch@E5']));
  });

  it('refuses to write an empty template, saying why', () => {
    const r = checkSheet(
      grid([
        ['TT', 'Tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm'],
        [null, 'TỔNG CỘNG', 0, 0],
      ]),
    );
    let thrown: unknown;
    try {
      inferTemplate(r, { year: 2022 });
    } catch (e) {
      thrown = e;
    }
    expect(isUserError(thrown) && thrown.code === 'bad-template').toBe(true);
    expect((thrown as Error).message).toMatch(/không cho ra tiêu chí nào/);
  });
});

/**
 * A 20 MB workbook (the rich seed, a 65,000-row second sheet, a 17 MB attachment) fixes within a 2 GB heap, as a new
 * process the way users run it; on a heap too small for it, one Vietnamese line and exit 2, never V8's native crash.
 * Time and peak memory are measured by `npm run bench`, not here.
 */
import { spawnSync } from 'child_process';
import { existsSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { XlsxPackage } from '../../src/xlsx/package';
import { writeBigWorkbook } from '../helpers/big';
import { openPackage } from '../helpers/package';
import { useTempDir } from '../helpers/xlsx';

const BIN = path.resolve(__dirname, '../../bin/thidua.js');
const dir = useTempDir();
let big: string;

beforeAll(() => {
  big = writeBigWorkbook(path.join(dir(), 'bang-20mb.xlsx'));
}, 60_000);

function thidua(heapMb: number, ...args: string[]) {
  return spawnSync(process.execPath, [`--max-old-space-size=${heapMb}`, BIN, ...args], { encoding: 'utf8', timeout: 170_000 });
}

describe('a 20 MB workbook', () => {
  it('is 20 MB or more, within every documented limit', () => {
    expect(statSync(big).size).toBeGreaterThanOrEqual(20 * 1024 * 1024);
  });

  it('fixes within a 2 GB heap, keeping every part', () => {
    const out = path.join(dir(), 'bang-20mb-da-sua.xlsx');
    const r = thidua(2048, 'fix', big, '-o', out);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const a = new XlsxPackage(readFileSync(big));
    const b = openPackage(out);
    expect(b.entries.map((e) => e.name)).toEqual(a.entries.map((e) => e.name));
    // The attachment is copied as it was, compressed bytes and all.
    const media = (p: XlsxPackage) => p.entries.find((e) => e.name === 'xl/media/scan.bin')!;
    expect(b.bytes('xl/media/scan.bin').equals(a.bytes('xl/media/scan.bin'))).toBe(true);
    expect(media(b).compressedSize).toBe(media(a).compressedSize);
    // Its 130 formulas on the grand total lost their cached results.
    expect(r.stdout).toMatch(/\n\d{3} công thức khác đọc các ô tổng này/);
  }, 180_000);

  it('on a heap too small for it: exit 2 and one Vietnamese line, no native out-of-memory trace', () => {
    const out = path.join(dir(), 'khong-du.xlsx');
    const r = thidua(160, 'fix', big, '-o', out);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^thidua: Tệp “bang-20mb\.xlsx” cần khoảng \d+ MB bộ nhớ, nhiều hơn \d+ MB còn trống/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});

/**
 * A 20 MB workbook for the memory bound of `thidua fix`: the rich LibreOffice seed (a scoring table, notes, a chart)
 * with a large second sheet of numbers (formulas every few hundred rows read the grand total) and a large scanned
 * attachment, as units send them. Built part by part, so that making it costs little.
 */
import { randomBytes } from 'crypto';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { XlsxPackage } from '../../src/xlsx/package';
import { zip, ZipPart } from './zip';

/** The repository's root, from test/helpers or from the bench's build of it (.bench-build/test/helpers). */
const ROOT = [path.resolve(__dirname, '../..'), path.resolve(__dirname, '../../..')].find((d) => existsSync(path.join(d, 'package.json')))!;
export const RICH_SEED = path.join(ROOT, 'test', 'fixtures', 'real-xlsx', 'libreoffice__seed-2022-rich.xlsx');

/** Rows of ten numbers each, every 500th row holding a formula on the scoring sheet's grand total. */
function bigSheet(rows: number, seed: number): string {
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  let x = seed;
  const next = () => ((x = (x * 1103515245 + 12345) % 2147483648), x % 1000000);
  for (let r = 1; r <= rows; r++) {
    const cells: string[] = [];
    for (let c = 0; c < 10; c++) cells.push(`<c r="${String.fromCharCode(65 + c)}${r}"><v>${next() / 100}</v></c>`);
    if (r % 500 === 0) cells.push(`<c r="K${r}"><f>'Chấm điểm'!F40*${r}</f><v>${57 * r}</v></c>`);
    out.push(`<row r="${r}">${cells.join('')}</row>`);
  }
  out.push('</sheetData></worksheet>');
  return out.join('');
}

/** Writes the workbook to `file`; about `rows` × 0.3 KB of sheet XML and `mediaMb` MB of attachment. */
export function writeBigWorkbook(file: string, options: { rows?: number; mediaMb?: number } = {}): string {
  const rows = options.rows ?? 65_000;
  const mediaMb = options.mediaMb ?? 17;
  const pkg = new XlsxPackage(readFileSync(RICH_SEED));
  const edit: Record<string, (s: string) => string> = {
    'xl/workbook.xml': (s) => s.replace('</sheets>', '<sheet name="Dữ liệu" sheetId="90" state="visible" r:id="rIdBig"/></sheets>'),
    'xl/_rels/workbook.xml.rels': (s) =>
      s.replace(
        '</Relationships>',
        '<Relationship Id="rIdBig" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheetBig.xml"/></Relationships>',
      ),
    '[Content_Types].xml': (s) =>
      s.replace(
        '</Types>',
        '<Override PartName="/xl/worksheets/sheetBig.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/media/scan.bin" ContentType="application/octet-stream"/></Types>',
      ),
  };
  const parts: ZipPart[] = pkg.entries.map((e) => {
    const bytes = pkg.bytes(e.name);
    const f = edit[e.name];
    return { name: e.name, data: f ? Buffer.from(f(bytes.toString('utf8'))) : bytes };
  });
  parts.push({ name: 'xl/worksheets/sheetBig.xml', data: Buffer.from(bigSheet(rows, 42)) });
  parts.push({ name: 'xl/media/scan.bin', data: randomBytes(mediaMb * 1024 * 1024) });
  writeFileSync(file, zip(parts));
  return file;
}

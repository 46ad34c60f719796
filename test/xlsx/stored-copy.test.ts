/** The stored copy ExcelJS loads (src/xlsx/zip.ts storedCopy): the same parts, byte for byte, none deflated. */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { centralDirectory, entryData, storedCopy } from '../../src/xlsx/zip';
import { sheetGrid } from '../../src/xlsx/read';

const FIXTURE = path.join(__dirname, '..', 'fixtures', 'seed-2022-converted.xlsx');

test('every part is stored, with the same name, bytes and CRC; ExcelJS reads the same cells', async () => {
  const data = readFileSync(FIXTURE);
  const entries = centralDirectory(data);
  expect(entries.some((e) => e.method === 8)).toBe(true);
  const copy = storedCopy(data, entries)!;
  const stored = centralDirectory(copy);
  expect(stored.map((e) => e.name)).toEqual(entries.map((e) => e.name));
  stored.forEach((e, i) => {
    const original = entries[i].method === 8 ? inflateRawSync(entryData(data, entries[i])) : entryData(data, entries[i]);
    expect(e.method).toBe(0);
    expect(e.crc).toBe(entries[i].crc);
    expect(entryData(copy, e).equals(original)).toBe(true);
  });
  const read = async (b: Buffer) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(b as unknown as ArrayBuffer);
    return wb.worksheets.map(sheetGrid);
  };
  expect(await read(copy)).toEqual(await read(data));
});

test('a part compressed some other way: no copy, ExcelJS reads the original', () => {
  const data = readFileSync(FIXTURE);
  const entries = centralDirectory(data).map((e, i) => (i === 0 ? { ...e, method: 12 } : e));
  expect(storedCopy(data, entries)).toBeUndefined();
});

/** ExcelJS helpers for tests: write grids to a temporary .xlsx, read a workbook back. Only tests and src/xlsx use ExcelJS. */
import ExcelJS from 'exceljs';
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { a1, SheetGrid } from '../../src/engine';
import { sheetGrid } from '../../src/xlsx/exceljs-grid';

/** A fresh temporary directory; remove it with `rmSync(dir, { recursive: true, force: true })`. */
export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), 'thidua-test-'));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface SheetSpec {
  grid: SheetGrid;
  /** Column widths by letter, e.g. { B: 60 }. */
  widths?: Record<string, number>;
  state?: 'visible' | 'hidden';
}

/** Puts a grid on a new worksheet: values, formulas with their results, merges. */
export function addSheet(wb: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const { grid } = spec;
  const ws = wb.addWorksheet(grid.name, spec.state ? { state: spec.state } : {});
  grid.cells.forEach((row, r) =>
    row.forEach((c, k) => {
      if (c.value === null && !c.formula) return;
      const cell = ws.getCell(a1(grid.origin.row + r, grid.origin.col + k));
      cell.value = c.formula ? { formula: c.formula.replace(/^=/, ''), result: c.value as number } : c.value;
    }),
  );
  for (const m of grid.merges ?? []) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
  for (const [letter, width] of Object.entries(spec.widths ?? {})) ws.getColumn(letter).width = width;
  return ws;
}

/** Writes the sheets to `file` and returns the path. */
export async function writeXlsx(file: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) addSheet(wb, s);
  await wb.xlsx.writeFile(file);
  return file;
}

export async function readWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

/** Every sheet of a workbook, through the CLI's own reader. */
export async function readGrids(file: string): Promise<SheetGrid[]> {
  return (await readWorkbook(file)).worksheets.map(sheetGrid);
}

/** The value a cell shows: a formula's result, a rich text's text. */
export function shown(cell: ExcelJS.Cell): unknown {
  const v = cell.value as unknown;
  if (v && typeof v === 'object' && 'result' in (v as object)) return (v as { result: unknown }).result;
  if (v && typeof v === 'object' && 'richText' in (v as object))
    return (v as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  return v;
}

/** A temporary directory for the tests of the enclosing describe block (or file), removed after them. */
export function useTempDir(): () => string {
  let dir = '';
  beforeAll(() => {
    dir = tempDir();
  });
  afterAll(() => removeDir(dir));
  return () => dir;
}

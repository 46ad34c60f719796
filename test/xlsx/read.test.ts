import ExcelJS from 'exceljs';
import * as path from 'path';
import { checkSheet } from '../../src/engine';
import { gridCell, sheetGrid } from '../../src/xlsx/exceljs-grid';
import { HEADER, validBody } from '../helpers/grid';
import { readWorkbook, useTempDir } from '../helpers/xlsx';
import { EVERY_KIND_CELLS, EVERY_KIND_READ, writeEveryKind } from '../helpers/cell-kinds';

const dir = useTempDir();

/** Writes a workbook and reads it back, as the CLI does. */
async function roundTrip(build: (ws: ExcelJS.Worksheet) => void): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Chấm điểm'));
  const file = path.join(dir(), `${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  return (await readWorkbook(file)).getWorksheet('Chấm điểm')!;
}

describe('src/xlsx/exceljs-grid: ExcelJS cells to the engine grid (the reference the direct reader is compared with)', () => {
  it('reads numbers, text, booleans, rich text, hyperlinks, errors, dates and formulas with their results', async () => {
    const ws = await roundTrip((s) => {
      writeEveryKind(s);
    });
    const cells = EVERY_KIND_CELLS.map((a) => gridCell(ws.getCell(a)));
    expect(cells).toEqual(EVERY_KIND_READ);
  });

  it('reads a shared formula in every cell that shares it', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A1').value = 1;
      s.getCell('A2').value = 2;
      s.getCell('B1').value = { formula: 'A1*10', result: 10, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
      s.getCell('B2').value = { sharedFormula: 'B1', result: 20 } as ExcelJS.CellSharedFormulaValue;
    });
    expect(gridCell(ws.getCell('B1'))).toEqual({ value: 10, formula: '=A1*10' });
    expect(gridCell(ws.getCell('B2'))).toEqual({ value: 20, formula: '=A2*10' });
  });

  it('keeps a merged area’s value in its first cell only, and lists the merges', async () => {
    const ws = await roundTrip((s) => {
      s.getCell('A3').value = 'Nội dung 1: Chuyên môn';
      s.mergeCells('A3:B3');
    });
    const g = sheetGrid(ws);
    expect(g.cells[2].map((c) => c.value)).toEqual(['Nội dung 1: Chuyên môn', null]);
    expect(g.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 1 }]);
    expect(g.origin).toEqual({ row: 0, col: 0 });
  });

  it('reads an empty sheet as an empty grid', async () => {
    const g = sheetGrid(await roundTrip(() => undefined));
    expect(g.cells).toEqual([]);
  });

  it('reads a table that starts at D7 where it is', async () => {
    const ws = await roundTrip((s) => {
      [HEADER, ...validBody()].forEach((row, r) =>
        row.forEach((v, c) => v !== null && v !== undefined && (s.getCell(7 + r, 4 + c).value = v as ExcelJS.CellValue)),
      );
    });
    const r = checkSheet(sheetGrid(ws));
    expect(r.table.headerRange).toBe('D7:J7');
    expect(r.findings).toEqual([]);
  });
});

/** One row of every kind of cell a sheet holds, and the engine cells both readers (direct and ExcelJS) must give. */
import ExcelJS from 'exceljs';
import { GridCell } from '../../src/engine';

export function writeEveryKind(s: ExcelJS.Worksheet): void {
  s.getCell('A1').value = 20;
  s.getCell('B1').value = '02';
  s.getCell('C1').value = true;
  s.getCell('D1').value = { richText: [{ text: 'Điểm ', font: { bold: true } }, { text: 'tự chấm' }] };
  s.getCell('E1').value = { text: 'Báo cáo số 1', hyperlink: 'https://example.invalid/bc1' };
  s.getCell('F1').value = { error: '#REF!' } as ExcelJS.CellErrorValue;
  s.getCell('G1').value = new Date(Date.UTC(2022, 11, 31));
  s.getCell('H1').value = { formula: 'SUM(A1,A1)', result: 40 } as ExcelJS.CellFormulaValue;
  s.getCell('I1').value = { formula: 'A1/0', result: { error: '#DIV/0!' } } as ExcelJS.CellFormulaValue;
}

export const EVERY_KIND_CELLS = ['A1', 'B1', 'C1', 'D1', 'E1', 'F1', 'G1', 'H1', 'I1'];

export const EVERY_KIND_READ: GridCell[] = [
  { value: 20 },
  { value: '02' },
  { value: true },
  { value: 'Điểm tự chấm' },
  { value: 'Báo cáo số 1' },
  { value: '#REF!' },
  { value: '2022-12-31' },
  { value: 40, formula: '=SUM(A1,A1)' },
  { value: '#DIV/0!', formula: '=A1/0' },
];

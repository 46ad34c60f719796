/**
 * The old `thidua fix`, kept for the bench only: the whole workbook read into ExcelJS, the plan applied there, a new
 * workbook written. It lost charts, print settings, row heights and more (issue 12); src/xlsx/edit.ts replaced it.
 */
import ExcelJS from 'exceljs';
import * as path from 'path';
import { CellMark, SheetReport, UserError } from '../src/engine';
import { FILL } from '../src/xlsx/marks';
import { NOTE_HEAD } from '../src/xlsx/notes';
import { readXlsxFile, saveFile } from '../src/xlsx/workbook';

function mark(ws: ExcelJS.Worksheet, m: CellMark): void {
  const cell = ws.getCell(m.row + 1, m.col + 1);
  // ExcelJS shares one style object among cells loaded with the same style: copy it, or the fill spreads to them all.
  cell.style = { ...structuredClone(cell.style), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[m.severity] } } };
  const ours = `${NOTE_HEAD}\n${m.messages.join('\n')}`;
  const existing =
    cell.note === undefined ? '' : typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join('');
  // Keep the user's own note, above ours.
  cell.note = existing && !existing.startsWith(NOTE_HEAD) ? `${existing}\n\n${ours}` : ours;
}

export function applyPlan(ws: ExcelJS.Worksheet, report: SheetReport): void {
  for (const w of report.plan.writes) {
    const cell = ws.getCell(w.row + 1, w.col + 1);
    cell.value = w.formula ? { formula: w.formula.replace(/^=/, ''), result: w.value } : w.value;
  }
  for (const m of report.plan.marks) mark(ws, m);
}

/** The workbook in ExcelJS, after the same file checks as the CLI's. */
export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(file);
  const data = await readXlsxFile(file);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new UserError(
      'bad-input',
      `Tệp “${name}” bị hỏng hoặc không phải .xlsx hợp lệ: Excel không mở được thì thidua cũng không đọc được.`,
    );
  }
  return wb;
}

/** Saves to a temporary file beside the target, then renames: never a half-written output. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  await saveFile(out, input, (tmp) => wb.xlsx.writeFile(tmp), { force: true });
}

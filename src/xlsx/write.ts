/** Applies the engine's plan to an ExcelJS workbook: totals written, cells marked. Nothing else is touched. */
import ExcelJS from 'exceljs';
import { CellMark, MARK_COLOURS, noteWith, SheetReport, Severity } from '../engine';

/** The mark colours as ARGB, the form .xlsx files store them in. */
export const FILL = Object.fromEntries(Object.entries(MARK_COLOURS).map(([k, v]) => [k, `FF${v.slice(1)}`])) as Record<Severity, string>;

function mark(ws: ExcelJS.Worksheet, m: CellMark): void {
  const cell = ws.getCell(m.row + 1, m.col + 1);
  // ExcelJS shares one style object among cells loaded with the same style: copy it, or the fill spreads to them all.
  cell.style = { ...structuredClone(cell.style), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[m.severity] } } };
  const existing = cell.note === undefined ? '' : typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join('');
  // Keep the user's own note, above ours.
  cell.note = noteWith(existing, m.messages);
}

export function applyPlan(ws: ExcelJS.Worksheet, report: SheetReport): void {
  for (const w of report.plan.writes) {
    const cell = ws.getCell(w.row + 1, w.col + 1);
    cell.value = w.formula ? { formula: w.formula.replace(/^=/, ''), result: w.value } : w.value;
  }
  for (const m of report.plan.marks) mark(ws, m);
}

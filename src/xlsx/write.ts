/** Applies the engine's plan to an ExcelJS workbook: totals written, cells marked. Nothing else is touched. */
import ExcelJS from 'exceljs';
import { CellMark, SheetReport, Severity } from '../engine';

/** Fills per severity: light red, amber and blue, the tints Excel's own conditional formats use. */
export const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

const NOTE_HEAD = 'thidua:';

function mark(ws: ExcelJS.Worksheet, m: CellMark): void {
  const cell = ws.getCell(m.row + 1, m.col + 1);
  // ExcelJS shares one style object among cells loaded with the same style: copy it, or the fill spreads to them all.
  cell.style = { ...structuredClone(cell.style), fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: FILL[m.severity] } } };
  const ours = `${NOTE_HEAD}\n${m.messages.join('\n')}`;
  const existing = cell.note === undefined ? '' : typeof cell.note === 'string' ? cell.note : (cell.note.texts ?? []).map((t) => t.text).join('');
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

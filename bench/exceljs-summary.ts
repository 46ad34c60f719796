/**
 * The old summary writer of `thidua tonghop`, kept for the bench only (as exceljs-fix.ts keeps the old fix): the plan
 * written through ExcelJS. src/xlsx/summary.ts replaced it; the tonghop bench times both on the same plan.
 */
import ExcelJS from 'exceljs';
import { PlanSheet, STYLES, StyleName, SummaryPlan } from '../src/engine/bloc';

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** One ExcelJS style per style name, made once per workbook. */
function styleOf(name: StyleName): Partial<ExcelJS.Style> {
  const s = STYLES[name];
  const style: Partial<ExcelJS.Style> = {};
  if (s.bold || s.italic || s.size) style.font = { name: 'Times New Roman', size: s.size ?? 12, bold: s.bold, italic: s.italic };
  else style.font = { name: 'Times New Roman', size: 12 };
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: s.fill } };
  if (s.wrap || s.align) style.alignment = { wrapText: s.wrap, horizontal: s.align, vertical: 'middle' };
  else style.alignment = { vertical: 'middle' };
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.border) style.border = THIN;
  return style;
}

function addSheet(wb: ExcelJS.Workbook, sheet: PlanSheet, marker: string): void {
  const ws = wb.addWorksheet(sheet.name, {
    pageSetup: {
      orientation: 'landscape',
      paperSize: 9, // A4
      fitToPage: true,
      fitToWidth: sheet.print.fitToWidth,
      fitToHeight: sheet.print.fitToHeight,
      ...(sheet.print.repeatRows ? { printTitlesRow: `${sheet.print.repeatRows.first + 1}:${sheet.print.repeatRows.last + 1}` } : {}),
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
    },
    ...(sheet.freezeRows ? { views: [{ state: 'frozen' as const, ySplit: sheet.freezeRows }] } : {}),
    headerFooter: { oddFooter: `&L${marker}&RTrang &P/&N` },
  });
  sheet.widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const styles = new Map<StyleName, Partial<ExcelJS.Style>>();
  for (const c of sheet.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = c.formula ? { formula: c.formula.replace(/^=/, ''), result: c.value ?? '' } : c.value;
    if (c.style) {
      if (!styles.has(c.style)) styles.set(c.style, styleOf(c.style));
      cell.style = styles.get(c.style)!;
    }
  }
  for (const m of sheet.merges) ws.mergeCells(m.top + 1, m.left + 1, m.bottom + 1, m.right + 1);
}

/** Fastest deflate: a summary of 50 units then writes in about half the time, for a file some 15% larger. */
export const SUMMARY_ZIP = { zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as const;

/** A new workbook holding the plan's sheets, in order. */
export function summaryWorkbook(plan: SummaryPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'thidua';
  wb.title = plan.title;
  wb.subject = plan.marker;
  // Formulas carry their results; Excel recomputes on open all the same (fullCalcOnLoad), so a hand edit always follows.
  wb.calcProperties = { fullCalcOnLoad: true };
  for (const s of plan.sheets) addSheet(wb, s, plan.marker);
  return wb;
}

/**
 * ExcelJS → the engine's grid. Read once; nothing is written here. The pane reads unit files chosen for Tổng hợp khối
 * with it (in a chunk of its own); the CLI reads sheet XML directly (book.ts), and the tests hold the two together.
 */
import ExcelJS from 'exceljs';
import { CellValue, GridCell, MergedArea, SheetGrid, parseA1 } from '../engine';

/** Plain text of a rich-text or hyperlink value. */
function textOf(v: unknown): string | undefined {
  if (v && typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; hyperlink?: string };
    if (Array.isArray(o.richText)) return o.richText.map((r) => r.text).join('');
    if (typeof o.text === 'string') return o.text;
    if (o.text && typeof o.text === 'object') return textOf(o.text);
  }
  return undefined;
}

/** One ExcelJS cell to the engine's cell: value, formula and (where ExcelJS formats it) the text shown. */
export function gridCell(cell: ExcelJS.Cell): GridCell {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { value: v };
  if (v instanceof Date) return { value: v.toISOString().slice(0, 10) };
  if (typeof v === 'object') {
    const o = v as { formula?: string; sharedFormula?: string; result?: unknown; error?: string };
    if (o.formula !== undefined || o.sharedFormula !== undefined) {
      const f = cell.formula ?? o.formula ?? '';
      const r = o.result as unknown;
      const value: CellValue =
        typeof r === 'number' || typeof r === 'string' || typeof r === 'boolean'
          ? r
          : r && typeof r === 'object' && 'error' in (r as object)
            ? String((r as { error: string }).error)
            : null;
      return { value, formula: f.startsWith('=') ? f : `=${f}` };
    }
    if (o.error !== undefined) return { value: String(o.error) };
    const t = textOf(v);
    if (t !== undefined) return { value: t };
  }
  return { value: String(v) };
}

export function sheetGrid(ws: ExcelJS.Worksheet): SheetGrid {
  const cells: GridCell[][] = [];
  const rowCount = ws.actualRowCount === 0 ? 0 : ws.rowCount;
  for (let r = 1; r <= rowCount; r++) {
    const row = ws.getRow(r);
    const out: GridCell[] = [];
    // cellCount is the row's last used column: read no further than that.
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // ExcelJS repeats a merged area's value in every cell; the engine wants it once, in the top-left cell.
      out.push(cell.isMerged && cell.master.address !== cell.address ? { value: null } : gridCell(cell));
    }
    cells.push(out);
  }
  const merges: MergedArea[] = ((ws.model as { merges?: string[] }).merges ?? []).map((range) => {
    const [from, to] = range.split(':');
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    return { top: a.row, left: a.col, bottom: b.row, right: b.col };
  });
  return { name: ws.name, origin: { row: 0, col: 0 }, cells, merges };
}

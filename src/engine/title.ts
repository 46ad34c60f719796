/**
 * The title rows above a table's header ("BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022", "Đơn vị: Văn phòng UBND tỉnh", "Kèm theo
 * Báo cáo số /BC-VP ngày /12/2022"): read once, for every reader of what they say — the year, the report's date, the
 * unit's name.
 */
import { GridView } from './grid';
import { cellText, fold } from './text';

export interface TitleCell {
  row: number;
  col: number;
  /** Cleaned text, as written. */
  text: string;
  /** Folded (lower case, no diacritics) for matching words. */
  folded: string;
}

/** The non-empty cells from the sheet's first row down to `lastRow` (the header row, or the row above it), in order. */
export function titleCells(view: GridView, lastRow: number): TitleCell[] {
  const out: TitleCell[] = [];
  for (let row = view.firstRow; row <= lastRow; row++) {
    for (let col = view.firstCol; col <= view.lastCol; col++) {
      const text = cellText(view.cell(row, col).value);
      if (text !== '') out.push({ row, col, text, folded: fold(text) });
    }
  }
  return out;
}

/** The first match of `pattern` (on folded text) in the title cells, with the cell it was found in. */
export function firstInTitle(cells: readonly TitleCell[], pattern: RegExp): { cell: TitleCell; match: RegExpExecArray } | undefined {
  for (const cell of cells) {
    const match = pattern.exec(cell.folded);
    if (match) return { cell, match };
  }
  return undefined;
}

/** The year being scored, from the title rows above the header ("BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"). */
export function yearOf(view: GridView, headerRow: number): number | undefined {
  const found = firstInTitle(titleCells(view, headerRow), /\bnam (\d{4})\b/);
  return found ? Number(found.match[1]) : undefined;
}

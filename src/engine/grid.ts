/** The engine's only input: one worksheet's cells, as any adapter (the Excel add-in, ExcelJS, a test) can produce them. */
import { readScore, Score } from './numbers';
import { cellText, foldLetters } from './text';

export type CellValue = number | string | boolean | null;

export interface GridCell {
  /** The stored value: a number, a string (also numbers typed as text), a boolean, or null when empty. */
  value: CellValue;
  /** The text Excel shows, where the adapter knows it (number formats such as `00` show 2 as "02"). */
  text?: string;
  /** The formula, with its leading "=", when the cell holds one; `value` is then its last computed result. */
  formula?: string;
}

/** A merged area in absolute, 0-based sheet coordinates, inclusive. */
export interface MergedArea {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetGrid {
  name: string;
  /** Absolute 0-based sheet position of `cells[0][0]`: Office's used range may start anywhere. */
  origin: { row: number; col: number };
  /** Rows of cells; rows may be ragged and may be shorter than the sheet. */
  cells: GridCell[][];
  merges?: MergedArea[];
}

export const EMPTY_CELL: GridCell = Object.freeze({ value: null }) as GridCell;

/** Column index (0-based) to letters: 0 → A, 26 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  let n = col + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Absolute 0-based row and column to an A1 address. */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row + 1}`;
}

/** An A1 address (optionally with $ and a sheet prefix) to absolute 0-based coordinates. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^(?:.*!)?\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new Error(`not an A1 address: ${address}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** An A1 range ("B2:D4", "$A$1", "Sheet1!A1:B2") to absolute 0-based corners; a single cell is a one-cell range. */
export function parseRange(ref: string): MergedArea {
  const [from, to] = ref.trim().replace(/^.*!/, '').split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

/** Cells per block of a `CellMemo`. */
const BLOCK = 4096;

/**
 * One value per cell, by the cell's index in the grid (row × columns + column), kept in blocks allocated as cells are
 * first asked for: a few objects for the garbage collector to keep rather than one per row, and memory only where a
 * sheet is read (a grid may be ragged and wide).
 */
class CellMemo<T> {
  private readonly blocks: (T | undefined)[][] = [];

  get(index: number): T | undefined {
    return this.blocks[Math.floor(index / BLOCK)]?.[index % BLOCK];
  }

  set(index: number, value: T): T {
    const b = Math.floor(index / BLOCK);
    (this.blocks[b] ??= new Array<T | undefined>(BLOCK))[index % BLOCK] = value;
    return value;
  }
}

/** Read access to a grid by absolute coordinates, with merged areas indexed by row. */
export class GridView {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergesByRow = new Map<number, MergedArea[]>();
  /** What `text`, `folded` and `score` read, filled as cells are asked for. */
  private readonly texts = new CellMemo<string>();
  private readonly foldedTexts = new CellMemo<string>();
  private readonly scores = new CellMemo<Score>();

  constructor(readonly grid: SheetGrid) {
    this.rowCount = grid.cells.length;
    this.colCount = grid.cells.reduce((m, r) => Math.max(m, r.length), 0);
    for (const m of grid.merges ?? []) {
      for (let r = m.top; r <= m.bottom; r++) {
        const list = this.mergesByRow.get(r);
        if (list) list.push(m);
        else this.mergesByRow.set(r, [m]);
      }
    }
  }

  get firstRow(): number {
    return this.grid.origin.row;
  }
  get lastRow(): number {
    return this.grid.origin.row + this.rowCount - 1;
  }
  get firstCol(): number {
    return this.grid.origin.col;
  }
  get lastCol(): number {
    return this.grid.origin.col + this.colCount - 1;
  }

  /** The cell at absolute coordinates; an empty cell outside the grid. */
  cell(row: number, col: number): GridCell {
    const r = this.grid.cells[row - this.grid.origin.row];
    return (r && r[col - this.grid.origin.col]) ?? EMPTY_CELL;
  }

  /** A cell's text as a person reads it (`cellText`), read once per view: every step of a check reads the same cells. */
  text(row: number, col: number): string {
    const i = this.slot(row, col);
    if (i < 0) return this.readText(row, col);
    return this.texts.get(i) ?? this.texts.set(i, this.readText(row, col));
  }

  /** The cell's text folded for matching words (`fold`: lower case, no diacritics), once per view. */
  folded(row: number, col: number): string {
    const i = this.slot(row, col);
    if (i < 0) return foldLetters(this.readText(row, col));
    return this.foldedTexts.get(i) ?? this.foldedTexts.set(i, foldLetters(this.text(row, col)));
  }

  /** The cell read as a score (`readScore`), once per view. */
  score(row: number, col: number): Score {
    const i = this.slot(row, col);
    if (i < 0) return readScore(this.cell(row, col).value);
    return this.scores.get(i) ?? this.scores.set(i, readScore(this.cell(row, col).value));
  }

  /** A cell's place in the flat caches; -1 outside the grid. */
  private slot(row: number, col: number): number {
    const r = row - this.grid.origin.row;
    const c = col - this.grid.origin.col;
    return r < 0 || c < 0 || r >= this.rowCount || c >= this.colCount ? -1 : r * this.colCount + c;
  }

  private readText(row: number, col: number): string {
    const cell = this.cell(row, col);
    return cellText(cell.value, cell.text);
  }

  /** The merged area that holds (row, col), if any. */
  mergeAt(row: number, col: number): MergedArea | undefined {
    return this.mergesByRow.get(row)?.find((m) => col >= m.left && col <= m.right);
  }
}

/** Reading a sheet: queue everything in one batch, turn the answer into the engine's grid after the one sync. */
import { a1, CellValue, GridCell, MergedArea, SheetGrid } from '../engine';
import { Area, FillState } from './backup';
import { Capabilities } from './host';
import { CellNow } from './plan';

export interface QueuedRead {
  range: Excel.Range;
  merges?: Excel.RangeAreas;
  props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

export interface ReadParts {
  /** getMergedAreasOrNullObject fails above 512 areas: the retry goes without it. */
  merges: boolean;
}

/** Queues the loads of a range: values, text shown, formulas, number formats, and where the host has them merges and fills. */
export function queueRead(range: Excel.Range, caps: Capabilities, parts: ReadParts = { merges: true }): QueuedRead {
  range.load('address,rowIndex,columnIndex,rowCount,columnCount,cellCount,values,text,formulas,numberFormat');
  const q: QueuedRead = { range };
  if (caps.merges && parts.merges) {
    q.merges = range.getMergedAreasOrNullObject();
    q.merges.load('areaCount');
    // Positions from the areas themselves: an address list is split by commas, and sheet names may hold commas.
    q.merges.areas.load('rowIndex,columnIndex,rowCount,columnCount');
  }
  if (caps.areas) {
    q.props = range.getCellProperties({
      format: { fill: { color: true, pattern: true, tintAndShade: true, patternColor: true, patternTintAndShade: true } },
    });
  }
  return q;
}

function cellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

export function areaOf(range: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number }): Area {
  return {
    top: range.rowIndex,
    left: range.columnIndex,
    bottom: range.rowIndex + range.rowCount - 1,
    right: range.columnIndex + range.columnCount - 1,
  };
}

export function intersect(a: Area, b: Area): Area | undefined {
  const r = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return r.top <= r.bottom && r.left <= r.right ? r : undefined;
}

/**
 * A formula, or text that merely starts with "=": Range.formulas gives both as the same string
 * (https://github.com/OfficeDev/office-js/issues/6687); a formula's value is its result, text's value is itself.
 */
function formulaOf(formula: unknown, value: unknown): string | undefined {
  return typeof formula === 'string' && formula.startsWith('=') && formula !== value ? formula : undefined;
}

function mergesOf(q: QueuedRead): MergedArea[] {
  if (!q.merges || q.merges.isNullObject) return [];
  return q.merges.areas.items.map(areaOf).filter((m) => m.top !== m.bottom || m.left !== m.right);
}

/** After the sync: the loaded range (or the part of it inside `area`) as the engine's grid. */
export function toGrid(name: string, q: QueuedRead, area?: Area): SheetGrid {
  const { range } = q;
  const full = areaOf(range);
  const part = area ? (intersect(full, area) ?? full) : full;
  const cells: GridCell[][] = [];
  for (let r = part.top; r <= part.bottom; r++) {
    const row: GridCell[] = [];
    const i = r - full.top;
    for (let c = part.left; c <= part.right; c++) {
      const j = c - full.left;
      const f = formulaOf(range.formulas[i][j], range.values[i][j]);
      const cell: GridCell = { value: cellValue(range.values[i][j]) };
      const shown = range.text[i][j];
      if (typeof shown === 'string' && shown !== '') cell.text = shown;
      if (f) cell.formula = f;
      row.push(cell);
    }
    cells.push(row);
  }
  const merges = mergesOf(q).filter((m) => intersect(m, part));
  return { name, origin: { row: part.top, col: part.left }, cells, merges };
}

/**
 * Excel reports no fill as white: "#FFFFFF" with pattern null, and only tintAndShade null tells it from a white fill
 * (office-js#4900). Before ExcelApi 1.9 there is no tintAndShade, and white is taken for no fill.
 */
export function fillState(
  fill: {
    color?: string | null;
    pattern?: string | null;
    tintAndShade?: number | null;
    patternColor?: string | null;
    patternTintAndShade?: number | null;
  },
  hasTint: boolean,
): FillState {
  const { color, pattern } = fill;
  if (!color || pattern === 'None') return { color: null };
  if (hasTint ? fill.tintAndShade === null || fill.tintAndShade === undefined : /^#?fff(fff)?$/i.test(color)) return { color: null };
  const f: FillState = { color };
  if (fill.tintAndShade) f.tintAndShade = fill.tintAndShade;
  if (pattern && pattern !== 'Solid') {
    f.pattern = pattern;
    if (fill.patternColor) f.patternColor = fill.patternColor;
    if (fill.patternTintAndShade) f.patternTintAndShade = fill.patternTintAndShade;
  }
  return f;
}

/** After the sync: what each cell of the read holds now, by address (fills where the host reports them in bulk). */
export function cellNow(q: QueuedRead, row: number, col: number): CellNow | undefined {
  const { range } = q;
  const i = row - range.rowIndex;
  const j = col - range.columnIndex;
  if (i < 0 || j < 0 || i >= range.rowCount || j >= range.columnCount) return undefined;
  const f = formulaOf(range.formulas[i][j], range.values[i][j]);
  const now: CellNow = { value: cellValue(range.values[i][j]), numberFormat: String(range.numberFormat[i][j] ?? 'General') };
  if (f) now.formula = f;
  const fill = q.props?.value[i]?.[j]?.format?.fill;
  if (fill) now.fill = fillState(fill as Parameters<typeof fillState>[0], true);
  return now;
}

/** The addresses of a read's cells from A1 strings, for the planner. */
export function addressOf(row: number, col: number): string {
  return a1(row, col);
}

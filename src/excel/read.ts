/** Reading a sheet: queue everything in one batch, turn the answer into the engine's grid after the one sync. */
import { CellValue, GridCell, MergedArea, SheetGrid, parseRange } from '../engine';
import { FillState } from './backup';
import { Capabilities } from './host';

export interface QueuedRead {
  range: Excel.Range;
  merges?: Excel.RangeAreas;
  props?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

/** Queues the loads of a range: values, text shown, formulas, and where the host has them merges and fills. */
export function queueRead(range: Excel.Range, caps: Capabilities): QueuedRead {
  range.load('address,rowIndex,columnIndex,rowCount,columnCount,cellCount,values,text,formulas');
  const q: QueuedRead = { range };
  if (caps.merges) {
    q.merges = range.getMergedAreasOrNullObject();
    q.merges.load('address');
  }
  if (caps.areas) q.props = range.getCellProperties({ format: { fill: { color: true, pattern: true } } });
  return q;
}

function cellValue(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

/** "Sheet1!A1:B2, Sheet1!D4" → merged areas; single cells are not merges. */
export function parseAreas(address: string): MergedArea[] {
  const out: MergedArea[] = [];
  for (const part of address.split(',')) {
    if (!part.trim().replace(/^.*!/, '')) continue;
    const area = parseRange(part);
    if (area.top !== area.bottom || area.left !== area.right) out.push(area);
  }
  return out;
}

/** After the sync: the loaded range as the engine's grid. */
export function toGrid(name: string, q: QueuedRead): SheetGrid {
  const { range } = q;
  const cells: GridCell[][] = range.values.map((row, r) =>
    row.map((v, c) => {
      const f = range.formulas[r][c];
      const cell: GridCell = { value: cellValue(v) };
      const shown = range.text[r][c];
      if (typeof shown === 'string' && shown !== '') cell.text = shown;
      if (typeof f === 'string' && f.startsWith('=')) cell.formula = f;
      return cell;
    }),
  );
  const merges = q.merges && !q.merges.isNullObject ? parseAreas(q.merges.address) : [];
  return { name, origin: { row: range.rowIndex, col: range.columnIndex }, cells, merges };
}

/** The fill of an absolute cell as read by getCellProperties, when the host has it. */
export function fillAt(q: QueuedRead, row: number, col: number): FillState | undefined {
  const fill = q.props?.value[row - q.range.rowIndex]?.[col - q.range.columnIndex]?.format?.fill;
  if (!fill) return undefined;
  return fillState(fill.color, fill.pattern);
}

/** Excel reports "no fill" as white with pattern None (1.9) or, before 1.9, as plain white. */
export function fillState(color: string | undefined, pattern?: string): FillState {
  if (pattern === 'None' || !color || (pattern === undefined && /^#?fff(fff)?$/i.test(color))) return { color: null };
  return pattern && pattern !== 'Solid' ? { color, pattern } : { color };
}

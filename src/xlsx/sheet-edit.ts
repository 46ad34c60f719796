/**
 * Edits one worksheet's XML in place: the cells written (formula and cached value, or a value), the style index of
 * marked cells, cached results dropped where they went stale, cells and rows added in order where they were missing,
 * <dimension> widened, <legacyDrawing> added for notes. Every other character of the part is copied as it was.
 */
import { a1 } from '../engine';
import { shiftFormula } from './formula';
import { applySplices, escapeText, qualified, Splice, startTag, walkXml, XmlElement } from './xml';
import { NS } from './package';

interface CellInfo {
  el: XmlElement;
  row: number;
  col: number;
  f?: XmlElement;
  fText: string[];
  v?: XmlElement;
}

interface RowInfo {
  el: XmlElement;
  r: number;
  cells: CellInfo[];
}

export interface CellValueWrite {
  row: number;
  col: number;
  value: number;
  /** Without the leading "=". */
  formula?: string;
}

/** Elements that come after <legacyDrawing> in a worksheet (ECMA-376 Part 1, CT_Worksheet). */
const AFTER_LEGACY_DRAWING = [
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
];

const key = (row: number, col: number) => `${row},${col}`;

function position(ref: string | undefined): { row: number; col: number } | undefined {
  const m = ref ? /^([A-Z]{1,3})(\d+)$/.exec(ref) : null;
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export class SheetXml {
  private root!: XmlElement;
  private dimension?: XmlElement;
  private sheetData?: XmlElement;
  private readonly children: XmlElement[] = [];
  private readonly rows: RowInfo[] = [];
  private readonly cells = new Map<string, CellInfo>();
  private readonly cols: { min: number; max: number; style: number }[] = [];
  private readonly shared = new Map<string, CellInfo[]>();
  /** The r:id of the sheet's <legacyDrawing>, when it has one. */
  legacyDrawing?: string;

  /**
   * `interest`: the cells ("row,col") the edit will touch. Only those, their rows' cells and the cells of shared
   * formulas are kept from the parse: a large sheet whose formulas merely read a total costs its parse, not its cells.
   */
  constructor(
    private readonly xml: string,
    interest: Set<string>,
  ) {
    const interestRows = new Set([...interest].map((k) => Number(k.slice(0, k.indexOf(',')))));
    let row: RowInfo | undefined;
    let cell: CellInfo | undefined;
    let lastRow = -1;
    let lastCol = -1;
    walkXml(
      xml,
      {
        open: (el, stack) => {
          if (stack.length === 1) this.root = el;
          if (stack.length === 2) this.children.push(el);
          switch (el.local) {
            case 'dimension':
              if (stack.length === 2) this.dimension = el;
              break;
            case 'sheetData':
              this.sheetData = el;
              break;
            case 'col':
              this.cols.push({ min: Number(el.attrs.min) - 1, max: Number(el.attrs.max) - 1, style: Number(el.attrs.style ?? 0) });
              break;
            case 'legacyDrawing':
              if (stack.length === 2) this.legacyDrawing = Object.entries(el.attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
              break;
            case 'row': {
              const r = Number(el.attrs.r);
              lastRow = Number.isInteger(r) && r > 0 ? r - 1 : lastRow + 1;
              lastCol = -1;
              row = { el, r: lastRow, cells: [] };
              this.rows.push(row);
              break;
            }
            case 'c': {
              if (!row || stack[stack.length - 2] !== row.el) break;
              const p = position(el.attrs.r);
              lastCol = p ? p.col : lastCol + 1;
              cell = { el, row: row.r, col: lastCol, fText: [] };
              if (interestRows.has(row.r)) row.cells.push(cell);
              if (interest.has(key(row.r, lastCol))) this.cells.set(key(row.r, lastCol), cell);
              break;
            }
            case 'f':
              if (cell && stack[stack.length - 2] === cell.el) {
                cell.f = el;
                if (el.attrs.t === 'shared' && el.attrs.si !== undefined) {
                  const group = this.shared.get(el.attrs.si) ?? [];
                  group.push(cell);
                  this.shared.set(el.attrs.si, group);
                }
              }
              break;
            case 'v':
              if (cell && stack[stack.length - 2] === cell.el) cell.v = el;
              break;
          }
        },
        close: (el) => {
          if (el.local === 'c' && cell?.el === el) cell = undefined;
          if (el.local === 'row' && row?.el === el) row = undefined;
        },
        text: (t, stack) => {
          if (cell && stack[stack.length - 1] === cell.f) cell.fText.push(t);
        },
      },
      { namespaces: false },
    ); // names by local part and prefix; the namespaces themselves are never needed here
    if (!this.sheetData) throw new Error('worksheet without sheetData');
  }

  /** The cell format a cell shows: its own, else its row's (when the row has one), else its column's. */
  styleOf(row: number, col: number): number {
    const c = this.cells.get(key(row, col));
    if (c) return Number(c.el.attrs.s ?? 0);
    const r = this.rows.find((x) => x.r === row);
    if (r && r.el.attrs.customFormat === '1' && r.el.attrs.s !== undefined) return Number(r.el.attrs.s);
    return this.cols.find((k) => col >= k.min && col <= k.max)?.style ?? 0;
  }

  /** Whether a cell (one of interest) holds a formula. */
  hasFormula(row: number, col: number): boolean {
    return this.cells.get(key(row, col))?.f !== undefined;
  }

  /**
   * The part with the edits made. `styles` gives the new style index of marked cells; `stale` the cells whose cached
   * result is to go; `legacyDrawingId` adds a <legacyDrawing> (the sheet had none).
   */
  edit(writes: CellValueWrite[], styles: Map<string, number>, stale: Set<string>, legacyDrawingId?: string): string {
    const splices: Splice[] = [];
    const written = new Map(writes.map((w) => [key(w.row, w.col), w]));
    const q = (local: string) => qualified(this.root, local);

    const cellXml = (row: number, col: number, attrs: Record<string, string>, w: CellValueWrite | undefined, inner = '') => {
      const a: Record<string, string> = { r: a1(row, col), ...attrs };
      const s = styles.get(key(row, col));
      if (s !== undefined) a.s = String(s);
      if (!w) return inner ? `${startTag(q('c'), a)}${inner}</${q('c')}>` : startTag(q('c'), a, true);
      // A number now: no string type, no rich-value or dynamic-array metadata of what was there.
      delete a.t;
      delete a.vm;
      delete a.cm;
      const f = w.formula !== undefined ? `<${q('f')}>${escapeText(w.formula)}</${q('f')}>` : '';
      return `${startTag(q('c'), a)}${f}<${q('v')}>${String(w.value)}</${q('v')}></${q('c')}>`;
    };

    // A shared formula whose first cell is overwritten loses its text: each other cell of it gets its own formula.
    for (const group of this.shared.values()) {
      const master = group.find((c) => c.fText.join('') !== '');
      if (!master || !written.has(key(master.row, master.col))) continue;
      const text = master.fText.join('');
      for (const c of group) {
        if (c === master || written.has(key(c.row, c.col))) continue;
        const moved = shiftFormula(text, c.row - master.row, c.col - master.col) ?? '#REF!';
        splices.push({ from: c.f!.start, to: c.f!.end, text: `<${c.f!.name}>${escapeText(moved)}</${c.f!.name}>` });
      }
    }

    for (const c of this.cells.values()) {
      const k = key(c.row, c.col);
      const w = written.get(k);
      if (w) {
        splices.push({ from: c.el.start, to: c.el.end, text: cellXml(c.row, c.col, { ...c.el.attrs }, w) });
        continue;
      }
      const s = styles.get(k);
      if (s !== undefined) {
        splices.push({ from: c.el.start, to: c.el.openEnd, text: startTag(c.el.name, { ...c.el.attrs, s: String(s) }, c.el.selfClosing) });
      }
      if (stale.has(k) && c.v && c.f) splices.push({ from: c.v.start, to: c.v.end, text: '' });
    }

    // Cells that do not exist yet (a mark on an empty cell, a total never typed), in row and column order.
    const missing = new Map<number, number[]>();
    for (const k of new Set([...written.keys(), ...styles.keys()])) {
      if (this.cells.has(k)) continue;
      const [row, col] = k.split(',').map(Number);
      missing.set(row, [...(missing.get(row) ?? []), col]);
    }
    const newRows: { r: number; text: string }[] = [];
    let bounds: { top: number; left: number; bottom: number; right: number } | undefined;
    for (const [row, cols] of missing) {
      cols.sort((a, b) => a - b);
      const made = cols.map((col) => ({ col, text: cellXml(row, col, {}, written.get(key(row, col))) }));
      for (const col of cols) {
        bounds = bounds
          ? {
              top: Math.min(bounds.top, row),
              bottom: Math.max(bounds.bottom, row),
              left: Math.min(bounds.left, col),
              right: Math.max(bounds.right, col),
            }
          : { top: row, bottom: row, left: col, right: col };
      }
      const existing = this.rows.find((r) => r.r === row);
      if (!existing) {
        newRows.push({ r: row, text: `${startTag(q('row'), { r: String(row + 1) })}${made.map((m) => m.text).join('')}</${q('row')}>` });
        continue;
      }
      const attrs = { ...existing.el.attrs };
      const spans = /^(\d+):(\d+)$/.exec(attrs.spans ?? '');
      if (spans) attrs.spans = `${Math.min(Number(spans[1]), cols[0] + 1)}:${Math.max(Number(spans[2]), cols[cols.length - 1] + 1)}`;
      if (existing.el.selfClosing) {
        splices.push({
          from: existing.el.start,
          to: existing.el.end,
          text: `${startTag(existing.el.name, attrs)}${made.map((m) => m.text).join('')}</${existing.el.name}>`,
        });
        continue;
      }
      if (attrs.spans !== existing.el.attrs.spans)
        splices.push({ from: existing.el.start, to: existing.el.openEnd, text: startTag(existing.el.name, attrs) });
      for (const m of made) {
        const before = existing.cells.find((c) => c.col > m.col);
        const at = before ? before.el.start : existing.el.closeStart;
        splices.push({ from: at, to: at, text: m.text });
      }
    }
    newRows.sort((a, b) => a.r - b.r);
    const data = this.sheetData!;
    if (data.selfClosing && newRows.length > 0) {
      splices.push({ from: data.start, to: data.end, text: `<${data.name}>${newRows.map((r) => r.text).join('')}</${data.name}>` });
    } else {
      for (const nr of newRows) {
        const before = this.rows.find((r) => r.r > nr.r);
        const at = before ? before.el.start : data.closeStart;
        splices.push({ from: at, to: at, text: nr.text });
      }
    }

    if (bounds && this.dimension?.attrs.ref) {
      const [a, b = a] = this.dimension.attrs.ref.split(':').map((x) => position(x.replace(/\$/g, '')));
      if (a && b) {
        const top = Math.min(a.row, bounds.top);
        const left = Math.min(a.col, bounds.left);
        const bottom = Math.max(b.row, bounds.bottom);
        const right = Math.max(b.col, bounds.right);
        const empty = this.rows.length === 0 && a.row === 0 && a.col === 0 && b.row === 0 && b.col === 0;
        const ref = empty
          ? `${a1(bounds.top, bounds.left)}:${a1(bounds.bottom, bounds.right)}`
          : top === bottom && left === right
            ? a1(top, left)
            : `${a1(top, left)}:${a1(bottom, right)}`;
        if (ref !== this.dimension.attrs.ref) {
          splices.push({
            from: this.dimension.start,
            to: this.dimension.openEnd,
            text: startTag(this.dimension.name, { ...this.dimension.attrs, ref }, this.dimension.selfClosing),
          });
        }
      }
    }

    if (legacyDrawingId !== undefined) {
      const rPrefix = Object.entries(this.root.attrs)
        .find(([k, v]) => k.startsWith('xmlns:') && v === NS.rel)?.[0]
        .slice(6);
      const attr = rPrefix ? { [`${rPrefix}:id`]: legacyDrawingId } : { 'xmlns:r': NS.rel, 'r:id': legacyDrawingId };
      const tag = startTag(q('legacyDrawing'), attr, true);
      const after = this.children.find((c) => AFTER_LEGACY_DRAWING.includes(c.local));
      const at = after ? after.start : this.root.closeStart;
      splices.push({ from: at, to: at, text: tag });
    }
    return applySplices(this.xml, splices);
  }
}

/**
 * Reads a worksheet's XML straight into the engine's grid, streaming: shared strings, inline strings, rich text
 * (phonetic runs left out), booleans, errors, dates by their number format, formulas (shared ones given to each cell
 * they cover) with their cached results. Also lists every formula with the cells it reads, for the fix's stale-result
 * scan. Nothing is written here.
 */
import { CellValue, GridCell, MergedArea, SheetGrid, EMPTY_CELL } from '../engine';
import { Area, shiftFormula } from './formula';
import { XlsxPackage } from './package';
import { streamXml } from './xml';

/** Text of a shared or inline string item: its <t> runs, without phonetic guides (<rPh>). */
function stringItems(bytes: Buffer, item: string): string[] {
  const out: string[] = [];
  let current: string[] | undefined;
  let inT = false;
  let inRPh = 0;
  streamXml(bytes, {
    open: (local) => {
      if (local === item) current = [];
      else if (local === 't') inT = true;
      else if (local === 'rPh') inRPh++;
    },
    close: (local) => {
      if (local === item && current) {
        out.push(current.join(''));
        current = undefined;
      } else if (local === 't') inT = false;
      else if (local === 'rPh') inRPh--;
    },
    text: (t) => {
      if (current && inT && inRPh === 0) current.push(t);
    },
  });
  return out;
}

export function readSharedStrings(pkg: XlsxPackage, workbookPart: string): string[] {
  const rel = pkg.related(workbookPart, '/sharedStrings');
  return rel?.part && pkg.has(rel.part) ? stringItems(pkg.bytes(rel.part), 'si') : [];
}

/** Built-in number formats that show dates or times (ECMA-376 Part 1, 18.8.30), as ExcelJS reads them. */
const BUILTIN_DATE = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58,
]);

/** A format code shows a date when, outside quotes and brackets, it has a date or time letter (ExcelJS's test). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cellXfs index, whether the format shows a date. */
export function readDateStyles(pkg: XlsxPackage, stylesPart: string | undefined): boolean[] {
  if (!stylesPart || !pkg.has(stylesPart)) return [];
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  let depth = 0;
  let xfDepth = -1;
  streamXml(pkg.bytes(stylesPart), {
    open: (local, attrs) => {
      depth++;
      if (local === 'numFmt') custom.set(Number(attrs.numFmtId), attrs.formatCode ?? '');
      if (local === 'cellXfs') ((inCellXfs = true), (xfDepth = depth + 1));
      if (local === 'xf' && inCellXfs && depth === xfDepth) {
        const id = Number(attrs.numFmtId ?? 0);
        const code = custom.get(id);
        dates.push(code !== undefined ? isDateFormat(code) : BUILTIN_DATE.has(id));
      }
    },
    close: (local) => {
      depth--;
      if (local === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
  });
  return dates;
}

/** A formula somewhere in the workbook, with what it reads. */
export interface FormulaCell {
  sheet: string;
  row: number;
  col: number;
  /** The references it reads: areas on a sheet (by name; undefined for its own), names and tables. */
  text: string;
}

export interface ReadOptions {
  shared: string[];
  dateStyles: boolean[];
  date1904: boolean;
  /** Build the grid (false: only list the formulas, for sheets not checked). */
  grid: boolean;
}

/** "AB12" → 0-based row and column, read by hand (this runs once per cell of every sheet read). */
function position(ref: string | undefined): { row: number; col: number } | undefined {
  if (!ref) return undefined;
  let col = 0;
  let i = 0;
  for (; i < ref.length && i < 3; i++) {
    const ch = ref.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
  }
  if (i === 0 || i === ref.length) return undefined;
  let row = 0;
  for (let j = i; j < ref.length; j++) {
    const ch = ref.charCodeAt(j);
    if (ch < 48 || ch > 57) return undefined;
    row = row * 10 + (ch - 48);
  }
  return row > 0 ? { row: row - 1, col: col - 1 } : undefined;
}

/** An Excel serial date to yyyy-mm-dd, as ExcelJS turns it into a Date. */
function serialDate(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86400000);
  const d = new Date(ms);
  return Number.isNaN(d.getTime()) ? String(serial) : d.toISOString().slice(0, 10);
}

function mergeArea(ref: string): MergedArea | undefined {
  const [a, b = a] = ref.split(':').map(position);
  if (!a || !b) return undefined;
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

/**
 * One worksheet part → its grid (when asked) and its formulas. Rows and cells without an "r" take the place after the
 * one before, as the format allows.
 */
export function readSheet(xml: Buffer | string, name: string, o: ReadOptions): { grid: SheetGrid; formulas: FormulaCell[] } {
  const cells: GridCell[][] = [];
  const merges: MergedArea[] = [];
  const formulas: FormulaCell[] = [];
  const masters = new Map<string, { text: string; row: number; col: number }>();
  let row = -1;
  let col = -1;
  // Texts are joined as they come; `v` stays undefined where no text came (an empty <v/>: no value).
  let cell: { t: string; s: number; v?: string; f?: string; fAttrs?: Record<string, string>; inline: string } | undefined;

  const finish = () => {
    if (!cell) return;
    const c = cell;
    cell = undefined;
    let formula: string | undefined;
    if (c.fAttrs) {
      const text = c.f ?? '';
      if (c.fAttrs.t === 'shared' && c.fAttrs.si !== undefined) {
        const master = masters.get(c.fAttrs.si);
        if (text !== '' || !master) {
          if (text !== '') masters.set(c.fAttrs.si, { text, row, col });
          formula = text || undefined;
        } else formula = shiftFormula(master.text, row - master.row, col - master.col);
      } else if (c.fAttrs.t !== 'dataTable') formula = text;
    }
    if (formula !== undefined) formulas.push({ sheet: name, row, col, text: formula });
    if (!o.grid) return;
    const raw = c.v ?? '';
    let value: CellValue = null;
    if (c.t === 'inlineStr') value = c.inline;
    else if (c.v === undefined) value = null;
    else if (c.t === 's') value = o.shared[Number(raw)] ?? '';
    else if (c.t === 'str' || c.t === 'e') value = raw;
    else if (c.t === 'b') value = raw === '1' || raw === 'true';
    else if (c.t === 'd') value = raw.slice(0, 10);
    else {
      const n = Number(raw);
      value = raw.trim() === '' || Number.isNaN(n) ? raw : o.dateStyles[c.s] ? serialDate(n, o.date1904) : n;
    }
    if (value === null && formula === undefined) return;
    while (cells.length <= row) cells.push([]);
    const line = cells[row];
    while (line.length < col) line.push(EMPTY_CELL);
    line[col] = formula !== undefined ? { value, formula: `=${formula}` } : { value };
  };

  // Where the text goes: the innermost of <v>, <f> or an inline string's <t> (outside phonetic runs) we are in.
  let inV = false;
  let inF = false;
  let inIs = 0;
  let inRPh = 0;
  let inT = false;
  let depthRow = false;
  streamXml(typeof xml === 'string' ? Buffer.from(xml) : xml, {
    open: (local, attrs) => {
      switch (local) {
        case 'row': {
          const r = Number(attrs.r);
          row = Number.isInteger(r) && r > 0 ? r - 1 : row + 1;
          col = -1;
          depthRow = true;
          break;
        }
        case 'c': {
          if (!depthRow) break;
          const p = position(attrs.r);
          col = p ? p.col : col + 1;
          if (p) row = p.row;
          cell = { t: attrs.t ?? 'n', s: attrs.s === undefined ? 0 : Number(attrs.s), inline: '' };
          break;
        }
        case 'v':
          inV = cell !== undefined;
          break;
        case 'f':
          if (cell) {
            cell.f = '';
            cell.fAttrs = attrs;
            inF = true;
          }
          break;
        case 'is':
          inIs++;
          break;
        case 'rPh':
          inRPh++;
          break;
        case 't':
          inT = true;
          break;
        case 'mergeCell': {
          const m = attrs.ref ? mergeArea(attrs.ref) : undefined;
          if (m) merges.push(m);
          break;
        }
      }
    },
    close: (local) => {
      if (local === 'c' && cell) finish();
      else if (local === 'v') inV = false;
      else if (local === 'f') inF = false;
      else if (local === 'is') inIs--;
      else if (local === 'rPh') inRPh--;
      else if (local === 't') inT = false;
      else if (local === 'row') depthRow = false;
    },
    text: (t) => {
      if (!cell) return;
      if (inV) cell.v = (cell.v ?? '') + t;
      else if (inF) cell.f += t;
      else if (inT && inIs > 0 && inRPh === 0) cell.inline += t;
    },
  });

  // The engine wants a merged area's value once, in its first cell.
  for (const m of merges) {
    for (let r = m.top; r <= m.bottom && r < cells.length; r++) {
      const line = cells[r];
      for (let c = m.left; c <= m.right && c < line.length; c++) if (r !== m.top || c !== m.left) line[c] = EMPTY_CELL;
    }
  }
  return { grid: { name, origin: { row: 0, col: 0 }, cells, merges }, formulas };
}

export type { Area };

/**
 * A small tokenizer for formulas as .xlsx files store them (A1 style, no leading "="): enough to find which cells a
 * formula reads (for stale cached results) and to move a shared formula to another cell. Regular expressions here
 * read formula text, never XML.
 */

/** A rectangle of cells, 0-based and inclusive; whole columns and rows run to the sheet's edge. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export type FormulaToken =
  /** A cell or range reference; `sheet` when qualified (quotes removed), `book` for an external workbook "[1]". */
  | { kind: 'ref'; text: string; sheet?: string; book?: string; area: Area }
  /** A defined name, or a table before its "[…]" (structured reference). */
  | { kind: 'name'; text: string; table: boolean }
  | { kind: 'other'; text: string };

const MAX_ROW = 1048575;
const MAX_COL = 16383;

const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d{1,7}`;
const REF = new RegExp(
  String.raw`(${CELL}(?::${CELL})?|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3}|\$?\d{1,7}:\$?\d{1,7})(?![\p{L}\p{N}_.(!\[])`,
  'uy',
);
const SHEET = /([^\s'!()+\-*/^&=<>,;:"{}[\]%#]+)!/uy;
const NAME = /[\p{L}_\\][\p{L}\p{N}_.\\?]*/uy;
const NUMBER = /\d+(?:\.\d*)?(?:[Ee][+-]?\d+)?|\.\d+(?:[Ee][+-]?\d+)?/y;
const ERROR = /#(?:NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!)/iy;

function letters(s: string): number {
  let n = 0;
  for (const ch of s.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** One end of a reference: column and row (either may be absent for whole rows or columns), with their "$". */
interface RefEnd {
  col?: number;
  colAbs: boolean;
  row?: number;
  rowAbs: boolean;
}

function parseEnd(s: string): RefEnd {
  const m = /^(\$?)([A-Za-z]{0,3})(\$?)(\d*)$/.exec(s)!;
  return {
    colAbs: m[1] === '$' && m[2] !== '',
    col: m[2] ? letters(m[2]) : undefined,
    rowAbs: m[4] !== '' && (m[3] === '$' || (m[2] === '' && m[1] === '$')),
    row: m[4] ? Number(m[4]) - 1 : undefined,
  };
}

function areaOf(text: string): Area {
  const [a, b = a] = text.split(':').map(parseEnd);
  return {
    top: Math.min(a.row ?? 0, b.row ?? 0),
    bottom: a.row === undefined ? MAX_ROW : Math.max(a.row, b.row ?? a.row),
    left: Math.min(a.col ?? 0, b.col ?? 0),
    right: a.col === undefined ? MAX_COL : Math.max(a.col, b.col ?? a.col),
  };
}

function unquote(s: string): string {
  return s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s;
}

/** The formula's tokens, in order; their texts joined give the formula back exactly. */
export function tokenize(formula: string): FormulaToken[] {
  const out: FormulaToken[] = [];
  let i = 0;
  const at = (re: RegExp) => {
    re.lastIndex = i;
    return re.exec(formula);
  };
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < formula.length && !(formula[j] === '"' && formula[j + 1] !== '"')) j += formula[j] === '"' ? 2 : 1;
      out.push({ kind: 'other', text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    // A sheet (or book and sheet) before "!": quoted, bracketed, or plain.
    let prefixEnd = i;
    let sheet: string | undefined;
    let book: string | undefined;
    if (ch === "'" || ch === '[') {
      let j = i;
      if (formula[j] === '[') {
        const close = formula.indexOf(']', j);
        if (close > 0 && /^\[\d+\]/.test(formula.slice(j, close + 1))) {
          book = formula.slice(j + 1, close);
          j = close + 1;
        }
      }
      if (formula[j] === "'") {
        let k = j + 1;
        while (k < formula.length && !(formula[k] === "'" && formula[k + 1] !== "'")) k += formula[k] === "'" ? 2 : 1;
        if (formula[k + 1] === '!') {
          sheet = unquote(formula.slice(j, k + 1));
          prefixEnd = k + 2;
        }
      } else if (book !== undefined) {
        const m = ((SHEET.lastIndex = j), SHEET.exec(formula));
        if (m) {
          sheet = m[1];
          prefixEnd = j + m[0].length;
        }
      }
    } else {
      const m = at(SHEET);
      if (m && !/^\d/.test(m[1])) {
        sheet = m[1];
        prefixEnd = i + m[0].length;
      }
    }
    if (sheet !== undefined) {
      REF.lastIndex = prefixEnd;
      const r = REF.exec(formula);
      if (r) {
        out.push({ kind: 'ref', text: formula.slice(i, prefixEnd + r[0].length), sheet, ...(book ? { book } : {}), area: areaOf(r[1]) });
        i = prefixEnd + r[0].length;
        continue;
      }
      // A sheet-qualified name ("Sheet1!Total") or #REF!: the name token follows.
      out.push({ kind: 'other', text: formula.slice(i, prefixEnd) });
      i = prefixEnd;
      continue;
    }
    if (ch === '[') {
      // A structured reference's brackets (the table name came before): nested, kept whole.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'") j++;
        else if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out.push({ kind: 'other', text: formula.slice(i, j + 1) });
      i = j + 1;
      continue;
    }
    const prev = out[out.length - 1];
    const boundary = !prev || !/[\p{L}\p{N}_.$]$/u.test(prev.text);
    const r = boundary ? at(REF) : null;
    if (r) {
      out.push({ kind: 'ref', text: r[0], area: areaOf(r[1]) });
      i += r[0].length;
      continue;
    }
    const e = at(ERROR);
    if (e) {
      out.push({ kind: 'other', text: e[0] });
      i += e[0].length;
      continue;
    }
    const n = at(NUMBER);
    if (n) {
      out.push({ kind: 'other', text: n[0] });
      i += n[0].length;
      continue;
    }
    const name = at(NAME);
    if (name) {
      const next = formula[i + name[0].length];
      const upper = name[0].toUpperCase();
      const isName = next !== '(' && upper !== 'TRUE' && upper !== 'FALSE';
      out.push(isName ? { kind: 'name', text: name[0], table: next === '[' } : { kind: 'other', text: name[0] });
      i += name[0].length;
      continue;
    }
    out.push({ kind: 'other', text: ch });
    i++;
  }
  return out;
}

function columnName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function shiftEnd(s: string, dr: number, dc: number): string {
  const e = parseEnd(s);
  const col = e.col === undefined ? '' : `${e.colAbs ? '$' : ''}${columnName(e.colAbs ? e.col : e.col + dc)}`;
  const row = e.row === undefined ? '' : `${e.rowAbs ? '$' : ''}${(e.rowAbs ? e.row : e.row + dr) + 1}`;
  if (e.col === undefined && e.row !== undefined && e.rowAbs) return row; // "$3" of "$3:$5"
  return col + row;
}

/**
 * The formula as it reads from a cell `dr` rows and `dc` columns away: relative parts of references move, "$" parts
 * stay (how a shared formula's master gives each cell its own). Undefined when a reference would leave the sheet.
 */
export function shiftFormula(formula: string, dr: number, dc: number): string | undefined {
  let bad = false;
  const text = tokenize(formula)
    .map((t) => {
      if (t.kind !== 'ref') return t.text;
      const bang = t.text.lastIndexOf('!');
      const head = t.text.slice(0, bang + 1);
      const moved = t.text
        .slice(bang + 1)
        .split(':')
        .map((end) => shiftEnd(end, dr, dc));
      for (const end of moved) {
        const p = parseEnd(end.replace(/\$/g, ''));
        if ((p.row !== undefined && (p.row < 0 || p.row > MAX_ROW)) || (p.col !== undefined && (p.col < 0 || p.col > MAX_COL))) bad = true;
      }
      return head + moved.join(':');
    })
    .join('');
  return bad ? undefined : text;
}

export function contains(area: Area, row: number, col: number): boolean {
  return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
}

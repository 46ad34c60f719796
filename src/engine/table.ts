/** Finds the scoring table in a sheet: its header row, wherever it starts and in whatever column order. */
import { GridView, a1 } from './grid';
import { ColumnRole, TableLayout } from './model';
import { clean, fold } from './text';

/** Matched on folded header text (lower case, no diacritics). Order matters: the first match wins. */
const ROLE_PATTERNS: [ColumnRole, RegExp][] = [
  // The review columns first: "Điểm Khối chấm" or "Cán bộ lớp chấm" are never the self-score.
  ['khoiCham', /\bkhoi cham\b|\btham dinh\b|\bcum cham\b|\bkiem tra\b|\bthong nhat\b|\blop (cham|danh gia)\b|\b(doan|hoi dong) cham\b/],
  ['truTuCham', /\btru\b.*\btu (cham|danh gia)|\btu (cham|danh gia).*\btru\b/],
  ['thuongTuCham', /(thuong|\bcong\b).*\btu (cham|danh gia)|\btu (cham|danh gia).*(thuong|\bcong\b)/],
  ['tuCham', /\btu (cham|danh gia|cham diem)\b|^(diem )?tu cham/],
  // \btru\b, not "tru" alone: "trường" folds to "truong".
  ['diemTru', /^(diem )?tru\b|\bdiem tru\b/],
  ['diemThuong', /^(diem )?thuong\b|\bdiem thuong\b|\bdiem cong\b|^cong$/],
  ['diemChuan', /\bdiem chuan\b|\bdiem toi da\b|\bthang diem\b|\bkhung diem\b|\bdiem quy dinh\b|^so diem$|^(diem )?chuan$|^diem$/],
  ['giaiTrinh', /giai trinh|kiem chung|minh chung|tai lieu/],
  ['lyDo', /^(ly do|y kien|ghi chu)\b/],
  ['tt', /^(s\.? ?tt|tt|so tt|so thu tu|thu tu)\.?$/],
  ['tieuChi', /tieu chi|tieu chuan|noi dung|chi tieu|danh muc/],
];

/** A header cell is short; a long cell that happens to say "nội dung" is a criterion, not a header. */
const MAX_HEADER_LENGTH = 80;
/** How far down a sheet the header may start. */
const HEADER_SEARCH_ROWS = 60;

export function roleOf(title: string): ColumnRole | undefined {
  const c = clean(title);
  if (c === '' || c.length > MAX_HEADER_LENGTH) return undefined; // spares folding every long criterion text
  return roleOfFolded(fold(c));
}

/** `roleOf` for text folded already (a cell's `GridView.folded`). */
export function roleOfFolded(folded: string): ColumnRole | undefined {
  if (folded === '' || folded.length > MAX_HEADER_LENGTH) return undefined;
  for (const [role, re] of ROLE_PATTERNS) if (re.test(folded)) return role;
  return undefined;
}

/** The role a single cell's text names, read from the view's folded text; numbers name none. */
export function roleAt(view: GridView, row: number, col: number): ColumnRole | undefined {
  if (typeof view.cell(row, col).value !== 'string') return undefined;
  const length = view.text(row, col).length;
  // Checked before folding: a long criterion text is never a header, and folding it is the cost.
  return length === 0 || length > MAX_HEADER_LENGTH ? undefined : roleOfFolded(view.folded(row, col));
}

interface Candidate {
  rows: number[];
  columns: Partial<Record<ColumnRole, number>>;
  extra: { col: number; title: string }[];
  review: { col: number; title: string }[];
  score: number;
}

/** The cell whose text a header cell shows: a merged area's first cell for every cell it covers. */
function headerCell(view: GridView, row: number, col: number): { row: number; col: number } {
  const m = view.mergeAt(row, col);
  return m ? { row: m.top, col: m.left } : { row, col };
}

/** The header read from `rows` (one row, or two: a spanning title over the columns' own). */
function readHeader(view: GridView, rows: [number] | [number, number]): Candidate {
  const columns: Partial<Record<ColumnRole, number>> = {};
  const extra: { col: number; title: string }[] = [];
  const review: { col: number; title: string }[] = [];
  for (let col = view.firstCol; col <= view.lastCol; col++) {
    const upper = headerCell(view, rows[0], col);
    const lower = rows.length === 2 ? headerCell(view, rows[1], col) : upper;
    const a = view.text(upper.row, upper.col);
    const b = lower === upper ? '' : view.text(lower.row, lower.col);
    // In a two-row header, "Điểm tự chấm" may head both "Điểm" and "Điểm thưởng" below it: said once, not twice.
    const both = a !== '' && b !== '' && a !== b;
    const title = both ? `${a} ${b}` : a || b;
    if (title === '') continue;
    // One cell's title is folded once for every candidate it is part of; a title of two is folded as a whole.
    const one = a !== '' ? upper : lower;
    const role = both ? roleOf(title) : roleAt(view, one.row, one.col);
    if (role === 'khoiCham') review.push({ col, title });
    if (role && columns[role] === undefined) columns[role] = col;
    else if (role !== 'khoiCham') extra.push({ col, title });
  }
  const roles = Object.keys(columns).length;
  const usable = columns.tieuChi !== undefined && (columns.diemChuan !== undefined || columns.tuCham !== undefined);
  return { rows, columns, extra, review, score: usable && roles >= 3 ? roles : 0 };
}

/** How many cells of a row hold a number, counted up to `enough`. */
function numbersIn(view: GridView, row: number, enough: number): number {
  let n = 0;
  for (let col = view.firstCol; col <= view.lastCol && n < enough; col++) if (typeof view.cell(row, col).value === 'number') n++;
  return n;
}

/** True when a row holds a number in a cell (a data row, never the lower half of a header). */
function rowHasNumber(view: GridView, row: number): boolean {
  return numbersIn(view, row, 1) > 0;
}

/** A row of column numbers under the header ("(1) (2) (3)…" or "A B 1 2"): part of the header, not a criterion. */
function isColumnNumberRow(view: GridView, row: number, columns: Partial<Record<ColumnRole, number>>): boolean {
  // Numbering labels the TT and Tiêu chí columns too; a section row "A | | 0 | 1 | 2 | 3" leaves its text cell empty.
  for (const role of ['tt', 'tieuChi'] as const) {
    const col = columns[role];
    if (col !== undefined && view.text(row, col) === '') return false;
  }
  const seen = new Set<string>();
  for (let col = view.firstCol; col <= view.lastCol; col++) {
    const t = view.text(row, col);
    if (t === '') continue;
    if (!/^\(?(\d{1,2}|[A-Z])\)?$/.test(t)) return false;
    // Column numbers never repeat; a first row "I | 30 | 2 | 30 | 2" is a section with its scores.
    if (seen.has(t)) return false;
    seen.add(t);
  }
  return seen.size >= 3;
}

/** Locates the header; undefined when no row of the first 60 looks like a scoring table's header. */
export function findTable(view: GridView): TableLayout | undefined {
  let best: Candidate | undefined;
  const last = Math.min(view.lastRow, view.firstRow + HEADER_SEARCH_ROWS);
  for (let row = view.firstRow; row <= last; row++) {
    // A header is words: a row holding two numbers is data (scores, a section's totals), read no further.
    if (numbersIn(view, row, 2) >= 2) continue;
    const one = readHeader(view, [row]);
    const candidates = [one];
    // A header split over two rows starts with a row that already names a column.
    const namesAColumn = Object.keys(one.columns).length > 0;
    if (namesAColumn && row < view.lastRow && !rowHasNumber(view, row + 1)) candidates.push(readHeader(view, [row, row + 1]));
    for (const c of candidates) if (c.score > (best?.score ?? 0)) best = c;
    if (best?.score === ROLE_PATTERNS.length) break; // every column named: no row further down can do better
  }
  if (!best) return undefined;
  const headerRow = best.rows[0];
  let firstRow = best.rows[best.rows.length - 1] + 1;
  if (firstRow <= view.lastRow && isColumnNumberRow(view, firstRow, best.columns)) firstRow++;
  const cols = [...Object.values(best.columns), ...best.extra.map((e) => e.col), ...best.review.map((e) => e.col)] as number[];
  const left = Math.min(...cols);
  const right = Math.max(...cols);
  return {
    headerRow,
    headerRange: `${a1(headerRow, left)}:${a1(best.rows[best.rows.length - 1], right)}`,
    columns: best.columns,
    extraColumns: best.extra,
    reviewColumns: best.review,
    firstRow,
    lastRow: view.lastRow,
  };
}

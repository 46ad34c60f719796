/** Turns totals and findings into what the adapters do: writes to total cells, and marks on cells with findings. */
import { GridView, columnLetters } from './grid';
import { CellMark, CellWrite, CheckOptions, Finding, SEVERITY_RANK, TotalLine } from './model';
import { Totals } from './totals';

/** Excel allows 255 arguments to a function and 8,192 characters to a formula. */
const MAX_ARGS = 255;
const MAX_FORMULA = 8000;

/** True when the numbers go up: child rows come in sheet order, and need no sorted copy then. */
function ascending(rows: readonly number[]): boolean {
  for (let i = 1; i < rows.length; i++) if (rows[i] < rows[i - 1]) return false;
  return true;
}

/** "=SUM(E8:E9,E11)": consecutive child rows as ranges, in chunks Excel accepts. */
export function sumFormula(line: TotalLine): string | undefined {
  const rows = ascending(line.childRows) ? line.childRows : [...line.childRows].sort((a, b) => a - b);
  const letters = columnLetters(line.col); // every reference is in the total's own column
  const fn = line.best ? 'MAX' : 'SUM';
  // The formula written out as it goes, one chunk per MAX_ARGS references: a long sheet has thousands of totals.
  let formula = '=';
  let chunks = 0;
  let args = 0;
  for (let i = 0; i < rows.length;) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1] === rows[j] + 1) j++;
    if (args === MAX_ARGS) {
      formula += ')+';
      args = 0;
    }
    if (args === 0) {
      formula += `${fn}(`;
      chunks++;
    } else formula += ',';
    formula += j > i ? `${letters}${rows[i] + 1}:${letters}${rows[j] + 1}` : `${letters}${rows[i] + 1}`;
    args++;
    i = j + 1;
  }
  if (chunks > 0) formula += ')';
  if (line.best && chunks > 1) return undefined;
  return formula.length <= MAX_FORMULA ? formula : undefined;
}

export function planWrites(view: GridView, totals: Totals, options: Required<Pick<CheckOptions, 'totals'>>): CellWrite[] {
  const writes: CellWrite[] = [];
  const { lines } = totals;
  for (let k = 0; k < lines.length; k++) {
    const line = lines[k];
    const cell = view.cell(line.row, line.col);
    // Inside a merged area (a heading merged across the row), the cell shows its first cell's text: writing there loses it.
    const merged = view.mergeAt(line.row, line.col);
    if (merged && (merged.top !== line.row || merged.left !== line.col)) continue;
    const right = line.stated !== undefined && Math.abs(line.stated - line.computed) < 1e-9;
    // A total the user already keeps as a formula with the right result is theirs: leave it.
    if (cell.formula && right) continue;
    let formula: string | undefined;
    // A best option is written as its value: MAX would skip an option typed as text ("02").
    if (options.totals === 'formulas' && !totals.textInput(k) && !line.best) formula = sumFormula(line);
    if (!formula && right && typeof cell.value === 'number') continue;
    // The same formula with a wrong result (saved without recalculating) is still written: the copy must carry the right result.
    // Spelt out, with or without a formula, rather than spread: one object shape for each, thousands on a long sheet.
    const previous = cell.formula ? { value: cell.value, formula: cell.formula } : { value: cell.value };
    const { cell: at, row, col, computed: value, criterion, column } = line;
    writes.push(
      formula
        ? { cell: at, row, col, value, formula, previous, criterion, column }
        : { cell: at, row, col, value, previous, criterion, column },
    );
  }
  return writes;
}

/** One mark per cell: the worst severity found there, and every message. */
export function planMarks(findings: Finding[]): CellMark[] {
  const byCell = new Map<string, CellMark>();
  for (const f of findings) {
    const m = byCell.get(f.cell);
    if (!m) {
      byCell.set(f.cell, { cell: f.cell, row: f.row, col: f.col, severity: f.severity, messages: [f.message], rules: [f.rule] });
      continue;
    }
    if (SEVERITY_RANK[f.severity] < SEVERITY_RANK[m.severity]) m.severity = f.severity;
    m.messages.push(f.message);
    m.rules.push(f.rule);
  }
  return [...byCell.values()];
}

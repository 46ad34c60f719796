/**
 * Computes every total bottom-up: a section, a parent item or TỔNG CỘNG is the sum of its children, a subtotal the sum
 * of what it adds (`sums`), an item with options takes its best option as its standard.
 */
import { a1 } from './grid';
import { CAP_COLUMNS, Criterion, SCORE_COLUMNS, ScoreColumn, TableLayout, TotalLine } from './model';
import { sameScore, scoreValue } from './numbers';

export interface Totals {
  lines: TotalLine[];
  /** The computed value of every criterion in every column (its own number where it is not a total). */
  value(criterion: string, column: ScoreColumn): number | undefined;
  isTotal(criterion: string, column: ScoreColumn): boolean;
  /** For a total, the first child cell that holds a number as text, which Excel's SUM would skip. */
  textInput(line: TotalLine): { row: number; col: number; text: string } | undefined;
}

type TextInput = { row: number; col: number; text: string };

const IS_CAP = new Set<ScoreColumn>(CAP_COLUMNS);

export function computeTotals(criteria: Criterion[], layout: TableLayout): Totals {
  // Criteria by position, so that a 50,000-row sheet costs arrays, not string-keyed maps.
  const index = new Map<string, number>();
  criteria.forEach((c, i) => index.set(c.id, i));
  const kids = criteria.map((c) => (c.sums ?? c.children).map((id) => index.get(id)!).filter((k) => k !== undefined));
  const total = {} as Record<ScoreColumn, Uint8Array>;
  const values = {} as Record<ScoreColumn, Float64Array>;
  for (const column of SCORE_COLUMNS) {
    total[column] = new Uint8Array(criteria.length);
    values[column] = new Float64Array(criteria.length).fill(NaN);
  }

  // Children before parents, so that a section's line never comes before its items' lines; subtotals and a second
  // grand total share children with the tree, so each criterion is visited once.
  const order: number[] = [];
  const seen = new Uint8Array(criteria.length);
  const visit = (i: number): void => {
    if (seen[i]) return;
    seen[i] = 1;
    for (const k of kids[i]) visit(k);
    order.push(i);
  };
  criteria.forEach((c, i) => c.parent === undefined && c.kind !== 'subtotal' && visit(i));
  criteria.forEach((c, i) => c.kind === 'subtotal' && visit(i));
  criteria.forEach((_, i) => visit(i));

  /** Sections summed by subtotals: their heading rows are left as they are where they hold nothing. */
  const summedBySubtotal = new Uint8Array(criteria.length);
  for (const c of criteria)
    if (c.kind === 'subtotal')
      for (const id of c.sums ?? []) {
        const k = index.get(id);
        const p = k === undefined ? undefined : criteria[k].parent;
        const pi = p === undefined ? undefined : index.get(p);
        if (pi !== undefined) summedBySubtotal[pi] = 1;
      }

  /** Options make a standard: the sum over groups of each group's best. */
  const bestOption = (c: Criterion): number | undefined => {
    const best = new Map<number, number>();
    for (const o of c.options) if (o.value !== undefined) best.set(o.group, Math.max(best.get(o.group) ?? -Infinity, o.value));
    return best.size === 0 ? undefined : [...best.values()].reduce((a, b) => a + b, 0);
  };

  for (const i of order) {
    const c = criteria[i];
    for (const column of SCORE_COLUMNS) {
      const own = scoreValue(c.scores[column]);
      // A parent is a total only where its children carry values there: in the seed, mục 1's bonus of 20 belongs to
      // mục 1 itself, because its sub-items carry no bonus; a unit scoring a parent as a whole uses its children as a guide.
      const isTotal = kids[i].some((k) => total[column][k] === 1 || criteria[k].scores[column].kind === 'number');
      total[column][i] = isTotal ? 1 : 0;
      if (!isTotal) {
        // An item with options counts as its best option, as a fix will write it: the totals above see the same.
        const best = column === 'diemChuan' ? bestOption(c) : undefined;
        values[column][i] = best ?? own ?? NaN;
        continue;
      }
      let sum = 0;
      const groupBest = new Map<number, number>();
      for (const k of kids[i]) {
        const v = values[column][k];
        if (Number.isNaN(v)) continue;
        const alt = criteria[k].alternative;
        // Alternatives ("… Hoặc …") offer the best of them as a cap; what a unit scores on them still adds up.
        if (alt !== undefined && IS_CAP.has(column)) groupBest.set(alt, Math.max(groupBest.get(alt) ?? -Infinity, v));
        else sum += v;
      }
      for (const v of groupBest.values()) sum += v;
      // A bonus or deduction cap written below what its items add up to caps the group ("tối đa 3 điểm"): not a sum.
      if (
        (column === 'diemThuong' || column === 'diemTru') &&
        c.kind === 'section' &&
        own !== undefined &&
        own !== 0 &&
        Math.abs(own) < Math.abs(sum) &&
        !sameScore(own, sum)
      )
        sum = own;
      values[column][i] = sum;
    }
  }

  /** The first child that holds a number as text, which Excel's SUM skips: such a total is written as a value. */
  const firstTextInput = (i: number, column: ScoreColumn, col: number): TextInput | undefined => {
    for (const k of kids[i]) {
      const s = criteria[k].scores[column];
      if (s.kind === 'number' && s.asText && s.value !== 0 && total[column][k] === 0) {
        return { row: criteria[k].row, col, text: s.text ?? String(s.value) };
      }
    }
    return undefined;
  };

  const lines: TotalLine[] = [];
  const textInputs = new Map<TotalLine, TextInput>();
  const diemChuanCol = layout.columns.diemChuan;
  for (const i of order) {
    const c = criteria[i];
    // An item with options: its standard is its best option.
    const best = diemChuanCol !== undefined && total.diemChuan[i] === 0 ? bestOption(c) : undefined;
    if (best !== undefined) {
      lines.push({
        criterion: c.id,
        column: 'diemChuan',
        cell: a1(c.row, diemChuanCol!),
        row: c.row,
        col: diemChuanCol!,
        stated: scoreValue(c.scores.diemChuan),
        computed: best,
        childRows: c.options.map((o) => o.row),
        best: true,
      });
    }
    for (const column of SCORE_COLUMNS) {
      const col = layout.columns[column];
      if (col === undefined || total[column][i] === 0) continue;
      const stated = scoreValue(c.scores[column]);
      if (stated === undefined && summedBySubtotal[i] === 1) continue;
      const line: TotalLine = {
        criterion: c.id,
        column,
        cell: a1(c.row, col),
        row: c.row,
        col,
        stated,
        computed: values[column][i],
        childRows: kids[i].map((k) => criteria[k].row),
      };
      lines.push(line);
      const input = firstTextInput(i, column, col);
      if (input) textInputs.set(line, input);
    }
  }

  const at = (id: string) => {
    const i = index.get(id);
    if (i === undefined) throw new Error(`unknown criterion ${id}`);
    return i;
  };
  return {
    lines,
    value: (id, column) => {
      const v = values[column][at(id)];
      return Number.isNaN(v) ? undefined : v;
    },
    isTotal: (id, column) => total[column][at(id)] === 1,
    textInput: (line) => textInputs.get(line),
  };
}

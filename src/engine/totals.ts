/** Computes every total bottom-up: a section, a parent item or TỔNG CỘNG is the sum of its children. */
import { a1 } from './grid';
import { CAP_OF, Criterion, SCORE_COLUMNS, ScoreColumn, TableLayout, TotalLine } from './model';
import { scoreValue } from './numbers';

export interface Totals {
  lines: TotalLine[];
  /** The computed value of every criterion in every column (its own number where it is not a total). */
  value(criterion: string, column: ScoreColumn): number | undefined;
  isTotal(criterion: string, column: ScoreColumn): boolean;
  /** For a total, the first child cell that holds a number as text, which Excel's SUM would skip. */
  textInput(line: TotalLine): { row: number; col: number; text: string } | undefined;
}

type TextInput = { row: number; col: number; text: string };

export function computeTotals(criteria: Criterion[], layout: TableLayout): Totals {
  // Criteria by position, so that a 50,000-row sheet costs arrays, not string-keyed maps.
  const index = new Map<string, number>();
  criteria.forEach((c, i) => index.set(c.id, i));
  const kids = criteria.map((c) => c.children.map((id) => index.get(id)!));
  const total = {} as Record<ScoreColumn, Uint8Array>;
  const values = {} as Record<ScoreColumn, Float64Array>;
  for (const column of SCORE_COLUMNS) {
    total[column] = new Uint8Array(criteria.length);
    values[column] = new Float64Array(criteria.length).fill(NaN);
  }

  // Children before parents, so that a section's line never comes before its items' lines. Sheet order is no help:
  // a section sits above its items, TỔNG CỘNG below its sections.
  const order: number[] = [];
  const visit = (i: number): void => {
    for (const k of kids[i]) visit(k);
    order.push(i);
  };
  criteria.forEach((c, i) => c.parent === undefined && visit(i));

  /**
   * A row is a total in a column only where its children have values or caps there: in the seed, mục 1's bonus of
   * 20 belongs to mục 1 itself, because its sub-items carry no bonus.
   */
  for (const i of order) {
    for (const column of SCORE_COLUMNS) {
      const cap = CAP_OF[column];
      const isTotal = kids[i].some(
        (k) =>
          total[column][k] === 1 ||
          criteria[k].scores[column].kind === 'number' ||
          (cap !== undefined && criteria[k].scores[cap].kind === 'number'),
      );
      total[column][i] = isTotal ? 1 : 0;
      if (isTotal) {
        let sum = 0;
        for (const k of kids[i]) if (!Number.isNaN(values[column][k])) sum += values[column][k];
        values[column][i] = sum;
      } else {
        values[column][i] = scoreValue(criteria[i].scores[column]) ?? NaN;
      }
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
  for (const i of order) {
    const c = criteria[i];
    for (const column of SCORE_COLUMNS) {
      const col = layout.columns[column];
      if (col === undefined || total[column][i] === 0) continue;
      const line: TotalLine = {
        criterion: c.id,
        column,
        cell: a1(c.row, col),
        row: c.row,
        col,
        stated: scoreValue(c.scores[column]),
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

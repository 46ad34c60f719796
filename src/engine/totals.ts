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

export function computeTotals(criteria: Criterion[], byId: Map<string, Criterion>, layout: TableLayout): Totals {
  const totalMemo = new Map<string, boolean>();
  const valueMemo = new Map<string, number | undefined>();

  /**
   * A row is a total in a column only where its children have values or caps there: in the seed, mục 1's bonus of
   * 20 belongs to mục 1 itself, because its sub-items carry no bonus.
   */
  const isTotal = (id: string, column: ScoreColumn): boolean => {
    const key = `${id}\u0000${column}`;
    let t = totalMemo.get(key);
    if (t === undefined) {
      const cap = CAP_OF[column];
      t = byId.get(id)!.children.some((childId) => {
        const child = byId.get(childId)!;
        return (
          child.scores[column].kind === 'number' ||
          (cap !== undefined && child.scores[cap].kind === 'number') ||
          isTotal(childId, column)
        );
      });
      totalMemo.set(key, t);
    }
    return t;
  };

  const value = (id: string, column: ScoreColumn): number | undefined => {
    const key = `${id}\u0000${column}`;
    if (valueMemo.has(key)) return valueMemo.get(key);
    const c = byId.get(id)!;
    const v = isTotal(id, column)
      ? c.children.reduce((sum, childId) => sum + (value(childId, column) ?? 0), 0)
      : scoreValue(c.scores[column]);
    valueMemo.set(key, v);
    return v;
  };

  // Children before parents, so that a section's line never comes before its items' lines. Sheet order is no help:
  // a section sits above its items, TỔNG CỘNG below its sections.
  const order: Criterion[] = [];
  const visit = (c: Criterion): void => {
    for (const id of c.children) visit(byId.get(id)!);
    order.push(c);
  };
  for (const c of criteria) if (c.parent === undefined) visit(c);

  const lines: TotalLine[] = [];
  for (const c of order) {
    for (const column of SCORE_COLUMNS) {
      const col = layout.columns[column];
      if (col === undefined || !isTotal(c.id, column)) continue;
      lines.push({
        criterion: c.id,
        column,
        cell: a1(c.row, col),
        row: c.row,
        col,
        stated: scoreValue(c.scores[column]),
        computed: value(c.id, column)!,
        childRows: c.children.map((id) => byId.get(id)!.row),
      });
    }
  }

  const textInput = (line: TotalLine) => {
    for (const childId of byId.get(line.criterion)!.children) {
      const s = byId.get(childId)!.scores[line.column];
      if (s.kind === 'number' && s.asText && s.value !== 0 && !isTotal(childId, line.column)) {
        const row = byId.get(childId)!.row;
        return { row, col: line.col, text: s.text ?? String(s.value) };
      }
    }
    return undefined;
  };

  return { lines, value, isTotal, textInput };
}

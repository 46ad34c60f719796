/** What every rule is given, and how it words a finding. */
import { CriteriaMap } from '../criteria';
import { GridView, a1 } from '../grid';
import { CheckOptions, Criterion, Finding, RuleCode, ScoreColumn, Severity, TableLayout } from '../model';
import { Score } from '../numbers';
import { formatNumber, quoteCell } from '../text';
import type { SheetEvidence } from '../evidence/collect';
import type { Conflict } from '../evidence/conflicts';
import type { TemplateMatch } from '../template/match';
import { Totals } from '../totals';

/** One score cell of the body, read once for every rule that looks at score cells. */
export interface ScoreCell {
  row: number;
  col: number;
  column: ScoreColumn;
  score: Score;
  /** The criterion the row is, or carries on. */
  criterion?: Criterion;
  continuation: boolean;
}

export interface RuleContext {
  view: GridView;
  layout: TableLayout;
  map: CriteriaMap;
  totals: Totals;
  scoreCells: ScoreCell[];
  options: Required<Omit<CheckOptions, 'template'>>;
  /** Set when the sheet is checked against a template: how its criteria met the template's. */
  template?: TemplateMatch;
  /** The evidence column's citations, read once, and the documents cited with two dates within the sheet. */
  evidence: SheetEvidence & { conflicts: Conflict[] };
}

export type Params = Record<string, string | number>;

export interface Rule {
  code: RuleCode;
  severity: Severity;
  /** A short Vietnamese name for lists and legends. */
  title: string;
  /** The Vietnamese message, made from the finding's parameters only: the words can change, the code stays. */
  message(p: Params): string;
  check(ctx: RuleContext): Finding[];
}

/**
 * A finding of `rule` at (row, col); numbers in params are written the Vietnamese way in the message, and text is
 * quoted at most QUOTE_MAX characters long there (the params keep it whole).
 */
export function finding(rule: Rule, row: number, col: number, criterion: Criterion | undefined, params: Params): Finding {
  const cell = a1(row, col);
  const shown: Params = { cell };
  for (const [k, v] of Object.entries(params)) shown[k] = typeof v === 'number' ? formatNumber(v) : quoteCell(v);
  return {
    rule: rule.code,
    severity: rule.severity,
    cell,
    row,
    col,
    ...(criterion ? { criterion: criterion.id } : {}),
    message: rule.message(shown),
    params: { cell, ...params },
  };
}

/** The Vietnamese name of a score column, as used inside sentences. */
export const COLUMN_WORDS: Record<ScoreColumn, string> = {
  diemChuan: 'điểm chuẩn',
  diemThuong: 'điểm thưởng',
  tuCham: 'điểm tự chấm',
  thuongTuCham: 'điểm thưởng tự chấm',
};

/** Lists numbers the Vietnamese way: "20; 15; 10". Semicolons, because commas are decimal marks. */
export function listNumbers(ns: number[]): string {
  return ns.map(formatNumber).join('; ');
}

/**
 * How a rule is declared, what it is given, and how its findings are worded. Modelled on ESLint's `meta.messages` +
 * `context.report({ messageId, data })`, typed the way typescript-eslint's `createRule` types it: a rule reports raw
 * data under one of its own message ids, and only its own `messages` table turns that data into words.
 */
import { CriteriaMap } from '../criteria';
import { GridView, a1 } from '../grid';
import {
  CheckOptions,
  Criterion,
  DataValue,
  Finding,
  FindingData,
  SCORE_COLUMN_NUMBER,
  SCORE_COLUMNS,
  ScoreColumn,
  Severity,
  TableLayout,
} from '../model';
import { Score } from '../numbers';
import { quoteCell } from '../text';
import type { SheetEvidence } from '../evidence/collect';
import type { Conflict } from '../evidence/conflicts';
import type { TemplateMatch } from '../template/match';
import type { Ranges } from '../range';
import { Totals } from '../totals';
import { Say } from '../wording';

/** One score cell of the body, read once for every rule that looks at score cells. */
export interface ScoreCell {
  row: number;
  col: number;
  column: ScoreColumn;
  score: Score;
  /** The criterion the row is, or carries on. */
  criterion?: Criterion;
}

/**
 * The body's non-empty score cells, in sheet order, held in parallel arrays rather than as an object each: a long
 * sheet has a hundred thousand of them, rules look at every one and report a handful, and an object per cell was
 * the largest thing the check kept. `cell(k)` makes the object for a cell that is told.
 */
export class ScoreCells {
  private count = 0;
  /** Row, column and score-column number of each cell, three numbers a cell. */
  private readonly places: Int32Array;
  private readonly scores: Score[] = [];
  private readonly criteria: (Criterion | undefined)[] = [];

  /** `capacity`: the most cells there can be (body rows × score columns). */
  constructor(capacity: number) {
    this.places = new Int32Array(3 * capacity);
  }

  get length(): number {
    return this.count;
  }

  push(row: number, col: number, column: ScoreColumn, score: Score, criterion: Criterion | undefined): void {
    const k = 3 * this.count++;
    this.places[k] = row;
    this.places[k + 1] = col;
    this.places[k + 2] = SCORE_COLUMN_NUMBER[column];
    this.scores.push(score);
    this.criteria.push(criterion);
  }

  score(k: number): Score {
    return this.scores[k];
  }
  column(k: number): ScoreColumn {
    return SCORE_COLUMNS[this.places[3 * k + 2]];
  }
  criterion(k: number): Criterion | undefined {
    return this.criteria[k];
  }
  /** The k-th cell, made when asked (it is also where a finding about it is). */
  cell(k: number): ScoreCell {
    return {
      row: this.places[3 * k],
      col: this.places[3 * k + 1],
      column: this.column(k),
      score: this.scores[k],
      criterion: this.criteria[k],
    };
  }
}

export interface RuleContext {
  view: GridView;
  layout: TableLayout;
  map: CriteriaMap;
  totals: Totals;
  /**
   * Each criterion's allowed self-score range (src/engine/range.ts), by position in `map.criteria`: the one place
   * rules read it from.
   */
  ranges: Ranges;
  scoreCells: ScoreCells;
  options: Required<Omit<CheckOptions, 'template'>>;
  /** Set when the sheet is checked against a template: how its criteria met the template's. */
  template?: TemplateMatch;
  /** The evidence column's citations, read once, and the documents cited with two dates within the sheet. */
  evidence: SheetEvidence & { conflicts: Conflict[] };
}

/** What a rule needs beyond the sheet; the engine skips a rule whose needs are not met, so no rule tests for them. */
export type Requirement = 'template';

/** What a rule looks at, for the generated rule list. */
export type RuleTag = 'scores' | 'numbers' | 'totals' | 'evidence' | 'citations' | 'template';

export interface RuleMeta<Code extends string = string> {
  /** Stable kebab-case code, the rule's file name: words may change, codes do not. */
  code: Code;
  severity: Severity;
  /** A short Vietnamese name for lists and legends. */
  title: string;
  /** One Vietnamese sentence: what the rule finds. The rule list in README is made from it. */
  description: string;
  requires?: readonly Requirement[];
  tags: readonly RuleTag[];
}

/** Turns a finding's data into its Vietnamese message; `say` writes numbers, dates, labels the Vietnamese way. */
export type MessageFn<D> = (data: D, say: Say) => string;

/** A rule's messages: for each message id, the shape of its data, whose every field is a raw value. */
export type MessageData<M> = { [Id in keyof M]: { [F in keyof M[Id]]: DataValue | undefined } };

/** Where a finding is: its cell, and the criterion the cell belongs to (its label is what messages name). */
export interface At {
  row: number;
  col: number;
  criterion?: Criterion;
}

/** A rule's typed `report`: only its own message ids, each with its own data shape. */
export type Report<M extends MessageData<M>> = <Id extends keyof M & string>(at: At, messageId: Id, data: M[Id]) => void;

/** What the engine sees of any rule: its meta, its message ids, and a run that returns worded findings. */
export interface RuleDefinition<Code extends string = string> {
  readonly meta: RuleMeta<Code>;
  readonly messageIds: readonly string[];
  run(ctx: RuleContext, say: (criterion?: string) => Say): Finding[];
}

/** A defined rule, with its typed finding maker for the rare finding made outside `run` (across sheets). */
export interface Rule<Code extends string, M extends MessageData<M>> extends RuleDefinition<Code> {
  readonly messages: { readonly [Id in keyof M]: MessageFn<M[Id]> };
  finding<Id extends keyof M & string>(at: At, messageId: Id, data: M[Id], say: Say): Finding;
}

/**
 * The data as a message quotes it: no text longer than QUOTE_MAX characters of a cell; `data` keeps it whole. Copied
 * only where some text is cut: nearly every finding quotes none, and is worded from its data as it is.
 */
function quoted<D extends object>(data: D): D {
  let out: D | undefined;
  for (const k in data) {
    const v = data[k];
    if (typeof v !== 'string') continue;
    const q = quoteCell(v);
    if (q !== v) (out ??= { ...data })[k] = q as D[typeof k];
  }
  return out ?? data;
}

/**
 * Declares a rule: `defineRule<{ messageId: Data }>()({ meta, messages, check })`. The data of each message is given,
 * the code is inferred, so `report(at, 'wrongId', …)`, a missing field or a message without its words is a compile error.
 */
export function defineRule<M extends MessageData<M>>() {
  return <const Code extends string>(spec: {
    meta: RuleMeta<Code>;
    messages: { [Id in keyof M]: MessageFn<M[Id]> };
    check(ctx: RuleContext, report: Report<M>): void;
  }): Rule<Code, M> => {
    const rule = spec.meta.code as string as Finding['rule'];
    const { severity } = spec.meta;
    const finding = <Id extends keyof M & string>(at: At, messageId: Id, data: M[Id], say: Say): Finding => {
      const cell = a1(at.row, at.col);
      const { row, col } = at;
      const message = spec.messages[messageId](quoted(data as M[Id] & object), say);
      // Every field is a DataValue (the constraint on M); an interface only lacks the index signature to say so.
      // Two literals, with and without a criterion, rather than a spread: one object shape each, no object in between.
      return at.criterion
        ? { rule, messageId, severity, cell, row, col, criterion: at.criterion.id, data: data as FindingData, message }
        : { rule, messageId, severity, cell, row, col, data: data as FindingData, message };
    };
    return {
      meta: spec.meta,
      messages: spec.messages,
      messageIds: Object.keys(spec.messages),
      finding,
      run(ctx, sayFor) {
        const out: Finding[] = [];
        spec.check(ctx, (at, messageId, data) => out.push(finding(at, messageId, data, sayFor(at.criterion?.id))));
        return out;
      },
    };
  };
}

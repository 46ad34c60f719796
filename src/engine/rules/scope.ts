/** Which criteria the evidence rules look at: one definition, so that missing- and weak-evidence never disagree. */
import type { Criterion, TableLayout } from '../model';
import { scoreValue } from '../numbers';
import type { RuleContext } from './rule';

/** Self-scored criteria as two parallel lists, not an object each: their positions, and what each scored. */
export interface SelfScored {
  at: readonly number[];
  self: readonly number[];
}

/** selfScored's answer per check: missing- and weak-evidence both ask, with the same score cells and criteria. */
const scored = new WeakMap<RuleContext['scoreCells'], { map: RuleContext['map']; list: SelfScored }>();

/**
 * Leaf items self-scored above zero (the self-score, else the bonus self-score), except those whose evidence slid
 * into a score column: not-a-number tells those.
 */
export function selfScored({ map, scoreCells, totals }: Pick<RuleContext, 'map' | 'scoreCells' | 'totals'>): SelfScored {
  const known = scored.get(scoreCells);
  if (known && known.map === map) return known.list;
  const { criteria } = map;
  const slid = new Uint8Array(criteria.length);
  // Index loops, not for…of or callbacks: a check's first run is not yet optimised, and a long sheet has a
  // hundred thousand score cells.
  for (let k = 0; k < scoreCells.length; k++) {
    if (scoreCells.score(k).kind !== 'text') continue;
    const at = totals.positions.of(scoreCells.criterion(k));
    if (at !== undefined) slid[at] = 1;
  }
  const tuCham = totals.column('tuCham');
  const thuongTuCham = totals.column('thuongTuCham');
  const list = { at: [] as number[], self: [] as number[] };
  for (let i = 0; i < criteria.length; i++) {
    const self = tuCham.own(i) ?? 0;
    const bonus = thuongTuCham.own(i) ?? 0;
    if ((self <= 0 && bonus <= 0) || slid[i] === 1) continue;
    const c = criteria[i];
    if (c.kind !== 'item' || c.children.length > 0) continue;
    list.at.push(i);
    list.self.push(self > 0 ? self : bonus);
  }
  scored.set(scoreCells, { map, list });
  return list;
}

/**
 * What a review column is compared with: where the table has one review column and splits the self-score over its own
 * bonus and deduction columns, the review carries the net (tự chấm + thưởng − trừ); otherwise the self-score alone.
 */
export function reviewedSelf(c: Criterion, layout: TableLayout): number {
  const self = scoreValue(c.scores.tuCham) ?? 0;
  if (!reviewCarriesAll(layout)) return self;
  return self + (scoreValue(c.scores.thuongTuCham) ?? 0) - Math.abs(scoreValue(c.scores.truTuCham) ?? 0);
}

/** One review column beside separate self bonus or self deduction columns: it carries chuẩn + thưởng − trừ. */
export function reviewCarriesAll(layout: TableLayout): boolean {
  return layout.reviewColumns.length <= 1 && (layout.columns.thuongTuCham !== undefined || layout.columns.truTuCham !== undefined);
}

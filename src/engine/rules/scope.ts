/** Which criteria the evidence rules look at: one definition, so that missing- and weak-evidence never disagree. */
import type { Criterion, TableLayout } from '../model';
import { scoreValue } from '../numbers';
import type { RuleContext } from './rule';

/** selfScored's answer per check: missing- and weak-evidence both ask, with the same score cells and criteria. */
const scored = new WeakMap<readonly unknown[], { map: RuleContext['map']; list: { criterion: Criterion; self: number }[] }>();

/**
 * Leaf items self-scored above zero (the self-score, else the bonus self-score), except those whose evidence slid
 * into a score column: not-a-number tells those.
 */
export function selfScored({ map, scoreCells }: Pick<RuleContext, 'map' | 'scoreCells'>): { criterion: Criterion; self: number }[] {
  const known = scored.get(scoreCells);
  if (known && known.map === map) return known.list;
  const slid = new Set(scoreCells.filter((s) => s.score.kind === 'text').map((s) => s.criterion?.id));
  const out: { criterion: Criterion; self: number }[] = [];
  for (const c of map.criteria) {
    if (c.kind !== 'item' || c.children.length > 0 || slid.has(c.id)) continue;
    const self = scoreValue(c.scores.tuCham) ?? 0;
    const bonus = scoreValue(c.scores.thuongTuCham) ?? 0;
    if (self <= 0 && bonus <= 0) continue;
    out.push({ criterion: c, self: self > 0 ? self : bonus });
  }
  scored.set(scoreCells, { map, list: out });
  return out;
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

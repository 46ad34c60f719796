/** Which criteria the evidence rules look at: one definition, so that missing- and weak-evidence never disagree. */
import type { Criterion } from '../model';
import { scoreValue } from '../numbers';
import type { RuleContext } from './rule';

/**
 * Leaf items self-scored above zero (the self-score, else the bonus self-score), except those whose evidence slid
 * into a score column: not-a-number tells those.
 */
export function selfScored({ map, scoreCells }: Pick<RuleContext, 'map' | 'scoreCells'>): { criterion: Criterion; self: number }[] {
  const slid = new Set(scoreCells.filter((s) => s.score.kind === 'text').map((s) => s.criterion?.id));
  const out: { criterion: Criterion; self: number }[] = [];
  for (const c of map.criteria) {
    if (c.kind !== 'item' || c.children.length > 0 || slid.has(c.id)) continue;
    const self = scoreValue(c.scores.tuCham) ?? 0;
    const bonus = scoreValue(c.scores.thuongTuCham) ?? 0;
    if (self <= 0 && bonus <= 0) continue;
    out.push({ criterion: c, self: self > 0 ? self : bonus });
  }
  return out;
}

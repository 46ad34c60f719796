import { sameScore, scoreValue } from '../numbers';
import { allowedScores, tierRule } from '../tiers';
import { defineRule } from './rule';

interface TierData {
  self: number;
  tiers: readonly number[];
  /** How many parts the score is made of (one tier each). */
  parts: number;
  allowed: readonly number[];
}

/** A criterion that takes fixed tiers, self-scored with none of them (or, for several parts, no sum of them). */
export const notATier = defineRule<{ notATier: TierData; notASum: TierData }>()({
  meta: {
    code: 'not-a-tier',
    severity: 'error',
    title: 'Điểm không đúng mức quy định',
    description: 'Tiêu chí chỉ nhận các mức điểm cố định (“… (20 điểm) … (15 điểm)”) nhưng điểm tự chấm không phải một mức nào.',
    tags: ['scores'],
  },
  messages: {
    notATier: (d, say) => `${say.label()} tự chấm ${say.n(d.self)} điểm, không phải một trong các mức ${say.list(d.tiers)}.`,
    notASum: (d, say) =>
      `${say.label()} tự chấm ${say.n(d.self)} điểm, không phải tổng của ${say.n(d.parts)} mức trong (${say.list(d.tiers)}); các tổng được phép: ${say.list(d.allowed, 12)}.`,
  },
  check({ map, layout, template }, report) {
    const col = layout.columns.tuCham;
    if (col === undefined) return;
    for (const c of map.criteria) {
      const self = scoreValue(c.scores.tuCham);
      // With a template, its tiers rule, and a composite criterion is composite-mismatch's to check.
      const node = template?.bySheet.get(c.id);
      const tiers = node ? (node.composite ? [] : (node.tiers ?? [])) : c.tiers;
      if (c.kind !== 'item' || tiers.length === 0 || self === undefined || c.children.length > 0) continue;
      const standard = node ? node.diemChuan : scoreValue(c.scores.diemChuan);
      const rule = tierRule(tiers, standard, c.text);
      const allowed = allowedScores(rule);
      if (allowed.some((a) => sameScore(a, self))) continue;
      report({ row: c.row, col, criterion: c }, rule.parts > 1 ? 'notASum' : 'notATier', { self, tiers, parts: rule.parts, allowed });
    }
  },
});

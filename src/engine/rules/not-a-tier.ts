import { allowedScores, tierRule } from '../tiers';
import { finding, listNumbers, Rule } from './rule';

/** A criterion that takes fixed tiers, self-scored with none of them (or, for several parts, no sum of them). */
export const notATier: Rule = {
  code: 'not-a-tier',
  severity: 'error',
  title: 'Điểm không đúng mức quy định',
  message: (p) =>
    Number(p.parts) > 1
      ? `${p.cell}: ${p.label} tự chấm ${p.self} điểm, không phải tổng của ${p.parts} mức trong (${p.tiers}); các tổng được phép: ${p.allowed}.`
      : `${p.cell}: ${p.label} tự chấm ${p.self} điểm, không phải một trong các mức ${p.tiers}.`,
  check({ map, layout, template }) {
    const col = layout.columns.tuCham;
    if (col === undefined) return [];
    return map.criteria.flatMap((c) => {
      const self = c.scores.tuCham;
      // With a template, its tiers rule, and a composite criterion is composite-mismatch's to check.
      const node = template?.bySheet.get(c.id);
      const tiers = node ? (node.composite ? [] : (node.tiers ?? [])) : c.tiers;
      if (c.kind !== 'item' || tiers.length === 0 || self.kind !== 'number' || c.children.length > 0) return [];
      const standard = node ? node.diemChuan : c.scores.diemChuan.kind === 'number' ? c.scores.diemChuan.value : undefined;
      const rule = tierRule(tiers, standard, c.text);
      const allowed = allowedScores(rule);
      if (allowed.some((a) => Math.abs(a - self.value) < 1e-6)) return [];
      return [
        finding(notATier, c.row, col, c, {
          label: c.label,
          self: self.value,
          tiers: listNumbers(tiers),
          parts: rule.parts,
          allowed: listNumbers(allowed.slice(0, 12)) + (allowed.length > 12 ? '…' : ''),
        }),
      ];
    });
  },
};

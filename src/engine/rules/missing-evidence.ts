import { finding, Rule } from './rule';

/**
 * A criterion that carries its own score, self-scored above zero, with no evidence. Sections, parents and totals
 * never need evidence; a row whose evidence slid into a score column is told by not-a-number instead.
 */
export const missingEvidence: Rule = {
  code: 'missing-evidence',
  severity: 'warning',
  title: 'Thiếu giải trình',
  message: (p) => `${p.cell}: ${p.label} tự chấm ${p.self} điểm nhưng chưa có giải trình / tài liệu kiểm chứng.`,
  check({ map, layout, scoreCells, template }) {
    const col = layout.columns.giaiTrinh;
    if (col === undefined) return [];
    const slid = new Set(scoreCells.filter((s) => s.score.kind === 'text').map((s) => s.criterion?.id));
    return map.criteria.flatMap((c) => {
      if (c.kind !== 'item' || c.children.length > 0 || c.evidence !== '' || slid.has(c.id)) return [];
      if (template?.bySheet.get(c.id)?.evidenceRequired === false) return []; // the bloc asks none for this one
      const self = c.scores.tuCham.kind === 'number' ? c.scores.tuCham.value : 0;
      const bonus = c.scores.thuongTuCham.kind === 'number' ? c.scores.thuongTuCham.value : 0;
      if (self <= 0 && bonus <= 0) return [];
      return [finding(missingEvidence, c.row, col, c, { label: c.label, self: self > 0 ? self : bonus })];
    });
  },
};

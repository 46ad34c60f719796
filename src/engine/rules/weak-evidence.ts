import { excerpt } from '../text';
import { finding, Rule } from './rule';

/**
 * A self-scored leaf criterion whose evidence cites no document ("Đảm bảo theo quy định"). The same scope as
 * missing-evidence, which takes the criteria with no evidence at all: a criterion gets one of the two, never both.
 */
export const weakEvidence: Rule = {
  code: 'weak-evidence',
  severity: 'info',
  title: 'Giải trình không dẫn văn bản',
  message: (p) =>
    `${p.cell}: ${p.label} tự chấm ${p.self} điểm, giải trình “${p.text}” không dẫn văn bản nào (số, ký hiệu, ngày ban hành).`,
  check(ctx) {
    const { map, layout, scoreCells } = ctx;
    const col = layout.columns.giaiTrinh;
    if (col === undefined) return [];
    const citing = new Set(ctx.evidence.citations.map((c) => c.criterion.id));
    const slid = new Set(scoreCells.filter((s) => s.score.kind === 'text').map((s) => s.criterion?.id));
    return map.criteria.flatMap((c) => {
      if (c.kind !== 'item' || c.children.length > 0 || c.evidence === '' || slid.has(c.id) || citing.has(c.id)) return [];
      const self = c.scores.tuCham.kind === 'number' ? c.scores.tuCham.value : 0;
      const bonus = c.scores.thuongTuCham.kind === 'number' ? c.scores.thuongTuCham.value : 0;
      if (self <= 0 && bonus <= 0) return [];
      return [finding(weakEvidence, c.row, col, c, { label: c.label, self: self > 0 ? self : bonus, text: excerpt(c.evidence, 50) })];
    });
  },
};

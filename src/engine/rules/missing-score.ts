import { finding, Rule } from './rule';

/** A criterion with a standard score of its own and no self-score. */
export const missingScore: Rule = {
  code: 'missing-score',
  severity: 'warning',
  title: 'Chưa tự chấm',
  message: (p) => `${p.cell}: ${p.label} có điểm chuẩn ${p.cap} nhưng chưa tự chấm.`,
  check({ map, layout, totals }) {
    const col = layout.columns.tuCham;
    if (col === undefined) return [];
    return map.criteria.flatMap((c) => {
      const cap = c.scores.diemChuan;
      if (c.kind !== 'item' || totals.isTotal(c.id, 'tuCham') || cap.kind !== 'number' || cap.value <= 0) return [];
      if (c.scores.tuCham.kind !== 'empty') return [];
      return [finding(missingScore, c.row, col, c, { label: c.label, cap: cap.value })];
    });
  },
};

import { finding, Rule } from './rule';

/** Điểm tự chấm above the row's Điểm chuẩn. */
export const overCap: Rule = {
  code: 'over-cap',
  severity: 'error',
  title: 'Tự chấm vượt điểm chuẩn',
  message: (p) => `${p.cell}: ${p.label} tự chấm ${p.self} điểm, vượt điểm chuẩn ${p.cap} điểm.`,
  check({ map, layout }) {
    const col = layout.columns.tuCham;
    if (col === undefined) return [];
    return map.criteria.flatMap((c) => {
      const self = c.scores.tuCham;
      const cap = c.scores.diemChuan;
      if (self.kind !== 'number' || cap.kind !== 'number' || self.value <= cap.value + 1e-9) return [];
      return [finding(overCap, c.row, col, c, { label: c.label, self: self.value, cap: cap.value })];
    });
  },
};

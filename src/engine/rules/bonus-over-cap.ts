import { finding, Rule } from './rule';

/** Điểm thưởng tự chấm above the row's Điểm thưởng. */
export const bonusOverCap: Rule = {
  code: 'bonus-over-cap',
  severity: 'error',
  title: 'Điểm thưởng tự chấm vượt mức',
  message: (p) => `${p.cell}: ${p.label} tự chấm ${p.self} điểm thưởng, vượt mức điểm thưởng tối đa ${p.cap}.`,
  check({ map, layout }) {
    const col = layout.columns.thuongTuCham;
    if (col === undefined) return [];
    return map.criteria.flatMap((c) => {
      const self = c.scores.thuongTuCham;
      const cap = c.scores.diemThuong;
      if (self.kind !== 'number' || cap.kind !== 'number' || self.value <= cap.value + 1e-9) return [];
      return [finding(bonusOverCap, c.row, col, c, { label: c.label, self: self.value, cap: cap.value })];
    });
  },
};

import { sameScore, scoreValue } from '../numbers';
import { carriesBonus } from '../range';
import { defineRule } from './rule';

interface BonusData {
  self: number;
  cap: number;
}

const above = (self: number, cap: number) => self > cap && !sameScore(self, cap);

/**
 * A bonus scored above its cap: Điểm thưởng tự chấm above the row's Điểm thưởng; a section whose items' bonuses add up
 * above the section's own cap ("Điểm cộng của Tiêu chuẩn 1 tối đa không quá 3 điểm"); a bonus row of its own
 * ("Được tặng Cờ thi đua …: cộng thêm 10 điểm | + 10") self-scored above its rate.
 */
export const bonusOverCap = defineRule<{ overCap: BonusData; sectionOverCap: BonusData; ruleOverCap: BonusData }>()({
  meta: {
    code: 'bonus-over-cap',
    severity: 'error',
    title: 'Điểm thưởng tự chấm vượt mức',
    description: 'Điểm thưởng tự chấm lớn hơn mức điểm thưởng tối đa của tiêu chí (hoặc của cả phần, hoặc của dòng điểm thưởng).',
    tags: ['scores'],
  },
  messages: {
    overCap: (d, say) => `${say.label()} tự chấm ${say.n(d.self)} điểm thưởng, vượt mức điểm thưởng tối đa ${say.n(d.cap)}.`,
    sectionOverCap: (d, say) =>
      `${say.label()}: điểm thưởng tự chấm của các mục cộng được ${say.n(d.self)}, vượt mức điểm thưởng tối đa ${say.n(d.cap)} của cả phần.`,
    ruleOverCap: (d, say) => `${say.label()} tự chấm ${say.n(d.self)} điểm thưởng, vượt mức cộng ${say.n(d.cap)} điểm của dòng này.`,
  },
  check({ map, layout, totals }, report) {
    const col = layout.columns.thuongTuCham;
    if (col !== undefined) {
      const over = new Set<string>();
      for (const c of map.criteria) {
        const self = scoreValue(c.scores.thuongTuCham);
        const cap = scoreValue(c.scores.diemThuong);
        if (cap === undefined || self === undefined || !above(self, cap)) continue;
        over.add(c.id);
        report({ row: c.row, col, criterion: c }, 'overCap', { self, cap });
      }
      // Told in the first check, not only once a fix has written the section's total: no item above its own cap.
      for (const c of map.criteria) {
        const cap = scoreValue(c.scores.diemThuong);
        if (c.kind !== 'section' || cap === undefined || over.has(c.id) || !totals.isTotal(c.id, 'thuongTuCham')) continue;
        if (c.children.some((id) => over.has(id))) continue;
        const sum = totals.value(c.id, 'thuongTuCham');
        if (sum !== undefined && above(sum, cap)) report({ row: c.row, col, criterion: c }, 'sectionOverCap', { self: sum, cap });
      }
    }
    const self = layout.columns.tuCham;
    if (self === undefined || !carriesBonus(layout)) return;
    for (const c of map.criteria) {
      if (!c.rules.some((r) => r.row === c.row && r.sign > 0) || c.scores.diemChuan.kind !== 'empty') continue;
      const v = scoreValue(c.scores.tuCham);
      const cap = scoreValue(c.scores.diemThuong);
      if (v !== undefined && cap !== undefined && above(v, Math.abs(cap)))
        report({ row: c.row, col: self, criterion: c }, 'ruleOverCap', { self: v, cap: Math.abs(cap) });
    }
  },
});

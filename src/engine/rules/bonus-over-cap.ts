import { sameScore } from '../numbers';
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
    const { criteria } = map;
    const diemThuong = totals.column('diemThuong');
    const col = layout.columns.thuongTuCham;
    if (col !== undefined) {
      const thuongTuCham = totals.column('thuongTuCham');
      // By position: the figures are arrays beside the criteria, and a criterion is read only when it is told.
      const over = new Uint8Array(criteria.length);
      for (let i = 0; i < criteria.length; i++) {
        const self = thuongTuCham.own(i);
        const cap = diemThuong.own(i);
        if (cap === undefined || self === undefined || !above(self, cap)) continue;
        over[i] = 1;
        const c = criteria[i];
        report({ row: c.row, col, criterion: c }, 'overCap', { self, cap });
      }
      // Told in the first check, not only once a fix has written the section's total: no item above its own cap.
      for (let i = 0; i < criteria.length; i++) {
        const cap = diemThuong.own(i);
        if (cap === undefined || over[i] === 1 || !thuongTuCham.isTotal(i)) continue;
        const c = criteria[i];
        // A section's kids are its children (only a subtotal has `sums`).
        if (c.kind !== 'section' || totals.positions.kids[i].some((k) => over[k] === 1)) continue;
        const sum = thuongTuCham.value(i);
        if (sum !== undefined && above(sum, cap)) report({ row: c.row, col, criterion: c }, 'sectionOverCap', { self: sum, cap });
      }
    }
    const self = layout.columns.tuCham;
    if (self === undefined || !carriesBonus(layout)) return;
    const tuCham = totals.column('tuCham');
    for (let i = 0; i < criteria.length; i++) {
      const c = criteria[i];
      if (!c.rules.some((r) => r.row === c.row && r.sign > 0) || c.scores.diemChuan.kind !== 'empty') continue;
      const v = tuCham.own(i);
      const cap = diemThuong.own(i);
      if (v !== undefined && cap !== undefined && above(v, Math.abs(cap)))
        report({ row: c.row, col: self, criterion: c }, 'ruleOverCap', { self: v, cap: Math.abs(cap) });
    }
  },
});

import { sameScore } from '../numbers';
import { defineRule } from './rule';
import { reviewCarriesAll } from './scope';

/**
 * A review score (Điểm Khối chấm, thẩm định…) above the most the row can reach: the bloc's checker is held to the same
 * cap as the unit (src/engine/range.ts). Totals are left to total-mismatch, which holds the review column too.
 */
export const reviewOverCap = defineRule<{ overCap: { review: number; cap: number; self?: number } }>()({
  meta: {
    code: 'review-over-cap',
    severity: 'error',
    title: 'Điểm khối chấm vượt mức',
    description: 'Điểm Khối chấm (điểm thẩm định) của một tiêu chí lớn hơn mức tối đa của tiêu chí đó.',
    tags: ['scores'],
  },
  messages: {
    overCap: (d, say) =>
      `${say.label()}: điểm khối chấm ${say.n(d.review)} vượt mức tối đa ${say.n(d.cap)} điểm` +
      (d.self !== undefined ? ` (đơn vị tự chấm ${say.n(d.self)}).` : '.'),
  },
  check({ map, layout, ranges, totals }, report) {
    const col = layout.columns.khoiCham;
    if (col === undefined) return;
    const khoiCham = totals.column('khoiCham');
    const diemThuong = totals.column('diemThuong');
    const carriesAll = reviewCarriesAll(layout);
    // By position: ranges and figures are arrays beside the criteria, and a criterion is read only when it is told.
    for (let i = 0; i < ranges.length; i++) {
      const review = khoiCham.own(i);
      if (review === undefined) continue;
      const range = ranges[i];
      // A review that carries the net self-score may reach the standard plus the row's bonus allowance.
      const bonus = diemThuong.own(i) ?? (range?.bonus.open ? undefined : (range?.bonus.amount ?? 0));
      const max = range && carriesAll ? (bonus === undefined ? undefined : range.standard + bonus) : range?.max;
      if (max === undefined || khoiCham.isTotal(i)) continue;
      if (review <= max || sameScore(review, max)) continue;
      const c = map.criteria[i];
      const self = totals.column('tuCham').own(i);
      report({ row: c.row, col, criterion: c }, 'overCap', { review, cap: max, ...(self !== undefined ? { self } : {}) });
    }
  },
});

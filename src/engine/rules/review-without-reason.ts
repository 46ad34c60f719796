import { cellText } from '../text';
import { sameScore } from '../numbers';
import { defineRule } from './rule';
import { reviewedSelf } from './scope';

interface Changed {
  self: number;
  review: number;
}

/**
 * A review score that differs from the unit's self-score with no reason given: the cross-check record must say why a
 * score was changed (the row's Lý do / Ý kiến / Ghi chú column). Totals follow their items and are not asked for one.
 * A table without a reason column writes its reasons where it can (the evidence column, a note below): there is no
 * column to hold empty, so nothing is told. Where the one review column carries chuẩn + thưởng − trừ (the self-score
 * split over its own bonus and deduction columns), it is held to that net self-score.
 */
export const reviewWithoutReason = defineRule<{ noReason: Changed }>()({
  meta: {
    code: 'review-without-reason',
    severity: 'error',
    title: 'Chấm lại không ghi lý do',
    description: 'Điểm Khối chấm khác điểm tự chấm của đơn vị nhưng không ghi lý do (cột Lý do / Ý kiến / Ghi chú).',
    tags: ['scores', 'evidence'],
  },
  messages: {
    noReason: (d, say) =>
      `${say.label()}: khối chấm ${say.n(d.review)} điểm, đơn vị tự chấm ${say.n(d.self)}, nhưng chưa ghi lý do chấm lại.`,
  },
  check({ map, layout, totals, view }, report) {
    const col = layout.columns.khoiCham;
    if (col === undefined) return;
    const reasonCol = layout.columns.lyDo;
    if (reasonCol === undefined) return;
    const khoiCham = totals.column('khoiCham');
    // By position: the review figures are an array beside the criteria, and a criterion is read only when reviewed.
    for (let i = 0; i < map.criteria.length; i++) {
      const review = khoiCham.own(i);
      if (review === undefined || khoiCham.isTotal(i)) continue;
      const c = map.criteria[i];
      const self = reviewedSelf(c, layout);
      if (sameScore(review, self)) continue;
      const at = { row: c.row, col, criterion: c };
      const reasons = [c.row, ...c.continuationRows]
        .map((r) => cellText(view.cell(r, reasonCol).value))
        .join(' ')
        .trim();
      if (reasons === '') report(at, 'noReason', { self, review });
    }
  },
});

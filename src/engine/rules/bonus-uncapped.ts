import { sameScore } from '../numbers';
import { defineRule } from './rule';

/**
 * Told, never an error: a self-score above the standard that only a per-occurrence bonus with no cap can reach
 * ("+ Mỗi cá nhân đạt danh hiệu …: cộng 1 điểm"). The table sets no top; the reviewer counts the occurrences.
 */
export const bonusUncapped = defineRule<{ open: { self: number; standard: number; rows: readonly number[] } }>()({
  meta: {
    code: 'bonus-uncapped',
    severity: 'info',
    title: 'Điểm cộng không có mức tối đa',
    description:
      'Điểm tự chấm vượt điểm chuẩn nhờ một điểm cộng tính theo mỗi lần, mỗi trường hợp mà bảng không đặt mức tối đa: thidua không kiểm được mức trên.',
    tags: ['scores'],
  },
  messages: {
    open: (d, say) =>
      `${say.label()} tự chấm ${say.n(d.self)} điểm, trên chuẩn ${say.n(d.standard)}: điểm cộng tính theo mỗi lần (dòng ${d.rows.join(', ')}) không có mức tối đa, hãy đối chiếu số lần được cộng.`,
  },
  check({ map, layout, ranges, totals }, report) {
    const col = layout.columns.tuCham;
    if (col === undefined) return;
    const tuCham = totals.column('tuCham');
    // By position: ranges and figures are arrays beside the criteria, and a criterion is read only when it is told.
    for (let i = 0; i < ranges.length; i++) {
      const range = ranges[i];
      if (!range || !range.bonus.open || range.bonus.from !== 'rules') continue;
      const self = tuCham.own(i);
      if (self === undefined || self <= range.standard || sameScore(self, range.standard)) continue;
      const c = map.criteria[i];
      report({ row: c.row, col, criterion: c }, 'open', { self, standard: range.standard, rows: range.bonus.rows.map((r) => r + 1) });
    }
  },
});

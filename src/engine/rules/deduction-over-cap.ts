import { sameScore, scoreValue } from '../numbers';
import { carriesBonus } from '../range';
import { defineRule } from './rule';

interface FloorData {
  self: number;
  standard: number;
  deduction: number;
  floor: number;
}
interface SelfDeductionData {
  self: number;
  cap: number;
}

/**
 * More deducted than the table allows: a self deduction above its row's deduction cap, or, where one self column
 * carries chuẩn + thưởng − trừ, a self-score below standard − deduction cap (src/engine/range.ts).
 */
export const deductionOverCap = defineRule<{ belowFloor: FloorData; selfDeduction: SelfDeductionData }>()({
  meta: {
    code: 'deduction-over-cap',
    severity: 'error',
    title: 'Điểm trừ vượt mức trừ tối đa',
    description:
      'Điểm trừ tự chấm lớn hơn mức trừ tối đa của tiêu chí, hoặc (một cột tự chấm ghi chuẩn + thưởng − trừ) điểm tự chấm thấp hơn điểm chuẩn trừ mức trừ tối đa.',
    tags: ['scores'],
  },
  messages: {
    belowFloor: (d, say) =>
      `${say.label()} tự chấm ${say.n(d.self)} điểm, thấp hơn mức thấp nhất: chuẩn ${say.n(d.standard)} − trừ tối đa ${say.n(d.deduction)} = ${say.n(d.floor)}.`,
    selfDeduction: (d, say) => `${say.label()} tự trừ ${say.n(d.self)} điểm, vượt mức trừ tối đa ${say.n(d.cap)}.`,
  },
  check({ map, layout, ranges }, report) {
    if (carriesBonus(layout)) {
      const col = layout.columns.tuCham;
      if (col === undefined) return;
      const below = new Set<string>();
      // Items first; a total only where none of its rows is below its own floor (else it is told there).
      const items = map.criteria.filter((c) => c.kind === 'item' && c.children.length === 0);
      const groups = map.criteria.filter((c) => !(c.kind === 'item' && c.children.length === 0)).reverse();
      for (const c of [...items, ...groups]) {
        const range = ranges.get(c.id);
        const self = scoreValue(c.scores.tuCham);
        if (!range || range.min === undefined || self === undefined || self >= range.min || sameScore(self, range.min)) continue;
        below.add(c.id);
        if ((c.sums ?? c.children).some((id) => below.has(id))) continue;
        report({ row: c.row, col, criterion: c }, 'belowFloor', {
          self,
          standard: range.standard,
          deduction: range.deduction.amount ?? 0,
          floor: range.min,
        });
      }
      return;
    }
    const col = layout.columns.truTuCham;
    if (col === undefined) return;
    for (const c of map.criteria) {
      if (c.kind !== 'item') continue;
      const self = scoreValue(c.scores.truTuCham);
      const cap = scoreValue(c.scores.diemTru);
      if (self === undefined || cap === undefined) continue;
      // Deductions are written either way round (2 or -2): the amounts are compared.
      if (Math.abs(self) <= Math.abs(cap) || sameScore(Math.abs(self), Math.abs(cap))) continue;
      report({ row: c.row, col, criterion: c }, 'selfDeduction', { self: Math.abs(self), cap: Math.abs(cap) });
    }
  },
});

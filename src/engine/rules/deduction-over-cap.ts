import { sameScore } from '../numbers';
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
  check({ map, layout, ranges, totals }, report) {
    const { criteria } = map;
    if (carriesBonus(layout)) {
      const col = layout.columns.tuCham;
      if (col === undefined) return;
      const tuCham = totals.column('tuCham');
      const below = new Uint8Array(criteria.length);
      const leaf = (i: number) => criteria[i].kind === 'item' && criteria[i].children.length === 0;
      const look = (i: number) => {
        const range = ranges[i];
        if (!range || range.min === undefined) return;
        const self = tuCham.own(i);
        if (self === undefined || self >= range.min || sameScore(self, range.min)) return;
        below[i] = 1;
        if (totals.positions.kids[i].some((k) => below[k] === 1)) return;
        const c = criteria[i];
        report({ row: c.row, col, criterion: c }, 'belowFloor', {
          self,
          standard: range.standard,
          deduction: range.deduction.amount ?? 0,
          floor: range.min,
        });
      };
      // Items first; a total only where none of its rows is below its own floor (else it is told there), the last
      // first. Two passes by position rather than two filtered copies of the criteria.
      for (let i = 0; i < criteria.length; i++) if (leaf(i)) look(i);
      for (let i = criteria.length - 1; i >= 0; i--) if (!leaf(i)) look(i);
      return;
    }
    const col = layout.columns.truTuCham;
    if (col === undefined) return;
    const truTuCham = totals.column('truTuCham');
    const diemTru = totals.column('diemTru');
    for (let i = 0; i < criteria.length; i++) {
      const self = truTuCham.own(i);
      const cap = diemTru.own(i);
      if (self === undefined || cap === undefined) continue;
      const c = criteria[i];
      if (c.kind !== 'item') continue;
      // Deductions are written either way round (2 or -2): the amounts are compared.
      if (Math.abs(self) <= Math.abs(cap) || sameScore(Math.abs(self), Math.abs(cap))) continue;
      report({ row: c.row, col, criterion: c }, 'selfDeduction', { self: Math.abs(self), cap: Math.abs(cap) });
    }
  },
});

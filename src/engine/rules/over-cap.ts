import { sameScore } from '../numbers';
import { defineRule } from './rule';

interface OverData {
  self: number;
  cap: number;
}
interface ReachData extends OverData {
  standard: number;
  bonus: number;
  /** Where the bonus allowance comes from: the row's bonus cell, its rule rows, its children. */
  from: string;
  /** Sheet rows (1-based) of the rules the allowance was read from. */
  rows: readonly number[];
}

const above = (self: number, cap: number) => self > cap && !sameScore(self, cap);

/**
 * Điểm tự chấm above the most the row can reach: its standard, or, where one self column carries chuẩn + thưởng − trừ,
 * its standard plus its bonus allowance (src/engine/range.ts). A total whose items add up above its cap is told too.
 */
export const overCap = defineRule<{ overCap: OverData; overReachable: ReachData; sumOverCap: OverData }>()({
  meta: {
    code: 'over-cap',
    severity: 'error',
    title: 'Tự chấm vượt điểm chuẩn',
    description:
      'Điểm tự chấm của một tiêu chí lớn hơn mức tối đa của tiêu chí đó: điểm chuẩn, hoặc chuẩn cộng điểm thưởng tối đa khi một cột tự chấm ghi cả điểm thưởng.',
    tags: ['scores'],
  },
  messages: {
    overCap: (d, say) => `${say.label()} tự chấm ${say.n(d.self)} điểm, vượt điểm chuẩn ${say.n(d.cap)} điểm.`,
    overReachable: (d, say) =>
      `${say.label()} tự chấm ${say.n(d.self)} điểm, vượt mức tối đa: chuẩn ${say.n(d.standard)} + thưởng tối đa ${say.n(d.bonus)}` +
      `${d.rows.length > 0 && d.from === 'rules' ? ` (dòng ${d.rows.join(', ')})` : ''} = ${say.n(d.cap)}.`,
    sumOverCap: (d, say) => `${say.label()}: các mục tự chấm cộng được ${say.n(d.self)} điểm, vượt mức tối đa ${say.n(d.cap)} điểm.`,
  },
  check({ map, layout, ranges, totals }, report) {
    const col = layout.columns.tuCham;
    if (col === undefined) return;
    const { criteria } = map;
    const tuCham = totals.column('tuCham');
    // By position: ranges and figures are arrays beside the criteria, and a criterion is read only when it is told.
    const over = new Uint8Array(criteria.length);
    for (let i = 0; i < criteria.length; i++) {
      const range = ranges[i];
      if (!range || range.max === undefined) continue;
      const self = tuCham.own(i);
      if (self === undefined || !above(self, range.max)) continue;
      over[i] = 1;
      const c = criteria[i];
      const at = { row: c.row, col, criterion: c };
      if (range.bonus.from === 'none' || range.bonus.amount === 0) report(at, 'overCap', { self, cap: range.max });
      else
        report(at, 'overReachable', {
          self,
          cap: range.max,
          standard: range.standard,
          bonus: range.bonus.amount ?? 0,
          from: range.bonus.from,
          rows: range.bonus.rows.filter((r) => r >= 0).map((r) => r + 1),
        });
    }
    // A total whose items add up above its cap while no item is above its own: alternatives both scored ("Hoặc").
    // Only a total adds up: a leaf item never is one.
    for (let i = 0; i < criteria.length; i++) {
      const range = ranges[i];
      if (!range || range.max === undefined || over[i] === 1 || !tuCham.isTotal(i)) continue;
      const computed = tuCham.value(i);
      if (computed === undefined || !above(computed, range.max)) continue;
      const kids = totals.positions.kids[i];
      const alternatives = kids.some((k) => criteria[k].alternative !== undefined);
      if (!alternatives || kids.some((k) => over[k] === 1)) continue;
      const c = criteria[i];
      report({ row: c.row, col, criterion: c }, 'sumOverCap', { self: computed, cap: range.max });
    }
  },
});

import { sameScore, scoreValue } from '../numbers';
import { compositeTotals, readParts } from '../template/composite';
import { defineRule } from './rule';

type CompositeMessages = {
  /** A written part that is none of its tiers, nor what a missing part takes (`fill`). */
  part: { self: number; part: string; value: number; tiers: readonly number[]; fill: number };
  /** The parts written, and how many were left unwritten (each taking `fill`), do not add up to the self-score. */
  sum: { self: number; parts: readonly number[]; unwritten: number; fill: number; sum: number };
  /** More parts written than the template has. */
  count: { self: number; count: number; parts: readonly number[]; expected: number; names: readonly string[] };
  /** The self-score alone, and no total the rule allows. */
  total: { self: number; average: boolean; allowed: readonly number[] };
};

/**
 * A composite criterion (a score made of parts, e.g. one per organisation) checked against the template's rule:
 * with the parts written ("60 20 20", or rows below), each part must be one of its tiers or, for a missing
 * organisation, the average of the others, and they must add up to the score; with the score alone, it must be a
 * total the rule allows.
 */
export const compositeMismatch = defineRule<CompositeMessages>()({
  meta: {
    code: 'composite-mismatch',
    severity: 'error',
    title: 'Điểm tổng hợp sai cách tính',
    description:
      'Tiêu chí tổng hợp (mỗi tổ chức một phần) có phần không đúng mức, tổng các phần sai, hoặc tổng không theo cách tính của mẫu.',
    requires: ['template'],
    tags: ['scores', 'template'],
  },
  messages: {
    part: (d, say) =>
      `${say.label()}, phần “${d.part}” ghi ${say.n(d.value)} điểm, không phải một mức của phần này (${say.list(d.tiers)}) cũng không phải điểm của tổ chức không có (${say.n(d.fill)}).`,
    sum: (d, say) => {
      const written = say.list(d.parts);
      const parts = d.unwritten > 0 ? `${written}; ${d.unwritten} phần không ghi, mỗi phần ${say.n(d.fill)}` : written;
      return `${say.label()} tự chấm ${say.n(d.self)} điểm, nhưng các phần (${parts}) cộng được ${say.n(d.sum)}.`;
    },
    count: (d, say) => `${say.label()} ghi ${d.count} phần (${say.list(d.parts)}), mẫu chỉ có ${d.expected} phần (${d.names.join('; ')}).`,
    total: (d, say) =>
      `${say.label()} tự chấm ${say.n(d.self)} điểm, không phải tổng nào theo cách tính của mẫu (mỗi phần một mức${d.average ? ', phần không có lấy trung bình cộng các phần còn lại' : ''}); các tổng được phép: ${say.list(d.allowed, 12)}.`,
  },
  check({ map, template, scoreCells, layout }, report) {
    const col = layout.columns.tuCham;
    if (!template || col === undefined) return;
    for (const c of map.criteria) {
      const rule = template.bySheet.get(c.id)?.composite;
      const self = scoreValue(c.scores.tuCham);
      if (!rule || self === undefined) continue;
      const at = { row: c.row, col, criterion: c };
      // Every number written for the criterion, where it stands: its own cell, its continuation rows, its part rows.
      const own = new Set([c.id, ...(template.partsOf.get(c.id) ?? []).map((k) => k.id)]);
      const numbers: { value: number; row: number; col: number }[] = [];
      for (let k = 0; k < scoreCells.length; k++) {
        const criterion = scoreCells.criterion(k);
        if (scoreCells.column(k) !== 'tuCham' || !criterion || !own.has(criterion.id)) continue;
        const s = scoreCells.cell(k);
        if (s.score.kind === 'number') for (const value of s.score.all ?? [s.score.value]) numbers.push({ value, row: s.row, col: s.col });
      }
      if (numbers.length <= 1) {
        const allowed = compositeTotals(rule);
        if (!allowed.some((a) => sameScore(a, self))) report(at, 'total', { self, average: rule.missing === 'average', allowed });
        continue;
      }
      const given = numbers.slice(1);
      const values = given.map((g) => g.value);
      if (given.length > rule.parts.length) {
        report(at, 'count', {
          self,
          count: given.length,
          parts: values,
          expected: rule.parts.length,
          names: rule.parts.map((p) => p.name),
        });
        continue;
      }
      const reading = readParts(rule, values);
      for (const p of reading.parts) {
        if (p.tier || p.missing) continue;
        report({ row: given[p.index].row, col: given[p.index].col, criterion: c }, 'part', {
          self,
          part: rule.parts[p.index].name,
          value: p.value,
          tiers: rule.parts[p.index].tiers,
          fill: reading.fill,
        });
      }
      if (!sameScore(reading.sum, self)) {
        report(at, 'sum', { self, parts: values, unwritten: rule.parts.length - given.length, fill: reading.fill, sum: reading.sum });
      }
    }
  },
});

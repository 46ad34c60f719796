import { Finding } from '../model';
import { compositeTotals, readParts } from '../template/composite';
import { formatNumber } from '../text';
import { finding, listNumbers, Rule } from './rule';

/**
 * A composite criterion (a score made of parts, e.g. one per organisation) checked against the template's rule:
 * with the parts written ("60 20 20", or rows below), each part must be one of its tiers or, for a missing
 * organisation, the average of the others, and they must add up to the score; with the score alone, it must be a
 * total the rule allows.
 */
export const compositeMismatch: Rule = {
  code: 'composite-mismatch',
  severity: 'error',
  title: 'Điểm tổng hợp sai cách tính',
  message: (p) => {
    switch (p.kind) {
      case 'part':
        return `${p.cell}: ${p.label}, phần “${p.part}” ghi ${p.value} điểm, không phải một mức của phần này (${p.tiers}) cũng không phải điểm của tổ chức không có (${p.fill}).`;
      case 'sum':
        return `${p.cell}: ${p.label} tự chấm ${p.self} điểm, nhưng các phần (${p.parts}) cộng được ${p.sum}.`;
      case 'count':
        return `${p.cell}: ${p.label} ghi ${p.count} phần (${p.parts}), mẫu chỉ có ${p.expected} phần (${p.names}).`;
      default:
        return `${p.cell}: ${p.label} tự chấm ${p.self} điểm, không phải tổng nào theo cách tính của mẫu (mỗi phần một mức${p.average ? ', phần không có lấy trung bình cộng các phần còn lại' : ''}); các tổng được phép: ${p.allowed}.`;
    }
  },
  check({ map, template, scoreCells, layout }) {
    const col = layout.columns.tuCham;
    if (!template || col === undefined) return [];
    return map.criteria.flatMap((c): Finding[] => {
      const rule = template.bySheet.get(c.id)?.composite;
      const self = c.scores.tuCham;
      if (!rule || self.kind !== 'number') return [];
      // Every number written for the criterion, where it stands: its own cell, its continuation rows, its part rows.
      const own = new Set([c.id, ...(template.partsOf.get(c.id) ?? []).map((k) => k.id)]);
      const numbers = scoreCells
        .filter((s) => s.column === 'tuCham' && s.criterion && own.has(s.criterion.id) && s.score.kind === 'number')
        .flatMap((s) =>
          (s.score.kind === 'number' ? (s.score.all ?? [s.score.value]) : []).map((value) => ({ value, row: s.row, col: s.col })),
        );
      const base = { label: c.label, self: self.value };
      if (numbers.length <= 1) {
        const allowed = compositeTotals(rule);
        if (allowed.some((a) => Math.abs(a - self.value) < 1e-6)) return [];
        return [
          finding(compositeMismatch, c.row, col, c, {
            ...base,
            kind: 'total',
            average: rule.missing === 'average' ? 'có' : '',
            allowed: listNumbers(allowed.slice(0, 12)) + (allowed.length > 12 ? '…' : ''),
          }),
        ];
      }
      const given = numbers.slice(1);
      const names = rule.parts.map((p) => p.name);
      if (given.length > rule.parts.length) {
        return [
          finding(compositeMismatch, c.row, col, c, {
            ...base,
            kind: 'count',
            count: given.length,
            parts: listNumbers(given.map((g) => g.value)),
            expected: rule.parts.length,
            names: names.join('; '),
          }),
        ];
      }
      const reading = readParts(
        rule,
        given.map((g) => g.value),
      );
      const out: Finding[] = reading.parts
        .filter((p) => !p.tier && !p.missing)
        .map((p) =>
          finding(compositeMismatch, given[p.index].row, given[p.index].col, c, {
            ...base,
            kind: 'part',
            part: names[p.index],
            value: p.value,
            tiers: listNumbers(rule.parts[p.index].tiers),
            fill: formatNumber(reading.fill),
          }),
        );
      if (Math.abs(reading.sum - self.value) > 1e-6) {
        const unwritten = rule.parts.length - given.length;
        const written = listNumbers(given.map((g) => g.value));
        const parts = unwritten > 0 ? `${written}; ${unwritten} phần không ghi, mỗi phần ${formatNumber(reading.fill)}` : written;
        out.push(finding(compositeMismatch, c.row, col, c, { ...base, kind: 'sum', parts, sum: reading.sum }));
      }
      return out;
    });
  },
};

import { COLUMN_WORDS, finding, Rule } from './rule';

/** A section, parent item or TỔNG CỘNG whose stated value differs from the sum of its children. */
export const totalMismatch: Rule = {
  code: 'total-mismatch',
  severity: 'error',
  title: 'Tổng không khớp',
  message: (p) => `${p.cell}: ${p.label} ghi ${p.stated} ${p.column}, cộng các mục được ${p.computed}.`,
  check({ totals, map }) {
    return totals.lines.flatMap((t) => {
      if (t.stated === undefined || Math.abs(t.stated - t.computed) < 1e-9) return [];
      const c = map.byId.get(t.criterion)!;
      return [
        finding(totalMismatch, t.row, t.col, c, {
          label: c.label,
          column: COLUMN_WORDS[t.column],
          stated: t.stated,
          computed: t.computed,
        }),
      ];
    });
  },
};

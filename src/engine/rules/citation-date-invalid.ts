import { daysInMonth } from '../evidence/dates';
import { finding, Rule } from './rule';

/** A cited document dated with a day the calendar lacks: 31/02/2022, 29/02/2023, 32/1/2022, 15/13/2022. */
export const citationDateInvalid: Rule = {
  code: 'citation-date-invalid',
  severity: 'error',
  title: 'Ngày văn bản không có thật',
  message: (p) =>
    `${p.cell}: ${p.kind} số ${p.key} ghi ngày ${p.date}, nhưng ` +
    (p.reason === 'no-month' ? `không có tháng ${p.month}.` : `tháng ${p.month} năm ${p.year} chỉ có ${p.days} ngày.`),
  check(ctx) {
    return ctx.evidence.citations.flatMap(({ citation: c, row, col, criterion }) => {
      if (!c.date || c.date.valid) return [];
      const { month, year } = c.date;
      const days = month >= 1 && month <= 12 ? daysInMonth(month, year) : 0;
      return [
        finding(citationDateInvalid, row, col, criterion, {
          kind: c.kind,
          key: c.key,
          date: c.dateText!,
          month: String(month),
          year: String(year),
          days,
          reason: days === 0 ? 'no-month' : 'no-day',
        }),
      ];
    });
  },
};

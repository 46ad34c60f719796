import { daysInMonth } from '../evidence/dates';
import { defineRule } from './rule';

interface InvalidDate {
  kind: string;
  key: string;
  /** The date as written ("31/02/2022"): there is no ISO form of a day the calendar lacks. */
  written: string;
  month: number;
  year: number;
  days: number;
}

/** A cited document dated with a day the calendar lacks: 31/02/2022, 29/02/2023, 32/1/2022, 15/13/2022. */
export const citationDateInvalid = defineRule<{ noMonth: InvalidDate; noDay: InvalidDate }>()({
  meta: {
    code: 'citation-date-invalid',
    severity: 'error',
    title: 'Ngày văn bản không có thật',
    description: 'Văn bản được dẫn với một ngày không có trên lịch (31/02, 29/02 năm không nhuận, tháng 13).',
    tags: ['citations'],
  },
  messages: {
    noMonth: (d) => `${d.kind} số ${d.key} ghi ngày ${d.written}, nhưng không có tháng ${d.month}.`,
    noDay: (d) => `${d.kind} số ${d.key} ghi ngày ${d.written}, nhưng tháng ${d.month} năm ${d.year} chỉ có ${d.days} ngày.`,
  },
  check(ctx, report) {
    const { citations } = ctx.evidence;
    // An index loop, not for…of: a check runs once, before it is optimised, and each iterator step allocates.
    for (let k = 0; k < citations.length; k++) {
      const { citation: c, row, col, criterion } = citations[k];
      if (!c.date || c.date.valid) continue;
      const { month, year } = c.date;
      const days = month >= 1 && month <= 12 ? daysInMonth(month, year) : 0;
      report({ row, col, criterion }, days === 0 ? 'noMonth' : 'noDay', {
        kind: c.kind,
        key: c.key,
        written: c.dateText!,
        month,
        year,
        days,
      });
    }
  },
});

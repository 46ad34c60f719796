import { isoDate } from '../evidence/dates';
import { defineRule } from './rule';

interface ConflictData {
  kind: string;
  key: string;
  /** ISO dates: this citation's, and the first one's. */
  date: string;
  firstDate: string;
  /** The first citation's cell, and, across sheets, its sheet. */
  where: string;
  sheet?: string;
}

/** One number and symbol cited with two dates in two places of the sheet (across sheets: evidence/workbook.ts). */
export const citationConflict = defineRule<{ elsewhere: ConflictData; sameCell: ConflictData; otherSheet: ConflictData }>()({
  meta: {
    code: 'citation-conflict',
    severity: 'warning',
    title: 'Văn bản ghi hai ngày khác nhau',
    description: 'Cùng một số và ký hiệu văn bản được dẫn với hai ngày ban hành khác nhau ở hai nơi (trong trang hoặc giữa các trang).',
    tags: ['citations'],
  },
  messages: {
    elsewhere: (d, say) => `${d.kind} số ${d.key} ghi ngày ${say.date(d.date)}, nhưng ở ${d.where} ghi ngày ${say.date(d.firstDate)}.`,
    sameCell: (d, say) => `${d.kind} số ${d.key} ghi ngày ${say.date(d.date)}, nhưng cũng trong ô này ghi ngày ${say.date(d.firstDate)}.`,
    otherSheet: (d, say) =>
      `${d.kind} số ${d.key} ghi ngày ${say.date(d.date)}, nhưng ở trang “${d.sheet}”, ô ${d.where} ghi ngày ${say.date(d.firstDate)}.`,
  },
  check(ctx, report) {
    for (const { at, first } of ctx.evidence.conflicts) {
      report(at, first.cell === at.cell ? 'sameCell' : 'elsewhere', {
        kind: at.citation.kind,
        key: at.citation.key,
        date: isoDate(at.citation.date!),
        where: first.cell,
        firstDate: isoDate(first.citation.date!),
      });
    }
  },
});

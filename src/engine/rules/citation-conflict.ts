import { vnDate } from '../evidence/dates';
import { finding, Rule } from './rule';

/** One number and symbol cited with two dates in two places of the sheet (across sheets: evidence/workbook.ts). */
export const citationConflict: Rule = {
  code: 'citation-conflict',
  severity: 'warning',
  title: 'Văn bản ghi hai ngày khác nhau',
  message: (p) =>
    `${p.cell}: ${p.kind} số ${p.key} ghi ngày ${p.date}, nhưng ${p.where === p.cell ? 'cũng trong ô này' : `ở ${p.where}`} ghi ngày ${p.firstDate}.`,
  check(ctx) {
    return ctx.evidence.conflicts.map(({ at, first }) =>
      finding(citationConflict, at.row, at.col, at.criterion, {
        kind: at.citation.kind,
        key: at.citation.key,
        date: vnDate(at.citation.date!),
        where: first.cell,
        firstDate: vnDate(first.citation.date!),
      }),
    );
  },
};

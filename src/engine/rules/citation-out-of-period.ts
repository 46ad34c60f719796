import type { CellCitation } from '../evidence/collect';
import { compareDates, docDate, isoDate } from '../evidence/dates';
import { fold } from '../text';
import { defineRule } from './rule';

/**
 * Kinds that speak for one moment: a plan, a report, a dispatch for the year being scored is made for that year. Laws,
 * decrees, circulars, resolutions, directives, the Party's conclusions, regulations and decisions (a Quy chế, a
 * council's founding) stand for years and may be old: they are never "too old".
 */
const TIME_BOUND = new Set(['Kế hoạch', 'Báo cáo', 'Công văn', 'Thông báo', 'Tờ trình', 'Biên bản', 'Giấy mời', 'Công điện']);

/**
 * A plan for year Y is issued in the last weeks of Y − 1 at the earliest, a report or dispatch within Y. An assessor
 * accepts the last quarter of Y − 1 (1 October) as the earliest date for such a document; earlier means it was made
 * for another year, unless its sentence says it spans several years ("giai đoạn 2021 – 2025" covering Y).
 */
const EARLIEST_MONTH = 10;

/** "giai đoạn 2021 – 2025", "giai đoạn 2021-2025": a period of several years. */
const PERIOD = /giai doan\s*(\d{4})\s*[-–—]\s*(\d{4})/g;

function spansYear(sentence: string, year: number): boolean {
  for (const m of fold(sentence).matchAll(PERIOD)) if (Number(m[1]) <= year && year <= Number(m[2])) return true;
  return false;
}

interface Dated {
  kind: string;
  key: string;
  /** ISO date of the citation. */
  date: string;
}

/**
 * A cited document dated after the report (the title's "ngày /12/2022" → 31/12/2022; without one, after the year being
 * scored), always suspicious; or a time-bound document dated before the last quarter of the year before.
 */
export const citationOutOfPeriod = defineRule<{
  afterReport: Dated & { limit: string };
  afterYear: Dated & { year: number };
  early: Dated & { year: number };
}>()({
  meta: {
    code: 'citation-out-of-period',
    severity: 'warning',
    title: 'Văn bản ngoài kỳ chấm điểm',
    description:
      'Văn bản được dẫn có ngày sau ngày báo cáo (hoặc sau năm được chấm), hoặc là kế hoạch, báo cáo, công văn ban hành trước quý IV năm trước.',
    tags: ['citations'],
  },
  messages: {
    afterReport: (d, say) =>
      `${d.kind} số ${d.key} ghi ngày ${say.date(d.date)}, sau ngày của báo cáo ghi ở tiêu đề (${say.date(d.limit)}).`,
    afterYear: (d, say) => `${d.kind} số ${d.key} ghi ngày ${say.date(d.date)}, sau năm được chấm ${d.year} (31/12/${d.year}).`,
    early: (d, say) =>
      `${d.kind} số ${d.key} ghi ngày ${say.date(d.date)}, trước năm được chấm ${d.year} hơn một quý; ${d.kind.toLowerCase()} thường được ban hành trong năm ${d.year} hoặc từ quý IV năm ${d.year - 1}.`,
  },
  check(ctx, report) {
    const { citations, year, reportDate } = ctx.evidence;
    if (year === undefined && !reportDate) return;
    const limit = reportDate ?? docDate(31, 12, year!);
    const earliest = year !== undefined ? docDate(1, EARLIEST_MONTH, year - 1) : undefined;
    // Where and what, made only for a citation that is told: most are in the period.
    const at = ({ row, col, criterion }: CellCitation) => ({ row, col, criterion });
    const base = ({ citation: c }: CellCitation) => ({ kind: c.kind, key: c.key, date: isoDate(c.date!) });
    // An index loop, not for…of: a check runs once, before it is optimised, and each iterator step allocates.
    for (let k = 0; k < citations.length; k++) {
      const cc = citations[k];
      const { citation: c, sentence } = cc;
      if (!c.date?.valid) continue;
      if (compareDates(c.date, limit) > 0) {
        if (reportDate) report(at(cc), 'afterReport', { ...base(cc), limit: isoDate(reportDate) });
        else report(at(cc), 'afterYear', { ...base(cc), year: year! });
        continue;
      }
      if (!earliest || !TIME_BOUND.has(c.kind) || compareDates(c.date, earliest) >= 0 || spansYear(sentence, year!)) continue;
      report(at(cc), 'early', { ...base(cc), year: year! });
    }
  },
});

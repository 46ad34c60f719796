import { compareDates, docDate, vnDate } from '../evidence/dates';
import { fold } from '../text';
import { finding, Rule } from './rule';

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

/**
 * A cited document dated after the report (the title's "ngày /12/2022" → 31/12/2022; without one, after the year being
 * scored), always suspicious; or a time-bound document dated before the last quarter of the year before.
 */
export const citationOutOfPeriod: Rule = {
  code: 'citation-out-of-period',
  severity: 'warning',
  title: 'Văn bản ngoài kỳ chấm điểm',
  message: (p) =>
    p.reason === 'after'
      ? `${p.cell}: ${p.kind} số ${p.key} ghi ngày ${p.date}, sau ${p.limitWords} (${p.limit}).`
      : `${p.cell}: ${p.kind} số ${p.key} ghi ngày ${p.date}, trước năm được chấm ${p.year} hơn một quý; ${p.kindWords} thường được ban hành trong năm ${p.year} hoặc từ quý IV năm ${p.prevYear}.`,
  check(ctx) {
    const { citations, year, reportDate } = ctx.evidence;
    if (year === undefined && !reportDate) return [];
    const limit = reportDate ?? docDate(31, 12, year!);
    const limitWords = reportDate ? 'ngày của báo cáo ghi ở tiêu đề' : `năm được chấm ${year}`;
    const earliest = year !== undefined ? docDate(1, EARLIEST_MONTH, year - 1) : undefined;
    return citations.flatMap(({ citation: c, row, col, criterion, sentence }) => {
      if (!c.date?.valid) return [];
      const base = { kind: c.kind, key: c.key, date: vnDate(c.date) };
      if (compareDates(c.date, limit) > 0) {
        return [finding(citationOutOfPeriod, row, col, criterion, { ...base, reason: 'after', limit: vnDate(limit), limitWords })];
      }
      if (!earliest || !TIME_BOUND.has(c.kind) || compareDates(c.date, earliest) >= 0 || spansYear(sentence, year!)) return [];
      return [
        finding(citationOutOfPeriod, row, col, criterion, {
          ...base,
          reason: 'early',
          year: String(year),
          prevYear: String(year! - 1),
          kindWords: c.kind.toLowerCase(),
        }),
      ];
    });
  },
};

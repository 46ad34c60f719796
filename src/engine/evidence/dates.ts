/** Calendar dates as Vietnamese documents write them: day first, "04/01/2022", "4-1-2022", "ngày 04 tháng 01 năm 2022". */

export interface DocDate {
  day: number;
  month: number;
  year: number;
  /** False when the calendar has no such day (31/02/2022, 29/02/2023, 32/1/2022, 15/13/2022). */
  valid: boolean;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(month: number, year: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function docDate(day: number, month: number, year: number): DocDate {
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(month, year);
  return { day, month, year, valid };
}

const pad = (n: number) => String(n).padStart(2, '0');

const upTo = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;

/** ISO dates made so far, by year, month and day: a long sheet cites a few hundred dates thousands of times. */
const ISO_MADE = new Map<number, string>();

/** "2022-01-04": what the report's `documents` carry; also for a date the calendar lacks, so the index shows what was written. */
export function isoDate(d: DocDate): string {
  const { year, month, day } = d;
  // Dates as citations write them (day and month of at most two digits, a four-digit year) are made once; others are rare.
  const known = upTo(year, 9999) && upTo(month, 99) && upTo(day, 99);
  const k = known ? (year * 100 + month) * 100 + day : -1;
  const made = known ? ISO_MADE.get(k) : undefined;
  if (made !== undefined) return made;
  const iso = `${String(year).padStart(4, '0')}-${pad(month)}-${pad(day)}`;
  // Bounded, for a process that checks many workbooks: cleared, not grown, past a few years of days.
  if (known) {
    if (ISO_MADE.size >= 4096) ISO_MADE.clear();
    ISO_MADE.set(k, iso);
  }
  return iso;
}

/** "04/01/2022": how messages write a date. */
export function vnDate(d: DocDate): string {
  return `${pad(d.day)}/${pad(d.month)}/${d.year}`;
}

/** "2022-01-04" → "04/01/2022": a report's ISO date as messages and lists write it. */
export function vnIsoDate(iso: string): string {
  return iso.split('-').reverse().join('/');
}

/** Orders valid dates: negative when a is earlier. */
export function compareDates(a: DocDate, b: DocDate): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function sameDate(a: DocDate, b: DocDate): boolean {
  return compareDates(a, b) === 0;
}

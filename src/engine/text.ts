/** Text as real sheets hold it: composed or decomposed Unicode, broken over lines, padded with odd spaces. */

/**
 * Every cell's text is cleaned and folded several times over (header search, criteria, rules): remember the results,
 * since Unicode normalisation dominates the check's cost. Bounded: cleared when full, so memory stays small.
 */
const MEMO_LIMIT = 50_000;
const memos: Map<string, string>[] = [];
function memo(f: (s: string) => string): (s: string) => string {
  const seen = new Map<string, string>();
  memos.push(seen);
  return (s) => {
    let r = seen.get(s);
    if (r === undefined) {
      if (seen.size >= MEMO_LIMIT) seen.clear();
      r = f(s);
      seen.set(s, r);
    }
    return r;
  };
}

/** Forgets every remembered text: each check starts afresh, so that its cost never depends on the check before. */
export function forgetTexts(): void {
  for (const m of memos) m.clear();
}

/** NFC, every run of white space (line breaks, no-break spaces) as one space, trimmed. */
export const clean = memo((s) => s.normalize('NFC').replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim());

/** For matching words: cleaned, lower case, without diacritics (đ → d), so "ĐIỂM  TỰ\nCHẤM" ≈ "diem tu cham". */
export const fold = memo((s) =>
  clean(s)
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd'),
);

/** The text of a cell value as a person reads it. */
export function cellText(value: unknown, shown?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clean(value);
  if (shown !== undefined && shown !== '') return clean(shown);
  return String(value);
}

/** A number as Vietnamese text writes it: 19.5 → "19,5", 1000 → "1000" (no grouping: scores are small). */
export function formatNumber(n: number): string {
  const rounded = Math.round(n * 1e6) / 1e6;
  return String(rounded).replace('.', ',');
}

/** Shortens long text for messages, on a word boundary. */
export function excerpt(s: string, max = 60): string {
  const c = clean(s);
  if (c.length <= max) return c;
  const cut = c.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/** Text as real sheets hold it: composed or decomposed Unicode, broken over lines, padded with odd spaces. */

/**
 * Decomposed Vietnamese always carries combining marks (U+0300–U+036F): text without them is already composed for
 * every letter these sheets use, so the costly Unicode normalisation runs only where it can change something.
 */
const COMBINING = /[\u0300-\u036f]/;
const ODD_SPACE = /[\s\u00a0\u200b\u2028\u2029]+/g;

/**
 * Anything `clean` could change but a space at either end: a combining mark, white space other than the plain space
 * (what `\s` matches, less U+0020, and the zero-width space), two spaces running. One scan: most cells are clean, and
 * three scans of every cell were a tenth of reading a long sheet.
 */
const UNCLEAN = /[\u0300-\u036f\t-\r\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/;

/** NFC, every run of white space (line breaks, no-break spaces) as one space, trimmed. */
export function clean(s: string): string {
  // Most cells are clean already: testing first spares a new string per cell on long sheets.
  if (s.charCodeAt(0) !== 32 && s.charCodeAt(s.length - 1) !== 32 && !UNCLEAN.test(s)) return s;
  const composed = COMBINING.test(s) ? s.normalize('NFC') : s;
  return composed.replace(ODD_SPACE, ' ').trim();
}

/** The highest code point a Vietnamese letter with diacritics has (ỹ, U+1EF9): the table ends there. */
const LAST_LATIN = 0x1eff;

/** Each Latin letter with diacritics (À…ỹ, Đ) to its bare lower-case letter's code, computed once; 0: unchanged. */
const BARE = new Uint16Array(LAST_LATIN + 1);
for (const [from, to] of [
  [0x00c0, 0x024f],
  [0x1e00, LAST_LATIN],
]) {
  for (let code = from; code <= to; code++) {
    const bare = String.fromCharCode(code)
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '');
    if (bare.length === 1 && bare.charCodeAt(0) !== code) BARE[code] = bare.charCodeAt(0);
  }
}
BARE[0x0110] = BARE[0x0111] = 0x64; // Đ, đ → d

/** How many code units one `String.fromCharCode` call is given: a call's arguments are bounded. */
const CHUNK = 2048;
/** The folded code units, reused from call to call: one buffer, not a string per letter. */
let buffer = new Uint16Array(CHUNK);
/** Views of the buffer's first n units, by n (at most CHUNK of them): a new view per call cost as much as the fold. */
let views: Uint16Array[] = [];
const view = (from: number, n: number) =>
  from === 0 && n <= CHUNK ? (views[n] ??= buffer.subarray(0, n)) : buffer.subarray(from, from + n);

/** Each code unit's folded code (lower case, then bare), filled on first use; 0: not computed yet. */
const FOLDED = new Uint16Array(0x10000);

function foldedCode(c: number): number {
  const known = FOLDED[c];
  if (known !== 0) return known;
  const lower = String.fromCharCode(c).toLowerCase();
  // A letter whose lower case is two characters (İ → i̇) stays itself, then loses its marks like any other.
  const code = lower.length === 1 ? lower.charCodeAt(0) : c;
  const folded = code <= LAST_LATIN && BARE[code] !== 0 ? BARE[code] : code;
  FOLDED[c] = folded;
  return folded;
}

/** Σ lower-cases by its place in a word (σ or ς), and surrogate pairs as pairs: such text takes the whole-string path. */
const CONTEXT_CASED = (c: number) => c === 0x03a3 || (c >= 0xd800 && c <= 0xdfff);

/**
 * Lower case without diacritics (đ → d), one character for one, so that an offset in the folded text is the same
 * offset in the text: patterns match the folded text, values are read from the original. One pass of table look-ups
 * into a reused buffer, made a string at once: Unicode decomposition, a replace callback per letter, or a string
 * built of slices (which every pattern then had to flatten) cost two to four times as much, and folding was the
 * check's largest cost on long sheets.
 */
export function foldLetters(s: string): string {
  const n = s.length;
  ensureBuffer(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (CONTEXT_CASED(c)) return foldWhole(s);
    const f = c < 0x80 ? (c >= 0x41 && c <= 0x5a ? c + 0x20 : c) : foldedCode(c);
    if (f !== c) changed = true;
    buffer[i] = f;
  }
  if (!changed) return s;
  return bufferText(n);
}

/** The code unit at i as `foldLetters` folds it; a letter cased by its neighbours (Σ, surrogates) as it is. */
export function foldedCodeAt(s: string, i: number): number {
  const c = s.charCodeAt(i);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a ? c + 0x20 : c;
  return CONTEXT_CASED(c) ? c : foldedCode(c);
}

/** A buffer of at least n code units (its views go with the old one). */
function ensureBuffer(n: number): void {
  if (buffer.length >= n) return;
  buffer = new Uint16Array(n * 2);
  views = [];
}

/** The buffer's first n code units as a string. */
function bufferText(n: number): string {
  let out = '';
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, view(i, Math.min(CHUNK, n - i)) as unknown as number[]);
  return out;
}

/** `foldLetters` with the whole string lower-cased at once, for text whose case depends on its neighbours. */
export function foldWhole(s: string): string {
  let lower = s.toLowerCase();
  // A few letters outside Vietnamese lower-case to two characters (İ → i̇): keep those as they are.
  if (lower.length !== s.length)
    lower = s
      .split('')
      .map((ch) => (ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch))
      .join('');
  const n = lower.length;
  ensureBuffer(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    const bare = c > 0x7f && c <= LAST_LATIN ? BARE[c] : 0;
    if (bare !== 0) changed = true;
    buffer[i] = bare || c;
  }
  return changed ? bufferText(n) : lower;
}

/** For matching words: cleaned, lower case, without diacritics (đ → d), so "ĐIỂM  TỰ\nCHẤM" ≈ "diem tu cham". */
export function fold(s: string): string {
  return foldLetters(clean(s));
}

/** Each bare letter and the Vietnamese letters that fold to it. */
export const VARIANTS: Readonly<Record<string, string>> = {
  a: 'aàáảãạăằắẳẵặâầấẩẫậ',
  e: 'eèéẻẽẹêềếểễệ',
  i: 'iìíỉĩị',
  o: 'oòóỏõọôồốổỗộơờớởỡợ',
  u: 'uùúủũụưừứửữự',
  y: 'yỳýỷỹỵ',
  d: 'dđ',
};

/** Letters whose simple case folding also takes a sign outside ASCII (K, the Kelvin sign; ſ, the long s). */
const FOLD_PARTNERS: Record<string, string> = { k: '\u212a', s: '\u017f' };

/** A letter or a digit of any script (\p{L}, \p{N}), by code point. */
let letterOrNumber: RegExp | undefined;
function isLetterOrNumber(cp: number): boolean {
  if (cp < 0x80) return (cp >= 0x30 && cp <= 0x39) || ((cp | 0x20) >= 0x61 && (cp | 0x20) <= 0x7a);
  // Made on the first character outside ASCII next to a word, which is rare: the Unicode classes cost milliseconds
  // to compile, a fifth of a sheet's first check when they were part of every words pattern.
  return (letterOrNumber ??= /^[\p{L}\p{N}]$/u).test(String.fromCodePoint(cp));
}

/** The code point that ends just before `i`, a surrogate pair read as one; -1 at the start. */
function codePointBefore(s: string, i: number): number {
  if (i === 0) return -1;
  const low = s.charCodeAt(i - 1);
  if (low >= 0xdc00 && low <= 0xdfff && i >= 2) {
    const high = s.charCodeAt(i - 2);
    if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
  }
  return low;
}

/** Whether a text holds one of some words, as a whole word. */
export interface WordsMatcher {
  test(text: string): boolean;
}

/**
 * Finds folded words ("tam tinh") in cleaned text written with or without diacritics, in any case ("Tạm tính",
 * "TAM TINH"), in one scan: folding long evidence text first cost more than the rest of a rule. A word is whole
 * where no letter or digit of any script touches it on either side. The pattern spells out each letter's cases and
 * marks, and the sides are looked at only where a word is found, so that no Unicode class is compiled for the text.
 */
export function wordsPattern(words: readonly string[]): WordsMatcher {
  const cases = (letters: string) => letters + letters.toUpperCase() + (FOLD_PARTNERS[letters] ?? '');
  const loose = (w: string) => [...w].map((ch) => (ch === ' ' ? '\\s+' : `[${cases(VARIANTS[ch] ?? ch)}]`)).join('');
  /** Where some word starts; each word on its own, sticky, to try every word where one starts. */
  const anyWord = new RegExp(words.map(loose).join('|'), 'g');
  const each = words.map((w) => new RegExp(loose(w), 'y'));
  return {
    test(text) {
      anyWord.lastIndex = 0;
      for (let m = anyWord.exec(text); m !== null; m = anyWord.exec(text)) {
        const at = m.index;
        if (!isLetterOrNumber(codePointBefore(text, at))) {
          for (const word of each) {
            word.lastIndex = at;
            if (!word.test(text)) continue;
            const end = word.lastIndex;
            if (end >= text.length || !isLetterOrNumber(text.codePointAt(end)!)) return true;
          }
        }
        anyWord.lastIndex = at + 1;
      }
      return false;
    },
  };
}

/** The text of a cell value as a person reads it. */
export function cellText(value: unknown, shown?: string): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return clean(value);
  if (shown !== undefined && shown !== '') return clean(shown);
  return String(value);
}

/** Shortens long text for messages, on a word boundary. */
export function excerpt(s: string, max = 60): string {
  const c = clean(s);
  if (c.length <= max) return c;
  const cut = c.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trim()}…`;
}

/** The most of a cell's text a message quotes: enough to recognise the cell, never a page of it. */
export const QUOTE_MAX = 120;

/** A cell's text as a message quotes it: cleaned, and cut on a word boundary past QUOTE_MAX characters. */
export function quoteCell(text: string): string {
  return excerpt(text, QUOTE_MAX);
}

/**
 * Reads Vietnamese document citations as they are written in evidence cells:
 * "Kế hoạch số 2153/KH-VP ngày 31/12/2021", "(số 337/KH-VP ngày 04/3/2022)", "Chỉ thị 07/CT-TTg ngày 19/3/2014 của
 * Thủ tướng Chính phủ", "Quyết định số 20/2022/QĐ-UBND", "Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị".
 * A citation is found by its number and symbol, the one part every citation has; the kind, the date and the issuer are
 * read around it. Pure: text in, citations out.
 */
import { clean, foldLetters } from '../text';
import { DocDate, docDate } from './dates';

export interface Citation {
  /** "Kế hoạch", "Quyết định"…: as named before the number, else as the symbol says (KH, QĐ…), else "Văn bản". */
  kind: string;
  /** True when the kind is named in the text, false when read from the symbol. */
  kindNamed: boolean;
  /** The number as written: "2153", "01". */
  number: string;
  /** Number and symbol as written, without spaces: "2153/KH-VP", "274-KH/ĐU", "20/2022/QĐ-UBND". */
  key: string;
  /** The key for telling documents apart: upper case, leading zeros dropped ("01-KL/TW" = "1-KL/TW"). */
  id: string;
  date?: DocDate;
  /** The date as written: "04/01/2022", "ngày 4 tháng 1 năm 2022" without "ngày". */
  dateText?: string;
  /** Who issued it, when the text says "… của Bộ Chính trị". */
  issuer?: string;
  /** Offsets of the number and symbol in the cleaned text. */
  start: number;
  end: number;
  /** Which sentence of the text it is in (0-based): one sentence may list two documents under one number. */
  sentence: number;
}

/** Kinds as written before the number, folded (no diacritics, lower case) → how the index names them. Longest first. */
const KIND_WORDS: [string, string][] = (
  [
    ['Thông tư liên tịch', 'Thông tư liên tịch'],
    ['Quy chế phối hợp', 'Quy chế'],
    ['Thông báo kết luận', 'Thông báo'],
    ['Quyết định', 'Quyết định'],
    ['Kế hoạch', 'Kế hoạch'],
    ['Công văn', 'Công văn'],
    ['Báo cáo', 'Báo cáo'],
    ['Thông báo', 'Thông báo'],
    ['Tờ trình', 'Tờ trình'],
    ['Nghị quyết', 'Nghị quyết'],
    ['Chỉ thị', 'Chỉ thị'],
    ['Kết luận', 'Kết luận'],
    ['Nghị định', 'Nghị định'],
    ['Thông tư', 'Thông tư'],
    ['Quy chế', 'Quy chế'],
    ['Quy định', 'Quy định'],
    ['Hướng dẫn', 'Hướng dẫn'],
    ['Chương trình', 'Chương trình'],
    ['Bộ luật', 'Bộ luật'],
    ['Luật', 'Luật'],
    ['Pháp lệnh', 'Pháp lệnh'],
    ['Công điện', 'Công điện'],
    ['Biên bản', 'Biên bản'],
    ['Giấy mời', 'Giấy mời'],
    ['Đề án', 'Đề án'],
    ['Điều lệ', 'Điều lệ'],
    ['Quy tắc', 'Quy tắc'],
    ['Văn bản', 'Văn bản'],
  ] as [string, string][]
).map(([w, k]) => [foldLetters(w), k]);

/** KIND_WORDS by their last character, in their order: only those can end where the kind must. */
const KIND_WORDS_BY_LAST = new Map<number, [string, string][]>();
for (const entry of KIND_WORDS) {
  const last = entry[0].charCodeAt(entry[0].length - 1);
  KIND_WORDS_BY_LAST.set(last, [...(KIND_WORDS_BY_LAST.get(last) ?? []), entry]);
}

/** The type part of a symbol (its first segment, folded) → kind: "KH-VP" is a Kế hoạch, "CT/TW" a Chỉ thị. */
const SYMBOL_KINDS: Record<string, string> = {
  qd: 'Quyết định',
  kh: 'Kế hoạch',
  bc: 'Báo cáo',
  tb: 'Thông báo',
  ttr: 'Tờ trình',
  nq: 'Nghị quyết',
  ct: 'Chỉ thị',
  kl: 'Kết luận',
  nd: 'Nghị định',
  tt: 'Thông tư',
  ttlt: 'Thông tư liên tịch',
  cv: 'Công văn',
  qc: 'Quy chế',
  qcph: 'Quy chế',
  qyd: 'Quy định',
  hd: 'Hướng dẫn',
  ctr: 'Chương trình',
  bb: 'Biên bản',
  gm: 'Giấy mời',
  cd: 'Công điện',
  da: 'Đề án',
};

/**
 * Number and symbol: digits, an optional year ("20/2022/"), then "/" or "-" and letter-led segments joined by "/" or
 * "-" ("KH-VP", "KH/ĐU", "CT-TTg", "KH-TKT48"). Not inside another number or word (`joinsBefore`), so dates and
 * "12.400" never match.
 */
// Led by its digits, with the character before them tested apart: a pattern led by "the start or a character that is
// no part of a number or word" was tried at every character of the text, five times slower on long evidence (and a
// lookbehind is beyond Safari before 16.4 and older webviews).
const NUMBER_SYMBOL = /(\d{1,5})(?:\/\d{4})?[/-](\p{L}[\p{L}\d]*(?:[/-][\p{L}\d]+)*)/gu;
/** What may not stand just before a citation's number: a letter, a digit, ".", ",", "/" or "-". */
const PART_OF_NUMBER_OR_WORD = /[\p{L}\d.,/-]$/u;

/** True when the number starting at `at` carries on a number or word: "12.400", "31/12/2021", "KH2153/…". */
function joinsBefore(text: string, at: number): boolean {
  if (at === 0) return false;
  const c = text.charCodeAt(at - 1);
  if (c < 0x80)
    return (c >= 0x30 && c <= 0x39) || ((c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a) || c === 0x2e || c === 0x2c || c === 0x2f || c === 0x2d;
  // Outside ASCII: the whole code point before (a letter may take two code units).
  return PART_OF_NUMBER_OR_WORD.test(text.slice(Math.max(0, at - 2), at));
}

// Sticky (`y`): each is tried where the citation leaves off, without copying the rest of the text to anchor it.
/** Between the symbol and "ngày": at most two words ("…/TB-UBND tỉnh ngày …"), or "của <issuer>" (handled apart). */
const BEFORE_DATE = /(?:\s+(?!ngay\b|cua\b)[^\s\d,;.()]+){0,2}?\s*,?\s*\(?\s*ngay\s*:?\s*/y;
const ISSUER_THEN_DATE = /\s*,?\s*cua\s+([^\d,;()]{1,80}?)\s*,?\s+ngay\s*:?\s*/y;
const WORDED_DATE = /(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+(\d{4})(?!\d)/y;
const ISSUER_START = /\s*,?\s*cua\s+/y;
/** Where an issuer's name ends: punctuation, a number, or the verb or preposition that starts what the document is about. */
const ISSUER_END =
  /[,;.()[\]:"“”*<>…]|\s\d|\s(?:ve|quy dinh|ban hanh|to chuc|phat dong|trien khai|tai|theo|trong|de|doi voi|thuc hien|chuyen|khi|thong qua|nham|qua|den|huong dan|da|duoc|xep loai|giai doan|nam|ngay|so|phe duyet|thanh lap|kiem tra|bao cao)(?![\p{L}\d])/gu;

/** `pattern` (sticky or global) matched from `at` on. */
function execAt(pattern: RegExp, s: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(s);
}

/** Where sticky `pattern` ends when it matches at `at`, else -1: `test` makes no match array to throw away. */
function endAt(pattern: RegExp, s: string, at: number): number {
  pattern.lastIndex = at;
  return pattern.test(s) ? pattern.lastIndex : -1;
}

/** Sentence ends: . ! ? … before a capital, a bullet or the end; "12.400" and "v.v." stay inside. */
const SENTENCE_END = /[.!?…]+(?=\s+[\p{Lu}\-–•+]|\s*$)/gu;

/** One UTF-16 unit as a letter (\p{L}); ASCII without the Unicode pattern. */
function isLetter(c: number): boolean {
  if (c < 0x80) return (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7a;
  return /\p{L}/u.test(String.fromCharCode(c));
}

/** White space as `trim` takes it (the same as \s). */
function isWhite(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return /\s/.test(String.fromCharCode(c));
}

/**
 * The kind named just before the number: "Kế hoạch số 2153/…", "Chỉ thị 07/…", "Các Quyết định: số 269/…". Looked
 * for within the 40 characters before it, by offsets into the folded text rather than copies of it: every citation
 * of a sheet asks.
 */
function kindBefore(folded: string, start: number): string | undefined {
  const from = Math.max(0, start - 40);
  let end = colonBefore(folded, from, trimmedEnd(folded, from, start));
  if (end - from >= 2 && folded.startsWith('so', end - 2) && !letterAt(folded, from, end - 3)) end = trimmedEnd(folded, from, end - 2);
  end = colonBefore(folded, from, end);
  for (const [w, kind] of KIND_WORDS_BY_LAST.get(folded.charCodeAt(end - 1)) ?? [])
    if (end - from >= w.length && folded.startsWith(w, end - w.length) && !letterAt(folded, from, end - w.length - 1)) return kind;
  return undefined;
}

/** A letter at offset `i` of `s`, looking no further back than `from`. */
function letterAt(s: string, from: number, i: number): boolean {
  return i >= from && isLetter(s.charCodeAt(i));
}

/** `end` moved back over white space, no further than `from`. */
function trimmedEnd(s: string, from: number, end: number): number {
  while (end > from && isWhite(s.charCodeAt(end - 1))) end--;
  return end;
}

/** `end` moved back over one ":" and the white space before it. */
function colonBefore(s: string, from: number, end: number): number {
  return end > from && s.charCodeAt(end - 1) === 0x3a ? trimmedEnd(s, from, end - 1) : end;
}

function kindOfSymbol(symbol: string): string | undefined {
  const head = foldLetters(symbol.split(/[/-]/)[0]);
  if (SYMBOL_KINDS[head]) return SYMBOL_KINDS[head];
  return /^qh\d*$/.test(head) ? 'Luật' : undefined;
}

/** Where the run of at most `max` ASCII digits from `at` ends. */
function digitsEnd(s: string, at: number, max: number): number {
  let i = at;
  while (i < at + max && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
  return i;
}

/** The number the ASCII digits of `s` from `from` to `to` write. */
function digitsValue(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 0x30;
  return n;
}

/** Where the white space from `at` ends. */
function whiteEnd(s: string, at: number): number {
  let i = at;
  while (i < s.length && isWhite(s.charCodeAt(i))) i++;
  return i;
}

/**
 * "31/12/2021", "4 - 1 - 2022", "04.01.2022" at `at`: the pattern /(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/y,
 * read by hand.
 */
// By hand because the pattern makes a match array and four strings for each citation of a long sheet, thrown away at
// once; test/engine/evidence/citations.test.ts holds the two to agree.
function numericDateAt(s: string, at: number): { date: DocDate; text: string; end: number } | undefined {
  const dayEnd = digitsEnd(s, at, 2);
  if (dayEnd === at) return undefined;
  const sepAt = whiteEnd(s, dayEnd);
  const sep = s.charCodeAt(sepAt);
  if (sep !== 0x2f && sep !== 0x2e && sep !== 0x2d) return undefined; // "/", "." or "-"
  const monthAt = whiteEnd(s, sepAt + 1);
  const monthEnd = digitsEnd(s, monthAt, 2);
  if (monthEnd === monthAt) return undefined;
  const sep2At = whiteEnd(s, monthEnd);
  if (s.charCodeAt(sep2At) !== sep) return undefined; // the same separator again
  const yearAt = whiteEnd(s, sep2At + 1);
  const end = digitsEnd(s, yearAt, 5);
  if (end - yearAt !== 4) return undefined; // four digits, and not the start of a longer number
  const date = docDate(digitsValue(s, at, dayEnd), digitsValue(s, monthAt, monthEnd), digitsValue(s, yearAt, end));
  // The text as written when written "4/1/2022", else rebuilt so: "04 . 01 . 2022" → "04/01/2022".
  const compact = sep === 0x2f && sepAt === dayEnd && monthAt === sepAt + 1 && sep2At === monthEnd && yearAt === sep2At + 1;
  const text = compact ? s.slice(at, end) : `${s.slice(at, dayEnd)}/${s.slice(monthAt, monthEnd)}/${s.slice(yearAt, end)}`;
  return { date, text, end };
}

function readDate(folded: string, at: number): { date: DocDate; text: string; end: number } | undefined {
  const n = numericDateAt(folded, at);
  if (n) return n;
  const w = execAt(WORDED_DATE, folded, at);
  if (w) return { date: docDate(Number(w[1]), Number(w[2]), Number(w[3])), text: `${w[1]}/${w[2]}/${w[3]}`, end: at + w[0].length };
  return undefined;
}

function readIssuer(text: string, folded: string, at: number): string | undefined {
  const from = endAt(ISSUER_START, folded, at);
  if (from < 0) return undefined;
  const end = execAt(ISSUER_END, folded, from);
  const name = text.slice(from, end ? end.index : undefined).trim();
  return name.length >= 2 && name.length <= 80 ? name : undefined;
}

/** "01-KL/TW" and "1-kl/tw" are one document; "2153/KH-VP" and "2153/KH-VPUB" are not. */
export function citationId(key: string): string {
  // Read once for what the key needs: text below U+0300 has no combining mark and no character NFC changes, and ASCII
  // without a small letter is upper case already; most keys are spared one or both copies.
  let belowCombining = true;
  let asciiUpper = true;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c >= 0x80 || (c >= 0x61 && c <= 0x7a)) asciiUpper = false;
    if (c >= 0x300) belowCombining = false;
  }
  const upper = asciiUpper ? key : (belowCombining ? key : key.normalize('NFC')).toUpperCase();
  return upper.charCodeAt(0) === 0x30 ? upper.replace(/^0+(?=\d)/, '') : upper;
}

/** True when `s` has a capital letter: most symbols have an ASCII one, found without the Unicode pattern. */
function hasCapital(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) return true;
  }
  return /\p{Lu}/u.test(s);
}

/** Where each sentence of `text` starts; into `starts` when given, which the sheet's reader reuses for every criterion. */
export function sentenceStarts(text: string, starts: number[] = []): number[] {
  // Set to [0] without `length = 0`, which would drop the list's storage for the next push to make again.
  starts[0] = 0;
  starts.length = 1;
  // exec, not matchAll: matchAll copies the pattern on every call, a cost per criterion on long sheets.
  SENTENCE_END.lastIndex = 0;
  for (let m = SENTENCE_END.exec(text); m !== null; m = SENTENCE_END.exec(text)) starts.push(m.index + m[0].length);
  return starts;
}

/** Every citation in `raw`, in order. `raw` may be decomposed Unicode and broken over lines. */
export function parseCitations(raw: string): Citation[] {
  const text = clean(raw);
  const out: Citation[] = [];
  citationsIn(text, foldLetters(text), sentenceStarts(text), out);
  return out;
}

/**
 * parseCitations on text already cleaned, given its folded form (`foldLetters`, offsets as in `text`) and its
 * `sentenceStarts`: the sheet's evidence reader has both at hand. Adds them to `out`, which the reader reuses for
 * every criterion.
 */
export function citationsIn(text: string, folded: string, sentences: readonly number[], out: Citation[]): void {
  NUMBER_SYMBOL.lastIndex = 0;
  for (let m = NUMBER_SYMBOL.exec(text); m !== null; m = NUMBER_SYMBOL.exec(text)) {
    const start = m.index;
    if (joinsBefore(text, start)) {
      // The pattern is tried again from the next character, as a pattern that tested the character before would be.
      NUMBER_SYMBOL.lastIndex = start + 1;
      continue;
    }
    const symbol = m[2];
    if (!hasCapital(symbol)) continue; // "5/người": a symbol is an abbreviation with capitals
    const key = m[0];
    const end = start + key.length;
    const named = kindBefore(folded, start);
    const kind = named ?? kindOfSymbol(symbol) ?? (symbol.includes('-') || /^\p{Lu}+$/u.test(symbol) ? 'Công văn' : 'Văn bản');

    let issuer: string | undefined;
    let at = end;
    const direct = endAt(BEFORE_DATE, folded, at);
    const viaIssuer = direct >= 0 ? -1 : endAt(ISSUER_THEN_DATE, folded, at);
    let date: ReturnType<typeof readDate>;
    if (direct >= 0) date = readDate(folded, direct);
    else if (viaIssuer >= 0) {
      date = readDate(folded, viaIssuer);
      if (date) issuer = readIssuer(text, folded, at);
    }
    if (date) at = date.end;
    issuer ??= readIssuer(text, folded, at);

    let sentence = 0;
    while (sentence + 1 < sentences.length && sentences[sentence + 1] <= start) sentence++;
    // Spelt out, the optional fields last, rather than spread in: one shape for the dated and one for the undated, each
    // made whole rather than grown (a field added later is kept apart from the object), thousands on a long sheet.
    const kindNamed = named !== undefined;
    const id = citationId(key);
    const citation: Citation = date
      ? { kind, kindNamed, number: m[1], key, id, start, end, sentence, date: date.date, dateText: date.text }
      : { kind, kindNamed, number: m[1], key, id, start, end, sentence };
    if (issuer) citation.issuer = issuer;
    out.push(citation);
  }
}

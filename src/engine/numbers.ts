import { CellValue } from './grid';
import { clean } from './text';

/** What a score cell holds, read the way Vietnamese sheets write numbers. */
export type Score =
  | { kind: 'empty' }
  | {
      kind: 'number';
      /** The number that counts for totals and checks (the first, when the cell holds several). */
      value: number;
      /** True when the cell stores text ("02", "19,5"): Excel's SUM skips such a cell. */
      asText: boolean;
      /** The text as written, when `asText`. */
      text?: string;
      /** Every number in the cell, when it holds more than one ("60 20 20"). */
      all?: number[];
      /** Set when the reading is a guess ("1.5": one and a half, or a typo for 15?). */
      ambiguous?: boolean;
    }
  | { kind: 'text'; text: string };

export const EMPTY_SCORE: Score = { kind: 'empty' };

const DASH_ONLY = /^[-–—.]+$/;
const INTEGER = /^[-+]?\d+$/;
const THOUSANDS_DOT = /^[-+]?\d{1,3}(?:\.\d{3})+$/; // 1.000 → 1000
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/; // 19,5 → 19.5
const DECIMAL_DOT = /^[-+]?\d+\.\d+$/; // 1.5 → 1.5, but flagged
const SIGN_SPACE = /^([-+–])\s+(?=\d)/;
const NUMBER_START = /^[-+–]?\s*\d/;
/** The start of a cell of several numbers: separators, then the first number's sign or digit. */
const NUMBERS_START = /^[\s;/+]*[-–]?\d/;
const TRAILING_UNIT = /\s*(?:điểm|đ)\.?$/i;

/** One token to a number, or undefined; `ambiguous` when a dot could be a decimal point or a thousands mark. */
function readToken(token: string): { value: number; ambiguous: boolean } | undefined {
  // A number starts with a digit or a sign: words are turned away before any pattern runs over them.
  if (!NUMBER_START.test(token)) return undefined;
  // "+ 0,5" and "- 0,25": rule cells write a space after the sign.
  const t = token.replace(TRAILING_UNIT, '').replace(SIGN_SPACE, (_, sign: string) => (sign === '+' ? '+' : '-'));
  if (INTEGER.test(t)) return { value: Number(t), ambiguous: false };
  if (THOUSANDS_DOT.test(t)) return { value: Number(t.replace(/\./g, '')), ambiguous: false };
  if (DECIMAL_COMMA.test(t)) {
    // "1,000" could be an English thousand; Vietnamese writes a decimal comma, so read 1 and flag it.
    const [, frac] = t.split(',');
    return { value: Number(t.replace(',', '.')), ambiguous: frac.length === 3 };
  }
  if (DECIMAL_DOT.test(t)) return { value: Number(t), ambiguous: true };
  return undefined;
}

/** Quarter points from −LIMIT to LIMIT: the scores sheets hold, each read into one shared, frozen Score. */
const SHARED_LIMIT = 1000;
const SHARED = new Array<Score | undefined>(SHARED_LIMIT * 8 + 1);

/** A stored number as a score: one object per value for the common ones, so a long sheet keeps thousands, not millions. */
function numberScore(value: number): Score {
  const slot = (value + SHARED_LIMIT) * 4;
  if (!Number.isInteger(slot) || slot < 0 || slot >= SHARED.length || Object.is(value, -0)) return { kind: 'number', value, asText: false };
  return (SHARED[slot] ??= Object.freeze({ kind: 'number', value, asText: false }));
}

/** Reads a score cell. Numbers are numbers; text is read as a number where it plainly is one. */
export function readScore(value: CellValue): Score {
  if (value === null || value === undefined) return EMPTY_SCORE;
  if (typeof value === 'number') return Number.isFinite(value) ? numberScore(value) : EMPTY_SCORE;
  if (typeof value === 'boolean') return { kind: 'text', text: value ? 'TRUE' : 'FALSE' };
  const text = clean(value);
  if (text === '' || DASH_ONLY.test(text)) return EMPTY_SCORE;
  const single = readToken(text);
  if (single) return { kind: 'number', value: single.value, asText: true, text, ...(single.ambiguous ? { ambiguous: true } : {}) };
  // Several numbers ("60 20 20") or text: a cell of words starts with one, and is told at its first word.
  if (!NUMBERS_START.test(text)) return { kind: 'text', text };
  const tokens = text.split(/[\s;/+]+/).filter((t) => t !== '');
  if (tokens.length > 1) {
    const read: { value: number; ambiguous: boolean }[] = [];
    for (const token of tokens) {
      const r = readToken(token);
      if (!r) return { kind: 'text', text };
      read.push(r);
    }
    const nums = read.map((r) => r.value);
    return {
      kind: 'number',
      value: nums[0],
      asText: true,
      text,
      all: nums,
      ...(read.some((r) => r.ambiguous) ? { ambiguous: true } : {}),
    };
  }
  return { kind: 'text', text };
}

/** The number a score counts for, or undefined when it holds none. */
export function scoreValue(s: Score): number | undefined {
  return s.kind === 'number' ? s.value : undefined;
}

/**
 * The one tolerance for comparing scores. Scores are sums of halves, quarters and tenths, whose binary sums drift by
 * far less than this; no real score differs from another by less.
 */
const SCORE_EPSILON = 1e-6;

/** Equal as scores. */
export function sameScore(a: number, b: number): boolean {
  return Math.abs(a - b) < SCORE_EPSILON;
}

/** A computed score without binary noise (0.1 + 0.2 → 0.3), for sets of allowed scores and shown sums. */
export function roundScore(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** A score as Vietnamese text writes it: 19.5 → "19,5", 1000 → "1000" (no grouping: scores are small). */
export function formatNumber(n: number): string {
  return String(roundScore(n)).replace('.', ',');
}

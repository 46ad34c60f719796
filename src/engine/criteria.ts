/**
 * Maps the table's rows to criteria in two steps: `classifyRow` (pure: one row and a small state in, a tagged row kind
 * out) and `mapCriteria`, a small fold that builds the criteria tree and its ids from the kinds. Each convention of
 * real tables is one branch of `classifyRow`, with its table-driven test in test/engine/classify.test.ts.
 */
import { GridView } from './grid';
import {
  ColumnRole,
  Criterion,
  CriterionOption,
  SCORE_COLUMNS,
  scoreAndEvidenceColumns,
  ScoreColumn,
  ScoreRule,
  TableLayout,
} from './model';
import { EMPTY_SCORE, Score, sameScore, scoreValue } from './numbers';
import { roleAt } from './table';
import { clean, fold, foldedCodeAt, foldLetters } from './text';
import { tiersOf } from './tiers';

/** "Cộng", "Cộng mục I", "Cộng phần A", "Tổng điểm phần I": tested before the grand total, which they start like. */
const SUBTOTAL = /^(cong|tong cong|tong diem|tong so diem|tong)\s+(muc|phan|tieu chuan|tieu chi|noi dung|chuong|linh vuc)\b|^cong\s*[:.]?$/;
const GRAND_TOTAL = /^(tong cong|tong diem|tong so diem|cong tong)\b|^tong\s*[:.]?$/;
/** Roman numerals up to LXXXIX: sections never go further, and "C", "D", "M" or "di" are letters and words, not 100 or 501. */
const ROMAN_NUMERAL = '(?:(?=[ivxlIVXL])(?:xl|l?x{0,3})(?:ix|iv|v?i{0,3}))';
const SECTION_WORDS = new RegExp(`^(noi dung|phan|chuong|linh vuc|khoi|tieu chuan|tieu chi)\\s+(${ROMAN_NUMERAL}|\\d+)\\b`);
/** "Tiêu chuẩn 1: …" heads a section even beside its number ("1 | Tiêu chuẩn 1: …"). */
const NUMBERED_SECTION_WORDS = /^(tieu chuan|tieu chi)\s+(\d+)\s*[:.]/;
const ROMAN = new RegExp(`^(${ROMAN_NUMERAL.toUpperCase()})\\.?$`);
const UPPER_LETTER = /^([A-Z])\.?$/;
const NUMBERING = /^(\d+(?:\.\d+)*)[.)]?$/;
const LETTER_ITEM = /^([a-zđ])\s*[).]?$/;
/** Letters and numbers mixed: a1, a2.1, b.3.2, c1., D2.1. */
const ALNUM = /^([A-Za-zđĐ]{1,2})\.?(\d+(?:\.\d+)*)\.?$/;
/** A TT that is only a number, a numeral or a letter: never a heading's text spilled into the TT cell. */
const NUMBERING_ONLY = [ROMAN, UPPER_LETTER, NUMBERING, LETTER_ITEM, ALNUM];
/** Loops, not `some` with a closure: both run on every row of a table. */
function isNumberingOnly(tt: string): boolean {
  for (const re of NUMBERING_ONLY) if (re.test(tt)) return true;
  return false;
}
function anyScore(view: GridView, row: number, cols: readonly number[]): boolean {
  for (const col of cols) if (view.score(row, col).kind !== 'empty') return true;
  return false;
}
/** "-", "+" or "•" as the TT, or text that starts with one: a part listed under the numbered item above. */
const BULLET_TT = /^[-+•*–]$/;
const BULLET_TEXT = /^[-+•*–]\s/;
/** Rows that are neither criteria nor evidence: notes, the assessor, the grading scale. */
const NOTE = /^(ghi chu|luu y|chu thich|can cu cham|can cu danh gia|vi du|xep loai\s*:)/;
const ASSESSOR = /^\(.*(theo doi|danh gia|tham dinh|cham)\b.*\)$/;
const OR = /^hoac\s*[:.]?$/;
/** Words of an alternative score: percent bands, yes / no, grades, ranks. */
const OPTION_WORDS =
  /%|\b(tu|duoi|tren|lon hon|nho hon)\s+\d|\bduoi\b|\btro len\b|\bxep (loai|hang)\b|^[-+–]?\s*(co|khong)\b|\bdat\b|\bhoan thanh\b|\bdanh hieu\b|\blao dong (xuat sac|tien tien)\b/;
const BONUS_WORDS = /\b(cong|thuong)(\s+them)?\s+(\d+(?:[.,]\d+)?)\s*diem/;
const PER_OCCURRENCE = /(^|[\s(-])(moi|cu)\s|\/\s*(0?1\s+)?[a-z]|\btung\b/;
const RULE_CAP = /(?:toi da|khong qua)(?:\s+(?:la|tru|cong|khong qua))*\s+(\d+(?:[.,]\d+)?)\s*diem/;

/** One row as the classifier sees it: its cells read, nothing else; `tt` and `text` cleaned, as `cellText` reads them. */
export interface RowCells {
  tt: string;
  text: string;
  standard: Score;
  bonus: Score;
  deduction: Score;
  /** True when any score or evidence cell of the row holds something. */
  filled: boolean;
  /** True when the row carries a self-score of its own: then it is scored, never an option. */
  selfScored?: boolean;
}

/** What the classifier remembers of the rows above. */
export interface RowState {
  /** How the current section is numbered: by a capital letter, or otherwise; undefined before the first section. */
  section?: 'letter' | 'other';
  /** The current section's number, when it is one ("4" for Phần IV): "V" after it is the next section, not a letter. */
  sectionNumber?: number;
  /** The TT of the last item, and whether it has a standard (options and rules belong to it). */
  item?: { tt: string; standard: boolean };
  /** A digit-numbered item is open in the section: a letter below it is its part ("4 | … ", "a | …"). */
  numberedOpen: boolean;
  /** Some criterion has been read: a total below one ends the table, a total above them does not. */
  started: boolean;
}

export const INITIAL_STATE: RowState = { numberedOpen: false, started: false };

export type Numbering = 'numbered' | 'alnum' | 'letter' | 'unnumbered';

export type RowKind =
  | { kind: 'skip' }
  | { kind: 'note'; or: boolean }
  | { kind: 'total' }
  | { kind: 'subtotal'; bare: boolean }
  | { kind: 'section'; number: string; label: string }
  | { kind: 'item'; numbering: Numbering; key: string; bullet: boolean }
  | { kind: 'option' }
  | { kind: 'bonus-rule'; rule: Omit<ScoreRule, 'row'> }
  | { kind: 'deduction-rule'; rule: Omit<ScoreRule, 'row'> }
  | { kind: 'continuation' };

/** The kinds that carry nothing but their name, made once: one of them is the answer for most rows that are not items. */
const SKIP: RowKind = Object.freeze({ kind: 'skip' });
const TOTAL: RowKind = Object.freeze({ kind: 'total' });
const OPTION: RowKind = Object.freeze({ kind: 'option' });
const CONTINUATION: RowKind = Object.freeze({ kind: 'continuation' });
const NOTE_ROW: RowKind = Object.freeze({ kind: 'note', or: false });

/** A body row that is not a criterion of its own, and whose criterion it belongs to. */
export interface BodyRow {
  row: number;
  /** The criterion this row is, or carries on; undefined for blank rows and stray rows before the first criterion. */
  criterion?: string;
  continuation: boolean;
  /** What the row was read as: an option or rule row belongs to its item but holds none of its scores. */
  kind?: RowKind['kind'];
}

export interface CriteriaMap {
  criteria: Criterion[];
  byId: Map<string, Criterion>;
  /** Every row read as the table body, in order (criterion rows, continuation rows, blank rows). */
  rows: BodyRow[];
  /** The last row read as the table (what follows the grand total is not). */
  lastRow: number;
}

function romanToNumber(roman: string): number {
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const cur = v[roman[i]];
    const next = v[roman[i + 1]] ?? 0;
    total += cur < next ? -cur : cur;
  }
  return total;
}

/** "NỘI DUNG 2:" → "Nội dung 2", "phần ii." → "Phần II": one way of naming a section in every message. */
function sectionLabel(words: string): string {
  const parts = words.replace(/[:.,]$/, '').split(' ');
  const numeral = parts
    .pop()!
    .toUpperCase()
    .replace(/[:.,]$/, '');
  const head = parts.join(' ').toLowerCase();
  return `${head.charAt(0).toUpperCase()}${head.slice(1)} ${numeral}`;
}

/**
 * Folds only the start of a text: the section and total patterns are anchored there, and criteria texts are long.
 * The text is clean already (a cell's text as `GridView.text` reads it), so it is not cleaned again.
 */
const foldStart = (s: string) => foldLetters(s.slice(0, 40));

/**
 * "Nội dung 2: …", "Phần II …", "Tiêu chí 1: …", a Roman TT ("II") or a capital letter TT ("A"). After a lettered
 * section, a capital letter stays a letter: "C" follows "B", it is not Roman 100.
 */
function sectionHead(tt: string, text: string, afterLetter: boolean): { number: string; label: string } | undefined {
  for (const t of [tt, text]) {
    const m = SECTION_WORDS.exec(foldStart(t));
    if (m) {
      const words = clean(t).split(' ').slice(0, m[0].split(' ').length).join(' ');
      // A heading writes its Roman numeral in capitals ("Phần II"); "Nội dung vi phạm" is a criterion's text.
      const numeral = words
        .split(' ')
        .pop()!
        .replace(/[:.,]$/, '');
      if (!/^\d+$/.test(m[2]) && numeral !== numeral.toUpperCase()) continue;
      const n = /^\d+$/.test(m[2]) ? m[2] : String(romanToNumber(m[2].toUpperCase()));
      return { number: n, label: sectionLabel(words) };
    }
  }
  const roman = afterLetter ? null : ROMAN.exec(tt);
  if (roman) return { number: String(romanToNumber(roman[1])), label: `Phần ${roman[1]}` };
  const letter = UPPER_LETTER.exec(tt);
  if (letter) return { number: letter[1], label: `Phần ${letter[1]}` };
  return undefined;
}

const toNumber = (s: string) => Number(s.replace(',', '.'));

/** A rule row's words and cells as { sign, rate, perOccurrence, cap }. */
export function parseRule(text: string, sign: 1 | -1, cell?: number): Omit<ScoreRule, 'row'> {
  const f = fold(text);
  const words = sign > 0 ? BONUS_WORDS.exec(f) : /\btru\s+(\d+(?:[.,]\d+)?)\s*diem/.exec(f);
  const rateText = words ? (sign > 0 ? words[3] : words[1]) : undefined;
  const rate = cell !== undefined ? Math.abs(cell) : rateText !== undefined ? toNumber(rateText) : undefined;
  const cap = RULE_CAP.exec(f);
  return {
    sign,
    ...(rate !== undefined ? { rate } : {}),
    perOccurrence: PER_OCCURRENCE.test(f),
    ...(cap ? { cap: toNumber(cap[1]) } : {}),
    text,
  };
}

/** A signed rate written as text ("+ 0,5", "- 1", "-0,5"), or any number in a bonus or deduction cell. */
const cellNumber = (s: Score) => scoreValue(s);
const isSigned = (s: Score) => s.kind === 'number' && s.asText && /^[-+]/.test(s.text ?? '');

/** The kind of one body row, from its cells and what the rows above left in `state`. Pure. */
export function classifyRow(cells: RowCells, state: RowState): RowKind {
  const { tt, text, standard, bonus, deduction } = cells;
  if (tt === '' && text === '' && !cells.filled) return SKIP;
  const numbered = NUMBERING.test(tt);
  // The folded start of the row's words, for the patterns anchored there. A numbered row needs it only for "Tiêu
  // chuẩn 1: …" (NUMBERED_SECTION_WORDS, which starts with a t): most rows are numbered items, spared the fold.
  const first = text || tt;
  const head = !numbered || foldedCodeAt(first, 0) === 0x74 ? foldStart(first) : '';
  // "Tổng điểm = Điểm tự chấm + …" explains the total: a note.
  if (!numbered && /=/.test(text) && GRAND_TOTAL.test(head) && !cells.filled) return NOTE_ROW;
  if (!numbered) {
    if (SUBTOTAL.test(head)) return { kind: 'subtotal', bare: /^cong\s*[:.]?$/.test(head) };
    if (GRAND_TOTAL.test(head) || GRAND_TOTAL.test(foldStart(tt))) return TOTAL;
  }
  const std = scoreValue(standard);
  // The whole text folded once, and only for a row that needs it: criteria texts are long and most rows are items.
  let folded: string | undefined;
  const whole = () => (folded ??= foldLetters(text));
  if (tt === '' && OR.test(head)) return { kind: 'note', or: true };
  if (tt === '' && std === undefined && (NOTE.test(head) || (text.startsWith('(') && ASSESSOR.test(whole())))) return NOTE_ROW;

  // Sections: words, a Roman numeral, a capital letter (unless it sits under a numbered item of a numbered section).
  const words = NUMBERED_SECTION_WORDS.exec(head);
  const roman = ROMAN.exec(tt);
  const nextSection = roman !== null && state.sectionNumber !== undefined && romanToNumber(roman[1]) === state.sectionNumber + 1;
  const capitalUnderItem = UPPER_LETTER.test(tt) && state.section === 'other' && state.numberedOpen && !nextSection;
  if (words && (!numbered || tt.replace(/[.)]$/, '') === words[2])) {
    return {
      kind: 'section',
      number: words[2],
      label: sectionLabel(
        clean(text || tt)
          .split(' ')
          .slice(0, words[0].trim().split(/\s+/).length)
          .join(' '),
      ),
    };
  }
  if (!numbered && !capitalUnderItem && !ALNUM.test(tt)) {
    const s = sectionHead(tt, text, state.section === 'letter');
    if (s) return { kind: 'section', ...s };
  }
  if (!numbered && ALNUM.test(tt)) {
    const s = SECTION_WORDS.exec(head);
    if (s)
      return {
        kind: 'section',
        number: tt.replace(/\.$/, ''),
        label: sectionLabel(clean(text).split(' ').slice(0, s[0].split(' ').length).join(' ')),
      };
  }

  // Rules: a signed rate in the bonus or deduction cell, a negative standard, or "cộng / trừ N điểm" with no standard.
  const lettered = LETTER_ITEM.test(tt) || UPPER_LETTER.test(tt);
  if (!lettered && (std === undefined || std < 0) && standard.kind !== 'text') {
    const ded = cellNumber(deduction);
    const bon = cellNumber(bonus);
    // A negative standard is a deduction: on a bare row, or on a numbered one whose words say so ("mỗi lần vi phạm").
    if (std !== undefined && std < 0 && (!numbered || PER_OCCURRENCE.test(whole()) || /\b(vi pham|tru)\b/.test(whole()))) {
      return { kind: 'deduction-rule', rule: parseRule(text, -1, std) };
    }
    if (tt === '' || !numbered) {
      if (ded !== undefined && (isSigned(deduction) || ded < 0)) return { kind: 'deduction-rule', rule: parseRule(text, -1, ded) };
      if (bon !== undefined && isSigned(bonus)) return { kind: 'bonus-rule', rule: parseRule(text, 1, bon) };
      // Rules in words name their points ("cộng 0,5 điểm", "trừ 1 điểm"): text without a digit is spared the folding.
      if (tt === '' && /\d/.test(text) && BONUS_WORDS.test(whole())) return { kind: 'bonus-rule', rule: parseRule(text, 1) };
      if (tt === '' && state.item && /\d|h[eế]t/iu.test(text) && /\btru\s+(\d+(?:[.,]\d+)?)\s*diem|\btru het\b/.test(whole())) {
        return { kind: 'deduction-rule', rule: parseRule(text, -1) };
      }
    }
  }

  // Options: rows under an item that repeat its TT, or that offer an alternative score in its words.
  // Only under a numbered item: bullets under a bullet ("- Công đoàn", "- Đoàn thanh niên") are its siblings.
  if (state.item?.standard && standard.kind !== 'empty' && !cells.selfScored && state.item.tt !== '' && !BULLET_TT.test(state.item.tt)) {
    if (tt === state.item.tt) return OPTION;
    const bare = tt === '' || BULLET_TT.test(tt);
    if (bare && (standard.kind === 'text' || OPTION_WORDS.test(whole()))) return OPTION;
  }

  if (numbered) {
    // NUMBERING's one group is the STT less a closing "." or ")": cut, not matched again.
    const end = tt.charCodeAt(tt.length - 1);
    return { kind: 'item', numbering: 'numbered', key: end === 46 || end === 41 ? tt.slice(0, -1) : tt, bullet: false };
  }
  if (ALNUM.test(tt)) return { kind: 'item', numbering: 'alnum', key: tt.replace(/\.$/, ''), bullet: false };
  const letter = LETTER_ITEM.exec(tt) ?? (capitalUnderItem ? UPPER_LETTER.exec(tt) : null);
  if (letter) return { kind: 'item', numbering: 'letter', key: letter[1], bullet: false };
  if (std !== undefined || standard.kind === 'text') {
    const bullet = tt === '' ? BULLET_TEXT.test(text) : BULLET_TT.test(tt);
    return { kind: 'item', numbering: 'unnumbered', key: '', bullet };
  }
  return CONTINUATION;
}

/** The state after a row of that kind. */
export function nextState(state: RowState, kind: RowKind, cells: RowCells): RowState {
  switch (kind.kind) {
    case 'section':
      return {
        section: /^[A-Z]$/.test(kind.number) ? 'letter' : 'other',
        ...(/^\d+$/.test(kind.number) ? { sectionNumber: Number(kind.number) } : {}),
        item: undefined,
        numberedOpen: false,
        started: true,
      };
    // Spelt out rather than spread: a state per item row, on sheets of 50,000 rows.
    case 'item':
      return {
        section: state.section,
        sectionNumber: state.sectionNumber,
        item: { tt: cells.tt, standard: cells.standard.kind === 'number' },
        numberedOpen: state.numberedOpen || kind.numbering === 'numbered',
        started: true,
      };
    case 'subtotal':
      return { section: state.section, sectionNumber: state.sectionNumber, item: undefined, numberedOpen: false, started: state.started };
    default:
      return state;
  }
}

/** Segments of an STT: "a2.1" → [a, 2, 1], "b.3.2" → [b, 3, 2], "D2.1" → [D, 2, 1], "1." → [1]. */
export function sttSegments(tt: string): string[] {
  return tt.match(/[A-Za-zđĐ]+|\d+/g) ?? [];
}

/**
 * The one id scheme. Every id a criterion can have:
 * - `2`: a section by its number (Nội dung 2, Phần II, Tiêu chuẩn 2) or by its capital letter (`A`), or by its
 *   mixed STT (`D1` for "D1 | Tiêu chí 1: …");
 * - `2.3`: item 3 of section 2 (`3` with no section); `1.1.2` for STT 1.2 under section 1 (the seed's numbering);
 * - `1.1` for STT 1.1 in a section whose items carry its number already (every item of section 1 starts "1."): not
 *   prefixed again; likewise `D1.1` under section D1;
 * - `A.a2.1`: a mixed STT (a1, a2.1, b.3.2, c1.) under its section;
 * - `2.3.a`: a letter under its parent item;
 * - `2.3.r14`: an unnumbered row with a standard, named by its sheet row (14), under its parent;
 * - `3~27`: any id already taken, told apart by its sheet row (27): a duplicate STT;
 * - `total` (a second grand total: `total~46`); `2.cong` for a subtotal of section 2 (`cong` with no section).
 */
export function criterionId(
  spec:
    | { kind: 'section'; number: string }
    | { kind: 'item'; numbering: Numbering; key: string; row: number; section?: { id: string; carries: boolean }; parent?: string }
    | { kind: 'total' }
    | { kind: 'subtotal'; section?: string },
  taken: (id: string) => boolean,
  row: number,
): string {
  let id: string;
  if (spec.kind === 'section') id = spec.number;
  else if (spec.kind === 'total') id = 'total';
  else if (spec.kind === 'subtotal') id = spec.section ? `${spec.section}.cong` : 'cong';
  else if (spec.numbering === 'numbered' || spec.numbering === 'alnum') {
    const s = spec.section;
    // A mixed STT that starts with its section's own ("D1.1" under "D1") carries it already.
    const carried = s !== undefined && (s.carries || (spec.numbering === 'alnum' && spec.key.startsWith(`${s.id}.`)));
    id = !s || carried ? spec.key : `${s.id}.${spec.key}`;
  } else if (spec.numbering === 'letter') id = spec.parent ? `${spec.parent}.${spec.key}` : spec.key;
  else id = spec.parent ? `${spec.parent}.r${spec.row + 1}` : `r${spec.row + 1}`;
  return taken(id) ? `${id}~${row + 1}` : id;
}

/**
 * No entries: one shared, frozen list for every criterion's children, continuation rows, tiers, options and rules until
 * its first entry (`appended`). Most criteria have none, and five empty lists per row were a fifth of a long sheet's objects.
 */
const NONE = Object.freeze([]) as unknown as never[];
function appended<T>(list: T[], entry: T): T[] {
  if (list === NONE) return [entry];
  list.push(entry);
  return list;
}

/** No parts: one shared, frozen list, replaced by a list of its own on the first part (most rows have none). */
const NO_PARTS: number[] = Object.freeze([]) as unknown as number[];
function emptyParts(): Record<ScoreColumn, number[]> {
  return {
    diemChuan: NO_PARTS,
    diemThuong: NO_PARTS,
    diemTru: NO_PARTS,
    tuCham: NO_PARTS,
    thuongTuCham: NO_PARTS,
    truTuCham: NO_PARTS,
    khoiCham: NO_PARTS,
  };
}

/** No parts in any column: shared by every criterion until a continuation row gives it parts of its own. */
const NO_PART_LISTS: Record<ScoreColumn, number[]> = Object.freeze(emptyParts());

/** "Ghi chú: Tổng điểm trừ của mục c2. không quá 2 điểm": a cap on the deductions (or bonuses) of the criterion named. */
const NOTE_CAP =
  /\b(?:tong )?diem (tru|cong|thuong) cua (?:muc|tieu chuan|tieu chi|noi dung)\s+([a-z0-9.]+?)\.?\s+(?:toi da\s+)?(?:khong qua|toi da|la)\s+(?:khong qua\s+)?(\d+(?:[.,]\d+)?)\s*diem/;

export function mapCriteria(view: GridView, layout: TableLayout): CriteriaMap {
  const { columns } = layout;
  const criteria: Criterion[] = [];
  const byId = new Map<string, Criterion>();
  const rows: BodyRow[] = [];
  const textOf = (row: number, col: number | undefined) => (col === undefined ? '' : view.text(row, col));
  const scoreAt = (row: number, col: number | undefined) => (col === undefined ? EMPTY_SCORE : view.score(row, col));

  let section: Criterion | undefined;
  /** Whether the current section's items carry its number in their STT ("1.1" in section 1). */
  let carries = false;
  let numberedSeen = false;
  /** Items of the current section by their STT segments, to find "1" as the parent of "1.2", "a2" of "a2.1". */
  let byKey = new Map<string, Criterion>();
  let lastNumbered: Criterion | undefined;
  let lastItem: Criterion | undefined;
  let current: Criterion | undefined;
  /** Top-level criteria of the current scope since the last subtotal: what the next subtotal adds. */
  let sinceSubtotal: Criterion[] = [];
  let orPending: Criterion | undefined;
  let alternatives = 0;
  const totals: Criterion[] = [];
  const subtotals: Criterion[] = [];
  const notes: string[] = [];
  const bareSubtotals = new Set<Criterion>();

  /** The table's score columns and where they are, looked up once rather than per criterion and column. */
  const scoreCols = SCORE_COLUMNS.flatMap((column) => (columns[column] === undefined ? [] : [[column, columns[column]] as const]));
  const scoreColumnIndexes = scoreCols.map(([, col]) => col);
  const taken = (id: string) => byId.has(id);

  const add = (c: Pick<Criterion, 'id' | 'kind' | 'label' | 'tt' | 'text' | 'row' | 'parent'>): Criterion => {
    // Spelt out, column by column: one object shape for every criterion, and no store keyed by a column's name,
    // which was a fifth of this function's time on long sheets.
    const scores: Record<ScoreColumn, Score> = {
      diemChuan: scoreAt(c.row, columns.diemChuan),
      diemThuong: scoreAt(c.row, columns.diemThuong),
      diemTru: scoreAt(c.row, columns.diemTru),
      tuCham: scoreAt(c.row, columns.tuCham),
      thuongTuCham: scoreAt(c.row, columns.thuongTuCham),
      truTuCham: scoreAt(c.row, columns.truTuCham),
      khoiCham: scoreAt(c.row, columns.khoiCham),
    };
    // Every property spelt out: an object spread here made each criterion a slow dictionary object on long sheets.
    const full: Criterion = {
      id: c.id,
      kind: c.kind,
      label: c.label,
      tt: c.tt,
      text: c.text,
      row: c.row,
      parent: c.parent,
      scores,
      parts: NO_PART_LISTS,
      continuationRows: NONE,
      children: NONE,
      evidence: textOf(c.row, columns.giaiTrinh),
      tiers: NONE,
      options: NONE,
      rules: NONE,
    };
    if (scores.diemChuan.kind === 'text' && /^\(.*\)$/.test(scores.diemChuan.text)) full.flag = scores.diemChuan.text;
    if (full.parent) {
      const parent = byId.get(full.parent)!;
      parent.children = appended(parent.children, c.id);
    }
    criteria.push(full);
    byId.set(c.id, full);
    rows.push({
      row: c.row,
      criterion: c.id,
      continuation: false,
      kind: c.kind === 'subtotal' ? 'subtotal' : c.kind === 'total' ? 'total' : 'item',
    });
    current = full;
    return full;
  };

  /** The header's rows as texts, cell by cell, to tell a header repeated lower down. */
  const headerArea: string[][] = [];
  for (let r = layout.headerRow; r < layout.firstRow; r++) {
    const texts: string[] = [];
    for (let c = view.firstCol; c <= view.lastCol; c++) texts.push(view.text(r, c));
    if (texts.filter((t) => t !== '').length >= 2) headerArea.push(texts);
  }
  // Loops rather than callbacks: these run on every row of the table.
  const sameAsHeaderRow = (r: number) => {
    for (const texts of headerArea) {
      let same = true;
      for (let i = 0; same && i < texts.length; i++) same = view.text(r, view.firstCol + i) === texts[i];
      if (same) return true;
    }
    return false;
  };
  const namedColumns = Object.entries(columns) as [ColumnRole, number][];
  /** A PDF conversion repeats the header, and its row of column numbers, at the top of every page: not criteria. */
  const headerAgain = (r: number) => {
    if (sameAsHeaderRow(r)) return true;
    // A header is words: a row with a number in a score column is a criterion, whatever its text says.
    for (const col of scoreColumnIndexes) if (typeof view.cell(r, col).value === 'number') return false;
    // A header names its criterion column first of all: the other columns are looked at only then.
    if (columns.tieuChi === undefined || roleAt(view, r, columns.tieuChi) !== 'tieuChi') return false;
    return namedColumns.filter(([role, col]) => roleAt(view, r, col) === role).length >= 3;
  };
  const filledCols = scoreAndEvidenceColumns(columns);
  const selfCols = (['tuCham', 'thuongTuCham', 'truTuCham'] as const).map((c) => columns[c]).filter((c): c is number => c !== undefined);

  let state = INITIAL_STATE;
  let row = layout.firstRow;
  for (; row <= layout.lastRow; row++) {
    let tt = textOf(row, columns.tt);
    let text = textOf(row, columns.tieuChi);
    // A heading merged across TT and the text column shows its text in the TT cell; a bare "I" or "1.2" stays a TT.
    const onlyNumbering = isNumberingOnly(tt);
    if (columns.tt !== undefined && text === '' && !onlyNumbering) {
      const m = view.mergeAt(row, columns.tt);
      if ((m && columns.tieuChi !== undefined && m.right >= columns.tieuChi) || tt.length > 12) {
        text = tt;
        tt = '';
      }
    }
    let filled = false;
    for (const col of filledCols)
      if (view.cell(row, col).value !== null && (typeof view.cell(row, col).value !== 'string' || view.text(row, col) !== '')) {
        filled = true;
        break;
      }
    if (!filled && tt === '' && text === '') {
      rows.push({ row, continuation: false, kind: 'skip' });
      continue;
    }
    if (headerAgain(row)) {
      rows.push({ row, continuation: false, kind: 'skip' });
      continue;
    }
    const cells: RowCells = {
      tt,
      text,
      standard: scoreAt(row, columns.diemChuan),
      bonus: scoreAt(row, columns.diemThuong),
      deduction: scoreAt(row, columns.diemTru),
      filled,
      selfScored: anyScore(view, row, selfCols),
    };
    const kind = classifyRow(cells, state);
    const wasStarted = state.started;
    state = nextState(state, kind, cells);

    switch (kind.kind) {
      case 'skip':
        rows.push({ row, continuation: false, kind: 'skip' });
        continue;
      case 'note':
        rows.push({ row, continuation: false, kind: 'note' });
        notes.push(text);
        if (kind.or) orPending = lastItem;
        continue;
      case 'total': {
        const id = criterionId({ kind: 'total' }, taken, row);
        totals.push(add({ id, kind: 'total', label: 'TỔNG CỘNG', tt: '', text: text || tt, row }));
        if (wasStarted) {
          row++;
          break; // what follows the grand total (signatures, notes) is not the table
        }
        continue;
      }
      case 'subtotal': {
        const id = criterionId({ kind: 'subtotal', section: section?.id }, taken, row);
        const label = section ? `${section.label}, dòng cộng` : `Dòng cộng ${row + 1}`;
        const sub = add({ id, kind: 'subtotal', label, tt: '', text: text || tt, row });
        sub.sums = sinceSubtotal.map((c) => c.id);
        if (kind.bare) bareSubtotals.add(sub);
        subtotals.push(sub);
        sinceSubtotal = [];
        lastNumbered = undefined;
        lastItem = undefined;
        continue;
      }
      case 'section': {
        const id = criterionId({ kind: 'section', number: kind.number }, taken, row);
        section = add({ id, kind: 'section', label: kind.label, tt, text: text || tt, row });
        byKey = new Map();
        if (tt !== '') byKey.set(sttSegments(tt).join('.'), section);
        carries = false;
        numberedSeen = false;
        lastNumbered = undefined;
        lastItem = undefined;
        sinceSubtotal = [];
        continue;
      }
      case 'option': {
        const item = lastItem!;
        const value = scoreValue(cells.standard);
        const option: CriterionOption = { row, text, group: 0, ...(value !== undefined ? { value } : {}) };
        item.options = appended(item.options, option);
        rows.push({ row, criterion: item.id, continuation: false, kind: 'option' });
        continue;
      }
      case 'bonus-rule':
      case 'deduction-rule': {
        // A rule with no item above it in its section is a criterion of its own ("ĐIỂM THƯỞNG | Cờ thi đua … | + 10").
        if (!lastItem || (section && lastItem.row < section.row)) {
          const id = criterionId({ kind: 'item', numbering: 'unnumbered', key: '', row, parent: section?.id }, taken, row);
          const label = section ? `${section.label}, dòng ${row + 1}` : `Dòng ${row + 1}`;
          const c = add({ id, kind: 'item', label, tt, text, row, parent: section?.id });
          c.rules = appended(c.rules, { row, ...kind.rule });
          if (!section) sinceSubtotal.push(c);
          else if (c.parent === section.id) sinceSubtotal.push(c);
          continue;
        }
        lastItem.rules = appended(lastItem.rules, { row, ...kind.rule });
        rows.push({ row, criterion: lastItem.id, continuation: false, kind: kind.kind });
        continue;
      }
      case 'item': {
        let parent: Criterion | undefined = section;
        let label: string;
        // A numbered STT is its own key ("1.2"); a mixed one is keyed by its segments ("a2.1" → "a.2.1").
        const key = kind.numbering === 'numbered' ? kind.key : sttSegments(kind.key).join('.');
        if (kind.numbering === 'numbered' || kind.numbering === 'alnum') {
          if (kind.numbering === 'numbered' && section && !numberedSeen) {
            numberedSeen = true;
            const dot = key.indexOf('.');
            carries = dot > 0 && key.slice(0, dot) === section.id;
          }
          // The nearest keyed ancestor: "1.2.3" looks for "1.2", then "1". Segments are never empty, so each cut at
          // a dot is a key as written; cutting the string spares a list per item row.
          for (let cut = key.lastIndexOf('.'); cut > 0; cut = key.lastIndexOf('.', cut - 1)) {
            const p = byKey.get(key.slice(0, cut));
            if (p && p !== section) {
              parent = p;
              break;
            }
          }
          label = section ? `${section.label}, mục ${kind.key}` : `Mục ${kind.key}`;
        } else if (kind.numbering === 'letter') {
          parent = lastNumbered ?? section;
          label = parent ? `${parent.label}, điểm ${kind.key}` : `Điểm ${kind.key}`;
        } else {
          // "- Công đoàn" with a score of its own is one part of the numbered item above, never its sibling.
          if (lastNumbered && kind.bullet) parent = lastNumbered;
          label = parent ? `${parent.label}, dòng ${row + 1}` : `Dòng ${row + 1}`;
        }
        const id = criterionId(
          {
            kind: 'item',
            numbering: kind.numbering,
            key: kind.key,
            row,
            section: section ? { id: section.id, carries } : undefined,
            parent: parent?.id,
          },
          taken,
          row,
        );
        const item = add({ id, kind: 'item', label, tt, text, row, parent: parent?.id });
        if (kind.numbering !== 'unnumbered') byKey.set(key, item);
        if (kind.numbering === 'letter' && parent) {
          const above = sttSegments(parent.tt).join('.');
          byKey.set(above === '' ? key : `${above}.${key}`, item);
        }
        if (kind.numbering === 'numbered') lastNumbered = item;
        if (orPending && orPending.parent === item.parent) {
          const group = orPending.alternative ?? ++alternatives;
          orPending.alternative = group;
          item.alternative = group;
        }
        orPending = undefined;
        lastItem = item;
        if (item.parent === undefined || item.parent === section?.id) sinceSubtotal.push(item);
        continue;
      }
      case 'continuation': {
        // No TT and no standard score: text or evidence spilled from the criterion above.
        if (!current) {
          rows.push({ row, continuation: false, kind: 'skip' });
          continue;
        }
        current.continuationRows = appended(current.continuationRows, row);
        if (text) current.text = `${current.text} ${text}`.trim();
        const evidence = textOf(row, columns.giaiTrinh);
        if (evidence) current.evidence = `${current.evidence} ${evidence}`.trim();
        for (const [col, at] of scoreCols) {
          const s = view.score(row, at);
          if (s.kind !== 'number') continue;
          if (current.parts === NO_PART_LISTS) current.parts = emptyParts();
          if (current.parts[col] === NO_PARTS) current.parts[col] = [];
          current.parts[col].push(...(s.all ?? [s.value]));
        }
        rows.push({ row, criterion: current.id, continuation: true, kind: 'continuation' });
        continue;
      }
    }
    break;
  }

  finish(criteria, byId, rows, totals, subtotals, bareSubtotals, notes);
  // Options told by arithmetic leave the map: only then is there a list to filter.
  const kept = criteria.length === byId.size ? criteria : criteria.filter((c) => byId.has(c.id));
  return { criteria: kept, byId, rows, lastRow: Math.min(layout.lastRow, row - 1) };
}

const BULLET_SCORE = /(?:^|\s)[-–]\s[^–-]*?:\s*(\d+(?:[.,]\d+)?)\s*điểm/giu;

/**
 * Scores listed in the text as bullets ("- Điểm TBCHT từ 5 đến cận 6: 2 điểm - … : 6 điểm"), when they are the item's
 * choices: the best is its standard and they do not add up to it. Largest first; empty otherwise.
 */
export function bulletTiers(text: string, standard: number | undefined): number[] {
  // Bullets name their scores after a colon: text without one is spared the pattern.
  if (standard === undefined || !text.includes(':')) return [];
  const values = [...clean(text).matchAll(BULLET_SCORE)].map((m) => toNumber(m[1]));
  if (values.length < 2) return [];
  const best = Math.max(...values);
  const sum = values.reduce((a, b) => a + b, 0);
  if (!sameScore(best, standard) || sameScore(sum, standard)) return [];
  return [...new Set(values)].sort((a, b) => b - a);
}

/** After the fold: the grand total's children, a bare "Cộng" that is the grand total, options told by arithmetic, note caps. */
function finish(
  criteria: Criterion[],
  byId: Map<string, Criterion>,
  rows: BodyRow[],
  totals: Criterion[],
  subtotals: Criterion[],
  bareSubtotals: ReadonlySet<Criterion>,
  notes: string[],
): void {
  // Built only when a row changes kind: most tables need none of it.
  let rowIndex: Map<number, BodyRow> | undefined;
  const rowAt = { get: (row: number) => (rowIndex ??= new Map(rows.map((r) => [r.row, r]))).get(row) };
  // A table whose only subtotal is a bare "Cộng" at its foot, below several sections, ends on its grand total.
  const sections = criteria.filter((c) => c.kind === 'section');
  const last = subtotals[subtotals.length - 1];
  if (totals.length === 0 && subtotals.length === 1 && bareSubtotals.has(last) && sections.length >= 2) {
    const sub = last;
    byId.delete(sub.id);
    sub.kind = 'total';
    sub.id = 'total';
    sub.label = 'TỔNG CỘNG';
    delete sub.sums;
    byId.set(sub.id, sub);
    const r = rowAt.get(sub.row);
    if (r) {
      r.criterion = sub.id;
      r.kind = 'total';
    }
    totals.push(sub);
  }
  const top = sections.length > 0 ? sections : criteria.filter((c) => c.kind === 'item' && c.parent === undefined);
  for (const t of totals) {
    t.children = top.map((c) => c.id);
    for (const c of top) if (c.parent === undefined) c.parent = totals[0].id;
  }

  // Leaf children of an item that are alternatives by the arithmetic: their sum is not the item's standard, their best is.
  for (const c of criteria) {
    if (c.kind !== 'item' || c.children.length < 2 || c.options.length > 0) continue;
    const kids = c.children.map((id) => byId.get(id)!);
    if (kids.some((k) => k.children.length > 0 || NUMBERING.test(k.tt))) continue;
    const std = scoreValue(c.scores.diemChuan);
    const values = kids.map((k) => scoreValue(k.scores.diemChuan));
    if (std === undefined || values.some((v) => v === undefined)) continue;
    const sum = values.reduce<number>((a, v) => a + v!, 0);
    const best = Math.max(...(values as number[]));
    if (sameScore(sum, std) || !sameScore(best, std)) continue;
    if (kids.some((k) => k.scores.tuCham.kind !== 'empty')) continue;
    for (const k of kids) {
      c.options = appended(c.options, { row: k.row, text: k.text, group: 0, value: scoreValue(k.scores.diemChuan) });
      byId.delete(k.id);
      const r = rowAt.get(k.row);
      if (r) {
        r.criterion = c.id;
        r.kind = 'option';
      }
    }
    c.children = [];
  }

  // Note rows that cap an item's deductions or bonuses: "Tổng điểm trừ của mục c2. không quá 2 điểm".
  for (const note of notes) {
    const m = NOTE_CAP.exec(fold(note));
    if (!m) continue;
    const key = m[2].replace(/\.$/, '');
    const target = criteria.find((c) => byId.has(c.id) && c.tt !== '' && (fold(c.tt).replace(/\.$/, '') === key || c.id === key));
    if (!target) continue;
    target.rules = appended(target.rules, {
      row: -1,
      sign: m[1] === 'tru' ? -1 : 1,
      perOccurrence: false,
      cap: toNumber(m[3]),
      text: note,
      capOnly: true,
    });
  }

  for (const c of criteria) {
    if (c.kind !== 'item') continue;
    // The options an item offers are the scores it takes: its tiers, for not-a-tier and for the template alike.
    const offered =
      c.options.length === 0
        ? []
        : [...new Set(c.options.map((o) => o.value).filter((v): v is number => v !== undefined))].sort((a, b) => b - a);
    c.tiers = offered.length > 0 ? offered : tiersOf(c.text);
    if (c.tiers.length === 0) c.tiers = bulletTiers(c.text, scoreValue(c.scores.diemChuan));
  }
}

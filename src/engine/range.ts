/**
 * The allowed range of a self-score: the one place rules read it from.
 *
 * - With separate self bonus / self deduction columns (the seed, Khối Trung ương), Điểm tự chấm ≤ Điểm chuẩn, and
 *   each of the other two is held to its own cap.
 * - With one self column carrying chuẩn + thưởng − trừ (Ninh Thuận, TP.HCM), an item may score within
 *   [standard − deduction cap, standard + bonus allowance]. The allowance is the row's bonus cell, else the sum of its
 *   bonus rules' caps (a rule without a cap counts its rate once; one per occurrence without a cap leaves the top open).
 *   The deduction cap likewise; where nothing caps the deductions the floor is unknown and never checked.
 * - A section, subtotal or total without cells of its own takes the sum of its children's ranges.
 */
import { CriteriaMap } from './criteria';
import { Criterion, ScoreRule, TableLayout } from './model';
import { scoreValue } from './numbers';
import { Positions, positionsOf } from './totals';

export interface Allowance {
  /** The most the bonus (or deduction) allows, when known. */
  amount?: number;
  /** Open: a per-occurrence rule with no cap. */
  open: boolean;
  /** Where the amount comes from: the row's own cell, or the rows of its rules. */
  from: 'cell' | 'rules' | 'children' | 'none';
  /** Rows (0-based) of the rules it was read from. */
  rows: number[];
}

export interface AllowedRange {
  standard: number;
  bonus: Allowance;
  deduction: Allowance;
  /** standard + bonus; undefined when the top is open. */
  max?: number;
  /** standard − deduction; undefined when no cap on the deductions is known. */
  min?: number;
}

/** True when the table's one self column carries chuẩn + thưởng − trừ: no self bonus and no self deduction column. */
export function carriesBonus(layout: TableLayout): boolean {
  return layout.columns.thuongTuCham === undefined && layout.columns.truTuCham === undefined;
}

const NONE: Allowance = { open: false, from: 'none', rows: [] };
const NO_RANGES: readonly (AllowedRange | undefined)[] = [];
const NO_ALLOWANCES: readonly [Allowance, Allowance] = [NONE, NONE];

function fromRules(rules: readonly ScoreRule[], sign: 1 | -1): Allowance {
  const mine = rules.filter((r) => r.sign === sign);
  if (mine.length === 0) return NONE;
  const capOnly = mine.find((r) => r.capOnly && r.cap !== undefined);
  if (capOnly) return { amount: capOnly.cap, open: false, from: 'rules', rows: mine.map((r) => r.row).filter((r) => r >= 0) };
  let amount = 0;
  let open = false;
  for (const r of mine) {
    if (r.cap !== undefined) amount += r.cap;
    else if (r.perOccurrence) open = true;
    else if (r.rate !== undefined) amount += r.rate;
    else open = true;
  }
  return { amount: open ? undefined : amount, open, from: 'rules', rows: mine.map((r) => r.row) };
}

function fromCell(c: Criterion, column: 'diemThuong' | 'diemTru'): Allowance | undefined {
  // A rule's own row holds its rate, not a cap of the row (the standalone "Cờ thi đua | + 10" is its own cap).
  const v = scoreValue(c.scores[column]);
  return v === undefined ? undefined : { amount: Math.abs(v), open: false, from: 'cell', rows: [c.row] };
}

/** Children's allowances added up. A child without a bonus allows none; a child without a deduction cap has no known floor. */
function sum(parts: Allowance[], none: 'zero' | 'unknown'): Allowance {
  if (parts.length === 0 || parts.every((p) => p.from === 'none')) return NONE;
  const open = parts.some((p) => p.open);
  const unknown = parts.some((p) => !p.open && p.amount === undefined && (p.from !== 'none' || none === 'unknown'));
  return {
    amount: open || unknown ? undefined : parts.reduce((k, p) => k + (p.amount ?? 0), 0),
    open,
    from: 'children',
    rows: parts.flatMap((p) => p.rows),
  };
}

/** Each criterion's allowed range by position, parallel to the criteria; undefined where it has no standard. */
export type Ranges = readonly (AllowedRange | undefined)[];

/** True when every child has a range. */
function allKnown(kidRanges: readonly (AllowedRange | undefined)[]): kidRanges is readonly AllowedRange[] {
  for (let k = 0; k < kidRanges.length; k++) if (kidRanges[k] === undefined) return false;
  return true;
}

/** A rule written on the criterion's own row ("Cờ thi đua | + 10"): the row is a rule, and its standard is 0. */
function hasOwnRule(c: Criterion): boolean {
  for (const r of c.rules) if (r.row === c.row) return true;
  return false;
}

/**
 * Where one self column carries chuẩn + thưởng − trừ: the criterion's bonus and deduction allowances. A function of
 * its own, not a closure inside the walk: a closure there made every criterion's visit allocate its variables.
 */
function allowancesOf(c: Criterion, hasKids: boolean, kidRanges: readonly (AllowedRange | undefined)[]): [Allowance, Allowance] {
  const childOf = (pick: (r: AllowedRange) => Allowance, none: 'zero' | 'unknown') =>
    kidRanges.length > 0 && allKnown(kidRanges)
      ? sum(
          kidRanges.map((r) => pick(r)),
          none,
        )
      : NONE;
  // A total's own bonus and deduction cells sum its items': where its items are known, they rule (an open
  // bonus below stays open, an item without a deduction cap leaves the floor unknown).
  const group = c.kind !== 'item' && hasKids;
  let bonus =
    (group ? undefined : fromCell(c, 'diemThuong')) ?? (c.rules.length > 0 ? fromRules(c.rules, 1) : childOf((r) => r.bonus, 'zero'));
  let deduction =
    (group ? undefined : fromCell(c, 'diemTru')) ?? (c.rules.length > 0 ? fromRules(c.rules, -1) : childOf((r) => r.deduction, 'unknown'));
  if (c.rules.length > 0 && deduction.from === 'none') deduction = childOf((r) => r.deduction, 'unknown');
  if (c.rules.length > 0 && bonus.from === 'none') bonus = childOf((r) => r.bonus, 'zero');
  return [bonus, deduction];
}

/** The allowed range of every criterion with a standard (or a standalone bonus row), computed once per sheet. */
export function allowedRanges(map: CriteriaMap, layout: TableLayout, positions: Positions = positionsOf(map.criteria, map.byId)): Ranges {
  const { criteria } = map;
  const { kids } = positions;
  const out: (AllowedRange | undefined)[] = new Array<AllowedRange | undefined>(criteria.length).fill(undefined);
  const done = new Uint8Array(criteria.length);
  /** Most items allow their standard and nothing more: one range for each standard, shared (nothing changes them). */
  const plain = new Map<number, AllowedRange>();
  const single = carriesBonus(layout);
  const visit = (i: number): AllowedRange | undefined => {
    if (done[i] === 1) return out[i];
    const c = criteria[i];
    const mine = kids[i];
    // Most criteria are items without children: no lists to make for them.
    const kidRanges = mine.length === 0 ? NO_RANGES : mine.map(visit);
    let standard = scoreValue(c.scores.diemChuan);
    if (standard === undefined && c.rules.length > 0 && hasOwnRule(c)) standard = 0;
    // A heading with no standard of its own ("III | ĐIỂM THƯỞNG") stands for its rows.
    if (standard === undefined && kidRanges.length > 0 && allKnown(kidRanges)) {
      standard = 0;
      for (let k = 0; k < kidRanges.length; k++) standard += kidRanges[k].standard;
    }
    done[i] = 1;
    if (standard === undefined) return undefined;
    // Read by index, not destructured: destructuring steps an iterator.
    const allowances = single ? allowancesOf(c, mine.length > 0, kidRanges) : NO_ALLOWANCES;
    const bonus = allowances[0];
    const deduction = allowances[1];
    if (bonus === NONE && deduction === NONE) {
      const shared = plain.get(standard);
      // -0 and 0 are one key to a Map, not one standard to a message.
      if (shared && Object.is(shared.standard, standard)) return (out[i] = shared);
    }
    // Spelt out, the optional bounds added after, rather than spread in: one for every criterion of a long sheet.
    const range: AllowedRange = { standard, bonus, deduction };
    if (!bonus.open) range.max = standard + (bonus.amount ?? 0);
    if (deduction.from !== 'none' && !deduction.open && deduction.amount !== undefined) range.min = standard - deduction.amount;
    if (bonus === NONE && deduction === NONE && !plain.has(standard)) plain.set(standard, range);
    return (out[i] = range);
  };
  for (let i = 0; i < criteria.length; i++) visit(i);
  return out;
}

/**
 * *Theo tiêu chí*: criteria × units. Rows are matched through the bloc's template where one is given (each sheet row
 * carries the template row it matched), else by the criterion's id in the sheet (section number and TT). A cell is
 * marked when the self-score is above the row's cap, or far from what the bloc typically gives there.
 */
import { flattenTemplate } from '../template/match';
import type { Template } from '../template/schema';
import { UnitScores } from './unit';

export type MatrixMark = 'over-cap' | 'off-range';

export interface MatrixRow {
  key: string;
  tt: string;
  label: string;
  text: string;
  cap?: number;
  /** One per unit, in the order given: the self-score (main + bonus) and its mark. */
  values: { value?: number; mark?: MatrixMark }[];
}

export interface CriteriaMatrix {
  byTemplate: boolean;
  rows: MatrixRow[];
}

/** How far from the median a score may be, in scaled MADs, before it is marked; see `offRange`. */
export const MAD_K = 3;
/** Scales the MAD to a standard deviation for normally spread scores. */
export const MAD_SCALE = 1.4826;
/** Fewer units than this scoring a criterion: no typical range is computed for it. */
export const MIN_UNITS_FOR_RANGE = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * The bloc's typical range for one criterion: median ± MAD_K × MAD_SCALE × MAD (median absolute deviation), over the
 * units that scored it, when at least MIN_UNITS_FOR_RANGE did. Where more than half give the same score (MAD = 0), every
 * other score is off the range: it is unusual in the bloc, which is what the mark says, not that it is wrong.
 */
export function offRange(values: (number | undefined)[]): boolean[] {
  const xs = values.filter((v): v is number => v !== undefined);
  if (xs.length < MIN_UNITS_FOR_RANGE) return values.map(() => false);
  const m = median(xs);
  const mad = median(xs.map((x) => Math.abs(x - m)));
  const limit = MAD_K * MAD_SCALE * mad;
  return values.map((v) => v !== undefined && (mad === 0 ? Math.abs(v - m) > 1e-9 : Math.abs(v - m) > limit + 1e-9));
}

export function criteriaMatrix(units: UnitScores[], template?: Template): CriteriaMatrix {
  type Head = Omit<MatrixRow, 'values'>;
  const heads: Head[] = [];
  const seen = new Set<string>();
  if (template) {
    for (const n of flattenTemplate(template)) {
      heads.push({ key: n.id, tt: n.tt || n.id, label: n.label, text: n.text, cap: n.diemChuan + n.diemThuong });
      seen.add(n.id);
    }
  }
  for (const u of units) {
    for (const c of u.criteria) {
      // With a template, only rows that matched it (and TỔNG CỘNG) line up across units; others are in the unit's sheet.
      if (template && !c.fromTemplate && c.kind !== 'total') continue;
      if (seen.has(c.key)) continue;
      seen.add(c.key);
      heads.push({ key: c.key, tt: c.tt, label: c.label, text: c.text, ...(c.cap !== undefined ? { cap: c.cap } : {}) });
    }
  }
  // TỔNG CỘNG last, wherever the first unit put it.
  const t = heads.findIndex((h) => h.key === 'total');
  if (t >= 0) heads.push(...heads.splice(t, 1));

  const index = units.map(
    (u) => new Map(u.criteria.filter((c) => !template || c.fromTemplate || c.kind === 'total').map((c) => [c.key, c])),
  );
  const rows = heads.map((h) => {
    const found = index.map((m) => m.get(h.key));
    const values = found.map((c) => c?.tuCham);
    const off = offRange(values);
    return {
      ...h,
      values: found.map((c, j) => {
        const value = c?.tuCham;
        if (value === undefined) return {};
        const cap = c?.cap ?? h.cap;
        const mark: MatrixMark | undefined = cap !== undefined && value > cap + 1e-9 ? 'over-cap' : off[j] ? 'off-range' : undefined;
        return { value, ...(mark ? { mark } : {}) };
      }),
    };
  });
  return { byTemplate: template !== undefined, rows };
}

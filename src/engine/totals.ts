/**
 * Computes every total bottom-up: a section, a parent item or TỔNG CỘNG is the sum of its children, a subtotal the sum
 * of what it adds (`sums`), an item with options takes its best option as its standard.
 */
import { a1, columnLetters } from './grid';
import { CAP_COLUMNS, Criterion, SCORE_COLUMN_NUMBER, SCORE_COLUMNS, ScoreColumn, TableLayout, TotalLine } from './model';
import { sameScore, Score, scoreValue } from './numbers';

/**
 * The criteria by position in their list (`map.criteria`): the arrays every later pass indexes, built once per sheet.
 * A criterion is found by its row, not by its id: a map keyed by id strings, over a long sheet, cost more to build
 * than every sum it served.
 */
export class Positions {
  /** The positions each criterion adds up: a subtotal's `sums`, any other criterion's children. */
  readonly kids: readonly (readonly number[])[];
  /** Each criterion's row, by position: read here, not from criteria scattered over the heap. */
  readonly rows: Int32Array;
  /** The first criterion row, and the position of the criterion on each row from there (-1 where none). */
  private readonly first: number;
  private readonly atRow: Int32Array;
  /** By identity, for criteria sharing a row: built only if one does. */
  private shared?: Map<Criterion, number>;

  constructor(
    private readonly criteria: readonly Criterion[],
    private readonly byId: ReadonlyMap<string, Criterion>,
  ) {
    const n = criteria.length;
    const rows = new Int32Array(n);
    let first = Infinity;
    let last = -1;
    for (let i = 0; i < n; i++) {
      const row = criteria[i].row;
      rows[i] = row;
      if (row < first) first = row;
      if (row > last) last = row;
    }
    this.rows = rows;
    this.first = n === 0 ? 0 : first;
    this.atRow = new Int32Array(n === 0 ? 0 : last - first + 1).fill(-1);
    for (let i = 0; i < n; i++) this.atRow[rows[i] - this.first] = i;
    // Kids are found where they usually are, right after their parent and after each other's own rows: the walk
    // goes from the last criterion up, so each kid's extent is known when its parent is read. A guess that misses
    // (a subtotal's sums lie above it) is looked up by id.
    const kids = new Array<readonly number[]>(n);
    /** The position after each criterion's own rows and its kids' (where they follow it). */
    const end = new Int32Array(n);
    for (let i = n - 1; i >= 0; i--) {
      const c = criteria[i];
      const ids = c.sums ?? c.children;
      end[i] = i + 1;
      // Most criteria are items without children: they share one empty list.
      if (ids.length === 0) {
        kids[i] = NO_KIDS;
        continue;
      }
      const mine: number[] = [];
      let guess = i + 1;
      // An index loop, not for…of: the first run of a check is not yet optimised, and an iterator allocates.
      for (let k = 0; k < ids.length; k++) {
        const at = guess > i && guess < n && criteria[guess].id === ids[k] ? guess : this.ofId(ids[k]);
        if (at === undefined) continue;
        mine.push(at);
        guess = at > i ? end[at] : -1;
        if (at > i) end[i] = Math.max(end[i], end[at]);
      }
      kids[i] = mine;
    }
    this.kids = kids;
  }

  /** A criterion's position; undefined for one not in the list. */
  of(c: Criterion | undefined): number | undefined {
    if (c === undefined) return undefined;
    const at = this.atRow[c.row - this.first];
    if (at !== undefined && this.criteria[at] === c) return at;
    if (!this.shared) {
      this.shared = new Map();
      for (let i = 0; i < this.criteria.length; i++) this.shared.set(this.criteria[i], i);
    }
    return this.shared.get(c);
  }

  /** The position of the criterion with this id; undefined where there is none. */
  ofId(id: string): number | undefined {
    return this.of(this.byId.get(id));
  }
}

/** The criteria's positions; `byId` is the criteria map's own (one is made from the list where it is not given). */
export function positionsOf(criteria: readonly Criterion[], byId?: ReadonlyMap<string, Criterion>): Positions {
  return new Positions(criteria, byId ?? new Map(criteria.map((c) => [c.id, c])));
}

/** One score column's figures, by criterion position: read with typed arrays, not by id through a map. */
export interface ColumnFigures {
  /** True where the criterion is a total in this column: its children carry values there. */
  isTotal(i: number): boolean;
  /** The computed value (the criterion's own number where it is not a total); undefined where there is none. */
  value(i: number): number | undefined;
  /** The number in the criterion's own cell; undefined where it holds none (empty, or text). */
  own(i: number): number | undefined;
}

export interface Totals {
  lines: TotalLine[];
  positions: Positions;
  /** The position of each line's criterion, by line number. */
  lineCriterion: readonly number[];
  /** Every criterion's figures in one column. */
  column(column: ScoreColumn): ColumnFigures;
  /** For the total on line `k`, the first child cell that holds a number as text, which Excel's SUM would skip. */
  textInput(k: number): TextInput | undefined;
}

export type TextInput = { row: number; col: number; text: string };

const IS_CAP = new Set<ScoreColumn>(CAP_COLUMNS);
const NO_KIDS: readonly number[] = [];

/**
 * A criterion's score in one column, read by name: a keyed read (`scores[column]`) over seven column names is a slow
 * look-up, and was a quarter of the totals' time on long sheets.
 */
function scoreIn(scores: Criterion['scores'], column: ScoreColumn): Score {
  switch (column) {
    case 'diemChuan':
      return scores.diemChuan;
    case 'diemThuong':
      return scores.diemThuong;
    case 'diemTru':
      return scores.diemTru;
    case 'tuCham':
      return scores.tuCham;
    case 'thuongTuCham':
      return scores.thuongTuCham;
    case 'truTuCham':
      return scores.truTuCham;
    case 'khoiCham':
      return scores.khoiCham;
  }
}

/** Options make a standard: the sum over groups of each group's best. */
function bestOption(c: Criterion): number | undefined {
  if (c.options.length === 0) return undefined; // most items have none: no map for them
  const best = new Map<number, number>();
  for (const o of c.options) if (o.value !== undefined) best.set(o.group, Math.max(best.get(o.group) ?? -Infinity, o.value));
  return best.size === 0 ? undefined : [...best.values()].reduce((a, b) => a + b, 0);
}

/** A column's typed arrays behind one small interface: one class, so that every rule's reads stay monomorphic. */
class Figures implements ColumnFigures {
  constructor(
    private readonly totals: Uint8Array,
    private readonly values: Float64Array,
    private readonly owns: Float64Array,
    private readonly numbers: Uint8Array,
  ) {}
  isTotal(i: number): boolean {
    return this.totals[i] === 1;
  }
  value(i: number): number | undefined {
    const v = this.values[i];
    return Number.isNaN(v) ? undefined : v;
  }
  own(i: number): number | undefined {
    return this.numbers[i] === 1 ? this.owns[i] : undefined;
  }
}

export function computeTotals(criteria: Criterion[], layout: TableLayout, positions: Positions = positionsOf(criteria)): Totals {
  // Criteria by position, and every column's figures in typed arrays by column number, so that a 50,000-row sheet
  // costs arrays, not string-keyed maps and records read seven times a criterion.
  const n = criteria.length;
  const C = SCORE_COLUMNS.length;
  const { kids } = positions;
  // Two buffers, each cut into one array per column: a typed array of its own costs microseconds to allocate, and
  // two dozen of them were most of the time of a short sheet's totals.
  const figures = new Float64Array((2 * C + 2) * n);
  // NaN is "none"; the values part (the first C columns) is copied from the own numbers below, so needs no fill.
  figures.fill(NaN, C * n);
  const flags = new Uint8Array((3 * C + 6) * n);
  const cut = <A extends Float64Array | Uint8Array>(buffer: A, part: number): A => buffer.subarray(part * n, (part + 1) * n) as A;
  /** Per column: whether each criterion is a total there, and its value there (its own number where it is not a total). */
  const total = SCORE_COLUMNS.map((_, j) => cut(flags, j));
  const values = SCORE_COLUMNS.map((_, j) => cut(figures, j));
  /** Per column: each criterion's own number (NaN where none), whether it holds one, and whether that is typed as text. */
  const own = SCORE_COLUMNS.map((_, j) => cut(figures, C + j));
  const isNumber = SCORE_COLUMNS.map((_, j) => cut(flags, C + j));
  const asText = SCORE_COLUMNS.map((_, j) => cut(flags, 2 * C + j));
  /** Each item's best option (NaN where it has none), read once: the standard it counts for, and its own line. */
  const bestOf = cut(figures, 2 * C);
  /** Its group of alternatives ("… Hoặc …"), where it is one. */
  const alternative = cut(figures, 2 * C + 1);
  const hasAlternative = cut(flags, 3 * C + 2);
  /** A top-level criterion (no parent, no subtotal), a subtotal, a section. */
  const isRoot = cut(flags, 3 * C + 3);
  const isSubtotal = cut(flags, 3 * C + 4);
  const isSection = cut(flags, 3 * C + 1);
  // Each criterion read once, row by row, into the arrays the passes below use: on a 50,000-row sheet, going back
  // to the criteria (scattered over the heap) in every pass cost more than the sums.
  for (let i = 0; i < n; i++) {
    const c = criteria[i];
    if (c.parent === undefined && c.kind !== 'subtotal') isRoot[i] = 1;
    if (c.kind === 'subtotal') isSubtotal[i] = 1;
    if (c.kind === 'section') isSection[i] = 1;
    if (c.alternative !== undefined) {
      alternative[i] = c.alternative;
      hasAlternative[i] = 1;
    }
    const best = bestOption(c);
    if (best !== undefined) bestOf[i] = best;
    for (let j = 0; j < C; j++) {
      const score = scoreIn(c.scores, SCORE_COLUMNS[j]);
      if (score.kind !== 'number') continue;
      own[j][i] = score.value;
      isNumber[j][i] = 1;
      // What Excel's SUM would skip: a number typed as text (a zero changes no sum).
      if (score.asText && score.value !== 0) asText[j][i] = 1;
    }
  }

  // Children before parents, so that a section's line never comes before its items' lines; subtotals and a second
  // grand total share children with the tree, so each criterion is visited once.
  const order: number[] = [];
  const seen = cut(flags, 3 * C);
  const visit = (i: number): void => {
    if (seen[i]) return;
    seen[i] = 1;
    const mine = kids[i];
    for (let k = 0; k < mine.length; k++) visit(mine[k]);
    order.push(i);
  };
  for (let i = 0; i < n; i++) if (isRoot[i]) visit(i);
  for (let i = 0; i < n; i++) if (isSubtotal[i]) visit(i);
  for (let i = 0; i < n; i++) visit(i);

  /** Sections summed by subtotals: their heading rows are left as they are where they hold nothing. */
  const summedBySubtotal = cut(flags, 3 * C + 5);
  for (let i = 0; i < n; i++)
    if (isSubtotal[i])
      for (const k of kids[i]) {
        // A subtotal's kids are what it sums.
        const p = criteria[k].parent;
        const pi = p === undefined ? undefined : positions.ofId(p);
        if (pi !== undefined) summedBySubtotal[pi] = 1;
      }

  // Every criterion's value starts as its own number (the values and own numbers are neighbouring parts of one
  // buffer): only totals, and items whose standard is their best option, change it below.
  figures.copyWithin(0, C * n, 2 * C * n);
  const diemChuanValues = values[SCORE_COLUMN_NUMBER.diemChuan];
  // Index loops rather than for…of: a check's first run is not yet optimised, and each iterator step allocates.
  for (let o = 0; o < order.length; o++) {
    const i = order[o];
    // An item with options counts as its best option, as a fix will write it: the totals above see the same.
    if (!Number.isNaN(bestOf[i])) diemChuanValues[i] = bestOf[i];
    const mine = kids[i];
    if (mine.length === 0) continue; // most criteria add up nothing: a total in no column
    for (let j = 0; j < C; j++) {
      const column = SCORE_COLUMNS[j];
      const totalOf = total[j];
      const valueOf = values[j];
      const numberOf = isNumber[j];
      // A parent is a total only where its children carry values there: in the seed, mục 1's bonus of 20 belongs to
      // mục 1 itself, because its sub-items carry no bonus; a unit scoring a parent as a whole uses its children as a guide.
      let isTotal = false;
      for (let m = 0; m < mine.length; m++)
        if (totalOf[mine[m]] === 1 || numberOf[mine[m]] === 1) {
          isTotal = true;
          break;
        }
      if (!isTotal) continue;
      totalOf[i] = 1;
      let sum = 0;
      let groupBest: Map<number, number> | undefined;
      for (let m = 0; m < mine.length; m++) {
        const k = mine[m];
        const v = valueOf[k];
        if (Number.isNaN(v)) continue;
        // Alternatives ("… Hoặc …") offer the best of them as a cap; what a unit scores on them still adds up.
        if (hasAlternative[k] === 1 && IS_CAP.has(column)) {
          const alt = alternative[k];
          (groupBest ??= new Map()).set(alt, Math.max(groupBest.get(alt) ?? -Infinity, v));
        } else sum += v;
      }
      if (groupBest) for (const v of groupBest.values()) sum += v;
      // A bonus or deduction cap written below what its items add up to caps the group ("tối đa 3 điểm"): not a sum.
      const o = own[j][i];
      if (
        (column === 'diemThuong' || column === 'diemTru') &&
        isSection[i] === 1 &&
        isNumber[j][i] === 1 &&
        o !== 0 &&
        Math.abs(o) < Math.abs(sum) &&
        !sameScore(o, sum)
      )
        sum = o;
      valueOf[i] = sum;
    }
  }

  /** The first child that holds a number as text, which Excel's SUM skips: such a total is written as a value. */
  const firstTextInput = (i: number, j: number, col: number): TextInput | undefined => {
    const mine = kids[i];
    for (let m = 0; m < mine.length; m++) {
      const k = mine[m];
      if (asText[j][k] === 0 || total[j][k] === 1) continue;
      const s = scoreIn(criteria[k].scores, SCORE_COLUMNS[j]) as Extract<Score, { kind: 'number' }>;
      return { row: criteria[k].row, col, text: s.text ?? String(s.value) };
    }
    return undefined;
  };

  const rowsOf = (mine: readonly number[]): number[] => {
    const rows: number[] = [];
    for (let m = 0; m < mine.length; m++) rows.push(positions.rows[mine[m]]);
    return rows;
  };
  const lines: TotalLine[] = [];
  const lineCriterion: number[] = [];
  /** Parallel to the lines: each line's first text input, if any. */
  const textInputs: (TextInput | undefined)[] = [];
  const diemChuanCol = layout.columns.diemChuan;
  const colOf = SCORE_COLUMNS.map((column) => layout.columns[column]);
  // Each column's letters once: a cell address per line, tens of thousands on a long sheet.
  const lettersOf = colOf.map((col) => (col === undefined ? '' : columnLetters(col)));
  for (let o = 0; o < order.length; o++) {
    const i = order[o];
    const c = criteria[i];
    // An item with options: its standard is its best option.
    const best = bestOf[i];
    if (diemChuanCol !== undefined && total[SCORE_COLUMN_NUMBER.diemChuan][i] === 0 && !Number.isNaN(best)) {
      lines.push({
        criterion: c.id,
        column: 'diemChuan',
        cell: a1(c.row, diemChuanCol),
        row: c.row,
        col: diemChuanCol,
        stated: scoreValue(c.scores.diemChuan),
        computed: best,
        childRows: c.options.map((o) => o.row),
        best: true,
      });
      lineCriterion.push(i);
      textInputs.push(undefined);
    }
    /** The rows the criterion adds up: one list, shared by its lines in every column (nothing changes them). */
    let childRows: number[] | undefined;
    for (let j = 0; j < C; j++) {
      const col = colOf[j];
      if (col === undefined || total[j][i] === 0) continue;
      const stated = isNumber[j][i] === 1 ? own[j][i] : undefined;
      if (stated === undefined && summedBySubtotal[i] === 1) continue;
      childRows ??= rowsOf(kids[i]);
      lines.push({
        criterion: c.id,
        column: SCORE_COLUMNS[j],
        cell: `${lettersOf[j]}${c.row + 1}`,
        row: c.row,
        col,
        stated,
        computed: values[j][i],
        childRows,
      });
      lineCriterion.push(i);
      textInputs.push(firstTextInput(i, j, col));
    }
  }

  const columns = SCORE_COLUMNS.map((_, j) => new Figures(total[j], values[j], own[j], isNumber[j]));
  return {
    lines,
    positions,
    lineCriterion,
    column: (column) => columns[SCORE_COLUMN_NUMBER[column]],
    textInput: (k) => textInputs[k],
  };
}

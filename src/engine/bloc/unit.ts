/**
 * From one checked sheet to one row of the bloc's summary: who the unit is, what it claims, and what a careful checker
 * would accept. This is the ONE adapter between a SheetReport and the bloc summary; everything the summary needs from a
 * sheet is read here.
 */
import { a1, GridView, SheetGrid } from '../grid';
import { CAP_OF, Criterion, ScoreColumn, Severity, SheetReport, TotalLine } from '../model';
import { readScore, scoreValue } from '../numbers';
import { flattenTemplate } from '../template/match';
import type { Template } from '../template/schema';
import { clean, fold } from '../text';
import { titleCells } from '../title';

/** A self-score the checked score does not take as written: held to its cap, raised to 0, or a total recomputed. */
export interface Adjustment {
  criterion: string;
  label: string;
  column: ScoreColumn;
  cell: string;
  /** What the sheet says (undefined: an empty total cell). */
  from: number | undefined;
  to: number;
  why: 'over-cap' | 'negative' | 'total';
}

/** One criterion's numbers for the *Theo tiêu chí* sheet: self-scored (main + bonus) and its cap (chuẩn + thưởng). */
export interface CriterionScore {
  /** Template id when the sheet was matched to a template, else the sheet's criterion id. */
  key: string;
  id: string;
  /** True when `key` is a template id. */
  fromTemplate: boolean;
  tt: string;
  label: string;
  text: string;
  kind: Criterion['kind'];
  /** Self-score as the sheet states it (a total: its stated value, else its computed one); undefined when empty. */
  tuCham?: number;
  /** Chuẩn + thưởng, where the row has either. */
  cap?: number;
  /** Checked score of this criterion (main + bonus), as in `checkedScore`. */
  checked: number;
}

export interface UnitScores {
  /** The unit as the sheet names it ("Văn phòng UBND tỉnh"), else the sheet's or the file's name. */
  name: string;
  /** Where the name came from: the title rows, or the sheet's name (or the file's, for a workbook's only sheet). */
  nameFrom: 'title' | 'sheet' | 'file';
  sheet: string;
  file?: string;
  year?: number;
  /** Điểm chuẩn + Điểm thưởng of the whole table: the most a unit can score. */
  diemChuan: number;
  /** Tự chấm with bonus, as the sheet states it (TỔNG CỘNG's cells; recomputed where they are empty). */
  tuCham: number;
  /** Điểm sau kiểm tra: see `checkedScore`. */
  checked: number;
  /** The review column's total (Điểm Khối chấm, thẩm định…), where the sheet has one. */
  khoiCham?: number;
  /** Title of the review column(s) read. */
  reviewColumns: string[];
  errors: number;
  warnings: number;
  adjustments: Adjustment[];
  criteria: CriterionScore[];
  /** The sheet's findings, worst first, for the unit's own sheet of the summary. */
  findings: { cell: string; rule: string; severity: Severity; message: string }[];
}

export interface UnitOptions {
  /** The file the sheet came from, and whether it is that file's only scoring sheet (then the file names the unit). */
  file?: string;
  onlySheetOfFile?: boolean;
  /** The bloc's template: caps come from it for every matched criterion. */
  template?: Template;
}

const UNIT_LINE = /^(?:ten )?(?:don vi|co quan|don vi duoc cham)\s*:\s*(.+)$/;

/**
 * "Đơn vị: Văn phòng UBND tỉnh", "ĐƠN VỊ: …", "Tên đơn vị: …" in the rows above the header. "Đơn vị tính: điểm" is not a
 * unit (the colon must follow "đơn vị" itself).
 */
export function unitNameOf(grid: SheetGrid, headerRow: number): string | undefined {
  for (const { text, folded } of titleCells(new GridView(grid), headerRow - 1)) {
    if (text.length > 200 || !UNIT_LINE.test(folded)) continue;
    // The name as written (diacritics kept), after the colon: folding only told us the line names the unit.
    const name = clean(text.slice(text.indexOf(':') + 1)).replace(/[.;,]+$/, '');
    if (name !== '') return name;
  }
  return undefined;
}

/** Folded, for telling whether two sheets claim the same unit. */
export function unitKey(name: string): string {
  return fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** A review column's title that names its bonus part ("Điểm thưởng Khối chấm"). */
const BONUS_TITLE = /thuong/;

/**
 * The review total of a sheet, from the review columns of the table's column model (`table.reviewColumns`: Khối chấm,
 * thẩm định, Cụm chấm, kiểm tra…). Of several, the rightmost main one (the last stage of review) and the rightmost
 * bonus one are added. Each column's total is its TỔNG CỘNG cell where that holds a number, else the sum of its
 * numbers on leaf rows.
 */
export function reviewTotal(report: SheetReport, grid: SheetGrid): { total: number; columns: string[] } | undefined {
  const review = report.table.reviewColumns;
  if (review.length === 0) return undefined;
  const main = review.filter((e) => !BONUS_TITLE.test(fold(e.title))).pop();
  const bonus = review.filter((e) => BONUS_TITLE.test(fold(e.title))).pop();
  const view = new GridView(grid);
  const grand = report.criteria.find((c) => c.kind === 'total');
  const leaves = report.criteria.filter((c) => c.children.length === 0 && c.kind !== 'total');
  const columnTotal = (col: number): number | undefined => {
    const at = (row: number) => scoreValue(readScore(view.cell(row, col).value));
    if (grand) {
      const v = at(grand.row);
      if (v !== undefined) return v;
    }
    let sum = 0;
    let any = false;
    for (const c of leaves) {
      const v = at(c.row);
      if (v !== undefined) {
        sum += v;
        any = true;
      }
    }
    return any ? sum : undefined;
  };
  const used = [main, bonus].filter((e): e is { col: number; title: string } => e !== undefined);
  const totals = used.map((e) => columnTotal(e.col));
  if (totals.every((t) => t === undefined)) return undefined;
  return { total: totals.reduce<number>((k, t) => k + (t ?? 0), 0), columns: used.map((e) => e.title) };
}

interface Caps {
  cap(c: Criterion, column: ScoreColumn): number | undefined;
}

/** Caps from the template where the criterion matched one of its rows, else from the row's own Điểm chuẩn / thưởng. */
function capsOf(template: Template | undefined): Caps {
  const nodes = template ? new Map(flattenTemplate(template).map((n) => [n.id, n])) : undefined;
  return {
    cap(c, column) {
      const capColumn = CAP_OF[column];
      if (!capColumn) return undefined;
      const node = c.template !== undefined ? nodes?.get(c.template) : undefined;
      if (node) return capColumn === 'diemChuan' ? node.diemChuan : node.diemThuong;
      return scoreValue(c.scores[capColumn]);
    },
  };
}

/**
 * Điểm sau kiểm tra: the score a careful checker accepts from the sheet, computed bottom-up from its items.
 *
 * - A row that is a total in a column (a section, a parent item, TỔNG CỘNG) counts as the sum of its children there,
 *   whatever the sheet wrote in it: a broken total is recomputed.
 * - Any other row counts its own self-score, held to [0, cap]: above its Điểm chuẩn (Điểm thưởng for the bonus
 *   column; the template's, where the row matched a template row) it counts the cap; a negative score counts 0; an
 *   empty cell or text counts 0.
 * - A score that is no tier (not-a-tier) is left as written: which tier was meant is the checker's call, not ours; it
 *   stays in the unit's error count.
 * - The checked score is the main column plus the bonus column, over the table's top rows (TỔNG CỘNG, or the sections
 *   where there is none).
 */
export function checkedScore(
  report: SheetReport,
  template?: Template,
  lines: TotalLines = totalLines(report),
): { checked: number; adjustments: Adjustment[]; byCriterion: Map<string, number> } {
  const caps = capsOf(template);
  const byId = new Map(report.criteria.map((c) => [c.id, c]));
  const adjustments: Adjustment[] = [];
  const memo: Partial<Record<ScoreColumn, Map<string, number>>> = {};

  const held = (c: Criterion, column: ScoreColumn): number => {
    const known = (memo[column] ??= new Map()).get(c.id);
    if (known !== undefined) return known;
    const line = lines.get(c.id)?.[column];
    let v: number;
    if (line) {
      v = c.children.reduce((k, id) => k + held(byId.get(id)!, column), 0);
      if (line.stated === undefined || Math.abs(line.stated - line.computed) > 1e-9) {
        adjustments.push({ criterion: c.id, label: c.label, column, cell: line.cell, from: line.stated, to: line.computed, why: 'total' });
      }
    } else {
      const own = scoreValue(c.scores[column]) ?? 0;
      const cap = caps.cap(c, column);
      v = Math.max(0, own);
      if (cap !== undefined) v = Math.min(v, cap);
      if (v !== own) {
        adjustments.push({
          criterion: c.id,
          label: c.label,
          column,
          cell: cellOf(report, c, column),
          from: own,
          to: v,
          why: own < 0 ? 'negative' : 'over-cap',
        });
      }
    }
    memo[column]!.set(c.id, v);
    return v;
  };

  const roots = report.criteria.filter((c) => c.parent === undefined);
  let checked = 0;
  for (const r of roots) checked += held(r, 'tuCham') + held(r, 'thuongTuCham');
  const byCriterion = new Map<string, number>();
  for (const c of report.criteria) byCriterion.set(c.id, held(c, 'tuCham') + held(c, 'thuongTuCham'));
  // Adjustments in sheet order, as a checker reads them.
  adjustments.sort((a, b) => rowOf(a.cell) - rowOf(b.cell) || a.cell.localeCompare(b.cell));
  return { checked: round(checked), adjustments, byCriterion };
}

const rowOf = (cell: string) => Number(/\d+$/.exec(cell)?.[0] ?? 0);

function cellOf(report: SheetReport, c: Criterion, column: ScoreColumn): string {
  const col = report.table.columns[column];
  return col === undefined ? '' : a1(c.row, col);
}

/** Sums of halves and quarters, without 0.1 + 0.2 noise. */
export function round(n: number): number {
  return Math.round(n * 1e6) / 1e6;
}

/** The sheet's total lines by criterion id, then column (the last line of a pair, as the report lists them). */
type TotalLines = Map<string, Partial<Record<ScoreColumn, TotalLine>>>;

function totalLines(report: SheetReport): TotalLines {
  const lines: TotalLines = new Map();
  for (const l of report.totals) {
    let byColumn = lines.get(l.criterion);
    if (!byColumn) lines.set(l.criterion, (byColumn = {}));
    byColumn[l.column] = l;
  }
  return lines;
}

/** A column of a row as the sheet states it: a total's stated value (its computed one when empty), else its own. */
function statedValue(lines: TotalLines, c: Criterion, column: ScoreColumn, computed = false): number {
  const line = lines.get(c.id)?.[column];
  if (line) return computed ? line.computed : (line.stated ?? line.computed);
  return scoreValue(c.scores[column]) ?? 0;
}

/** A criterion's self-score in one column as the sheet states it; undefined when empty. */
function statedOf(lines: TotalLines, c: Criterion, column: ScoreColumn): number | undefined {
  const line = lines.get(c.id)?.[column];
  return line ? (line.stated ?? line.computed) : scoreValue(c.scores[column]);
}

/** The summary's view of one checked sheet. */
export function unitScores(report: SheetReport, grid: SheetGrid, options: UnitOptions = {}): UnitScores {
  const lines = totalLines(report);
  const roots = report.criteria.filter((c) => c.parent === undefined);
  // Điểm chuẩn as the items add up (a mistyped TỔNG CỘNG cap is no cap); Tự chấm as the sheet states it.
  const sum = (columns: ScoreColumn[], computed: boolean) =>
    round(roots.reduce((k, r) => k + columns.reduce((j, col) => j + statedValue(lines, r, col, computed), 0), 0));

  const fromTitle = unitNameOf(grid, report.table.headerRow);
  const fileName = options.file?.replace(/^.*[\\/]/, '').replace(/\.xlsx$/i, '');
  const name = fromTitle ?? (options.onlySheetOfFile && fileName ? fileName : report.sheet);
  const nameFrom: UnitScores['nameFrom'] = fromTitle ? 'title' : options.onlySheetOfFile && fileName ? 'file' : 'sheet';

  const { checked, adjustments, byCriterion } = checkedScore(report, options.template, lines);
  const caps = capsOf(options.template);
  const review = reviewTotal(report, grid);
  const capPart = (c: Criterion, col: 'tuCham' | 'thuongTuCham') => {
    const line = lines.get(c.id)?.[CAP_OF[col]!];
    return line ? line.computed : caps.cap(c, col);
  };
  const criteria: CriterionScore[] = report.criteria.map((c) => {
    const stated = [statedOf(lines, c, 'tuCham'), statedOf(lines, c, 'thuongTuCham')];
    const capParts = [capPart(c, 'tuCham'), capPart(c, 'thuongTuCham')];
    const out: CriterionScore = {
      key: c.template ?? c.id,
      id: c.id,
      fromTemplate: c.template !== undefined,
      tt: c.tt,
      label: c.label,
      text: c.text,
      kind: c.kind,
      checked: round(byCriterion.get(c.id) ?? 0),
    };
    if (stated.some((v) => v !== undefined)) out.tuCham = round((stated[0] ?? 0) + (stated[1] ?? 0));
    if (capParts.some((v) => v !== undefined)) out.cap = round((capParts[0] ?? 0) + (capParts[1] ?? 0));
    return out;
  });

  return {
    name,
    nameFrom,
    sheet: report.sheet,
    ...(options.file ? { file: options.file } : {}),
    ...(report.year !== undefined ? { year: report.year } : {}),
    diemChuan: sum(['diemChuan', 'diemThuong'], true),
    tuCham: sum(['tuCham', 'thuongTuCham'], false),
    checked,
    ...(review ? { khoiCham: round(review.total) } : {}),
    reviewColumns: review?.columns ?? [],
    errors: report.counts.error,
    warnings: report.counts.warning,
    adjustments,
    criteria,
    findings: report.findings.map((f) => ({ cell: f.cell, rule: f.rule, severity: f.severity, message: f.message })),
  };
}

/** The engine's output: what a scoring table holds, what is wrong with it, and what to write back. */
import { Score } from './numbers';
import type { Template } from './template/schema';

export type Severity = 'error' | 'warning' | 'info';

/** Worst first: the order reports list findings in, and how marks pick a cell's severity. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** How every report orders its findings: by severity, then down the sheet, then across. */
export function byFindingOrder(a: Pick<Finding, 'severity' | 'row' | 'col'>, b: Pick<Finding, 'severity' | 'row' | 'col'>): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.row - b.row || a.col - b.col;
}

/**
 * The score columns of a Bảng chấm điểm, in the users' words:
 * - diemChuan: Điểm chuẩn, Chuẩn, Số điểm, Điểm tối đa, Thang điểm, Khung điểm, Điểm (the standard);
 * - diemThuong: Điểm thưởng, Thưởng, Cộng, Điểm cộng (the bonus cap, or a bonus rule's rate);
 * - diemTru: Điểm trừ, Trừ (the deduction cap, or a deduction rule's rate; often written negative: `-2`);
 * - tuCham: Điểm tự chấm, Tự chấm, Đơn vị tự chấm, Điểm tự đánh giá (the self-score; where no self bonus column
 *   exists it carries chuẩn + thưởng − trừ);
 * - thuongTuCham, truTuCham: a self bonus, a self deduction beside it (Điểm cộng tự chấm, Điểm trừ tự chấm);
 * - khoiCham: the review column (Điểm Khối chấm, Khối chấm, Điểm thẩm định, Cụm chấm, Điểm kiểm tra, Lớp đánh giá):
 *   totalled like any score column, never mistaken for the self-score; further review columns are `reviewColumns`.
 */
export type ScoreColumn = 'diemChuan' | 'diemThuong' | 'diemTru' | 'tuCham' | 'thuongTuCham' | 'truTuCham' | 'khoiCham';
export const SCORE_COLUMNS: readonly ScoreColumn[] = [
  'diemChuan',
  'diemThuong',
  'diemTru',
  'tuCham',
  'thuongTuCham',
  'truTuCham',
  'khoiCham',
];
/** Each score column's number, its place in SCORE_COLUMNS: what arrays kept per column are indexed by. */
export const SCORE_COLUMN_NUMBER = Object.fromEntries(SCORE_COLUMNS.map((c, j) => [c, j])) as Record<ScoreColumn, number>;
/** The columns a table sets (its caps and rates), as against the columns a unit or its reviewer fills in. */
export const CAP_COLUMNS: readonly ScoreColumn[] = ['diemChuan', 'diemThuong', 'diemTru'];
/** Columns whose numbers are deductions: a negative number there is how tables write them, not an error. */
export const DEDUCTION_COLUMNS: readonly ScoreColumn[] = ['diemTru', 'truTuCham'];

/** The column that caps a self-score column: Điểm tự chấm ≤ Điểm chuẩn, Điểm thưởng tự chấm ≤ Điểm thưởng, trừ ≤ trừ. */
export const CAP_OF: Partial<Record<ScoreColumn, ScoreColumn>> = { tuCham: 'diemChuan', thuongTuCham: 'diemThuong', truTuCham: 'diemTru' };

/**
 * Every column the engine knows; anything else in the header row is kept as an extra column and ignored. `lyDo` is the
 * reason column (Lý do, Ý kiến, Ghi chú): where a reviewer says why the review differs from the self-score.
 */
export type ColumnRole = 'tt' | 'tieuChi' | ScoreColumn | 'giaiTrinh' | 'lyDo';

/**
 * The columns of a row that hold a score or its evidence, in sheet order: the score columns and the evidence column.
 * Evidence that slid one column left (a PDF conversion does this) sits in a score column and still cites documents.
 */
export function scoreAndEvidenceColumns(columns: Partial<Record<ColumnRole, number>>): number[] {
  return [...SCORE_COLUMNS.map((s) => columns[s]), columns.giaiTrinh].filter((x): x is number => x !== undefined).sort((a, b) => a - b);
}

export const COLUMN_LABEL: Record<ColumnRole, string> = {
  tt: 'TT',
  tieuChi: 'Tiêu chí',
  diemChuan: 'Điểm chuẩn',
  diemThuong: 'Điểm thưởng',
  diemTru: 'Điểm trừ',
  tuCham: 'Điểm tự chấm',
  thuongTuCham: 'Điểm thưởng tự chấm',
  truTuCham: 'Điểm trừ tự chấm',
  khoiCham: 'Điểm Khối chấm',
  giaiTrinh: 'Giải trình / tài liệu kiểm chứng',
  lyDo: 'Lý do',
};

export interface TableLayout {
  /** Absolute 0-based row of the header. */
  headerRow: number;
  /** The header's A1 range, e.g. "A5:G5". */
  headerRange: string;
  /** Absolute 0-based column of each known role found. */
  columns: Partial<Record<ColumnRole, number>>;
  /** Header columns that are none of the known roles: kept, never read as scores. */
  extraColumns: { col: number; title: string }[];
  /** Every review column (Khối chấm, Cụm chấm, Thống nhất…) with its title; the first is `columns.khoiCham`. */
  reviewColumns: { col: number; title: string }[];
  /** First and last absolute rows read as the table body. */
  firstRow: number;
  lastRow: number;
}

/**
 * What a criterion is: a section (Nội dung, Phần, Tiêu chuẩn), an item, the grand total (TỔNG CỘNG, at the top, the
 * bottom or both), or a subtotal (Cộng, Cộng mục I, Tổng điểm phần I), which adds `sums` and is nobody's child.
 */
export type CriterionKind = 'section' | 'item' | 'total' | 'subtotal';

/** One alternative score an item can take (an option row: "Tỷ lệ đạt từ 95% trở lên | 10", "- Không có kế hoạch | 0"). */
export interface CriterionOption {
  row: number;
  text: string;
  /** Its score; undefined for a flag such as "(không xếp loại)". */
  value?: number;
  /** Options of one group are alternatives; the item's standard is the sum over groups of each group's best. */
  group: number;
}

/**
 * A bonus or deduction rule shaping an item's allowed range: "cộng 0,5 điểm/01 chỉ tiêu (tối đa 2 điểm)" is
 * { sign: 1, rate: 0.5, perOccurrence: true, cap: 2 }.
 */
export interface ScoreRule {
  row: number;
  sign: 1 | -1;
  rate?: number;
  perOccurrence: boolean;
  cap?: number;
  text: string;
  /** A note row's cap on all the rules of that sign of the item ("Tổng điểm trừ của mục c2. không quá 2 điểm"). */
  capOnly?: boolean;
}

export interface Criterion {
  /** Stable id: "2" for Nội dung 2, "2.3" for its mục 3, "1.1.2", "total" for TỔNG CỘNG. */
  id: string;
  kind: CriterionKind;
  /** How a person names it in a message: "Nội dung 2", "Nội dung 2, mục 3", "TỔNG CỘNG". */
  label: string;
  /** The TT cell as written ("1.1", "II", "a"); empty for headings written in the text column. */
  tt: string;
  /** The criterion's text, with the text of its continuation rows appended. */
  text: string;
  /** Absolute 0-based row. */
  row: number;
  /** Rows below that carry on this criterion's text or evidence (no TT, no standard score). */
  continuationRows: number[];
  parent?: string;
  children: string[];
  /** The criterion's own cells, read. */
  scores: Record<ScoreColumn, Score>;
  /** Numbers found in continuation rows' score columns: parts of this criterion, never criteria of their own. */
  parts: Record<ScoreColumn, number[]>;
  /** Evidence text of the row and its continuation rows. */
  evidence: string;
  /** Fixed tiers offered by the text ("… (20 điểm) … (15 điểm)"), largest first; empty when none. */
  tiers: number[];
  /** With a template: the id of the template criterion (or section) this one matched. */
  template?: string;
  /** Option rows under it: alternatives, not addends (empty when none). */
  options: CriterionOption[];
  /** Bonus and deduction rule rows (and note rows capping them) attached to it. */
  rules: ScoreRule[];
  /** For a subtotal: the ids it adds up (never tree children, so nothing is counted twice). */
  sums?: string[];
  /** Set on children of one parent that are alternatives of each other ("… Hoặc …"): the parent takes the best. */
  alternative?: number;
  /** Set when the standard cell holds a flag, the table's word ("(không xếp loại)"), rather than a number. */
  flag?: string;
}

/** Every rule's stable code, derived from the one registry (src/engine/rules/index.ts). */
export type { RuleCode } from './rules';
import type { RuleCode } from './rules';

/** A value a finding's data may hold: numbers, criterion ids, column keys, ISO dates, cell text, flags, lists. */
export type DataValue = number | string | boolean | readonly number[] | readonly string[];
export type FindingData = { readonly [key: string]: DataValue | undefined };

export interface Finding {
  rule: RuleCode;
  /** Which of the rule's messages words it: stable, like the code. */
  messageId: string;
  severity: Severity;
  /** A1 address of the cell the finding is about. */
  cell: string;
  /** Absolute 0-based coordinates of that cell. */
  row: number;
  col: number;
  /** Id of the criterion concerned, when there is one. */
  criterion?: string;
  /** The raw values the message is made from (numbers, ids, column keys, ISO dates): other front ends word it their own way. */
  data: FindingData;
  /** Vietnamese, made from `data` by the rule's own messages; never starts with the cell (front ends add it where they show it). */
  message: string;
}

/** A computed total of one score column for one section, parent item or TỔNG CỘNG. */
export interface TotalLine {
  criterion: string;
  column: ScoreColumn;
  cell: string;
  row: number;
  col: number;
  /** What the cell says now (its number, or its formula's last result); undefined when empty or not a number. */
  stated?: number;
  computed: number;
  /** The rows (absolute, 0-based) of the children it adds up (for `best`, the option rows). */
  childRows: number[];
  /** Set for an item's standard made of its options: the best of them, not their sum (written as MAX). */
  best?: boolean;
}

/** One cell the adapters are to write. Only total cells are ever written. */
export interface CellWrite {
  cell: string;
  row: number;
  col: number;
  /** The value the cell will show. */
  value: number;
  /** Set when the write is a formula; `value` is then its result. */
  formula?: string;
  /** What was there before, for undo. */
  previous: { value: string | number | boolean | null; formula?: string };
  criterion: string;
  column: ScoreColumn;
}

/** One cell the adapters are to mark: a fill by severity and a note with every message on it. */
export interface CellMark {
  cell: string;
  row: number;
  col: number;
  severity: Severity;
  messages: string[];
  rules: RuleCode[];
}

export type SectionSummary = { criterion: string; label: string } & Partial<Record<ScoreColumn, number>>;

/** A document cited in the evidence column ("Kế hoạch số 2153/KH-VP ngày 31/12/2021"), with every cell citing it. */
export interface CitedDocument {
  /** Number and symbol, normalised: "2153/KH-VP". */
  key: string;
  /** "Kế hoạch", "Quyết định", "Công văn"… */
  kind: string;
  /** Every date it is cited with, as ISO yyyy-mm-dd, in order of first appearance. */
  dates: string[];
  issuer?: string;
  /** A1 addresses of the cells citing it. */
  cells: string[];
  /** Each citation of it: its cell, the date written there, and other dates the same sentence lists under this number (two documents). */
  mentions?: { cell: string; date?: string; listedWith?: string[] }[];
  /** Set when citation-conflict found it cited with different dates in different places. */
  conflict?: boolean;
}

export interface SheetReport {
  sheet: string;
  /** The year being scored, read from the title above the table ("… NĂM 2022"), when given. */
  year?: number;
  table: TableLayout;
  criteria: Criterion[];
  findings: Finding[];
  totals: TotalLine[];
  /** Per section (Nội dung), its computed totals, then the grand total: what the task pane shows. */
  summary: SectionSummary[];
  plan: { writes: CellWrite[]; marks: CellMark[] };
  counts: Record<Severity, number>;
  /** The documents the evidence column cites (the evidence module fills it; empty when none are found). */
  documents: CitedDocument[];
  /** Set when the sheet was checked against a template. */
  template?: TemplateSummary;
}

/** With a template: which one, and how the sheet's rows met it. */
export interface TemplateSummary {
  id: string;
  bloc: string;
  year: number;
  /** Each sheet row that matched a template row: sheet criterion, its 0-based row, template id, text similarity 0–1. */
  matches: { criterion: string; row: number; template: string; similarity: number }[];
  /** Template ids no sheet row matched. */
  missing: string[];
  /** Sheet criteria the template does not have. */
  extra: string[];
}

export interface CheckOptions {
  /** Write totals as formulas (default) or as plain values. */
  totals?: 'formulas' | 'values';
  /** The bloc's criteria template to hold the sheet against (see src/engine/template). */
  template?: Template;
  /** The year being scored, over the title's "NĂM 2022" (CLI --year); null or absent: the title's. */
  year?: number | null;
}

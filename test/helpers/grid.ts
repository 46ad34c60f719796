/** Builders for the engine's input: a SheetGrid from rows of plain values, and a small valid scoring table. */
import { CellValue, GridCell, MergedArea, SheetGrid, parseA1, parseRange } from '../../src/engine';

/** A cell as a test writes it: a plain value, or a cell with a formula or shown text. */
export type CellInput = CellValue | undefined | { v: CellValue; f?: string; t?: string };

export interface GridOptions {
  name?: string;
  /** A1 address of the grid's first cell (default A1). */
  origin?: string;
  /** Merged areas as absolute A1 ranges ("A6:B6"). */
  merges?: string[];
}

function toCell(c: CellInput): GridCell {
  if (c === undefined || c === null) return { value: null };
  if (typeof c === 'object') {
    return {
      value: c.v,
      ...(c.f !== undefined ? { formula: c.f.startsWith('=') ? c.f : `=${c.f}` } : {}),
      ...(c.t !== undefined ? { text: c.t } : {}),
    };
  }
  return { value: c };
}

export function range(a1range: string): MergedArea {
  return parseRange(a1range);
}

/** A grid from rows of values; `origin` places the first value anywhere on the sheet. */
export function grid(rows: CellInput[][], options: GridOptions = {}): SheetGrid {
  const origin = parseA1(options.origin ?? 'A1');
  return {
    name: options.name ?? 'Chấm điểm',
    origin,
    cells: rows.map((r) => r.map(toCell)),
    merges: (options.merges ?? []).map(range),
  };
}

/** A formula cell: `formula('=SUM(E4:E5)', 30)` is that formula whose last result was 30. */
export function formula(f: string, result: CellValue): CellInput {
  return { v: result, f };
}

/**
 * The standard header: A TT, B Tiêu chí, C Điểm chuẩn, D Điểm thưởng, E Điểm tự chấm, F Điểm thưởng tự chấm,
 * G Giải trình. With `table()`, the title is row 1, the header row 2 and the body starts on row 3.
 */
export const HEADER = [
  'TT',
  'Tiêu chí',
  'Điểm chuẩn',
  'Điểm thưởng',
  'Điểm tự chấm',
  'Điểm thưởng tự chấm',
  'Giải trình / tài liệu kiểm chứng',
];

/** One body row in the standard column order: [TT, text, chuẩn, thưởng, tự chấm, thưởng tự chấm, giải trình]. */
export type Row = CellInput[];

/** A table under a title row and the standard header; the first body row is row 3. */
export function table(body: Row[], options: GridOptions & { title?: string } = {}): SheetGrid {
  return grid([[options.title ?? 'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022'], HEADER, ...body], options);
}

/**
 * A small, valid table: every total right, every leaf with evidence. Rows:
 * 3 Nội dung 1 · 4 mục 1 (parent, its own bonus) · 5 mục 1.1 · 6 mục 1.2 · 7 mục 2 · 8 Nội dung 2 · 9 mục 1 · 10 TỔNG CỘNG.
 */
export function validBody(): Row[] {
  return [
    ['Nội dung 1: Thực hiện nhiệm vụ chuyên môn', null, 50, 5, 50, 5],
    ['1', 'Công tác quản lý nhà nước', 30, 5, 30, 5],
    ['1.1', 'Lãnh đạo, chỉ đạo triển khai nhiệm vụ', 20, null, 20, null, 'Báo cáo số 12/BC-VP ngày 10/12/2022'],
    ['1.2', 'Tham mưu ban hành văn bản', 10, null, 10, null, 'Kế hoạch số 34/KH-VP ngày 05/01/2022'],
    ['2', 'Công tác cải cách hành chính', 20, null, 20, null, 'Kế hoạch số 56/KH-VP ngày 06/01/2022'],
    ['Nội dung 2: Thực hiện các chủ trương của Đảng', null, 20, 2, 20, 2],
    ['1', 'Tổ chức học tập, quán triệt nghị quyết', 20, 2, 20, 2, 'Báo cáo số 78/BC-VP ngày 11/12/2022'],
    ['TỔNG CỘNG', null, 70, 7, 70, 7],
  ];
}

export const VALID_MERGES = ['A3:B3', 'A8:B8', 'A10:B10'];

/** `validBody()` as a checked-ready grid, with its headings merged across TT and Tiêu chí. */
export function validTable(options: GridOptions = {}): SheetGrid {
  return table(validBody(), { merges: VALID_MERGES, ...options });
}

/** A copy of `rows` with one cell replaced: `set(rows, 5, 'E', 25)` puts 25 in E5 of a `table()` body. */
export function set(body: Row[], sheetRow: number, column: string, value: CellInput): Row[] {
  const copy = body.map((r) => [...r]);
  const r = copy[sheetRow - 3];
  const c = parseA1(`${column}1`).col;
  while (r.length <= c) r.push(null);
  r[c] = value;
  return copy;
}

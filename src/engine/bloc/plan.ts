/**
 * The summary workbook as data: sheets, cells (values, or formulas with the value they compute), styles by name, print
 * setup. The CLI's writer (src/xlsx/summary.ts) and the add-in's (src/excel/tonghop.ts) apply it thinly; every
 * decision about what goes where is here, tested without a host.
 */
import { columnLetters } from '../grid';
import { Severity } from '../model';
import { formatNumber } from '../numbers';
import { changeText, BlocRanking, RankedUnit } from './rank';
import { Band, BlocRules, sourceText } from './rules';
import type { Template } from '../template/schema';
import { criteriaMatrix, CriteriaMatrix, MAD_K, MAD_SCALE, MIN_UNITS_FOR_RANGE } from './matrix';

export type PlanValue = string | number | null;

export type StyleName =
  'title' | 'subtitle' | 'header' | 'text' | 'wrap' | 'number' | 'integer' | 'note' | 'over-cap' | 'off-range' | 'not-read' | Severity;

/** What each style means; both writers turn these into their own formats. */
export interface StyleSpec {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  /** ARGB fill. */
  fill?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  numFmt?: string;
  border?: boolean;
}

export const STYLES: Record<StyleName, StyleSpec> = {
  title: { bold: true, size: 14, align: 'center' },
  subtitle: { bold: true, size: 12, align: 'center' },
  header: { bold: true, wrap: true, align: 'center', border: true, fill: 'FFD9E1F2' },
  text: { border: true },
  wrap: { border: true, wrap: true },
  number: { border: true, numFmt: '0.##', align: 'right' },
  integer: { border: true, numFmt: '0', align: 'center' },
  note: { italic: true, wrap: true },
  'over-cap': { border: true, numFmt: '0.##', fill: 'FFFFC7CE' },
  'off-range': { border: true, numFmt: '0.##', fill: 'FFFFEB9C' },
  'not-read': { border: true, italic: true, fill: 'FFEDEDED' },
  error: { border: true, wrap: true, fill: 'FFFFC7CE' },
  warning: { border: true, wrap: true, fill: 'FFFFEB9C' },
  info: { border: true, wrap: true, fill: 'FFDDEBF7' },
};

export interface PlanCell {
  /** 0-based. */
  row: number;
  col: number;
  /** The value shown; for a formula, the value it computes (the cached result). */
  value: PlanValue;
  /** With its leading "=". */
  formula?: string;
  style?: StyleName;
}

export interface PlanSheet {
  name: string;
  role: 'tong-hop' | 'theo-tieu-chi' | 'don-vi';
  cells: PlanCell[];
  merges: { top: number; left: number; bottom: number; right: number }[];
  /** Character widths by 0-based column. */
  widths: number[];
  print: { landscape: true; fitToWidth: 1; fitToHeight: 0; repeatRows?: { first: number; last: number } };
  /** Rows (0-based) frozen above the body: the header stays in view. */
  freezeRows?: number;
}

export interface SummaryPlan {
  /** Marks sheets thidua made, so that a later run replaces them and nothing else. */
  marker: 'thidua-tong-hop';
  title: string;
  sheets: PlanSheet[];
}

export interface PlanOptions {
  rules?: BlocRules;
  /** The bloc's name, for the title; else the rules', else the template's. */
  bloc?: string;
  year?: number;
  /** The bloc's template: *Theo tiêu chí* lines units up through it. */
  template?: Template;
  /** One sheet per unit with its findings (default true; the add-in writes the two summary sheets only). */
  unitSheets?: boolean;
}

export const SHEET_TONG_HOP = 'Tổng hợp';
export const SHEET_THEO_TIEU_CHI = 'Theo tiêu chí';

/** Excel forbids []:*?/\ in sheet names and caps them at 31 characters; names must differ ignoring case. */
export function sheetNames(wanted: string[], taken: string[]): string[] {
  const used = new Set(taken.map((t) => t.toLowerCase()));
  return wanted.map((w) => {
    const base =
      w
        .replace(/[[\]:*?/\\]/g, ' ')
        .replace(/\s+/g, ' ')
        .replace(/^'+|'+$/g, '')
        .trim() || 'Đơn vị';
    for (let n = 1; ; n++) {
      const suffix = n === 1 ? '' : ` (${n})`;
      const name = `${[...base]
        .slice(0, 31 - suffix.length)
        .join('')
        .trim()}${suffix}`;
      if (!used.has(name.toLowerCase())) {
        used.add(name.toLowerCase());
        return name;
      }
    }
  });
}

/** Column letters of the *Tổng hợp* sheet, one place for the formulas and their cached values. */
const COL = {
  stt: 0,
  donVi: 1,
  diemChuan: 2,
  tuCham: 3,
  checked: 4,
  khoiCham: 5,
  score: 6,
  chenhLech: 7,
  loi: 8,
  canhBao: 9,
  rank: 10,
  dongHang: 11,
  selfRank: 12,
  change: 13,
  xepLoai: 14,
  deNghi: 15,
  ghiChu: 16,
} as const;

const HEADERS: [keyof typeof COL, string, number][] = [
  ['stt', 'STT', 5],
  ['donVi', 'Đơn vị', 32],
  ['diemChuan', 'Điểm chuẩn (cả điểm thưởng)', 10],
  ['tuCham', 'Tự chấm (cả điểm thưởng)', 10],
  ['checked', 'Điểm sau kiểm tra', 10],
  ['khoiCham', 'Khối chấm', 10],
  ['score', 'Điểm xếp hạng', 10],
  ['chenhLech', 'Chênh lệch (xếp hạng − tự chấm)', 10],
  ['loi', 'Lỗi', 6],
  ['canhBao', 'Cảnh báo', 8],
  ['rank', 'Xếp hạng', 8],
  ['dongHang', 'Đồng hạng', 10],
  ['selfRank', 'Xếp hạng theo tự chấm', 10],
  ['change', 'Thay đổi thứ hạng', 12],
  ['xepLoai', 'Xếp loại', 12],
  ['deNghi', 'Đề nghị', 24],
  ['ghiChu', 'Ghi chú', 40],
];

const L = (k: keyof typeof COL) => columnLetters(COL[k]);

/** Excel's text literal: quotes doubled. */
const lit = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** The Xếp loại formula for one cell: nested IFs over the bands, "" for no score, the gap text where no band holds. */
export function bandFormula(ref: string, bands: Band[]): string {
  const cond = (b: Band) => {
    const parts: string[] = [];
    if (b.min !== undefined) parts.push(`${ref}${b.gomMin ? '>=' : '>'}${b.min}`);
    if (b.max !== undefined) parts.push(`${ref}${b.gomMax ? '<=' : '<'}${b.max}`);
    return parts.length === 0 ? 'TRUE' : parts.length === 1 ? parts[0] : `AND(${parts.join(',')})`;
  };
  let f = lit(OUTSIDE_BANDS);
  for (const b of [...bands].reverse()) f = `IF(${cond(b)},${lit(b.ten)},${f})`;
  return `=IF(ISNUMBER(${ref}),${f},"")`;
}

export const OUTSIDE_BANDS = '(không thuộc mức nào)';

function title(opts: PlanOptions): string {
  const year = opts.year ?? opts.rules?.nam;
  return `BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA${year ? ` NĂM ${year}` : ''}`;
}

function blocName(opts: PlanOptions): string {
  return opts.bloc ?? opts.rules?.khoi ?? opts.template?.bloc ?? '';
}

function noteFor(r: RankedUnit): string {
  const parts: string[] = [];
  if (r.brokenBy)
    parts.push(
      `Đồng hạng ${r.rank} với ${r.tiedWith.map((n) => `“${n}”`).join(', ')}; thứ tự xét ${r.place} phân định theo: ${r.brokenBy}.`,
    );
  if (r.duplicates.length > 0) parts.push(`Cùng đơn vị với bảng ${r.duplicates.join('; ')}: không cộng gộp.`);
  const adj = r.unit.adjustments;
  const capped = adj.filter((a) => a.why !== 'total').length;
  const totals = adj.filter((a) => a.why === 'total').length;
  if (capped > 0) parts.push(`${capped} ô vượt điểm chuẩn hoặc âm được tính lại.`);
  if (totals > 0) parts.push(`${totals} ô tổng sai được cộng lại từ các mục.`);
  if (r.unit.reviewColumns.length > 0) parts.push(`Khối chấm: cột ${r.unit.reviewColumns.map((c) => `“${c}”`).join(' + ')}.`);
  return parts.join(' ');
}

function tongHop(ranking: BlocRanking, opts: PlanOptions, unitSheets: string[]): PlanSheet {
  const cells: PlanCell[] = [];
  const put = (row: number, col: number, value: PlanValue, style?: StyleName, formula?: string) =>
    cells.push({ row, col, value, ...(style ? { style } : {}), ...(formula ? { formula } : {}) });
  const last = HEADERS.length - 1;
  put(0, 0, title(opts), 'title');
  put(1, 0, blocName(opts), 'subtitle');
  put(
    2,
    0,
    'Điểm xếp hạng: điểm Khối chấm nếu bảng có cột Khối chấm, nếu không là Điểm sau kiểm tra (tự chấm, với mỗi ô vượt điểm chuẩn tính bằng điểm chuẩn và mỗi ô tổng sai cộng lại từ các mục). Các đơn vị bằng điểm là đồng hạng.',
    'note',
  );
  const HEAD = 3;
  HEADERS.forEach(([, text], c) => put(HEAD, c, text, 'header'));
  const first = HEAD + 1;
  const n = ranking.units.length;
  const lastRow = first + Math.max(n, 1) - 1;
  const range = (k: keyof typeof COL) => `$${L(k)}$${first + 1}:$${L(k)}$${lastRow + 1}`;
  const bands = opts.rules?.xepLoai?.muc ?? [];
  const anyReview = ranking.units.some((r) => r.unit.khoiCham !== undefined);
  const countOf = new Map<number, number>();
  for (const r of ranking.units) countOf.set(r.score, (countOf.get(r.score) ?? 0) + 1);

  ranking.units.forEach((r, i) => {
    const row = first + i;
    const ref = (k: keyof typeof COL) => `${L(k)}${row + 1}`;
    const u = r.unit;
    put(row, COL.stt, i + 1, 'integer');
    put(row, COL.donVi, u.name, 'wrap');
    put(row, COL.diemChuan, u.diemChuan, 'number');
    put(row, COL.tuCham, u.tuCham, 'number');
    put(row, COL.checked, u.checked, 'number');
    put(row, COL.khoiCham, u.khoiCham ?? null, 'number');
    put(row, COL.score, r.score, 'number', `=IF(ISNUMBER(${ref('khoiCham')}),${ref('khoiCham')},${ref('checked')})`);
    put(row, COL.chenhLech, roundTo(r.score - u.tuCham), 'number', `=${ref('score')}-${ref('tuCham')}`);
    put(row, COL.loi, u.errors, 'integer');
    put(row, COL.canhBao, u.warnings, 'integer');
    put(row, COL.rank, r.rank, 'integer', `=RANK(${ref('score')},${range('score')},0)`);
    put(
      row,
      COL.dongHang,
      (countOf.get(r.score) ?? 0) > 1 ? 'đồng hạng' : '',
      'text',
      `=IF(COUNTIF(${range('score')},${ref('score')})>1,"đồng hạng","")`,
    );
    put(row, COL.selfRank, r.selfRank, 'integer', `=RANK(${ref('tuCham')},${range('tuCham')},0)`);
    const d = `${ref('selfRank')}-${ref('rank')}`;
    put(
      row,
      COL.change,
      changeText(r.change),
      'text',
      `=IF(${d}>0,"lên "&(${d})&" bậc",IF(${d}<0,"xuống "&(${ref('rank')}-${ref('selfRank')})&" bậc","giữ nguyên"))`,
    );
    if (bands.length > 0) put(row, COL.xepLoai, r.band ?? OUTSIDE_BANDS, 'text', bandFormula(ref('score'), bands));
    else put(row, COL.xepLoai, null, 'text');
    put(row, COL.deNghi, r.award ?? r.notProposed ?? '', 'wrap');
    put(row, COL.ghiChu, [noteFor(r), unitSheets[i] ? `Chi tiết: trang “${unitSheets[i]}”.` : ''].filter(Boolean).join(' '), 'wrap');
  });

  let row = first + n;
  if (n > 0) {
    put(row, COL.donVi, 'Bình quân khối', 'header');
    const avg = (k: keyof typeof COL, values: number[]) =>
      put(row, COL[k], roundTo(values.reduce((a, b) => a + b, 0) / values.length), 'number', `=AVERAGE(${range(k)})`);
    avg(
      'diemChuan',
      ranking.units.map((r) => r.unit.diemChuan),
    );
    avg(
      'tuCham',
      ranking.units.map((r) => r.unit.tuCham),
    );
    avg(
      'checked',
      ranking.units.map((r) => r.unit.checked),
    );
    if (anyReview)
      avg(
        'khoiCham',
        ranking.units.flatMap((r) => (r.unit.khoiCham !== undefined ? [r.unit.khoiCham] : [])),
      );
    avg(
      'score',
      ranking.units.map((r) => r.score),
    );
    avg(
      'chenhLech',
      ranking.units.map((r) => r.score - r.unit.tuCham),
    );
    row++;
  }
  for (const u of ranking.unread) {
    put(row, COL.stt, null, 'not-read');
    put(row, COL.donVi, `${u.file.replace(/^.*[\\/]/, '')}${u.sheet ? ` › ${u.sheet}` : ''}`, 'not-read');
    put(row, COL.deNghi, 'Không đọc được', 'not-read');
    put(row, COL.ghiChu, u.reason, 'not-read');
    row++;
  }

  row++;
  const notes: string[] = [];
  for (const a of ranking.awards) {
    notes.push(
      `${a.name}: chỉ tiêu ${a.quotaText} (${a.source}); đề nghị: ${a.awarded.length > 0 ? a.awarded.join(', ') : 'không có'}${a.open > 0 ? `; còn ${a.open} suất do đồng hạng ở ngưỡng, Khối xem xét` : ''}.`,
    );
  }
  if (opts.rules?.xepLoai) notes.push(`Xếp loại theo ${sourceText(opts.rules.xepLoai.nguon)}.`);
  for (const t of opts.rules?.phaHoa ?? []) notes.push(`Phá hòa: ${t.theo}${t.tieuChi ? ` ${t.tieuChi}` : ''} (${sourceText(t.nguon)}).`);
  if (!opts.rules) notes.push('Không có tệp quy chế (--quy-che): chỉ xếp hạng, không xếp loại, không đề nghị khen.');
  notes.push(...ranking.notes);
  if (ranking.unread.length > 0) notes.push(`${ranking.unread.length} tệp hoặc trang không đọc được, không có trong xếp hạng.`);
  const merges = [0, 1, 2].map((r) => ({ top: r, left: 0, bottom: r, right: last }));
  for (const t of notes) {
    put(row, 0, t, 'note');
    merges.push({ top: row, left: 0, bottom: row, right: last });
    row++;
  }
  return {
    name: SHEET_TONG_HOP,
    role: 'tong-hop',
    cells,
    merges,
    widths: HEADERS.map(([, , w]) => w),
    print: { landscape: true, fitToWidth: 1, fitToHeight: 0, repeatRows: { first: HEAD, last: HEAD } },
    freezeRows: HEAD + 1,
  };
}

const roundTo = (n: number) => Math.round(n * 1e6) / 1e6;

function theoTieuChi(matrix: CriteriaMatrix, opts: PlanOptions, names: string[]): PlanSheet {
  const cells: PlanCell[] = [];
  const put = (row: number, col: number, value: PlanValue, style?: StyleName) =>
    cells.push({ row, col, value, ...(style ? { style } : {}) });
  const last = 3 + names.length - 1;
  put(0, 0, `ĐIỂM TỰ CHẤM THEO TIÊU CHÍ${(opts.year ?? opts.rules?.nam) ? ` NĂM ${opts.year ?? opts.rules?.nam}` : ''}`, 'title');
  put(1, 0, blocName(opts), 'subtitle');
  put(
    2,
    0,
    `Ô đỏ: tự chấm vượt điểm chuẩn (cả điểm thưởng). Ô vàng: khác xa mức chung của khối (ngoài trung vị ± ${MAD_K}×${MAD_SCALE}×MAD; khi hơn nửa số đơn vị chấm như nhau, mọi điểm khác đều được đánh dấu; chỉ xét tiêu chí có từ ${MIN_UNITS_FOR_RANGE} đơn vị chấm). ${matrix.byTemplate ? 'Các tiêu chí được ghép theo mẫu tiêu chí của khối.' : 'Các tiêu chí được ghép theo mã (số thứ tự) trong bảng.'}`,
    'note',
  );
  const HEAD = 3;
  ['TT', 'Tiêu chí', 'Điểm chuẩn'].forEach((t, c) => put(HEAD, c, t, 'header'));
  names.forEach((nm, j) => put(HEAD, 3 + j, nm, 'header'));
  matrix.rows.forEach((r, i) => {
    const row = HEAD + 1 + i;
    put(row, 0, r.tt, 'text');
    // The TT column and the section rows place an item; its text alone reads as the unit's own table does.
    put(row, 1, r.text || r.label, 'wrap');
    put(row, 2, r.cap ?? null, 'number');
    r.values.forEach((v, j) => put(row, 3 + j, v.value ?? null, v.mark ?? 'number'));
  });
  return {
    name: SHEET_THEO_TIEU_CHI,
    role: 'theo-tieu-chi',
    cells,
    merges: [0, 1, 2].map((r) => ({ top: r, left: 0, bottom: r, right: Math.max(last, 3) })),
    widths: [8, 50, 9, ...names.map(() => 12)],
    print: { landscape: true, fitToWidth: 1, fitToHeight: 0, repeatRows: { first: HEAD, last: HEAD } },
    freezeRows: HEAD + 1,
  };
}

const RULE_SEVERITY_WORDS: Record<Severity, string> = { error: 'Lỗi', warning: 'Cảnh báo', info: 'Thông tin' };
const WHY_WORDS = {
  'over-cap': 'vượt điểm chuẩn: tính bằng điểm chuẩn',
  negative: 'điểm âm: tính 0',
  total: 'ô tổng sai: cộng lại từ các mục',
};

function unitSheet(r: RankedUnit, name: string, opts: PlanOptions): PlanSheet {
  const cells: PlanCell[] = [];
  const put = (row: number, col: number, value: PlanValue, style?: StyleName) =>
    cells.push({ row, col, value, ...(style ? { style } : {}) });
  const u = r.unit;
  put(0, 0, `KẾT QUẢ KIỂM TRA BẢNG CHẤM ĐIỂM: ${u.name.toUpperCase()}`, 'title');
  put(
    1,
    0,
    [blocName(opts), (opts.year ?? opts.rules?.nam) ? `năm ${opts.year ?? opts.rules?.nam}` : ''].filter(Boolean).join(', '),
    'subtitle',
  );
  const info: [string, PlanValue][] = [
    ['Tệp', u.file ? u.file.replace(/^.*[\\/]/, '') : '(sổ làm việc đang mở)'],
    ['Trang', u.sheet],
    ['Điểm chuẩn (cả điểm thưởng)', u.diemChuan],
    ['Tự chấm (cả điểm thưởng)', u.tuCham],
    ['Điểm sau kiểm tra', u.checked],
    ['Khối chấm', u.khoiCham ?? '(bảng không có cột Khối chấm)'],
    ['Xếp hạng', `${r.rank}${r.tiedWith.length > 0 ? ' (đồng hạng)' : ''}; theo tự chấm ${r.selfRank} (${changeText(r.change)})`],
  ];
  let row = 3;
  for (const [k, v] of info) {
    put(row, 0, k, 'text');
    put(row, 1, v, typeof v === 'number' ? 'number' : 'text');
    row++;
  }
  row++;
  put(row, 0, `Các phát hiện (${u.errors} lỗi, ${u.warnings} cảnh báo)`, 'subtitle');
  row++;
  const HEAD = row;
  ['Ô', 'Mã quy tắc', 'Mức', 'Nội dung'].forEach((t, c) => put(row, c, t, 'header'));
  row++;
  for (const f of u.findings) {
    put(row, 0, f.cell, 'text');
    put(row, 1, f.rule, 'text');
    put(row, 2, RULE_SEVERITY_WORDS[f.severity], f.severity);
    put(row, 3, f.message, 'wrap');
    row++;
  }
  if (u.findings.length === 0) put(row++, 3, 'Không có phát hiện nào.', 'text');
  row++;
  if (u.adjustments.length > 0) {
    put(row, 0, 'Các ô được tính lại khi kiểm tra (Điểm sau kiểm tra)', 'subtitle');
    row++;
    ['Ô', 'Tiêu chí', 'Ghi / Tính', 'Lý do'].forEach((t, c) => put(row, c, t, 'header'));
    row++;
    for (const a of u.adjustments) {
      put(row, 0, a.cell, 'text');
      put(row, 1, a.label, 'wrap');
      put(row, 2, `${a.from === undefined ? '(trống)' : formatNumber(a.from)} → ${formatNumber(a.to)}`, 'text');
      put(row, 3, WHY_WORDS[a.why], 'wrap');
      row++;
    }
  }
  return {
    name,
    role: 'don-vi',
    cells,
    merges: [0, 1].map((r) => ({ top: r, left: 0, bottom: r, right: 3 })),
    widths: [12, 34, 16, 90],
    print: { landscape: true, fitToWidth: 1, fitToHeight: 0, repeatRows: { first: HEAD, last: HEAD } },
  };
}

/** The whole summary workbook; `taken` are sheet names already in the target workbook (the add-in's case). */
export function planSummary(ranking: BlocRanking, opts: PlanOptions = {}, taken: string[] = []): SummaryPlan {
  const fixed = sheetNames([SHEET_TONG_HOP, SHEET_THEO_TIEU_CHI], taken);
  const withUnits = opts.unitSheets !== false;
  const unitSheetNames = withUnits
    ? sheetNames(
        ranking.units.map((r) => r.unit.name),
        [...fixed, ...taken],
      )
    : [];
  const matrix = criteriaMatrix(
    ranking.units.map((r) => r.unit),
    opts.template,
  );
  const sheets = [
    { ...tongHop(ranking, opts, unitSheetNames), name: fixed[0] },
    {
      ...theoTieuChi(
        matrix,
        opts,
        ranking.units.map((r) => r.unit.name),
      ),
      name: fixed[1],
    },
    ...(withUnits ? ranking.units.map((r, i) => unitSheet(r, unitSheetNames[i], opts)) : []),
  ];
  return { marker: 'thidua-tong-hop', title: title(opts), sheets };
}

/**
 * Generated scoring tables, shared by the fuzzer and the benchmarks: a valid Bảng chấm điểm of any size (sections,
 * items, sub-items, TỔNG CỘNG, totals that add up), laid out in the ways real sheets vary, with faults injected on
 * request and the cells where the engine must report them.
 */
import fc from 'fast-check';
import { a1, CellValue, GridCell, MergedArea, SheetGrid } from '../../src/engine';
import { COLUMN_LABEL, RuleCode, ScoreColumn } from '../../src/engine/model';

/** A criterion with its own scores (a leaf), or a parent whose scores are its sub-items' sums. */
export interface ItemSpec {
  text: string;
  diemChuan: number;
  tuCham: number;
  /** A bonus cap and its self-score; on a parent, used only when no sub-item carries a bonus (as in the seed). */
  diemThuong?: number;
  thuongTuCham?: number;
  evidence: string;
  /** Text carried on to the row below (no TT, no score): a criterion broken over two rows. */
  more?: string;
  children: ItemSpec[];
}

export interface SectionSpec {
  title: string;
  items: ItemSpec[];
}

export interface TableSpec {
  sections: SectionSpec[];
}

/** The columns after TT and Tiêu chí, in any order; `ghiChu` is a column the engine does not know. */
export type BodyColumn = ScoreColumn | 'giaiTrinh' | 'ghiChu';
export const BODY_COLUMNS: readonly BodyColumn[] = ['diemChuan', 'diemThuong', 'tuCham', 'thuongTuCham', 'giaiTrinh', 'ghiChu'];

export interface LayoutOptions {
  /** Absolute position of the grid's first cell (Office's used range can start anywhere). */
  origin?: { row: number; col: number };
  /** Blank rows and columns before the title, inside the grid. */
  leadRows?: number;
  leadCols?: number;
  /** Order of the columns after TT and Tiêu chí; `ghiChu` may be left out. */
  columns?: BodyColumn[];
  /** How the header is written: as typed, decomposed Unicode, broken over lines, or in capitals. */
  header?: 'plain' | 'decomposed' | 'broken' | 'upper';
  /** A row of column numbers "(1) (2) …" under the header. */
  numberRow?: boolean;
  /** Sections as a Roman TT ("II") with the title beside it, instead of "Nội dung 2: …". Only up to 39 sections. */
  romanSections?: boolean;
  /** Headings merged across TT and Tiêu chí, their text in the TT cell. */
  mergeHeadings?: boolean;
  /** Sub-items lettered "a", "b" instead of numbered "1.1", "1.2". */
  letterSubItems?: boolean;
  /** Every k-th leaf writes its numbers as text ("05", "2,5"), as typed or pasted sheets do; 0 for never. */
  textEvery?: number;
  /** Totals kept as =SUM(…) formulas with their results, as in a sheet made in Excel. */
  formulaTotals?: boolean;
  /** Signature lines below TỔNG CỘNG. */
  footer?: boolean;
}

/** A fault to inject. `at` picks the leaf or total cell (modulo how many there are); `by` how far off (≥ 1). */
export type Fault =
  | { rule: 'over-cap'; at: number; by: number }
  | { rule: 'bonus-over-cap'; at: number; by: number }
  | { rule: 'total-mismatch'; at: number; by: number };

export interface ExpectedFinding {
  rule: RuleCode;
  cell: string;
  row: number;
  col: number;
}

export interface Generated {
  grid: SheetGrid;
  /** One per injected fault that could be placed (a bonus fault needs a leaf with a bonus cap). */
  expected: ExpectedFinding[];
  /** Rows that are criteria: sections, items, sub-items and TỔNG CỘNG. */
  criterionRows: number;
}

const HEADER_TEXT: Record<'tt' | 'tieuChi' | BodyColumn, string> = { ...COLUMN_LABEL, ghiChu: 'Ghi chú' };

/** Words that name no column, no section, no total, no tier and nothing provisional: safe for any criterion. */
export const PHRASES: readonly string[] = [
  'Công tác quản lý nhà nước về văn thư, lưu trữ',
  'Cải cách hành chính, chuyển đổi số',
  'Phòng, chống tham nhũng, lãng phí',
  'Xây dựng văn hoá công sở',
  'Đào tạo, bồi dưỡng cán bộ, công chức',
  'Thực hiện quy chế dân chủ ở cơ sở',
  'Tham mưu ban hành văn bản quy phạm pháp luật',
  'Công tác thông tin, tuyên truyền',
  'Ứng dụng công nghệ thông tin trong hoạt động',
  'Thực hành tiết kiệm, chống lãng phí',
  'Hoàn thành kế hoạch công tác năm',
  'Tổ chức phong trào thi đua yêu nước',
];

export const SECTION_TITLES: readonly string[] = [
  'Thực hiện nhiệm vụ chuyên môn',
  'Thực hiện các chủ trương của Đảng, chính sách của Nhà nước',
  'Công tác xây dựng Đảng và đoàn thể',
  'Công tác thi đua, khen thưởng',
];

const EVIDENCE_KINDS = ['Báo cáo', 'Kế hoạch', 'Quyết định', 'Công văn'];
const EVIDENCE_CODES = ['BC-VP', 'KH-VP', 'QĐ-VP', 'VP-TH'];

/** Evidence citing document n: one number, one date, so that no two cells cite one document with different dates. */
export function evidenceText(n: number): string {
  const k = n % EVIDENCE_KINDS.length;
  return `${EVIDENCE_KINDS[k]} số ${100 + n}/${EVIDENCE_CODES[k]} ngày ${1 + (n % 28)}/${1 + (n % 12)}/2022`;
}

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
function roman(n: number): string {
  return 'X'.repeat(Math.floor(n / 10)) + (n % 10 === 0 ? '' : ROMAN[(n % 10) - 1]);
}

/** A number as a typed sheet writes it: "05", "2,5". */
function asText(v: number): string {
  if (Number.isInteger(v)) return v < 10 && v >= 0 ? `0${v}` : String(v);
  return String(v).replace('.', ',');
}

function headerText(role: keyof typeof HEADER_TEXT, style: LayoutOptions['header']): string {
  const t = HEADER_TEXT[role];
  if (style === 'decomposed') return t.normalize('NFD');
  if (style === 'upper') return t.toUpperCase();
  if (style === 'broken') return t.replace(' ', '\n');
  return t;
}

const BONUS: [ScoreColumn, ScoreColumn] = ['diemThuong', 'thuongTuCham'];
const MAIN: [ScoreColumn, ScoreColumn] = ['diemChuan', 'tuCham'];

/** A node of the rendered tree: its row, and per column the number the sheet states (undefined: empty). */
interface Node {
  row: number;
  children: Node[];
  own: Partial<Record<ScoreColumn, number>>;
  leaf: boolean;
}

/** Writes a spec as a grid. Totals are the sums of their children, except where a fault says otherwise. */
export function renderTable(spec: TableSpec, layout: LayoutOptions = {}, faults: Fault[] = []): Generated {
  const leadRows = layout.leadRows ?? 0;
  const leadCols = layout.leadCols ?? 0;
  const origin = layout.origin ?? { row: 0, col: 0 };
  const order = layout.columns ?? ['diemChuan', 'diemThuong', 'tuCham', 'thuongTuCham', 'giaiTrinh'];
  const colOf = new Map<string, number>([
    ['tt', origin.col + leadCols],
    ['tieuChi', origin.col + leadCols + 1],
  ]);
  order.forEach((c, i) => colOf.set(c, origin.col + leadCols + 2 + i));
  const width = leadCols + 2 + order.length;
  const roman_ = layout.romanSections === true && spec.sections.length <= 39;

  const rows: GridCell[][] = [];
  const merges: MergedArea[] = [];
  /** Absolute row of the next row to add. */
  const nextRow = () => origin.row + rows.length;
  const newRow = (): GridCell[] => {
    const r: GridCell[] = Array.from({ length: width }, () => ({ value: null }));
    rows.push(r);
    return r;
  };
  const put = (r: GridCell[], role: string, cell: GridCell | CellValue) => {
    const col = colOf.get(role);
    if (col === undefined) return;
    r[col - origin.col] = cell !== null && typeof cell === 'object' ? cell : { value: cell };
  };
  const heading = (r: GridCell[], row: number, text: string) => {
    if (layout.mergeHeadings) {
      put(r, 'tt', text);
      merges.push({ top: row, left: colOf.get('tt')!, bottom: row, right: colOf.get('tieuChi')! });
    } else put(r, 'tieuChi', text);
  };

  for (let i = 0; i < leadRows; i++) newRow();
  put(newRow(), 'tt', 'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022');
  const header = newRow();
  for (const role of ['tt', 'tieuChi', ...order]) put(header, role, headerText(role as keyof typeof HEADER_TEXT, layout.header));
  if (layout.numberRow) {
    const r = newRow();
    ['tt', 'tieuChi', ...order].forEach((role, i) => put(r, role, `(${i + 1})`));
  }

  // Lay the rows out, keeping a tree of where each criterion went.
  let leafCount = 0;
  const textEvery = layout.textEvery ?? 0;
  const leafNodes: { node: Node; asText: boolean; cells: GridCell[] }[] = [];
  const layItem = (item: ItemSpec, tt: string): Node => {
    const row = nextRow();
    const r = newRow();
    put(r, 'tt', tt);
    put(r, 'tieuChi', item.text);
    const node: Node = { row, children: [], own: {}, leaf: item.children.length === 0 };
    if (node.leaf) {
      put(r, 'giaiTrinh', item.evidence);
      node.own.diemChuan = item.diemChuan;
      node.own.tuCham = item.tuCham;
      if (item.diemThuong !== undefined) {
        node.own.diemThuong = item.diemThuong;
        node.own.thuongTuCham = item.thuongTuCham ?? 0;
      }
      leafCount++;
      leafNodes.push({ node, asText: textEvery > 0 && leafCount % textEvery === 0, cells: r });
    } else if (item.diemThuong !== undefined && !hasBonus(item.children)) {
      node.own.diemThuong = item.diemThuong;
      node.own.thuongTuCham = item.thuongTuCham ?? 0;
    }
    if (item.more) put(newRow(), 'tieuChi', item.more);
    item.children.forEach((child, k) => {
      const childTt = layout.letterSubItems ? String.fromCharCode(97 + (k % 26)) : `${tt}.${k + 1}`;
      node.children.push(layItem(child, childTt));
    });
    return node;
  };

  const totalCells: { node: Node; r: GridCell[] }[] = [];
  const sections: Node[] = spec.sections.map((s, k) => {
    const row = nextRow();
    const r = newRow();
    if (roman_) {
      put(r, 'tt', roman(k + 1));
      put(r, 'tieuChi', s.title);
    } else heading(r, row, `Nội dung ${k + 1}: ${s.title}`);
    const node: Node = { row, children: [], own: {}, leaf: false };
    totalCells.push({ node, r });
    s.items.forEach((item, i) => {
      const childRowsBefore = rows.length;
      node.children.push(layItem(item, String(i + 1)));
      const itemNode = node.children[node.children.length - 1];
      if (!itemNode.leaf) totalCells.push({ node: itemNode, r: rows[childRowsBefore] });
    });
    return node;
  });
  const grandRow = nextRow();
  const grandCells = newRow();
  heading(grandCells, grandRow, 'TỔNG CỘNG');
  const grand: Node = { row: grandRow, children: sections, own: {}, leaf: false };
  totalCells.push({ node: grand, r: grandCells });
  if (layout.footer) {
    newRow();
    put(newRow(), 'tieuChi', 'Người lập biểu');
    put(rows[rows.length - 1], 'giaiTrinh', 'Thủ trưởng cơ quan');
  }

  // Faults on leaves change the leaf's own numbers, before totals are summed.
  const expected: ExpectedFinding[] = [];
  const expect = (rule: RuleCode, row: number, column: ScoreColumn) => {
    const col = colOf.get(column)!;
    if (!expected.some((e) => e.rule === rule && e.row === row && e.col === col)) expected.push({ rule, cell: a1(row, col), row, col });
  };
  const withBonus = leafNodes.filter((l) => l.node.own.diemThuong !== undefined);
  for (const f of faults) {
    if (f.rule === 'over-cap' && leafNodes.length > 0) {
      const l = leafNodes[f.at % leafNodes.length].node;
      l.own.tuCham = l.own.diemChuan! + f.by;
      expect('over-cap', l.row, 'tuCham');
    } else if (f.rule === 'bonus-over-cap' && withBonus.length > 0) {
      const l = withBonus[f.at % withBonus.length].node;
      l.own.thuongTuCham = l.own.diemThuong! + f.by;
      expect('bonus-over-cap', l.row, 'thuongTuCham');
    }
  }

  // Which columns a parent totals, and the sums, bottom-up: a parent totals a column where any child states it (or
  // states its cap), as a person adding the sheet up would.
  const stated = new Map<Node, Partial<Record<ScoreColumn, number>>>();
  const values = (n: Node): Partial<Record<ScoreColumn, number>> => {
    const known = stated.get(n);
    if (known) return known;
    if (n.leaf) {
      stated.set(n, n.own);
      return n.own;
    }
    const kids = n.children.map(values);
    const v: Partial<Record<ScoreColumn, number>> = { ...n.own };
    for (const [cap, self] of [MAIN, BONUS]) {
      if (kids.some((k) => k[cap] !== undefined)) v[cap] = kids.reduce((s, k) => s + (k[cap] ?? 0), 0);
      if (kids.some((k) => k[self] !== undefined || k[cap] !== undefined)) v[self] = kids.reduce((s, k) => s + (k[self] ?? 0), 0);
    }
    stated.set(n, v);
    return v;
  };
  values(grand);

  // Faults on totals: the cell states more than its children add up to.
  const totalTargets: { node: Node; column: ScoreColumn }[] = [];
  for (const t of totalCells) {
    for (const column of ['diemChuan', 'diemThuong', 'tuCham', 'thuongTuCham'] as ScoreColumn[]) {
      if (isTotalIn(t.node, column, stated)) totalTargets.push({ node: t.node, column });
    }
  }
  const offBy = new Map<string, number>();
  for (const f of faults) {
    if (f.rule !== 'total-mismatch' || totalTargets.length === 0) continue;
    const t = totalTargets[f.at % totalTargets.length];
    const key = `${t.node.row}:${t.column}`;
    offBy.set(key, (offBy.get(key) ?? 0) + f.by);
    expect('total-mismatch', t.node.row, t.column);
  }

  // Write the numbers.
  for (const l of leafNodes) {
    for (const [column, v] of Object.entries(l.node.own) as [ScoreColumn, number][]) {
      put(l.cells, column, l.asText ? asText(v) : v);
    }
  }
  for (const t of totalCells) {
    const v = stated.get(t.node)!;
    for (const [column, n] of Object.entries(v) as [ScoreColumn, number][]) {
      const value = n + (offBy.get(`${t.node.row}:${column}`) ?? 0);
      const col = colOf.get(column)!;
      const own = !isTotalIn(t.node, column, stated);
      const formula = layout.formulaTotals && !own ? `=SUM(${t.node.children.map((c) => a1(c.row, col)).join(',')})` : undefined;
      put(t.r, column, formula ? { value, formula } : value);
    }
  }

  let criterionRows = 0;
  const count = (n: Node) => {
    criterionRows++;
    n.children.forEach(count);
  };
  count(grand);
  return { grid: { name: 'Chấm điểm', origin, cells: rows, merges }, expected, criterionRows };
}

function hasBonus(items: ItemSpec[]): boolean {
  return items.some((i) => (i.children.length === 0 ? i.diemThuong !== undefined : hasBonus(i.children) || i.diemThuong !== undefined));
}

/** True when a parent's cell in `column` is the sum of its children (not a number of its own). */
function isTotalIn(n: Node, column: ScoreColumn, stated: Map<Node, Partial<Record<ScoreColumn, number>>>): boolean {
  if (n.leaf) return false;
  const cap = column === 'tuCham' ? 'diemChuan' : column === 'thuongTuCham' ? 'diemThuong' : undefined;
  return n.children.some((c) => stated.get(c)![column] !== undefined || (cap !== undefined && stated.get(c)![cap] !== undefined));
}

/** A small deterministic generator (mulberry32), so that a benchmark's sheet is the same on every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A valid table of exactly `criterionRows` criterion rows (at least 3): sections of about ten items, a third of the
 * items with two to four sub-items, a quarter of the leaves with a bonus.
 */
export function sizedSpec(criterionRows: number, seed = 1): TableSpec {
  const rand = prng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  const leaf = (n: number): ItemSpec => {
    const diemChuan = int(1, 40);
    const item: ItemSpec = {
      text: pick(PHRASES),
      diemChuan,
      tuCham: Math.round(diemChuan * rand() * 2) / 2,
      evidence: evidenceText(n),
      children: [],
    };
    if (rand() < 0.25) {
      item.diemThuong = int(1, 10);
      item.thuongTuCham = int(0, item.diemThuong);
    }
    return item;
  };
  let budget = Math.max(3, criterionRows) - 1; // the grand total
  const sections: SectionSpec[] = [];
  let n = 0;
  while (budget > 0) {
    budget--; // the section row
    const s: SectionSpec = { title: pick(SECTION_TITLES), items: [] };
    sections.push(s);
    const items = int(6, 14);
    for (let i = 0; i < items && budget > 0; i++) {
      budget--;
      const item = leaf(n++);
      const subs = rand() < 0.33 ? Math.min(int(2, 4), budget) : 0;
      if (subs >= 2) {
        for (let k = 0; k < subs; k++) item.children.push(leaf(n++));
        budget -= subs;
      }
      s.items.push(item);
    }
    if (s.items.length === 0) {
      // A section needs an item; give it the row back from the section before.
      sections.pop();
      sections[sections.length - 1].items.push(leaf(n++));
    }
  }
  return { sections };
}

/** `count` faults spread over the table, the same on every run. */
export function spreadFaults(count: number, seed = 1): Fault[] {
  const rand = prng(seed ^ 0x5eed);
  const rules: Fault['rule'][] = ['over-cap', 'bonus-over-cap', 'total-mismatch'];
  return Array.from({ length: count }, (_, i) => ({
    rule: rules[i % 3],
    at: Math.floor(rand() * 1e9),
    by: 1 + Math.floor(rand() * 5),
  }));
}

// ---- fast-check arbitraries: small tables that shrink to smaller ones ----

export const leafArb: fc.Arbitrary<ItemSpec> = fc
  .record({
    text: fc.constantFrom(...PHRASES),
    diemChuan: fc.integer({ min: 0, max: 60 }),
    ratio: fc.integer({ min: 0, max: 100 }),
    bonus: fc.option(fc.tuple(fc.integer({ min: 1, max: 10 }), fc.integer({ min: 0, max: 100 })), { nil: undefined }),
    evidence: fc.nat(9999).map(evidenceText),
    more: fc.option(fc.constantFrom('và các nhiệm vụ khác được giao', 'theo kế hoạch của đơn vị'), { nil: undefined }),
  })
  .map(({ text, diemChuan, ratio, bonus, evidence, more }) => ({
    text,
    diemChuan,
    tuCham: Math.floor((diemChuan * ratio) / 50) / 2,
    ...(bonus ? { diemThuong: bonus[0], thuongTuCham: Math.floor((bonus[0] * bonus[1]) / 50) / 2 } : {}),
    evidence,
    ...(more ? { more } : {}),
    children: [],
  }));

export const itemArb: fc.Arbitrary<ItemSpec> = fc.oneof(
  { weight: 3, arbitrary: leafArb },
  {
    weight: 1,
    arbitrary: fc.tuple(leafArb, fc.array(leafArb, { minLength: 1, maxLength: 4 }), fc.boolean()).map(([head, children, ownBonus]) => ({
      ...head,
      children,
      ...(ownBonus ? {} : { diemThuong: undefined, thuongTuCham: undefined }),
    })),
  },
);

export const tableSpecArb: fc.Arbitrary<TableSpec> = fc
  .array(fc.record({ title: fc.constantFrom(...SECTION_TITLES), items: fc.array(itemArb, { minLength: 1, maxLength: 6 }) }), {
    minLength: 1,
    maxLength: 4,
  })
  .map((sections) => ({ sections }));

export const layoutArb: fc.Arbitrary<LayoutOptions> = fc.record({
  origin: fc.record({ row: fc.nat(30), col: fc.nat(10) }),
  leadRows: fc.nat(3),
  leadCols: fc.nat(2),
  columns: fc
    .shuffledSubarray([...BODY_COLUMNS], { minLength: BODY_COLUMNS.length - 1 })
    .filter(
      (cs) =>
        cs.includes('diemChuan') &&
        cs.includes('diemThuong') &&
        cs.includes('tuCham') &&
        cs.includes('thuongTuCham') &&
        cs.includes('giaiTrinh'),
    ),
  header: fc.constantFrom('plain', 'decomposed', 'broken', 'upper'),
  numberRow: fc.boolean(),
  romanSections: fc.boolean(),
  mergeHeadings: fc.boolean(),
  letterSubItems: fc.boolean(),
  textEvery: fc.nat(4),
  formulaTotals: fc.boolean(),
  footer: fc.boolean(),
});

export const faultArb: fc.Arbitrary<Fault> = fc.record({
  rule: fc.constantFrom('over-cap' as const, 'bonus-over-cap' as const, 'total-mismatch' as const),
  at: fc.nat(1000),
  by: fc.integer({ min: 1, max: 20 }),
});

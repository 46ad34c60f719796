/**
 * The in-place editor against workbooks written by Excel and by LibreOffice (test/fixtures/real-xlsx, copied from the shared corpus with its licences, and two made here
 * by LibreOffice): plans of writes and marks applied (`thidua fix` itself where the workbook holds a scoring table),
 * then every part compared with the input's: byte-identical unless the edit had to change it, and a changed part
 * differs only in what thidua wrote. Then LibreOffice opens every output and recalculates it.
 */
import ExcelJS from 'exceljs';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { a1, CellMark, CellWrite, Severity } from '../../src/engine';
import { XlsxBook } from '../../src/xlsx/book';
import { editPackage, EditRefusal, SheetPlan } from '../../src/xlsx/edit';
import { FILL } from '../../src/xlsx/marks';
import { XlsxPackage } from '../../src/xlsx/package';
import { readSheet } from '../../src/xlsx/sheet';
import { writeZip } from '../../src/xlsx/zip';
import { run } from '../helpers/cli';
import { FIXTURES } from '../helpers/expected';
import { local, Node, nodes, openPackage, partBytes, prune, textOf, tree, unresolved } from '../helpers/package';
import { convert, describeWithSoffice, soffice } from '../helpers/soffice';
import { validTable } from '../helpers/grid';
import { useTempDir, writeXlsx } from '../helpers/xlsx';

const REAL = path.join(FIXTURES, 'real-xlsx');
const dir = useTempDir();
const realFiles = readdirSync(REAL).filter((f) => f.endsWith('.xlsx'));
const LO_SEED = 'libreoffice__seed-2022-rich.xlsx';
const excelFiles = realFiles.filter((f) => f !== LO_SEED && !f.includes('strict'));
/** Scoring tables saved by LibreOffice here, when it is installed: from an ExcelJS file and from a CSV. */
const OWN_LO = soffice() ? ['bang-exceljs.xlsx', 'bang-csv.xlsx'] : [];
const ALL = [...excelFiles, LO_SEED, ...OWN_LO];

interface Case {
  label: string;
  input: string;
  output: string;
  plans: SheetPlan[];
}

/** A plan on a sheet's own cells: a numeric constant other formulas read becomes a SUM of two others; marks of each severity. */
function planFor(book: XlsxBook): SheetPlan {
  const formulas = book.formulas();
  const sheets = book.sheets.filter((s) => s.part);
  const grids = sheets.map((s) => ({ s, grid: book.grid(s) }));
  const numbersOf = (grid: ReturnType<XlsxBook['grid']>) => {
    const numbers: { row: number; col: number; value: number }[] = [];
    grid.cells.forEach((line, r) =>
      line.forEach((c, k) => typeof c.value === 'number' && !c.formula && numbers.push({ row: r, col: k, value: c.value })),
    );
    return numbers;
  };
  // The first sheet with three numbers; else the first with any cell (a workbook of text only gets a formula of constants).
  const pick =
    grids.find((g) => numbersOf(g.grid).length >= 3) ?? grids.find((g) => g.grid.cells.some((l) => l.some((c) => c.value !== null)))!;
  const { s, grid } = pick;
  const numbers = numbersOf(grid);
  const filled: { row: number; col: number }[] = [];
  grid.cells.forEach((line, r) => line.forEach((c, k) => c.value !== null && filled.push({ row: r, col: k })));
  const lastRow = grid.cells.length;
  const at = (row: number, col: number, value: number, formula: string): CellWrite => ({
    cell: a1(row, col),
    row,
    col,
    value,
    formula,
    previous: { value: null },
    criterion: 'x',
    column: 'tuCham',
  });
  const writes: CellWrite[] = [];
  let marked: { row: number; col: number }[];
  if (numbers.length >= 3) {
    // Prefer a cell some formula reads, so that stale results are exercised.
    const read = numbers.find((n) => formulas.some((f) => f.text.includes(a1(n.row, n.col)))) ?? numbers[0];
    const [b, c] = numbers.filter((n) => n !== read).slice(0, 2);
    writes.push(at(read.row, read.col, b.value + c.value, `=SUM(${a1(b.row, b.col)},${a1(c.row, c.col)})`));
    // A master of a shared formula too, when the sheet has one: the cells sharing it must keep their formulas.
    const master = formulas.find((f) => f.sheet === s.name && isSharedMaster(book, s.part!, a1(f.row, f.col)));
    if (master) writes.push(at(master.row, master.col, b.value + c.value, `=SUM(${a1(b.row, b.col)},${a1(c.row, c.col)})`));
    marked = [b, c, read];
  } else {
    writes.push(at(lastRow + 1, 1, 5, '=2+3'));
    marked = filled.slice(0, 3);
  }
  const severities: Severity[] = ['error', 'warning', 'error'];
  const mark = (row: number, col: number, severity: Severity): CellMark => ({
    cell: a1(row, col),
    row,
    col,
    severity,
    messages: [`Ô này có vấn đề (${severity}) & <kiểm tra> “lại”.`],
    rules: ['over-cap'],
  });
  const marks = [...marked.map((m, i) => mark(m.row, m.col, severities[i])), mark(lastRow + 3, 3, 'info')];
  return { sheet: s.name, writes, marks };
}

function isSharedMaster(book: XlsxBook, part: string, ref: string): boolean {
  let found = false;
  const t = tree(book.pkg.text(part));
  for (const n of nodes(t)) {
    if (local(n) !== 'c' || n.attrs.r !== ref) continue;
    const f = n.children.find((x): x is Node => typeof x !== 'string' && local(x) === 'f');
    found = !!f && f.attrs.t === 'shared' && f.attrs.ref !== undefined && f.attrs.ref.includes(':');
  }
  return found;
}

function applyPlans(input: string, output: string, plans: SheetPlan[]): void {
  const book = new XlsxBook(new XlsxPackage(readFileSync(input)), input);
  const { parts } = editPackage(book, plans);
  writeFileSync(output, Buffer.concat(writeZip(book.pkg.data, parts)));
}

const cases: Case[] = [];

beforeAll(async () => {
  for (const f of excelFiles) {
    const input = path.join(REAL, f);
    const book = new XlsxBook(new XlsxPackage(readFileSync(input)), input);
    const output = path.join(dir(), `edited__${f}`);
    const plans = [planFor(book)];
    applyPlans(input, output, plans);
    cases.push({ label: f, input, output, plans });
  }
  // Scoring tables written by LibreOffice: the shared rich seed, and two made here (from an ExcelJS file and a CSV).
  const lo: string[] = [path.join(REAL, LO_SEED)];
  if (soffice()) {
    mkdirSync(path.join(dir(), 'lo-src'), { recursive: true });
    const made = await writeXlsx(path.join(dir(), 'lo-src', 'bang-exceljs.xlsx'), [{ grid: validTable({ name: 'Chấm điểm' }) }]);
    const csvGrid = validTable({ name: 'Chấm điểm' });
    const csv = csvGrid.cells.map((line) => line.map((c) => `"${String(c.value ?? '').replace(/"/g, '""')}"`).join(',')).join('\n');
    const csvFile = path.join(dir(), 'lo-src', 'bang-csv.csv');
    writeFileSync(csvFile, csv);
    lo.push(...convert([made], path.join(dir(), 'lo-made'), 'xlsx'));
    lo.push(...convert([csvFile], path.join(dir(), 'lo-made'), 'xlsx', { infilter: 'CSV:44,34,76,1' }));
  }
  for (const input of lo) {
    const output = path.join(dir(), `fixed__${path.basename(input)}`);
    const r = await run('fix', input, '-o', output);
    if (r.code === 2) throw new Error(r.err);
    const book = new XlsxBook(new XlsxPackage(readFileSync(input)), input);
    const { checkSheet } = await import('../../src/engine');
    const { marksAfterFix } = await import('../../src/xlsx/marks');
    const plans = book.sheets
      .filter((s) => s.part && s.state === 'visible')
      .flatMap((s) => {
        try {
          const report = checkSheet(book.grid(s));
          return [{ sheet: s.name, writes: report.plan.writes, marks: marksAfterFix(report) }];
        } catch {
          return [];
        }
      });
    cases.push({ label: path.basename(input), input, output, plans });
  }
}, 240_000);

/** The parts an edit may change for these plans. */
function allowedParts(pkg: XlsxPackage, plans: SheetPlan[]): Set<string> {
  const book = new XlsxBook(pkg, 'x');
  const allowed = new Set<string>(['[Content_Types].xml', book.workbookPart, pkg.relsPartOf(book.workbookPart)]);
  const styles = pkg.related(book.workbookPart, '/styles')?.part;
  if (styles) allowed.add(styles);
  for (const s of book.sheets) {
    if (!s.part) continue;
    allowed.add(s.part); // a sheet whose formulas read a written cell loses those cached results
    if (!plans.some((p) => p.sheet === s.name)) continue;
    allowed.add(pkg.relsPartOf(s.part));
    for (const r of pkg.rels(s.part)) if (r.part && (r.type.endsWith('/comments') || r.type.endsWith('/vmlDrawing'))) allowed.add(r.part);
  }
  return allowed;
}

describe.each(ALL)('in-place edit of %s', (label) => {
  const get = () => cases.find((c) => c.label === label)!;

  it('keeps every part it need not change byte for byte, and loses none', () => {
    const { input, output, plans } = get();
    const a = openPackage(input);
    const b = openPackage(output);
    const before = partBytes(a);
    const after = partBytes(b);
    const allowed = allowedParts(a, plans);
    for (const [name, bytes] of before) {
      if (name.endsWith('calcChain.xml') && !after.has(name)) continue; // dropped only when a formula became a value
      expect([name, after.has(name)]).toEqual([name, true]);
      if (!allowed.has(name)) expect([name, after.get(name)!.equals(bytes)]).toEqual([name, true]);
    }
    for (const name of after.keys()) {
      if (!before.has(name))
        expect([name, /^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml|worksheets\/_rels\/.+\.rels)$/.test(name)]).toEqual([
          name,
          true,
        ]);
    }
  });

  it('leaves a package whose relationships and content types all resolve (no repair prompt)', () => {
    expect(unresolved(openPackage(get().output))).toEqual([]);
    expect(unresolved(openPackage(get().input))).toEqual([]);
  });

  it('changes in each sheet only the cells it wrote, marked or made stale', () => {
    const { input, output, plans } = get();
    const a = openPackage(input);
    const b = openPackage(output);
    const bookA = new XlsxBook(a, input);
    for (const s of bookA.sheets) {
      if (!s.part) continue;
      const x = tree(a.text(s.part));
      const y = tree(b.text(s.part));
      const plan = plans.find((p) => p.sheet === s.name);
      const touched = new Set([...(plan?.writes ?? []), ...(plan?.marks ?? [])].map((c) => c.cell));
      // Cells whose only change is a dropped cached result or a shared formula spelled out: their formulas stay.
      const cellsA = new Map([...nodes(x)].filter((n) => local(n) === 'c').map((n) => [n.attrs.r, n]));
      const rowsA = new Set([...nodes(x)].filter((n) => local(n) === 'row').map((n) => n.attrs.r));
      const loose = (n: Node) => {
        const f = n.children.find((c): c is Node => typeof c !== 'string' && local(c) === 'f');
        return { r: n.attrs.r, s: n.attrs.s, f: f ? 'formula' : undefined };
      };
      const norm = (t: Node, isOut: boolean) =>
        prune(
          t,
          (n) =>
            (local(n) === 'c' && touched.has(n.attrs.r)) ||
            (isOut && local(n) === 'row' && !rowsA.has(n.attrs.r)) ||
            (isOut && local(n) === 'legacyDrawing' && ![...nodes(x)].some((m) => local(m) === 'legacyDrawing')),
          (n) => {
            if (local(n) === 'dimension') delete n.attrs.ref;
            if (local(n) === 'row') delete n.attrs.spans;
            if (local(n) === 'c' && !touched.has(n.attrs.r)) return { name: n.name, attrs: {}, children: [JSON.stringify(loose(n))] };
            return n;
          },
        );
      expect([s.name, norm(y, true)]).toEqual([s.name, norm(x, false)]);
      // Untouched cells with a formula: same formula text (or, for a shared one spelled out, the same formula cell).
      for (const n of nodes(y)) {
        if (local(n) !== 'c' || touched.has(n.attrs.r)) continue;
        const old = cellsA.get(n.attrs.r);
        const v = (m: Node | undefined) => m?.children.find((c): c is Node => typeof c !== 'string' && local(c) === 'v');
        if (v(n)) expect([s.name, n.attrs.r, textOf(v(n)!)]).toEqual([s.name, n.attrs.r, textOf(v(old)!)]);
      }
      // Every sheet structure a user relies on is there as it was.
      for (const kind of [
        'conditionalFormatting',
        'dataValidations',
        'pageSetup',
        'printOptions',
        'pageMargins',
        'headerFooter',
        'mergeCells',
        'hyperlinks',
        'cols',
        'sheetViews',
        'tableParts',
        'drawing',
        'extLst',
        'rowBreaks',
        'autoFilter',
        'sheetFormatPr',
      ]) {
        const pick = (t: Node) => JSON.stringify([...nodes(t)].filter((n) => local(n) === kind));
        expect([s.name, kind, pick(y)]).toEqual([s.name, kind, pick(x)]);
      }
      const heights = (t: Node) =>
        JSON.stringify(
          [...nodes(t)]
            .filter((n) => local(n) === 'row' && rowsA.has(n.attrs.r))
            .map((n) => [n.attrs.r, n.attrs.ht, n.attrs.customHeight, n.attrs.hidden]),
        );
      expect(heights(y)).toBe(heights(x));
    }
  });

  it('writes each planned cell: its formula and cached number, no string type; marked cells get a copy of their format with the fill', () => {
    const { input, output, plans } = get();
    const b = openPackage(output);
    const book = new XlsxBook(b, output);
    const a = openPackage(input);
    const stylesA = tree(a.text(book.pkg.related(book.workbookPart, '/styles')!.part!));
    const stylesB = tree(b.text(book.pkg.related(book.workbookPart, '/styles')!.part!));
    const list = (t: Node, name: string) => ([...nodes(t)].find((n) => local(n) === name)?.children ?? []) as Node[];
    const xfsA = list(stylesA, 'cellXfs');
    const xfsB = list(stylesB, 'cellXfs');
    const fillsB = list(stylesB, 'fills');
    // Existing entries keep their numbers and contents: only appended.
    expect(xfsB.slice(0, xfsA.length)).toEqual(xfsA);
    expect(fillsB.slice(0, list(stylesA, 'fills').length)).toEqual(list(stylesA, 'fills'));
    const sheetA = new Map(new XlsxBook(a, input).sheets.map((s) => [s.name, s.part]));
    for (const plan of plans) {
      const entry = book.sheet(plan.sheet)!;
      const y = tree(b.text(entry.part!));
      const x = tree(a.text(sheetA.get(plan.sheet)!));
      const cell = (t: Node, ref: string) => [...nodes(t)].find((n) => local(n) === 'c' && n.attrs.r === ref);
      for (const w of plan.writes) {
        const c = cell(y, w.cell)!;
        const kids = c.children as Node[];
        expect([w.cell, c.attrs.t, kids.map((k) => [local(k), textOf(k)])]).toEqual([
          w.cell,
          undefined,
          w.formula
            ? [
                ['f', w.formula.slice(1)],
                ['v', String(w.value)],
              ]
            : [['v', String(w.value)]],
        ]);
      }
      for (const m of plan.marks) {
        const c = cell(y, m.cell)!;
        const xf = xfsB[Number(c.attrs.s)];
        const fill = fillsB[Number(xf.attrs.fillId)];
        expect([m.cell, JSON.stringify(fill).includes(`"rgb":"${FILL[m.severity]}"`)]).toEqual([m.cell, true]);
        const old = cell(x, m.cell);
        const baseXf = xfsA[Number(old?.attrs.s ?? 0)] ?? xfsA[0];
        const strip = (n: Node) => ({ ...n, attrs: { ...n.attrs, fillId: '', applyFill: '' } });
        if (old) expect([m.cell, strip(xf)]).toEqual([m.cell, strip(baseXf)]);
      }
    }
  });

  it('notes every mark, keeping the notes that were there', () => {
    const { input, output, plans } = get();
    const a = openPackage(input);
    const b = openPackage(output);
    const book = new XlsxBook(b, output);
    for (const plan of plans.filter((p) => p.marks.length > 0)) {
      const part = book.sheet(plan.sheet)!.part!;
      const rel = b.related(part, '/comments')!;
      const y = tree(b.text(rel.part!));
      const notesB = new Map([...nodes(y)].filter((n) => local(n) === 'comment').map((n) => [n.attrs.ref, textOf(n)]));
      const relA = a.related(part, '/comments');
      const notesA = relA
        ? new Map([...nodes(tree(a.text(relA.part!)))].filter((n) => local(n) === 'comment').map((n) => [n.attrs.ref, textOf(n)]))
        : new Map<string, string>();
      for (const [ref, text] of notesA) {
        expect([ref, notesB.get(ref)!.startsWith(text) || text.startsWith('thidua:')]).toEqual([ref, true]);
      }
      for (const m of plan.marks) {
        const text = notesB.get(m.cell) ?? '';
        if (notesA.get(m.cell) !== undefined && /^\[Threaded comment\]/.test(notesA.get(m.cell)!)) continue;
        expect([m.cell, text.includes('thidua:'), m.messages.every((msg) => text.includes(msg))]).toEqual([m.cell, true, true]);
      }
      // Each note has its box in the VML drawing.
      const vml = b.rels(part).find((r) => r.type.endsWith('/vmlDrawing'))!;
      const shapes = [...nodes(tree(b.text(vml.part!)))].filter((n) => local(n) === 'ClientData' && n.attrs.ObjectType === 'Note');
      const boxes = new Set(
        shapes.map((s) => {
          const get = (k: string) => textOf((s.children as Node[]).find((c) => local(c) === k)!);
          return a1(Number(get('Row')), Number(get('Column')));
        }),
      );
      for (const ref of notesB.keys()) expect([ref, boxes.has(ref)]).toEqual([ref, true]);
    }
  });
});

describe('stale cached results', () => {
  it('the rich LibreOffice seed: formulas on the cover and beside the table lose their cached results; the workbook recalculates on load', () => {
    const { input, output } = cases.find((c) => c.label === LO_SEED)!;
    const b = openPackage(output);
    const book = new XlsxBook(b, output);
    expect(b.text(book.workbookPart)).toMatch(/<calcPr[^>]* fullCalcOnLoad="1"/);
    const cover = book.sheets.find((s) => s.name === 'Bìa')!;
    const formulasB = readSheet(b.bytes(cover.part!), 'Bìa', { shared: [], dateStyles: [], date1904: false, grid: true });
    const coverA = readSheet(openPackage(input).bytes(cover.part!), 'Bìa', { shared: [], dateStyles: [], date1904: false, grid: true });
    const reading = coverA.formulas.filter((f) => /E40|F40|E22|TongDiem/.test(f.text));
    expect(reading.length).toBeGreaterThan(0);
    for (const f of reading) expect([a1(f.row, f.col), formulasB.grid.cells[f.row][f.col].value]).toEqual([a1(f.row, f.col), null]);
  });
});

describe('Strict Open XML', () => {
  it('is refused by the editor, before anything is written', () => {
    const f = path.join(REAL, 'exceldatareader__strict__Test_Issue_11573_BlankValues.xlsx');
    const book = new XlsxBook(new XlsxPackage(readFileSync(f)), f);
    expect(() => editPackage(book, [{ sheet: book.sheets[0].name, writes: [], marks: [] }])).toThrow(EditRefusal);
  });
});

describeWithSoffice('LibreOffice opens every output and, recalculating, finds the results thidua wrote', () => {
  let recalculated: Map<string, string>;
  beforeAll(() => {
    const outs = cases.map((c) => c.output);
    const made = convert(outs, path.join(dir(), 'lo-recalc'), 'xlsx');
    recalculated = new Map(cases.map((c, i) => [c.label, made[i]]));
  }, 300_000);

  it.each(ALL)('%s', async (label) => {
    const c = cases.find((x) => x.label === label)!;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(recalculated.get(label)!);
    for (const plan of c.plans) {
      const ws = wb.getWorksheet(plan.sheet)!;
      for (const w of plan.writes) {
        const v = ws.getCell(w.cell).value as { result?: unknown } | number;
        const shown = typeof v === 'object' && v !== null ? v.result : v;
        expect([plan.sheet, w.cell, shown]).toEqual([plan.sheet, w.cell, w.value]);
      }
    }
  });
});

describe('edge cases of the package', () => {
  it('a formula replaced by a value (--values): the calculation chain goes, with its relationship and content type', () => {
    const input = path.join(REAL, 'xlsx-populate__template.xlsx');
    const book = new XlsxBook(new XlsxPackage(readFileSync(input)), input);
    const f = book.formulas()[0];
    const cell = a1(f.row, f.col);
    const output = path.join(dir(), 'values.xlsx');
    applyPlans(input, output, [
      {
        sheet: f.sheet,
        writes: [
          { cell, row: f.row, col: f.col, value: 7, previous: { value: null, formula: `=${f.text}` }, criterion: 'x', column: 'tuCham' },
        ],
        marks: [],
      },
    ]);
    const b = openPackage(output);
    expect(book.pkg.has('xl/calcChain.xml')).toBe(true);
    expect(b.has('xl/calcChain.xml')).toBe(false);
    expect(unresolved(b)).toEqual([]);
    expect(b.text('[Content_Types].xml')).not.toContain('calcChain');
    expect(b.text('xl/_rels/workbook.xml.rels')).not.toContain('calcChain');
  });

  it('a cell whose note is a threaded comment’s fallback keeps it as it is, and still gets its fill', () => {
    const input = path.join(REAL, 'phpspreadsheet__namespacestd.xlsx');
    const pkg = new XlsxPackage(readFileSync(input));
    const book = new XlsxBook(pkg, input);
    const sheet = book.sheets.find((s) => s.part && pkg.related(s.part, '/comments'))!;
    const comments = tree(pkg.text(pkg.related(sheet.part!, '/comments')!.part!));
    const ref = [...nodes(comments)].find((n) => local(n) === 'comment')!.attrs.ref;
    const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
    const row = Number(m[2]) - 1;
    const col = m[1].charCodeAt(0) - 65;
    const { summary } = editPackage(book, [
      { sheet: sheet.name, writes: [], marks: [{ cell: ref, row, col, severity: 'warning', messages: ['Xem lại.'], rules: ['over-cap'] }] },
    ]);
    expect(summary.notesKept).toEqual([`${sheet.name}!${ref}`]);
    expect(summary.changed).not.toContain(pkg.related(sheet.part!, '/comments')!.part);
    expect(summary.changed).toContain(sheet.part);
  });
});

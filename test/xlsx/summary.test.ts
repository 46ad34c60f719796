/**
 * The summary writer (src/xlsx/summary.ts) writes SpreadsheetML itself. Two readers nobody here wrote open what it
 * writes and must see the plan: ExcelJS reads the file as written (values, formulas with their cached results, styles,
 * merges, widths, frozen rows, print setup, properties); LibreOffice opens it, recalculates every formula and saves it
 * again, and ExcelJS reads that copy with the same values, formulas and print settings.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'fs';
import * as path from 'path';
import { PlanCell, PlanSheet, parseBlocRulesJson, planSummary, rankBloc, STYLES, SummaryPlan } from '../../src/engine/bloc';
import { a1 } from '../../src/engine';
import { readUnitFile } from '../../src/cli/tonghop';
import { summaryFile } from '../../src/xlsx/summary';
import { writeChunks } from '../../src/xlsx/workbook';
import { writeBloc } from '../helpers/bloc';
import { describeWithSoffice, recalcWithLibreOffice, storedFormulas } from '../helpers/soffice';
import { local, nodes, openPackage, tree } from '../helpers/package';
import { readWorkbook, removeDir, tempDir, useTempDir } from '../helpers/xlsx';

const RULES = path.join(__dirname, '..', '..', 'samples', 'quy-che-khoi-vi-du.json');

/** A sheet of the awkward cases: a name with an apostrophe and "&", text that must be escaped or kept as typed. */
const AWKWARD: PlanSheet = {
  name: "Sở 'Tư' & <Pháp>",
  role: 'don-vi',
  cells: [
    { row: 0, col: 0, value: 'a & b < c > d "q" \'s\'', style: 'title' },
    { row: 1, col: 0, value: '  hai dấu cách trước, một sau ', style: 'wrap' },
    { row: 1, col: 1, value: 'dòng 1\ndòng 2', style: 'wrap' },
    { row: 2, col: 0, value: 0.30000000000000004, style: 'number' },
    { row: 2, col: 1, value: -12.5, style: 'over-cap' },
    { row: 2, col: 2, value: 1e-7 },
    { row: 3, col: 0, value: '<&>', formula: '=IF(A3>0,"<&>","")', style: 'off-range' },
    { row: 3, col: 1, value: -11.6, formula: '=SUM(A3:B3)+0.6', style: 'number' },
    { row: 3, col: 2, value: '', formula: '=IF(A3>1,"x","")', style: 'text' },
    { row: 4, col: 0, value: '' },
    { row: 4, col: 1, value: null, style: 'header' },
  ],
  merges: [{ top: 0, left: 0, bottom: 0, right: 2 }],
  widths: [20, 15, 30],
  print: { landscape: true, fitToWidth: 1, fitToHeight: 0, repeatRows: { first: 1, last: 2 } },
  freezeRows: 2,
};

/** ExcelJS reads a cached 0 or "" as no result; the cached values are compared in the parts themselves as well. */
const cached = (v: unknown) => (v === '' || v === 0 ? undefined : v);

/** What ExcelJS gives for a cell's value: a formula without its "=", and its cached result. */
function asRead(c: PlanCell): unknown {
  if (c.formula) return { formula: c.formula.slice(1), result: cached(c.value) };
  return c.value;
}

function cellOf(ws: ExcelJS.Worksheet, c: PlanCell): unknown {
  const v = ws.getCell(c.row + 1, c.col + 1).value as unknown;
  if (v && typeof v === 'object' && 'formula' in v) {
    const f = v as ExcelJS.CellFormulaValue;
    return { formula: f.formula, result: cached(f.result) };
  }
  return v;
}

describe('the summary workbook as written', () => {
  const dir = useTempDir();
  let plan: SummaryPlan;
  let file = '';
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const files = await writeBloc(path.join(dir(), 'khoi'), undefined, { broken: true });
    const inputs = (await Promise.all(files.map((f) => readUnitFile(f, undefined)))).flat();
    const parsed = parseBlocRulesJson(readFileSync(RULES, 'utf8'));
    if (!parsed.ok) throw new Error('the example rules file does not parse');
    plan = planSummary(rankBloc(inputs, parsed.rules), { rules: parsed.rules, year: 2022 });
    plan.sheets.push(AWKWARD);
    file = path.join(dir(), 'TONG-HOP.xlsx');
    await writeChunks(file, summaryFile(plan, new Date('2022-12-20T08:00:00Z')));
    wb = await readWorkbook(file);
  });

  test('ExcelJS reads every cell of the plan: values, formulas and their cached results', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
    let formulas = 0;
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      const differ = s.cells.filter((c) => JSON.stringify(cellOf(ws, c)) !== JSON.stringify(asRead(c)));
      expect(differ.map((c) => `${s.name}!${a1(c.row, c.col)}: ${JSON.stringify(cellOf(ws, c))}`)).toEqual([]);
      formulas += s.cells.filter((c) => c.formula).length;
    }
    expect(formulas).toBeGreaterThan(8 * 7);
    const stored = storedFormulas(file);
    const cachedDiffer = plan.sheets.flatMap((s) =>
      s.cells
        .filter((c) => c.formula && stored.get(s.name)?.get(a1(c.row, c.col))?.value !== (c.value ?? ''))
        .map((c) => `${s.name}!${a1(c.row, c.col)}`),
    );
    expect(cachedDiffer).toEqual([]);
    expect(stored.get(AWKWARD.name)!.get('C4')).toEqual({ formula: 'IF(A3>1,"x","")', value: '' });
  });

  test('styles: fonts, fills, borders, number formats, alignment, by the plan’s style names', () => {
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      for (const c of s.cells) {
        const cell = ws.getCell(c.row + 1, c.col + 1);
        const spec = c.style ? STYLES[c.style] : {};
        const at = `${s.name}!${cell.address}`;
        // A cell without a style of its own takes the workbook's default font (font 0, Times New Roman 12 too).
        if (!c.style) continue;
        expect([at, cell.font?.name, cell.font?.size ?? 12, !!cell.font?.bold, !!cell.font?.italic]).toEqual([
          at,
          'Times New Roman',
          spec.size ?? 12,
          !!spec.bold,
          !!spec.italic,
        ]);
        expect([at, (cell.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb]).toEqual([at, spec.fill]);
        expect([at, cell.border?.top?.style, cell.border?.right?.style]).toEqual([
          at,
          ...(spec.border ? ['thin', 'thin'] : [undefined, undefined]),
        ]);
        expect([at, cell.numFmt ?? 'General']).toEqual([at, spec.numFmt ?? 'General']);
        expect([at, cell.alignment?.horizontal, !!cell.alignment?.wrapText]).toEqual([at, spec.align, !!spec.wrap]);
      }
    }
  });

  test('merges, widths, frozen header rows, print setup, footer and the marker', () => {
    for (const s of plan.sheets) {
      const ws = wb.getWorksheet(s.name)!;
      expect([...ws.model.merges].sort()).toEqual(s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort());
      expect(s.widths.map((_, i) => ws.getColumn(i + 1).width)).toEqual(s.widths);
      if (s.freezeRows) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: s.freezeRows });
      expect(ws.pageSetup).toMatchObject({
        orientation: 'landscape',
        paperSize: 9,
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `${s.print.repeatRows!.first + 1}:${s.print.repeatRows!.last + 1}`,
        margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 },
      });
      expect(ws.headerFooter.oddFooter).toBe('&Lthidua-tong-hop&RTrang &P/&N');
    }
    expect(wb.getWorksheet('Tổng hợp')!.getCell('A1').value).toBe('BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022');
    expect([wb.subject, wb.title, wb.creator]).toEqual(['thidua-tong-hop', plan.title, 'thidua']);
    expect(wb.created.toISOString()).toBe('2022-12-20T08:00:00.000Z');
  });

  describeWithSoffice('LibreOffice', () => {
    let lo: ExcelJS.Workbook;
    let loFile = '';
    beforeAll(async () => {
      loFile = recalcWithLibreOffice(file, path.join(dir(), 'lo'));
      lo = await readWorkbook(loFile);
    });

    test('opens it, recalculates every formula and saves the same values and formulas', () => {
      expect(lo.worksheets.map((w) => w.name)).toEqual(plan.sheets.map((s) => s.name));
      const recalculated = storedFormulas(loFile);
      const differ: string[] = [];
      for (const s of plan.sheets) {
        const ws = lo.getWorksheet(s.name)!;
        for (const c of s.cells) {
          const at = `${s.name}!${a1(c.row, c.col)}`;
          if (c.formula) {
            const f = recalculated.get(s.name)?.get(a1(c.row, c.col));
            const same =
              f !== undefined &&
              f.formula === c.formula.slice(1) &&
              (typeof c.value === 'number'
                ? typeof f.value === 'number' && Math.abs(f.value - c.value) < 1e-9
                : f.value === (c.value ?? ''));
            if (!same) differ.push(`${at}: ${JSON.stringify(f)} for ${c.formula} = ${JSON.stringify(c.value)}`);
            continue;
          }
          const v = ws.getCell(c.row + 1, c.col + 1).value;
          // LibreOffice keeps no cell for an empty text: "" and none read alike there.
          const want = c.value === '' ? null : c.value;
          const same = typeof want === 'number' ? typeof v === 'number' && Math.abs(v - want) < 1e-12 : (v ?? null) === want;
          if (!same) differ.push(`${at}: ${JSON.stringify(v)} for ${JSON.stringify(c.value)}`);
        }
      }
      expect(differ).toEqual([]);
    });

    // Not the frozen rows: a headless conversion saves no view settings, for ExcelJS's files as for ours.
    test('keeps the merges, fills and print settings', () => {
      const pkg = openPackage(loFile);
      for (const s of plan.sheets) {
        const ws = lo.getWorksheet(s.name)!;
        expect([...ws.model.merges].sort()).toEqual(s.merges.map((m) => `${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).sort());
        expect(ws.pageSetup).toMatchObject({
          orientation: 'landscape',
          paperSize: 9,

          fitToWidth: 1,
          fitToHeight: 0,
          printTitlesRow: `${s.print.repeatRows!.first + 1}:${s.print.repeatRows!.last + 1}`,
        });
        // LibreOffice writes fit-to-page as "true", which ExcelJS does not read: from the part itself.
        const part = pkg.workbook().sheets.find((w) => w.name === s.name)!.part!;
        const setUp = [...nodes(tree(pkg.text(part)))].find((n) => local(n) === 'pageSetUpPr');
        expect([s.name, setUp?.attrs.fitToPage]).toEqual([s.name, 'true']);
        for (const c of s.cells) {
          const fill = c.style ? STYLES[c.style].fill : undefined;
          if (fill)
            expect([s.name, c.row, c.col, (ws.getCell(c.row + 1, c.col + 1).fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([
              s.name,
              c.row,
              c.col,
              fill,
            ]);
        }
      }
    });
  });
});

test('a character XML cannot hold (a control character in a file name) is dropped, not written into a broken part', async () => {
  const dir = tempDir();
  try {
    const sheet: PlanSheet = {
      ...AWKWARD,
      name: 'Tệp',
      cells: [{ row: 0, col: 0, value: 'don\x01vi\x0B 😀 \uFFFF.xlsx', style: 'text' }],
      merges: [],
    };
    const file = path.join(dir, 'ky-tu.xlsx');
    await writeChunks(file, summaryFile({ marker: 'thidua-tong-hop', title: 'T', sheets: [sheet] }));
    expect((await readWorkbook(file)).getWorksheet('Tệp')!.getCell('A1').value).toBe('donvi 😀 .xlsx');
  } finally {
    removeDir(dir);
  }
});

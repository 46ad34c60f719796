import ExcelJS from 'exceljs';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'fs';
import { XlsxPackage } from '../../src/xlsx/package';
import { zip } from '../helpers/zip';
import * as path from 'path';
import { checkSheet, SheetReport } from '../../src/engine';
import { sheetGrid } from '../../src/xlsx/exceljs-grid';
import { FILL, marksAfterFix } from '../../src/xlsx/marks';
import { run, expectRefused } from '../helpers/cli';
import { FIXTURE_NAMES, FIXTURES, loadExpected } from '../helpers/expected';
import { table, validBody } from '../helpers/grid';
import { readWorkbook, shown, useTempDir, writeXlsx } from '../helpers/xlsx';

const dir = useTempDir();

function noteText(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return '';
  if (typeof n === 'string') return n;
  return ((n as { texts?: { text: string }[] }).texts ?? []).map((t) => t.text).join('');
}

/** Every cell of a worksheet by address, with the value it shows. */
function values(ws: ExcelJS.Worksheet): Map<string, unknown> {
  const m = new Map<string, unknown>();
  ws.eachRow({ includeEmpty: false }, (row) => row.eachCell({ includeEmpty: false }, (c) => m.set(c.address, shown(c))));
  return m;
}

/**
 * The input: a fixture with a second sheet (bold text, a width), and a note of the user's own on F-column cells the
 * check will mark.
 */
async function makeInput(name: string): Promise<{ file: string; report: SheetReport }> {
  const wb = await readWorkbook(path.join(FIXTURES, `${name}.xlsx`));
  const notes = wb.addWorksheet('Ghi chú');
  notes.getCell('A1').value = 'Bảng này do Phòng Tổng hợp lập';
  notes.getCell('A1').font = { bold: true };
  notes.getCell('B3').value = 42;
  notes.getColumn('A').width = 48;
  const ws = wb.getWorksheet('Chấm điểm')!;
  const report = checkSheet(sheetGrid(ws));
  const marked = marksAfterFix(report).find((m) => m.severity === 'error')!;
  ws.getCell(marked.cell).note = 'Đã hỏi Khối thi đua';
  const file = path.join(dir(), `${name}-vao.xlsx`);
  await wb.xlsx.writeFile(file);
  return { file, report: checkSheet(sheetGrid((await readWorkbook(file)).getWorksheet('Chấm điểm')!)) };
}

describe.each(FIXTURE_NAMES)('thidua fix %s', (name) => {
  const exp = loadExpected(name);
  let input: string;
  let output: string;
  let report: SheetReport;
  let before: Buffer;
  let inWb: ExcelJS.Workbook;
  let outWb: ExcelJS.Workbook;
  let result: { code: number; out: string; err: string };

  beforeAll(async () => {
    ({ file: input, report } = await makeInput(name));
    output = path.join(dir(), 'ra', `${name}-da-sua.xlsx`);
    before = readFileSync(input);
    result = await run('fix', input, '-o', output);
    inWb = await readWorkbook(input);
    outWb = await readWorkbook(output);
  });

  it('reports what it wrote, exits 1 (errors remain to be fixed by hand) and never changes the input', () => {
    expect(result.err).toBe('');
    expect(result.code).toBe(1);
    expect(result.out).toMatch(/Đã ghi “.*-da-sua\.xlsx”: \d+ ô tổng được tính lại, \d+ ô được đánh dấu\. Tệp gốc giữ nguyên\./);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('writes the totals expected after fixing, as formula results', () => {
    const ws = outWb.getWorksheet('Chấm điểm')!;
    const got = Object.fromEntries(Object.keys(exp.totalsAfterFix!).map((cell) => [cell, shown(ws.getCell(cell))]));
    expect(got).toEqual(exp.totalsAfterFix);
  });

  it('writes each planned total: a SUM formula with its result, or a value where SUM would skip text', () => {
    const ws = outWb.getWorksheet('Chấm điểm')!;
    expect(report.plan.writes.length).toBeGreaterThan(0);
    expect(report.plan.writes.some((w) => w.formula)).toBe(true);
    for (const w of report.plan.writes) {
      const cell = ws.getCell(w.cell);
      if (w.formula) {
        expect([w.cell, cell.formula]).toEqual([w.cell, w.formula.slice(1)]);
        expect(shown(cell)).toBe(w.value);
      } else {
        expect([w.cell, cell.value]).toEqual([w.cell, w.value]);
      }
    }
    // The grand total's bonus self-score adds up the three sections.
    const total = report.criteria.find((c) => c.id === 'total')!;
    expect(ws.getCell(total.row + 1, 6).formula).toMatch(/^SUM\(F\d+,F\d+,F\d+\)$/);
  });

  it('changes no other cell on any sheet', () => {
    const written = new Set(report.plan.writes.map((w) => w.cell));
    for (const wsIn of inWb.worksheets) {
      const a = values(wsIn);
      const b = values(outWb.getWorksheet(wsIn.name)!);
      for (const k of written) if (wsIn.name === 'Chấm điểm') (a.delete(k), b.delete(k));
      expect([wsIn.name, Object.fromEntries(b)]).toEqual([wsIn.name, Object.fromEntries(a)]);
    }
  });

  it('keeps sheets, merges, widths and styles', () => {
    expect(outWb.worksheets.map((w) => w.name)).toEqual(inWb.worksheets.map((w) => w.name));
    const a = inWb.getWorksheet('Chấm điểm')!;
    const b = outWb.getWorksheet('Chấm điểm')!;
    expect((b.model as { merges: string[] }).merges.sort()).toEqual((a.model as { merges: string[] }).merges.sort());
    expect(b.columns.map((c) => c.width)).toEqual(a.columns.map((c) => c.width));
    const notes = outWb.getWorksheet('Ghi chú')!;
    expect(notes.getCell('A1').font?.bold).toBe(true);
    expect(notes.getColumn('A').width).toBe(48);
    expect(notes.getCell('B3').value).toBe(42);
    // Cells next to marked ones keep their own look: the fill of one never spreads to cells sharing its style.
    const marked = new Set(marksAfterFix(report).map((m) => m.cell));
    b.eachRow((row) =>
      row.eachCell((c) => {
        if (marked.has(c.address)) return;
        const argb = (c.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
        expect([c.address, Object.values(FILL).includes(argb ?? '')]).toEqual([c.address, false]);
      }),
    );
  });

  it('fills every marked cell by its severity and notes every message, under the user’s own note', () => {
    const ws = outWb.getWorksheet('Chấm điểm')!;
    expect(marksAfterFix(report).length).toBeGreaterThan(0);
    for (const m of marksAfterFix(report)) {
      const cell = ws.getCell(m.cell);
      expect([m.cell, (cell.fill as ExcelJS.FillPattern).fgColor?.argb]).toEqual([m.cell, FILL[m.severity]]);
      const note = noteText(cell);
      expect(note).toContain('thidua:');
      for (const msg of m.messages) expect(note).toContain(msg);
    }
    const userNoted = marksAfterFix(report).find((m) => m.severity === 'error')!;
    expect(noteText(ws.getCell(userNoted.cell))).toMatch(/^Đã hỏi Khối thi đua\n\nthidua:\n/);
  });

  it('leaves no total it corrected marked as a wrong total', () => {
    const ws = outWb.getWorksheet('Chấm điểm')!;
    const corrected = report.findings.filter((f) => f.rule === 'total-mismatch' && report.plan.writes.some((w) => w.cell === f.cell));
    expect(corrected.length).toBeGreaterThan(0);
    for (const f of corrected) {
      const others = report.findings.filter((g) => g.cell === f.cell && g.rule !== 'total-mismatch');
      const argb = (ws.getCell(f.cell).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb;
      if (others.length === 0) expect([f.cell, argb === FILL.error, noteText(ws.getCell(f.cell))]).toEqual([f.cell, false, '']);
      expect(noteText(ws.getCell(f.cell))).not.toContain(f.message);
    }
  });
});

describe('thidua fix options and refusals', () => {
  it('writes values, not formulas, with --values', async () => {
    const out = path.join(dir(), 'gia-tri.xlsx');
    const r = await run('fix', path.join(FIXTURES, 'seed-2022-typed.xlsx'), '-o', out, '--values');
    expect(r.code).toBe(1);
    const ws = (await readWorkbook(out)).getWorksheet('Chấm điểm')!;
    let formulas = 0;
    ws.eachRow((row) => row.eachCell((c) => (c.formula ? formulas++ : 0)));
    expect(formulas).toBe(0);
    expect(ws.getCell('E22').value).toBe(195);
    expect(ws.getCell('F40').value).toBe(57);
  });

  it('refuses -o equal to the input, however the path is written, and leaves the input alone', async () => {
    const input = path.join(dir(), 'goc.xlsx');
    copyFileSync(path.join(FIXTURES, 'seed-2022-converted.xlsx'), input);
    const before = readFileSync(input);
    expectRefused(await run('fix', input, '-o', input), /Tệp ra phải khác tệp vào/);
    const roundabout = path.join(dir(), 'ra', '..', 'goc.xlsx');
    expectRefused(await run('fix', input, '--output', roundabout), /Tệp ra phải khác tệp vào/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('refuses to fix a file it cannot read, writing nothing', async () => {
    const out = path.join(dir(), 'khong-ghi.xlsx');
    expectRefused(await run('fix', path.join(dir(), 'khong-co.xlsx'), '-o', out), /Không tìm thấy tệp/);
    await expect(readWorkbook(out)).rejects.toThrow();
  });
});

describe('thidua fix: where the copy cannot go', () => {
  it('refuses -o that is a link to the input', async () => {
    const input = path.join(dir(), 'goc.xlsx');
    copyFileSync(path.join(FIXTURES, 'seed-2022-typed.xlsx'), input);
    const before = readFileSync(input);
    const link = path.join(dir(), 'lien-ket.xlsx');
    symlinkSync(input, link);
    expectRefused(await run('fix', input, '-o', link), /Tệp ra phải khác tệp vào/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });

  it('says in Vietnamese why it cannot write: a directory, or a path through a file', async () => {
    const input = path.join(FIXTURES, 'seed-2022-typed.xlsx');
    const d = path.join(dir(), 'la-thu-muc.xlsx');
    mkdirSync(d);
    expectRefused(await run('fix', input, '-o', d), /^thidua: Không ghi được tệp “.*la-thu-muc\.xlsx”: đó là một thư mục\.$/);
    const through = path.join(input, 'ra.xlsx');
    expectRefused(await run('fix', input, '-o', through), /Không ghi được tệp “.*ra\.xlsx”: đường dẫn đi qua một tệp/);
    expect(readdirSync(dir()).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('thidua fix keeps headings merged across the row', () => {
  it('writes no total into a merged heading, and the heading text survives', async () => {
    const body = validBody();
    body[0] = ['Nội dung 1: Thực hiện nhiệm vụ chuyên môn'];
    const input = await writeXlsx(path.join(dir(), 'gop.xlsx'), [{ grid: table(body, { merges: ['A3:G3'] }) }]);
    const out = path.join(dir(), 'gop-ra.xlsx');
    const r = await run('fix', input, '-o', out);
    expect(r.code).toBe(0);
    const ws = (await readWorkbook(out)).getWorksheet('Chấm điểm')!;
    expect(ws.getCell('A3').value).toBe('Nội dung 1: Thực hiện nhiệm vụ chuyên môn');
    expect(ws.getCell('E10').formula).toBe('SUM(E3,E8)');
  });
});

describe('thidua fix on a Strict Open XML workbook', () => {
  it('checks it, and refuses to fix it with one Vietnamese line, writing nothing', async () => {
    // The rich LibreOffice seed with its workbook part in Strict's namespaces, as Excel's "Strict Open XML" saves it.
    const rich = path.join(FIXTURES, 'real-xlsx', 'libreoffice__seed-2022-rich.xlsx');
    const pkg = new XlsxPackage(readFileSync(rich));
    const strict = zip(
      pkg.entries.map((e) => {
        const bytes = pkg.bytes(e.name);
        if (!/^xl\/(workbook|worksheets\/sheet\d+)\.xml$/.test(e.name)) return { name: e.name, data: bytes };
        const text = bytes
          .toString('utf8')
          .replace(
            'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"',
            'xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"',
          )
          .replace(
            'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"',
            'xmlns:r="http://purl.oclc.org/ooxml/officeDocument/relationships"',
          );
        return { name: e.name, data: Buffer.from(text) };
      }),
    );
    const input = path.join(dir(), 'strict.xlsx');
    writeFileSync(input, strict);
    const check = await run('check', input);
    expect(check.err).toBe('');
    expect(check.out).toContain('TỔNG CỘNG');
    const out = path.join(dir(), 'strict-ra.xlsx');
    expectRefused(await run('fix', input, '-o', out), /^thidua: Không sửa được “strict\.xlsx”: tệp lưu theo chuẩn “Strict Open XML”/);
    expect(existsSync(out)).toBe(false);
  });
});

/** src/xlsx/sheet: the sheet XML read straight into the engine's grid, against files ExcelJS, Excel and LibreOffice wrote. */
import ExcelJS from 'exceljs';
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { checkSheet, GridCell, SheetGrid } from '../../src/engine';
import { XlsxBook } from '../../src/xlsx/book';
import { XlsxPackage } from '../../src/xlsx/package';
import { readSheet } from '../../src/xlsx/sheet';
import { sheetGrid } from '../../src/xlsx/exceljs-grid';
import { FIXTURES } from '../helpers/expected';
import { HEADER, validBody } from '../helpers/grid';
import { readWorkbook, useTempDir } from '../helpers/xlsx';
import { EVERY_KIND_READ, writeEveryKind } from '../helpers/cell-kinds';
import { xlsxParts, zip } from '../helpers/zip';

const dir = useTempDir();
const REAL = path.join(FIXTURES, 'real-xlsx');

function book(file: string): XlsxBook {
  return new XlsxBook(new XlsxPackage(readFileSync(file)), file);
}

async function written(build: (ws: ExcelJS.Worksheet) => void): Promise<SheetGrid> {
  const wb = new ExcelJS.Workbook();
  build(wb.addWorksheet('Chấm điểm'));
  const file = path.join(dir(), `${Math.random().toString(36).slice(2)}.xlsx`);
  await wb.xlsx.writeFile(file);
  const b = book(file);
  return b.grid(b.sheets[0]);
}

const at = (g: SheetGrid, ref: string): GridCell => {
  const m = /^([A-Z])(\d+)$/.exec(ref)!;
  return g.cells[Number(m[2]) - 1]?.[m[1].charCodeAt(0) - 65] ?? { value: null };
};

describe('src/xlsx/sheet: the sheet XML to the engine grid', () => {
  it('reads numbers, text, booleans, rich text, errors, dates and formulas with their results; a number with a hyperlink is a number', async () => {
    const g = await written((s) => {
      writeEveryKind(s);
    });
    expect(g.cells[0]).toEqual(EVERY_KIND_READ);
  });

  it('reads a number that carries a hyperlink as the number (ExcelJS reads it as an object)', async () => {
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const parts = xlsxParts(1).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml'
        ? {
            ...p,
            data: Buffer.from(
              `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${rel}"><sheetData><row r="1"><c r="E1"><v>15</v></c></row></sheetData><hyperlinks><hyperlink ref="E1" r:id="rId1"/></hyperlinks></worksheet>`,
            ),
          }
        : p,
    );
    parts.push({
      name: 'xl/worksheets/_rels/sheet1.xml.rels',
      data: Buffer.from(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/hyperlink" Target="https://example.invalid/bc" TargetMode="External"/></Relationships>`,
      ),
    });
    const b = new XlsxBook(new XlsxPackage(zip(parts)), 'lien-ket.xlsx');
    expect(b.grid(b.sheets[0]).cells[0][4]).toEqual({ value: 15 });
  });

  it('gives a shared formula to every cell that shares it, moved to that cell', async () => {
    const g = await written((s) => {
      s.getCell('A1').value = 1;
      s.getCell('A2').value = 2;
      s.getCell('B1').value = { formula: 'A1*10+$A$1', result: 11, shareType: 'shared', ref: 'B1:B2' } as ExcelJS.CellFormulaValue;
      s.getCell('B2').value = { sharedFormula: 'B1', result: 21 } as ExcelJS.CellSharedFormulaValue;
    });
    expect(at(g, 'B1')).toEqual({ value: 11, formula: '=A1*10+$A$1' });
    expect(at(g, 'B2')).toEqual({ value: 21, formula: '=A2*10+$A$1' });
  });

  it('keeps a merged area’s value in its first cell only, and lists the merges', async () => {
    const g = await written((s) => {
      s.getCell('A3').value = 'Nội dung 1: Chuyên môn';
      s.mergeCells('A3:B3');
    });
    expect(g.cells[2].map((c) => c.value)).toEqual(['Nội dung 1: Chuyên môn']);
    expect(g.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 1 }]);
  });

  it('reads inline strings, leaves phonetic guides out, and places rows and cells written without "r"', () => {
    const xml = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
      <row><c t="inlineStr"><is><r><t>Tiêu </t></r><r><t>chí</t></r><rPh sb="0" eb="1"><t>てぃ</t></rPh></is></c><c><v>7</v></c></row>
      <row r="3"><c r="C3" t="s"><v>0</v></c><c><v>1.5</v></c></row></sheetData></worksheet>`;
    const { grid } = readSheet(xml, 'x', { shared: ['Điểm'], dateStyles: [], date1904: false, grid: true });
    expect(grid.cells.map((l) => l.map((c) => c.value))).toEqual([['Tiêu chí', 7], [], [null, null, 'Điểm', 1.5]]);
  });

  it('reads a table that starts at D7 where it is, and checks it clean', async () => {
    const g = await written((s) => {
      [HEADER, ...validBody()].forEach((row, r) =>
        row.forEach((v, c) => v !== null && v !== undefined && (s.getCell(7 + r, 4 + c).value = v as ExcelJS.CellValue)),
      );
    });
    const r = checkSheet(g);
    expect(r.table.headerRange).toBe('D7:J7');
    expect(r.findings).toEqual([]);
  });

  it('refuses a damaged sheet with one Vietnamese line', () => {
    const parts = xlsxParts(1).map((p) =>
      p.name === 'xl/worksheets/sheet1.xml' ? { ...p, data: Buffer.from('<worksheet><sheetData><row>') } : p,
    );
    const b = new XlsxBook(new XlsxPackage(zip(parts)), 'hong.xlsx');
    expect(() => b.grid(b.sheets[0])).toThrow(/“hong\.xlsx” bị hỏng/);
  });
});

/** Both readers on files written by ExcelJS, Excel and LibreOffice: the same grid, cell for cell, where ExcelJS reads right. */
describe('the direct reader reads what ExcelJS reads', () => {
  const files = [
    ...['seed-2022-converted.xlsx', 'seed-2022-typed.xlsx'].map((f) => path.join(FIXTURES, f)),
    ...readdirSync(REAL)
      .filter((f) => f.endsWith('.xlsx') && !f.includes('strict'))
      .map((f) => path.join(REAL, f)),
  ];
  it.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    let wb: ExcelJS.Workbook;
    try {
      wb = await readWorkbook(file);
    } catch {
      return; // ExcelJS cannot read this one at all (poi's dashboard: "Cannot set properties of undefined"); the direct reader can
    }
    const b = book(file);
    for (const ws of wb.worksheets) {
      const entry = b.sheet(ws.name)!;
      const mine = b.grid(entry);
      const theirs = sheetGrid(ws);
      const rows = Math.max(mine.cells.length, theirs.cells.length);
      for (let r = 0; r < rows; r++) {
        const cols = Math.max(mine.cells[r]?.length ?? 0, theirs.cells[r]?.length ?? 0);
        for (let c = 0; c < cols; c++) {
          const x = mine.cells[r]?.[c] ?? { value: null };
          const y = theirs.cells[r]?.[c] ?? { value: null };
          // Where ExcelJS reads wrong: a hyperlinked number ("[object Object]"), a date-formatted or zero formula result
          // (null), a date in an East Asian built-in date format (the serial number).
          if (y.value === '[object Object]' || (y.formula && y.value === null && (typeof x.value === 'string' || x.value === 0))) continue;
          if (typeof y.value === 'number' && typeof x.value === 'string' && /^\d{4}-\d\d-\d\d$/.test(x.value)) continue;
          expect([ws.name, r, c, x]).toEqual([ws.name, r, c, { value: y.value, ...(y.formula ? { formula: y.formula } : {}) }]);
        }
      }
      expect([ws.name, [...(mine.merges ?? [])].sort((p, q) => p.top - q.top || p.left - q.left)]).toEqual([
        ws.name,
        [...(theirs.merges ?? [])].sort((p, q) => p.top - q.top || p.left - q.left),
      ]);
    }
  });
});

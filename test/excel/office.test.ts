/**
 * The add-in against Excel as it is documented and reported to behave (test/host/excel-host.ts cites each
 * behaviour): issue 11's ten points, one describe each. Every test here uses only the add-in's actions and the
 * host, so that it runs against the add-in of any date.
 */
import { checkSheet, listBuiltinTemplates, SheetGrid } from '../../src/engine';
import { clearMarks, FILL, runCheck, undoWrites, userMessage } from '../../src/excel';
import { failure } from '../helpers/addin';
import { readOptions, saveOptions } from '../../src/excel/options';
import { chosenTemplate, saveTemplateChoice } from '../../src/excel/template';
import { checkSentence, clearSentence, undoSentence } from '../../src/excel/summary';
import { set, table, validBody } from '../helpers/grid';
import { readGrids } from '../helpers/xlsx';
import { ApiVersion, HostSheet, HostWorkbook, hostWithGrid, installHost, OFFICE_VERSIONS } from '../host/excel-host';

let seed: SheetGrid;
beforeAll(async () => {
  seed = (await readGrids('test/fixtures/seed-2022-typed.xlsx')).find((g) => g.name === 'Chấm điểm')!;
});

/** Everything a user could see on a sheet, to prove it as it was. */
function look(s: HostSheet): string {
  return JSON.stringify({
    cells: [...s.cells.entries()]
      .filter(([, c]) => c.value !== null || c.formula || c.fill || c.prompt || (c.numberFormat && c.numberFormat !== 'General'))
      .map(([k, c]) => [k, { ...c, value: s.valueAt(...(k.split(',').map(Number) as [number, number])) }])
      .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    notes: [...s.notes].sort(),
  });
}

const quiet = () => jest.spyOn(console, 'error').mockImplementation(() => undefined);

describe('1. two runtimes, one workbook', () => {
  test('the pane saving an option from its own copy keeps the ribbon’s backup; each sees what the other saved', async () => {
    const book = new HostWorkbook();
    const s = book.loadGrid(seed);
    const before = look(s);
    const pane = installHost(book); // the pane opened first: its copy of the document settings is empty
    const ribbon = installHost(book);
    ribbon.activate();
    await runCheck();
    const marks = checkSheet(seed).plan.marks.length;

    pane.activate();
    await saveOptions({ totals: 'values', marks: true });
    await saveTemplateChoice({ builtin: listBuiltinTemplates()[0].id });
    ribbon.activate();
    expect(await readOptions()).toEqual({ totals: 'values', marks: true });
    expect((await chosenTemplate())?.id).toBe(listBuiltinTemplates()[0].id);

    pane.activate();
    expect((await clearMarks()).cells).toBe(marks);
    await undoWrites();
    expect(look(s)).toBe(before);
  });
});

describe('2. requirement sets by Office version', () => {
  test.each(Object.entries(OFFICE_VERSIONS).filter(([, v]) => v !== '1.1'))(
    '%s (ExcelApi %s): checks, marks and gives back',
    async (_office, api) => {
      const h = hostWithGrid(seed, api);
      const s = h.book.activeSheet;
      const before = look(s);
      const out = await runCheck();
      expect(out.marked).toBe(checkSheet(seed).plan.marks.length);
      expect(s.cell('F25')?.fill?.color).toBe(FILL.error);
      expect(s.valueAt(39, 4)).toBe(945);
      installHost(h.book);
      await clearMarks();
      await undoWrites();
      expect(look(s)).toBe(before);
    },
  );

  test('Office 2016 (ExcelApi 1.1 only) is told in Vietnamese, and nothing is read or written', async () => {
    const h = hostWithGrid(seed, OFFICE_VERSIONS['Office 2016 (volume, MSI)']);
    await expect(failure(runCheck())).resolves.toMatch(/Phiên bản Excel này quá cũ.*ExcelApi 1\.4/);
    expect(h.book.syncs).toBe(0);
  });

  // Syncs of a first and a second check: 2, and 3 where cells must be asked one by one (fills before 1.9,
  // prompts before notes), the second check needing no capture.
  test.each<[ApiVersion, number, number]>([
    ['1.4', 3, 2],
    ['1.7', 3, 2],
    ['1.8', 3, 2],
    ['1.9', 3, 2],
    ['1.12', 3, 2],
    ['1.13', 3, 2],
    ['1.17', 3, 2],
    ['1.18', 2, 2],
  ])('ExcelApi %s: %i syncs for the first check, %i for the next', async (api, first, second) => {
    const h = hostWithGrid(seed, api);
    await runCheck();
    expect(h.book.syncs).toBe(first);
    h.book.resetCounters();
    await runCheck();
    expect(h.book.syncs).toBe(second);
  });
});

describe('3. worksheet ids change on reopen; thidua’s own marks are never a cell’s original', () => {
  // 1.18 keeps the key in a worksheet custom property; 1.9 has none (before 1.12) and keeps it in the anchor's comment.
  test.each<ApiVersion>(['1.18', '1.9'])(
    'ExcelApi %s: Xóa đánh dấu and Hoàn tác find their backup after a reopen gives the sheet a new id',
    async (api) => {
      const h = hostWithGrid(seed, api);
      const s = h.book.activeSheet;
      s.ensure(24, 5).fill = { color: '#00B050' };
      const before = look(s);
      const id = s.id;
      await runCheck();
      h.book.reopen();
      installHost(h.book);
      expect(s.id).not.toBe(id);
      expect((await clearMarks()).cells).toBe(checkSheet(seed).plan.marks.length);
      expect(s.cell('F25')?.fill).toEqual({ color: '#00B050' });
      await undoWrites();
      expect(look(s)).toBe(before);
    },
  );

  test('a copy of a checked sheet: its marks are thidua’s, never its originals; the original keeps its own backup', async () => {
    const h = hostWithGrid(seed);
    const original = h.book.activeSheet;
    const before = look(original);
    await runCheck();
    const copy = h.book.copySheet(original, 'Chấm điểm (2)');
    h.book.active = 1;
    const out = await runCheck();
    await clearMarks();
    for (const m of out.report.plan.marks) {
      expect(copy.cell(m.cell)?.fill).toBeUndefined();
      expect(copy.notes.has(m.cell)).toBe(false);
    }
    h.book.active = 0;
    await clearMarks();
    await undoWrites();
    expect(look(original)).toBe(before);
  });
});

describe('4. no fill is not white; tints and patterns come back', () => {
  test('cells without a fill have none after Xóa đánh dấu; white, tinted and patterned fills come back as they were', async () => {
    const h = hostWithGrid(seed);
    const s = h.book.activeSheet;
    const marked = checkSheet(seed).plan.marks.map((m) => m.cell);
    const [white, tinted, patterned] = marked.slice(1, 4).map((a) => s.cell(a) ?? s.ensure(...rc(a)));
    white.fill = { color: '#FFFFFF', tintAndShade: undefined };
    tinted.fill = { color: '#4472C4', tintAndShade: 0.6 };
    patterned.fill = { color: '#FFFF00', pattern: 'Gray50', patternColor: '#FF0000' };
    const before = look(s);
    await runCheck();
    await clearMarks();
    await undoWrites();
    expect(look(s)).toBe(before);
    expect(s.cell(marked[0])?.fill).toBeUndefined();
  });
});

function rc(a: string): [number, number] {
  const m = /^([A-Z]+)(\d+)$/.exec(a)!;
  return [Number(m[2]) - 1, m[1].charCodeAt(0) - 65];
}

describe('5. selections', () => {
  test.each([
    ['several areas', 'A1:B2,D4:E5', /nhiều vùng, hình hoặc biểu đồ/],
    ['a chart', 'chart', /nhiều vùng, hình hoặc biểu đồ/],
    ['whole columns A:G', 'A:G', /phần có dữ liệu của vùng đang chọn \(A1:G40\)/],
    ['cells with no data', 'K50:M60', /không có dữ liệu/],
  ])('%s: the sheet’s data is checked, and the message says so', async (_what, selection, said) => {
    const h = hostWithGrid(seed);
    h.book.selection = selection;
    const out = await runCheck();
    expect(out.address).toBe("'Chấm điểm'!A1:G40");
    expect(checkSentence(out)).toMatch(said);
    expect(out.report.findings.length).toBe(checkSheet(seed).findings.length);
  });

  test('whole columns on the web: nothing beyond the data is read', async () => {
    const h = hostWithGrid(seed);
    h.book.platform = 'web';
    h.book.selection = 'A:G';
    await expect(runCheck()).resolves.toMatchObject({ address: "'Chấm điểm'!A1:G40" });
  });
});

describe('6. merged areas', () => {
  test('a sheet name with commas and quotes: merged areas read as they are', async () => {
    const g = table(validBody(), { name: "Chấm điểm, năm 2022 'A'", merges: ['A3:B3', 'C10:D10'] });
    hostWithGrid(g);
    const out = await runCheck();
    expect(out.sheet).toBe("Chấm điểm, năm 2022 'A'");
    expect(out.report.findings.map((f) => f.rule)).toEqual(checkSheet(g).findings.map((f) => f.rule));
  });

  test('more than 512 merged areas: the check runs as if none were merged, and says so', async () => {
    const many = (merges: boolean) => {
      const h = hostWithGrid(seed);
      const s = h.book.activeSheet;
      s.merges = [];
      s.enter(699, 10, 'x'); // the used range reaches K700
      if (merges) for (let i = 0; i < 600; i++) s.merges.push({ top: 100 + i, left: 8, bottom: 100 + i, right: 9 });
      return h;
    };
    const plain = many(false);
    const expected = (await runCheck()).report.findings.map((f) => `${f.rule}@${f.cell}`);
    expect(plain.book.activeSheet.merges).toHaveLength(0);
    many(true);
    const out = await runCheck();
    expect(checkSentence(out)).toMatch(/trên 512/);
    expect(out.report.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(expected);
  });
});

describe('7. writing back: Excel parses what it is given', () => {
  test.each(['19,5', '1/2', '50%', '=SUM(E4:E5)'])('a total that held the text “%s” gets the same text back', async (text) => {
    const h = hostWithGrid(table(set(validBody(), 3, 'E', 7)));
    const s = h.book.activeSheet;
    // The text as the user had it: typed with an apostrophe, or into a Text cell.
    s.enter(2, 4, `'${text}`);
    await runCheck();
    expect(s.cell('E3')?.formula).toMatch(/^=SUM/);
    await undoWrites();
    expect(s.cell('E3')?.formula).toBeUndefined();
    expect(s.cell('E3')?.value).toBe(text);
  });

  test('a total formatted as Text gets a number format before its formula, and its Text format back', async () => {
    const h = hostWithGrid(table(set(validBody(), 3, 'E', '49')));
    const s = h.book.activeSheet;
    s.ensure(2, 4).numberFormat = '@';
    const before = look(s);
    await runCheck();
    expect(s.cell('E3')?.formula).toBe('=SUM(E4,E7)');
    expect(s.valueAt(2, 4)).toBe(50);
    await clearMarks();
    await undoWrites();
    expect(look(s)).toBe(before);
  });
});

describe('8. errors by code, in Vietnamese, whatever the language of Office', () => {
  test('a sheet too large for the web’s 5 MB answer', async () => {
    const g = structuredClone(seed);
    for (let r = 0; r < 60000; r++) g.cells.push([{ value: `dòng ${r}` }, { value: 'x'.repeat(20) }]);
    const h = hostWithGrid(g);
    h.book.platform = 'web';
    const spy = quiet();
    await expect(failure(runCheck())).resolves.toMatch(/^Vùng cần đọc quá lớn/);
    expect(spy).toHaveBeenCalledWith(
      expect.any(String),
      'ResponsePayloadSizeLimitExceeded',
      expect.objectContaining({ code: 'ResponsePayloadSizeLimitExceeded' }),
    );
    spy.mockRestore();
  });

  test('a choice too large to save on the web is refused in Vietnamese', async () => {
    const h = hostWithGrid(seed);
    h.book.platform = 'web';
    const huge = { ...listBuiltinTemplates()[0], bloc: 'x'.repeat(6 * 1024 * 1024) };
    const spy = quiet();
    await expect(failure(saveTemplateChoice({ custom: huge as never }))).resolves.toMatch(
      /^Không lưu được lựa chọn vào bảng tính: Phần cần ghi/,
    );
    spy.mockRestore();
  });

  test.each([
    ['RangeExceedsLimit', /^Vùng cần đọc quá lớn/],
    ['RequestPayloadSizeLimitExceeded', /^Phần cần ghi .* quá lớn/],
    ['AccessDenied', /được bảo vệ/],
    ['InvalidSelection', /không phải là các ô/],
    ['ItemNotFound', /Không tìm thấy trang/],
    ['GeneralException', /mã GeneralException/],
  ])('%s with a French message', (code, said) => {
    const spy = quiet();
    expect(userMessage({ code, message: 'Une erreur s’est produite.', debugInfo: { code } })).toMatch(said);
    spy.mockRestore();
  });
});

describe('10. edits after a check', () => {
  test('a total retyped and a mark recoloured by the user are left as they are, and named', async () => {
    const h = hostWithGrid(seed);
    const s = h.book.activeSheet;
    const plan = checkSheet(seed).plan;
    await runCheck();
    s.enter(21, 4, 200); // E22: the user types a total of their own
    s.ensure(24, 5).fill = { color: '#00B050' }; // F25: a fill of their own
    const cleared = await clearMarks();
    expect(cleared.leftAlone).toEqual(['F25']);
    expect(clearSentence(cleared)).toMatch(/Để nguyên 1 ô bạn đã sửa .*\(F25\)/);
    expect(s.cell('F25')?.fill).toEqual({ color: '#00B050' });
    expect(s.notes.has('F25')).toBe(false); // its note was still thidua's: taken off
    const undone = await undoWrites();
    expect(undone.leftAlone).toEqual(['E22']);
    expect(undoSentence(undone)).toMatch(/\(E22\)/);
    expect(s.valueAt(21, 4)).toBe(200);
    expect(undone.cells).toBe(plan.writes.length - 1);
  });

  test('rows inserted above the table between the check and the restore: the restores follow the cells', async () => {
    const h = hostWithGrid(seed);
    const s = h.book.activeSheet;
    s.ensure(24, 5).fill = { color: '#00B050' };
    s.notes.set('E22', 'Ghi chú của tôi');
    const before = look(s);
    await runCheck();
    s.shiftRows(0, 3);
    await clearMarks();
    await undoWrites();
    s.shiftRows(0, -3);
    expect(look(s)).toBe(before);
  });

  test('rows inserted inside the table: the restore refuses rather than guess, and changes nothing', async () => {
    const h = hostWithGrid(seed);
    const s = h.book.activeSheet;
    await runCheck();
    s.shiftRows(20, 2);
    const now = look(s);
    await expect(failure(undoWrites())).resolves.toMatch(/đã được thêm hoặc bớt dòng/);
    expect(look(s)).toBe(now);
  });
});

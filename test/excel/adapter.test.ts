/** The Office.js adapter against the in-memory host: reads, writes, restores, and how many syncs each takes. */
import { checkSheet, SheetGrid } from '../../src/engine';
import { clearMarks, FILL, KEY_PROPERTY, NOTE_HEAD, runCheck, SETTINGS_KEY, undoWrites } from '../../src/excel';
import { failure } from '../helpers/addin';
import { queueRead, toGrid } from '../../src/excel/read';
import { capabilities } from '../../src/excel/host';
import { grid, table, validBody, set, formula } from '../helpers/grid';
import { readGrids } from '../helpers/xlsx';
import { ApiVersion, HostWorkbook, hostWithGrid, installHost, InstalledHost } from '../host/excel-host';
import { renderTable, sizedSpec, spreadFaults } from '../helpers/generate';

/** A generated table of `rows` criterion rows with `faults` faults spread over it. */
function generated(rows: number, faults: number): SheetGrid {
  return renderTable(sizedSpec(rows), {}, spreadFaults(faults)).grid;
}

let seed: SheetGrid;
beforeAll(async () => {
  seed = (await readGrids('test/fixtures/seed-2022-typed.xlsx')).find((g) => g.name === 'Chấm điểm')!;
});

/** Everything a user could see in the workbook, to prove it unchanged. */
function snapshot(book: HostWorkbook): string {
  return JSON.stringify(
    book.sheets.map((s) => ({
      cells: [...s.cells.entries()]
        .filter(([, c]) => c.value !== null || c.formula || c.fill || c.prompt)
        .map(([k, c]) => [k, { ...c, value: s.valueAt(...(k.split(',').map(Number) as [number, number])) }]),
      notes: [...s.notes],
      merges: s.merges,
    })),
  );
}

describe('reading', () => {
  test('one sync gives the engine the grid: values, text shown, formulas, merges, origin', async () => {
    const g = grid(
      [
        ['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022'],
        ['TT', 'Tiêu chí', 'Điểm chuẩn'],
        ['1', 'Việc một', { v: 2, t: '02' }],
        [null, null, formula('=SUM(E3:E3)', 2)],
      ],
      { origin: 'C3', merges: ['C3:E3'] },
    );
    const h = hostWithGrid(g);
    const read = await Excel.run(async (context) => {
      const q = queueRead(context.workbook.worksheets.getActiveWorksheet().getUsedRange(true), capabilities());
      // Read before the sync: Office's PropertyNotLoaded (its message is in the user's language, the code is not).
      expect(() => q.range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      return toGrid('Chấm điểm', q);
    });
    expect(h.book.syncs).toBe(1);
    expect(read.origin).toEqual({ row: 2, col: 2 });
    expect(read.merges).toEqual([{ top: 2, left: 2, bottom: 2, right: 4 }]);
    expect(read.cells[2]).toEqual([
      { value: '1', text: '1' },
      { value: 'Việc một', text: 'Việc một' },
      { value: 2, text: '02' },
    ]);
    // The host evaluates the formula from the cells it refers to (E3 is empty): the adapter passes on what Excel shows.
    expect(read.cells[3][2]).toEqual({ value: 0, text: '0', formula: '=SUM(E3:E3)' });
  });

  test('merged areas are left out where the host lacks them (before ExcelApi 1.13)', async () => {
    hostWithGrid(table(validBody(), { merges: ['A3:B3'] }), '1.9');
    const read = await Excel.run(async (context) => {
      const q = queueRead(context.workbook.worksheets.getActiveWorksheet().getUsedRange(true), capabilities());
      await context.sync();
      return toGrid('x', q);
    });
    expect(read.merges).toEqual([]);
  });
});

describe('a check on the seed sheet', () => {
  let h: InstalledHost;
  beforeEach(() => {
    h = hostWithGrid(seed);
  });

  test('two syncs; the same findings as the engine; bad cells filled by severity with their messages as notes', async () => {
    const out = await runCheck();
    expect(h.book.syncs).toBe(2);
    const engine = checkSheet(seed);
    expect(out.report.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(engine.findings.map((f) => `${f.rule}@${f.cell}`));
    const s = h.book.activeSheet;
    for (const m of engine.plan.marks) {
      expect(s.cell(m.cell)?.fill?.color).toBe(FILL[m.severity]);
      expect(s.notes.get(m.cell)).toBe(`${NOTE_HEAD}\n${m.messages.join('\n')}`);
    }
    expect(s.cell('F25')?.fill?.color).toBe(FILL.error);
    expect(s.notes.get('E22')).toContain('thidua:\nNội dung 2 ghi 200 điểm tự chấm, cộng các mục được 195.');
    expect(s.notes.size).toBe(engine.plan.marks.length);
  });

  test('totals are written as formulas up to TỔNG CỘNG, or as values when asked', async () => {
    await runCheck();
    const s = h.book.activeSheet;
    expect(s.cell('E22')?.formula).toMatch(/^=SUM\(E\d+/);
    expect(s.valueAt(21, 4)).toBe(195);
    expect(s.valueAt(39, 4)).toBe(945);
    expect(s.valueAt(39, 5)).toBe(57);

    const v = hostWithGrid(seed);
    await runCheck({ totals: 'values' });
    const vs = v.book.activeSheet;
    expect(vs.cell('E22')).toMatchObject({ value: 195 });
    expect(vs.cell('E22')?.formula).toBeUndefined();
    expect(vs.cell('F40')).toMatchObject({ value: 57 });
  });

  test('a second check does not stack marks and keeps the first originals', async () => {
    const s = h.book.activeSheet;
    s.ensure(24, 5).fill = { color: '#00B050' }; // F25: the user's own green
    s.notes.set('F25', 'Ghi chú của tôi');
    await runCheck();
    // The first check wrote the totals, so the second no longer finds them wrong; the third finds what the second did.
    await runCheck();
    const twice = snapshot(h.book);
    const saved = h.book.savedSettings;
    h.book.resetCounters();
    await runCheck();
    expect(h.book.syncs).toBe(2);
    expect(snapshot(h.book)).toBe(twice);
    expect(h.book.savedSettings).toBe(saved);
    expect(s.notes.get('F25')!.startsWith(`Ghi chú của tôi\n\n${NOTE_HEAD}`)).toBe(true);
    expect(s.notes.get('F25')!.split(NOTE_HEAD).length).toBe(2);
    // The backup is kept under the sheet's stable key (a worksheet custom property), not its id (contract moved, issue 11).
    const key = s.customProperties.get(KEY_PROPERTY)!;
    expect(JSON.parse(saved!)[SETTINGS_KEY].sheets[key].marks.F25.own).toEqual({ fill: { color: '#00B050' }, note: 'Ghi chú của tôi' });
  });

  test('Xóa đánh dấu and Hoàn tác give back every fill, note and value, after a reopen', async () => {
    const s = h.book.activeSheet;
    s.ensure(24, 5).fill = { color: '#00B050' };
    s.notes.set('E22', 'Ghi chú của tôi');
    const before = snapshot(h.book);
    await runCheck();
    expect(snapshot(h.book)).not.toBe(before);

    // Close the pane, save, reopen: new runtimes, the backup comes back from the file.
    installHost(h.book);
    h.book.resetCounters();
    const cleared = await clearMarks();
    expect(cleared.cells).toBe(checkSheet(seed).plan.marks.length);
    expect(h.book.syncs).toBe(2);
    expect(s.cell('F25')?.fill).toEqual({ color: '#00B050' });
    expect(s.notes.get('E22')).toBe('Ghi chú của tôi');
    expect(s.notes.size).toBe(1);

    installHost(h.book);
    const undone = await undoWrites();
    expect(undone.cells).toBe(checkSheet(seed).plan.writes.length);
    expect(snapshot(h.book)).toBe(before);
    expect(JSON.parse(h.book.savedSettings!)[SETTINGS_KEY]).toBeUndefined();
    await expect(failure(clearMarks())).resolves.toMatch(/không có đánh dấu/);
  });

  test('a clean re-check gives back the fills of cells that are no longer wrong', async () => {
    await runCheck();
    const s = h.book.activeSheet;
    s.enter(24, 5, 1); // F25 corrected to the bonus cap
    await runCheck();
    expect(s.cell('F25')?.fill).toBeUndefined();
    expect(s.notes.has('F25')).toBe(false);
  });

  test('without colouring, totals are still written and earlier marks are taken off', async () => {
    await runCheck();
    await runCheck({ marks: false });
    const s = h.book.activeSheet;
    expect(s.notes.size).toBe(0);
    expect([...s.cells.values()].some((c) => c.fill)).toBe(false);
    expect(s.valueAt(39, 5)).toBe(57);
  });

  test('a selected range is checked instead of the whole sheet', async () => {
    h.book.selection = 'A5:G40';
    const out = await runCheck();
    expect(out.address).toBe("'Chấm điểm'!A5:G40");
    h.book.selection = 'B7';
    expect((await runCheck()).address).toBe("'Chấm điểm'!A1:G40");
  });
});

describe('refusals leave the workbook as it was', () => {
  test('a protected sheet', async () => {
    const h = hostWithGrid(seed);
    h.book.activeSheet.protected = true;
    const before = snapshot(h.book);
    await expect(failure(runCheck())).resolves.toBe(
      'Trang “Chấm điểm” đang được bảo vệ. Bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. Bảng tính chưa bị thay đổi.',
    );
    expect(h.book.syncs).toBe(1);
    expect(snapshot(h.book)).toBe(before);
    expect(h.book.savedSettings).toBeUndefined();
  });

  test('a sheet without a scoring table, and an empty sheet', async () => {
    const h = hostWithGrid(grid([['Danh sách cán bộ'], ['Họ tên', 'Chức vụ'], ['Nguyễn Văn A', 'Trưởng phòng']], { name: 'Danh sách' }));
    const before = snapshot(h.book);
    await expect(failure(runCheck())).resolves.toMatch(/^Trang “Danh sách” không có bảng chấm điểm.*Bảng tính chưa bị thay đổi\.$/);
    expect(snapshot(h.book)).toBe(before);
    hostWithGrid(grid([], { name: 'Trống' }));
    await expect(failure(runCheck())).resolves.toMatch(/Trang “Trống” không có bảng chấm điểm/);
  });

  test('a cell in edit mode', async () => {
    const h = hostWithGrid(seed);
    h.book.editMode = true;
    const before = snapshot(h.book);
    await expect(failure(runCheck())).resolves.toMatch(/chế độ sửa ô/);
    expect(snapshot(h.book)).toBe(before);
  });

  test('a host older than ExcelApi 1.8', async () => {
    const h = hostWithGrid(seed);
    (Office.context.requirements as { isSetSupported: unknown }).isSetSupported = () => false;
    await expect(failure(runCheck())).resolves.toMatch(/Excel 2019 trở lên/);
    expect(h.book.syncs).toBe(0);
  });
});

describe('older hosts', () => {
  test.each<[ApiVersion, number]>([
    ['1.8', 3],
    ['1.9', 3],
    ['1.13', 3],
  ])('ExcelApi %s: the message goes into an input prompt, the user’s own prompt is kept and given back (%i syncs)', async (api, syncs) => {
    const h = hostWithGrid(seed, api);
    const s = h.book.activeSheet;
    s.ensure(21, 4).prompt = { title: 'Tổng', message: 'Cộng các mục', showPrompt: true };
    s.ensure(21, 4).rule = 'Decimal';
    s.ensure(24, 5).fill = { color: '#00B050' };
    const before = snapshot(h.book);
    await runCheck();
    expect(h.book.syncs).toBe(syncs);
    expect(s.notes.size).toBe(0);
    expect(s.cell('F25')?.prompt?.message).toContain('Nội dung 2, mục 3 tự chấm 10 điểm thưởng');
    expect(s.cell('F25')?.fill?.color).toBe(FILL.error);
    expect(s.cell('E22')?.prompt?.message).toMatch(/^Cộng các mục\nNội dung 2 ghi 200/);
    for (const m of checkSheet(seed).plan.marks) expect(s.cell(m.cell)?.prompt?.title).toMatch(/^Thi đua: /);

    h.book.resetCounters();
    await runCheck();
    expect(h.book.syncs).toBe(2); // every cell to mark is already backed up
    installHost(h.book);
    await clearMarks();
    await undoWrites();
    expect(snapshot(h.book)).toBe(before);
  });

  test('ExcelApi 1.8 sets fills cell by cell; 1.9 in one call per colour', async () => {
    const many = generated(400, 100);
    const marks = checkSheet(many).plan.marks.length;
    const calls: Record<string, number> = {};
    for (const api of ['1.8', '1.9'] as ApiVersion[]) {
      const h = hostWithGrid(many, api);
      await runCheck();
      h.book.resetCounters();
      await runCheck(); // the second check: no capture, only the writes
      calls[api] = h.book.calls;
    }
    expect(calls['1.8'] - calls['1.9']).toBeGreaterThan(marks * 2 - 20);
  });
});

describe('size', () => {
  test('two syncs whatever the size; queued calls grow with findings, not with cells', async () => {
    for (const [rows, faults] of [
      [50, 5],
      [5000, 0],
      [5000, 200],
    ]) {
      const g = generated(rows, faults);
      const { plan } = checkSheet(g);
      const h = hostWithGrid(g);
      await runCheck();
      expect(h.book.syncs).toBe(2);
      // A note per marked cell, a range and its formula per total written; reads, the backup, the sheet's key and
      // anchor, and batched fills are a fixed few calls more.
      const rest = h.book.calls - plan.marks.length - 2 * plan.writes.length;
      expect(rest).toBeGreaterThan(0);
      expect(rest).toBeLessThan(30 + plan.marks.length / 50);
    }
  }, 60000);
});

test('a total that was text comes back as text after Hoàn tác', async () => {
  const body = set(validBody(), 3, 'E', '49');
  const h = hostWithGrid(table(body));
  await runCheck();
  expect(h.book.activeSheet.cell('E3')?.formula).toBeDefined();
  await undoWrites();
  expect(h.book.activeSheet.cell('E3')?.formula).toBeUndefined();
  expect(h.book.activeSheet.cell('E3')?.value).toBe('49');
});

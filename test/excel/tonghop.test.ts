/**
 * Tổng hợp khối in Excel, against the in-memory host (test/host/excel-host.ts, with the calls of test/host/bloc-host.ts):
 * a workbook holding several units as sheets, a sheet of the user's own, and the user's own sheet named “Tổng hợp”.
 */
import { SheetGrid } from '../../src/engine';
import { BLOC_KEY, CHAIN_LIMIT, runTonghop } from '../../src/excel/tonghop';
import { TEMPLATE_KEY } from '../../src/excel/template';
import { BLOC, CLEAN, seed, withChanges } from '../helpers/bloc';
import { grid } from '../helpers/grid';
import { extras, extendHost } from '../host/bloc-host';
import { HostSheet, HostWorkbook, installHost } from '../host/excel-host';

extendHost();

/** Units 1–5 of the test bloc as sheets of one workbook (named by their “Đơn vị:” line), a cover sheet, the user's “Tổng hợp”. */
async function workbook(): Promise<HostWorkbook> {
  const base = await seed();
  const book = new HostWorkbook('1.18');
  book.loadGrid(grid([['Danh sách các đơn vị của khối'], ['Sở Nội vụ'], ['Sở Tài chính']], { name: 'Bìa' }));
  for (const u of BLOC.slice(0, 5))
    book.loadGrid(withChanges(base, { ...CLEAN, ...u.changes, A2: `Đơn vị: ${u.name}` }, u.name!.replace('Sở ', '')));
  book.loadGrid(grid([['Ghi chép của tôi'], [42]], { name: 'Tổng hợp' }));
  installHost(book);
  return book;
}

/** The sheets `workbook()` holds, in order: the cover, the five units, the user's own “Tổng hợp”. */
const BOOK_SHEETS = ['Bìa', 'Nội vụ', 'Tài chính', 'Tư pháp', 'Kế hoạch và Đầu tư', 'Y tế', 'Tổng hợp'];

function snapshot(s: HostSheet): string {
  return JSON.stringify([s.name, [...s.cells.entries()], [...s.notes.entries()], s.merges]);
}

const column = (s: HostSheet, letter: string, from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => s.cell(`${letter}${from + i}`)?.value ?? null);

describe('Tổng hợp khối from the sheets of the open workbook', () => {
  test('reads every unit sheet in one sync and writes both summary sheets in one more, touching no other sheet', async () => {
    const book = await workbook();
    const before = book.sheets.map(snapshot);
    book.resetCounters();
    const asked: string[][] = [];
    const outcome = await runTonghop({ confirmReplace: async (n) => (asked.push(n), true) });
    // One to list the sheets and read them all (walked from the first, no name needed), one to write.
    expect(book.syncs).toBe(2);
    expect(asked).toEqual([]);
    // The user's own “Tổng hợp” keeps its name and cells; ours takes the next free name.
    expect(outcome.written).toEqual(['Tổng hợp (2)', 'Theo tiêu chí']);
    expect(book.sheets.slice(0, before.length).map(snapshot)).toEqual(before);
    expect(book.sheets.map((s) => s.name)).toEqual([...BOOK_SHEETS, 'Tổng hợp (2)', 'Theo tiêu chí']);

    const th = book.sheets[7];
    // Worked by hand (test/cli/tonghop.test.ts): 993 (Nội vụ, Tư pháp), 988, 983 (Tài chính, Y tế).
    expect(column(th, 'B', 5, 9)).toEqual(['Sở Nội vụ', 'Sở Tư pháp', 'Sở Kế hoạch và Đầu tư', 'Sở Tài chính', 'Sở Y tế']);
    expect(column(th, 'D', 5, 9)).toEqual([993, 1003, 1008, 983, 986]);
    expect(column(th, 'E', 5, 9)).toEqual([993, 993, 988, 983, 983]);
    expect(th.cell('K5')?.formula).toBe('=RANK(G5,$G$5:$G$9,0)');
    expect(th.cell('G6')?.formula).toBe('=IF(ISNUMBER(F6),F6,E6)');
    expect(outcome.ranking.units.map((u) => u.rank)).toEqual([1, 1, 3, 4, 4]);
    // Formatting and print setup, as planned.
    const x = extras(th);
    expect(x.font.get('A4')?.bold).toBe(true);
    expect(x.page).toEqual({ orientation: 'Landscape', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 }, titleRows: '$4:$4' });
    expect(x.frozenRows).toBe(4);
    expect(x.widths.get(1)).toBe(32 * 6);
    expect(th.merges).toContainEqual({ top: 0, left: 0, bottom: 0, right: 16 });
    // Theo tiêu chí: TT written as text (1.2 stays “1.2”, not the number 1.2), Sở Tư pháp's 60 of 50 filled red.
    const tc = book.sheets[8];
    const row = [...tc.cells.entries()].find(([, c]) => c.value === '1.2')?.[0];
    expect(row).toBeDefined();
    const r = Number(row!.split(',')[0]) + 1;
    expect(tc.cell(`E${r}`)).toMatchObject({ value: 60, fill: { color: '#FFC7CE' } });
    // The marker names our sheets, by the names written.
    expect(JSON.parse(book.savedSettings!)[BLOC_KEY].sheets.map((s: { name: string; role: string }) => s.role)).toEqual([
      'tong-hop',
      'theo-tieu-chi',
    ]);
  });

  test('a second run asks first; declined, nothing changes; accepted, only its own sheets are replaced, and one the leader renamed is left alone', async () => {
    const book = await workbook();
    await runTonghop({ confirmReplace: async () => true });
    book.sheets[7].name = 'Kết quả khối (đã sửa)'; // the leader renamed our summary
    const before = book.sheets.map(snapshot);
    const declined = runTonghop({ confirmReplace: async () => false });
    await expect(declined).rejects.toThrow(/Đã dừng: các trang tổng hợp cũ được giữ nguyên/);
    expect(book.sheets.map(snapshot)).toEqual(before);

    let asked: string[] = [];
    const again = await runTonghop({ confirmReplace: async (n) => ((asked = n), true) });
    // Worksheet ids are not documented to survive a reopen, so the add-in knows its sheets by the names it wrote: a
    // renamed summary is the leader's now, and stays as it is.
    expect(asked).toEqual(['Theo tiêu chí']);
    expect(again.replaced).toEqual(['Theo tiêu chí']);
    expect(book.sheets.map((s) => s.name)).toEqual([...BOOK_SHEETS, 'Kết quả khối (đã sửa)', 'Tổng hợp (2)', 'Theo tiêu chí']);
    expect(book.sheets.slice(0, 8).map(snapshot)).toEqual(before.slice(0, 8));
  });

  test('units read from chosen files are summed with the workbook’s own', async () => {
    const book = await workbook();
    const base = await seed();
    const { checkSheet } = await import('../../src/engine');
    const { unitScores } = await import('../../src/engine/bloc');
    const g: SheetGrid = withChanges(base, { ...CLEAN, A2: 'Đơn vị: Sở Xây dựng', E23: 10, E22: 185, E40: 935 }, 'Chấm điểm');
    const outcome = await runTonghop({
      confirmReplace: async () => true,
      extra: async () => [
        { kind: 'unit', unit: unitScores(checkSheet(g), g, { file: 'so-xay-dung.xlsx', onlySheetOfFile: true }) },
        { kind: 'unread', file: 'hong.xlsx', reason: 'Tệp bị hỏng.' },
      ],
    });
    expect(outcome.ranking.units.map((u) => u.unit.name)).toContain('Sở Xây dựng');
    expect(outcome.ranking.unread).toEqual([{ file: 'hong.xlsx', reason: 'Tệp bị hỏng.' }]);
    const th = book.sheets.find((s) => s.name === 'Tổng hợp (2)')!;
    expect([...th.cells.values()].some((c) => c.value === 'hong.xlsx')).toBe(true);
  });

  test('the workbook’s template choice is read in the same first sync and given to the chosen files too; a broken one refuses', async () => {
    const book = await workbook();
    book.setSetting(TEMPLATE_KEY, 'builtin:quang-ngai-2022');
    book.resetCounters();
    const given: (string | undefined)[] = [];
    const outcome = await runTonghop({ confirmReplace: async () => true, extra: async (t) => (given.push(t?.id), []) });
    expect(book.syncs).toBe(2);
    expect(given).toEqual(['quang-ngai-tham-muu-tong-hop-2022']);
    const tc = book.sheets.find((s) => s.name === outcome.written[1])!;
    expect(String(tc.cell('A3')?.value)).toMatch(/ghép theo mẫu tiêu chí của khối/);

    const broken = await workbook();
    broken.setSetting(TEMPLATE_KEY, '{"version": 99}');
    const names = broken.sheets.map((s) => s.name);
    await expect(runTonghop({ confirmReplace: async () => true })).rejects.toThrow(/Không dùng được bảng tiêu chí đã chọn/);
    expect(broken.sheets.map((s) => s.name)).toEqual(names);
  });

  test('no unit sheet and no file: refused, nothing written', async () => {
    const book = new HostWorkbook('1.18');
    book.loadGrid(grid([['Chỉ có chữ']], { name: 'Trang 1' }));
    installHost(book);
    await expect(runTonghop({ confirmReplace: async () => true })).rejects.toThrow(/Không có trang nào có bảng chấm điểm/);
    expect(book.sheets).toHaveLength(1);
  });

  test('on ExcelApi 1.4 (no getFirst / getNextOrNullObject): the sheets are named in one sync, read in a second, the same summary', async () => {
    const walked = await workbook();
    const first = await runTonghop({ confirmReplace: async () => true });
    const book = await workbook();
    book.api = '1.4';
    book.resetCounters();
    const outcome = await runTonghop({ confirmReplace: async () => true });
    expect(book.syncs).toBe(3);
    expect(outcome.written).toEqual(first.written);
    const cells = (b: HostWorkbook) => b.sheets.map((s) => [s.name, [...s.cells.entries()].sort()]);
    expect(cells(book)).toEqual(cells(walked));
  });

  test('a hidden sheet is neither walked nor read as a unit, and its name stays taken', async () => {
    const book = await workbook();
    book.loadGrid(grid([['Trang ẩn']], { name: 'Theo tiêu chí' }));
    extras(book.sheets[1]).visibility = 'Hidden'; // Nội vụ
    book.resetCounters();
    const outcome = await runTonghop({ confirmReplace: async () => true });
    expect(book.syncs).toBe(2);
    expect(outcome.ranking.units.map((u) => u.unit.name)).not.toContain('Sở Nội vụ');
    expect(outcome.ranking.units).toHaveLength(4);
    expect(outcome.written).toEqual(['Tổng hợp (2)', 'Theo tiêu chí (2)']);
  });

  test(`more visible sheets than the walk takes (${CHAIN_LIMIT}): the rest are read by id in one more sync`, async () => {
    const book = new HostWorkbook('1.18');
    for (let i = 1; i <= CHAIN_LIMIT; i++) book.loadGrid(grid([[`Ghi chú ${i}`]], { name: `Trang ${i}` }));
    const base = await seed();
    for (const u of BLOC.slice(0, 3)) book.loadGrid(withChanges(base, { ...CLEAN, ...u.changes, A2: `Đơn vị: ${u.name}` }, u.name!));
    installHost(book);
    book.resetCounters();
    const outcome = await runTonghop({ confirmReplace: async () => true });
    expect(book.syncs).toBe(3);
    expect(outcome.ranking.units.map((u) => u.unit.name).sort()).toEqual(
      BLOC.slice(0, 3)
        .map((u) => u.name)
        .sort(),
    );
  });

  test('a host that refuses calls on the null object past the last sheet: the sheets are named first, nothing lost', async () => {
    await workbook();
    const walked = await runTonghop({ confirmReplace: async () => true });
    const strict = await workbook();
    strict.refuseNullObjectCalls = true;
    strict.resetCounters();
    const outcome = await runTonghop({ confirmReplace: async () => true });
    // The refused walk, then list, read and write.
    expect(strict.syncs).toBe(4);
    expect(outcome.written).toEqual(walked.written);
    expect(outcome.ranking.units.map((u) => u.unit.name)).toEqual(walked.ranking.units.map((u) => u.unit.name));
  });

  test('on ExcelApi 1.8: per-cell formats, no page layout (1.9), the summary written all the same', async () => {
    const book = await workbook();
    book.api = '1.8';
    const outcome = await runTonghop({ confirmReplace: async () => true });
    expect(outcome.written).toEqual(['Tổng hợp (2)', 'Theo tiêu chí']);
    expect(extras(book.sheets[7]).page).toEqual({});
    expect(extras(book.sheets[7]).font.get('A4')?.bold).toBe(true);
  });
});

describe('the host walks its sheets as Office does (bloc-host.ts)', () => {
  test('getFirst(true) and getNextOrNullObject(true) skip hidden sheets; past the last, null objects that read as empty', async () => {
    const book = new HostWorkbook('1.18');
    for (const n of ['A', 'B', 'C']) book.loadGrid(grid([[n]], { name: n }));
    extras(book.sheets[1]).visibility = 'Hidden';
    installHost(book);
    await Excel.run(async (context) => {
      const first = context.workbook.worksheets.getFirst(true);
      const second = first.getNextOrNullObject(true);
      const past = second.getNextOrNullObject(true);
      const further = past.getNextOrNullObject(true);
      const range = further.getUsedRange(true);
      for (const w of [first, second, past, further]) w.load('name');
      range.load('values');
      await context.sync();
      expect([first, second, past, further].map((w) => [w.isNullObject, w.name])).toEqual([
        [false, 'A'],
        [false, 'C'],
        [true, undefined],
        [true, undefined],
      ]);
      expect([range.isNullObject, range.values]).toEqual([true, undefined]);
    });
  });

  test('before ExcelApi 1.5 the walk fails at sync with ApiNotFound', async () => {
    const book = new HostWorkbook('1.4');
    book.loadGrid(grid([['A']], { name: 'A' }));
    installHost(book);
    await expect(
      Excel.run(async (context) => {
        context.workbook.worksheets.getFirst().load('name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });
});

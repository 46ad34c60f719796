/** The template choice kept in the workbook, the picker's entries, and the check and the read-only inspection that use it. */
import {
  builtinTemplate,
  inferTemplate,
  listBuiltinTemplates,
  parseTemplateJson,
  SheetGrid,
  Template,
  templateToJson,
  UserError,
} from '../../src/engine';
import {
  chosenTemplate,
  inspectSheet,
  pickedChoice,
  pickerEntries,
  PICK_CUSTOM,
  PICK_FILE,
  PICK_NONE,
  runCheck,
  saveTemplateChoice,
  storedTemplate,
  TEMPLATE_KEY,
  templateNote,
} from '../../src/excel';
import { addinOptions, DEFAULT_OPTIONS } from '../../src/excel/options';
import { templateSentence } from '../../src/excel/summary';
import { KIEM_TRA_ACTION } from '../../src/commands/ids';
import { TEMPLATE_RULES } from '../helpers/template';
import { readGrids } from '../helpers/xlsx';
import { HostWorkbook, hostWithGrid, installHost } from '../host/excel-host';

let seed: SheetGrid;
const builtin = listBuiltinTemplates()[0];

beforeAll(async () => {
  seed = (await readGrids('test/fixtures/seed-2022-typed.xlsx')).find((g) => g.name === 'Chấm điểm')!;
});

/** The built-in with its first criterion's standard raised by 5 (and its sums kept), as a bloc might change it. */
function changedTemplate(): Template {
  const changed = structuredClone(builtinTemplate(builtin.id)!);
  const first = changed.sections[0].criteria[0];
  const leaf = first.children.length > 0 ? first.children[0] : first;
  leaf.diemChuan += 5;
  if (first !== leaf) first.diemChuan = first.children.reduce((n, c) => n + c.diemChuan, 0);
  changed.sections[0].diemChuan = changed.sections[0].criteria.reduce((n, c) => n + c.diemChuan, 0);
  const parsed = parseTemplateJson(JSON.stringify(changed));
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.template;
}

/** What a person would see on the sheets: cells with their fills and prompts, and notes. */
function cellsOf(book: HostWorkbook): string {
  return JSON.stringify(book.sheets.map((s) => ({ cells: [...s.cells.entries()], notes: [...s.notes] })));
}

describe('the choice kept in the workbook', () => {
  test('a built-in is stored as one setting and comes back after the file is reopened', async () => {
    const h = hostWithGrid(seed);
    expect(await storedTemplate()).toEqual({ kind: 'none' });
    // Saved as the picker saves it: from the entry's value.
    await saveTemplateChoice(pickedChoice(pickerEntries(await storedTemplate()).entries[1].value)!);
    expect(JSON.parse(h.book.savedSettings!)[TEMPLATE_KEY]).toBe(`builtin:${builtin.id}`);

    installHost(h.book); // a reopen: fresh settings read from what was saved
    const s = await storedTemplate();
    expect(s.kind).toBe('builtin');
    expect((await chosenTemplate())?.id).toBe(builtin.id);
    expect(templateNote(s)).toContain(builtin.bloc);
  });

  test('a loaded template is stored whole, so the workbook carries it; choosing none forgets it', async () => {
    const h = hostWithGrid(seed);
    const t = { ...builtinTemplate(builtin.id)!, id: 'mau-rieng-2022', bloc: 'Khối riêng' };
    await saveTemplateChoice({ custom: t });
    installHost(h.book);
    expect(await storedTemplate()).toEqual({ kind: 'custom', template: t });

    await saveTemplateChoice(null);
    installHost(h.book);
    expect(JSON.parse(h.book.savedSettings!)[TEMPLATE_KEY]).toBeUndefined();
    expect(await chosenTemplate()).toBeUndefined();
  });

  test('a choice that no longer reads stops the check with a Vietnamese reason, and nothing is written', async () => {
    const h = hostWithGrid(seed);
    h.book.savedSettings = JSON.stringify({ [TEMPLATE_KEY]: 'builtin:khong-co' });
    installHost(h.book);
    const s = await storedTemplate();
    expect(s.kind).toBe('broken');
    expect(pickerEntries(s).selected).toBe(PICK_NONE);
    await expect(chosenTemplate()).rejects.toThrow(UserError);
    await expect(chosenTemplate()).rejects.toThrow(/không còn mẫu có sẵn “khong-co”.*chọn lại/);

    h.book.savedSettings = JSON.stringify({ [TEMPLATE_KEY]: '{"version": 1, ' });
    installHost(h.book);
    await expect(chosenTemplate()).rejects.toThrow(/bị hỏng/);
  });
});

describe('the picker and the options', () => {
  test('entries: none, each built-in, the loaded template when there is one, the file chooser last', () => {
    const none = pickerEntries({ kind: 'none' });
    expect(none.entries.map((e) => e.value)).toEqual([PICK_NONE, `builtin:${builtin.id}`, PICK_FILE]);
    expect(none.entries[0].label).toBe('Không đối chiếu');
    expect(none.entries[1].label).toBe(`${builtin.bloc} — năm 2022`);
    expect(none.entries[2].label).toBe('Tệp mẫu (.json)…');
    expect(none.selected).toBe(PICK_NONE);

    const t = builtinTemplate(builtin.id)!;
    expect(pickerEntries({ kind: 'builtin', id: t.id, template: t }).selected).toBe(`builtin:${t.id}`);
    const custom = pickerEntries({ kind: 'custom', template: { ...t, bloc: 'Khối riêng', year: 2023 } });
    expect(custom.selected).toBe(PICK_CUSTOM);
    expect(custom.entries.map((e) => e.value)).toEqual([PICK_NONE, `builtin:${builtin.id}`, PICK_CUSTOM, PICK_FILE]);
    expect(custom.entries[2].label).toBe('Mẫu đã nạp: Khối riêng — năm 2023');

    // What each value saves: the built-in by its bare id, none as no setting; the loaded one and the chooser change nothing.
    expect(pickedChoice(none.entries[1].value)).toEqual({ builtin: builtin.id });
    expect(pickedChoice(PICK_NONE)).toBeNull();
    expect(pickedChoice(PICK_CUSTOM)).toBeUndefined();
    expect(pickedChoice(PICK_FILE)).toBeUndefined();
  });

  test('the template goes into the check options only when one is chosen', () => {
    const t = builtinTemplate(builtin.id)!;
    expect(addinOptions(DEFAULT_OPTIONS)).toEqual({ totals: 'formulas', marks: true });
    expect('template' in addinOptions(DEFAULT_OPTIONS, undefined)).toBe(false);
    expect(addinOptions({ totals: 'values', marks: false }, t)).toEqual({ totals: 'values', marks: false, template: t });
  });
});

describe('checks with a template', () => {
  test('runCheck holds the sheet against the chosen template and reports how it matched', async () => {
    hostWithGrid(seed);
    const without = await runCheck(addinOptions(DEFAULT_OPTIONS));
    expect(without.report.template).toBeUndefined();

    hostWithGrid(seed);
    const t = builtinTemplate(builtin.id)!;
    const out = await runCheck(addinOptions(DEFAULT_OPTIONS, t));
    const summary = out.report.template!;
    expect(summary.id).toBe(t.id);
    expect(summary.matches.length).toBeGreaterThan(0);
    // The seed is the sheet the built-in was made from: no template rule should fire as an error.
    expect(out.report.findings.filter((f) => TEMPLATE_RULES.includes(f.rule) && f.severity === 'error')).toEqual([]);
    expect(templateSentence(summary)).toBe(
      `Đối chiếu với ${t.bloc} — năm 2022: ${summary.matches.length} mục khớp, thiếu ${summary.missing.length}, thừa ${summary.extra.length}.`,
    );
  });

  test('a changed standard against the template is found through the normal findings', async () => {
    hostWithGrid(seed);
    const out = await runCheck(addinOptions(DEFAULT_OPTIONS, changedTemplate()));
    expect(out.report.findings.some((f) => f.rule === 'standard-changed')).toBe(true);
  });

  test('the ribbon honours the stored choice, and refuses a broken one without writing', async () => {
    (globalThis as { location?: unknown }).location = { href: 'https://localhost:3000/commands.html' };
    try {
      const ribbon = async (h: ReturnType<typeof hostWithGrid>): Promise<string> => {
        jest.isolateModules(() => {
          require('../../src/commands/commands');
        });
        await new Promise((r) => setTimeout(r, 0));
        await new Promise<void>((resolve) => h.actions.get(KIEM_TRA_ACTION)!({ completed: resolve }));
        return h.dialogs[0];
      };
      const plain = await ribbon(hostWithGrid(seed));
      const h = hostWithGrid(seed);
      await saveTemplateChoice({ custom: changedTemplate() });
      const held = await ribbon(h);
      // The stored template reaches the ribbon's check: the changed standard adds a finding the plain check lacks.
      expect(held).toMatch(/^Đã kiểm tra trang “Chấm điểm”/);
      expect(held).not.toBe(plain);

      const broken = hostWithGrid(seed).book;
      broken.savedSettings = JSON.stringify({ [TEMPLATE_KEY]: 'builtin:khong-co' });
      const b = installHost(broken);
      const before = cellsOf(b.book);
      expect(await ribbon(b)).toMatch(/^Không dùng được bảng tiêu chí đã chọn .*Bảng tính chưa bị thay đổi\.$/);
      expect(cellsOf(b.book)).toBe(before);
    } finally {
      delete (globalThis as { location?: unknown }).location;
    }
  });
});

describe('Tạo mẫu từ bảng này', () => {
  test('inspectSheet reads and checks in one sync and writes nothing, not even a backup', async () => {
    const h = hostWithGrid(seed);
    const before = cellsOf(h.book);
    h.book.resetCounters();
    const report = await inspectSheet();
    expect(h.book.syncs).toBe(1);
    expect(cellsOf(h.book)).toBe(before);
    expect(h.book.savedSettings).toBeUndefined();
    expect(report.plan.marks.length).toBeGreaterThan(0); // findings there were, and none went onto the sheet

    const t = inferTemplate(report, { bloc: 'Khối thi đua' });
    expect(t.year).toBe(2022);
    const back = parseTemplateJson(templateToJson(t));
    expect(back.ok).toBe(true);
  });
});

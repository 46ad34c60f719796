/**
 * The test host as the browser test loads it in place of office.js: the sheet comes from `window.__THIDUA_SHEET__`
 * (a SheetGrid as JSON), and `window.__thiduaHost` lets the test look at the workbook.
 */
import { parseA1, SheetGrid } from '../../src/engine/grid';
import { ApiVersion, HostWorkbook, installHost } from './excel-host';

interface TestWindow {
  __THIDUA_SHEET__?: SheetGrid;
  /** The add-in's settings as a workbook opened again would hold them (a JSON object as text). */
  __THIDUA_SETTINGS__?: string;
  __THIDUA_API__?: ApiVersion;
  __thiduaHost?: unknown;
}

const w = window as unknown as TestWindow & Record<string, unknown>;
const book = new HostWorkbook(w.__THIDUA_API__ ?? '1.18');
if (w.__THIDUA_SHEET__) book.loadGrid(w.__THIDUA_SHEET__);
else book.addSheet('Trang1');
if (w.__THIDUA_SETTINGS__) book.savedSettings = w.__THIDUA_SETTINGS__;
const installed = installHost(book, w);

w.__thiduaHost = {
  book,
  dialogs: installed.dialogs,
  actions: installed.actions,
  /** What a person sees in a cell: value (formulas evaluated), formula, fill, note, input prompt. */
  cell(address: string) {
    const s = book.activeSheet;
    const p = parseA1(address);
    const c = s.cellAt(p.row, p.col);
    return {
      value: s.valueAt(p.row, p.col),
      formula: c?.formula ?? null,
      fill: c?.fill?.color ?? null,
      note: s.notes.get(address) ?? null,
    };
  },
  /** The whole active sheet, to compare before and after. */
  snapshot() {
    const s = book.activeSheet;
    const cells = [...s.cells.entries()]
      .filter(([, c]) => c.value !== null || c.formula || c.fill || c.prompt)
      .map(([k, c]) => {
        const [r, col] = k.split(',').map(Number);
        return [k, { ...c, value: s.valueAt(r, col) }];
      })
      .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    return JSON.stringify({ cells, notes: [...s.notes].sort() });
  },
  get selection() {
    return book.selection;
  },
  get syncs() {
    return book.syncs;
  },
};

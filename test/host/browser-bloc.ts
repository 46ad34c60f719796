/**
 * The test host for the browser test of *Tổng hợp khối*: a workbook of several sheets from `window.__THIDUA_SHEETS__`
 * (SheetGrids as JSON), with the calls of bloc-host.ts; `window.__thiduaHost` lets the test look at every sheet.
 */
import { parseA1, SheetGrid } from '../../src/engine/grid';
import { extendHost } from './bloc-host';
import { HostWorkbook, installHost } from './excel-host';

interface TestWindow {
  __THIDUA_SHEETS__?: SheetGrid[];
  __thiduaHost?: unknown;
}

extendHost();
const w = window as unknown as TestWindow & Record<string, unknown>;
const book = new HostWorkbook('1.18');
for (const g of w.__THIDUA_SHEETS__ ?? []) book.loadGrid(g);
if (book.sheets.length === 0) book.addSheet('Trang1');
installHost(book, w);

w.__thiduaHost = {
  book,
  names: () => book.sheets.map((s) => s.name),
  /** context.sync calls since the last reset. */
  syncs: () => book.syncs,
  resetCounters: () => book.resetCounters(),
  /** A cell of a sheet by name: its value and formula. */
  cell(sheet: string, address: string) {
    const s = book.sheets.find((x) => x.name === sheet);
    if (!s) return null;
    const p = parseA1(address);
    const c = s.cellAt(p.row, p.col);
    return { value: c?.value ?? null, formula: c?.formula ?? null, fill: c?.fill?.color ?? null };
  },
  /** Every sheet's cells, to show that no other sheet changed. */
  snapshot(names: string[]) {
    return JSON.stringify(book.sheets.filter((s) => names.includes(s.name)).map((s) => [s.name, [...s.cells.entries()].sort()]));
  },
};

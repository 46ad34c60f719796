/**
 * One measured operation in its own process (so that peak memory is its own): `node fix-child.js MODE IN [OUT]`.
 * MODE: old-fix (the ExcelJS rewrite), read-exceljs or read-direct (every visible sheet's grid, nothing written).
 * Prints one JSON line: { ms, maxRssKb }.
 */
import ExcelJS from 'exceljs';
import { checkWorkbook, SheetReport } from '../src/engine';
import { openBook } from '../src/xlsx/book';
import { sheetGrid } from '../src/xlsx/exceljs-grid';
import { applyPlan, openWorkbook, saveWorkbook } from './exceljs-fix';

function reports(grids: ReturnType<typeof sheetGrid>[]): SheetReport[] {
  return checkWorkbook(grids).reports;
}

async function main(): Promise<void> {
  const [mode, input, output] = process.argv.slice(2);
  const t = performance.now();
  if (mode === 'read-direct') {
    const book = await openBook(input);
    for (const s of book.sheets) if (s.state === 'visible' && s.part) book.grid(s);
  } else {
    const wb: ExcelJS.Workbook = await openWorkbook(input);
    const visible = wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
    const grids = visible.map(sheetGrid);
    if (mode === 'old-fix') {
      for (const r of reports(grids)) applyPlan(wb.getWorksheet(r.sheet)!, r);
      await saveWorkbook(wb, output, input);
    }
  }
  process.stdout.write(`${JSON.stringify({ ms: performance.now() - t, maxRssKb: process.resourceUsage().maxRSS })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
});

/**
 * Unit files chosen in the pane, read inside the pane: ExcelJS is loaded here only, by a dynamic import, so webpack
 * puts it in a chunk of its own and the pane's first load does not carry it. Nothing leaves the machine.
 */
import { checkSheet, isUserError, Template } from '../engine';
import { BlocInput, unitScores } from '../engine/bloc';
import { sheetGrid } from '../xlsx/exceljs-grid';

/** The CLI's limit on a file's size (src/xlsx/workbook.ts LIMITS.fileBytes): a scoring table is tens of KB. */
const MAX_BYTES = 30 * 1024 * 1024;

/** Every sheet of every file that holds a scoring table, as a unit; a file that cannot be read, as not read. */
export async function readUnitFiles(files: File[], template?: Template): Promise<BlocInput[]> {
  const { default: ExcelJS } = await import(/* webpackChunkName: "doc-tep" */ 'exceljs');
  const out: BlocInput[] = [];
  for (const file of files) {
    if (file.size > MAX_BYTES) {
      out.push({ kind: 'unread', file: file.name, reason: `Tệp “${file.name}” quá lớn (trên 30 MB) với một bảng chấm điểm.` });
      continue;
    }
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(await file.arrayBuffer());
    } catch {
      out.push({
        kind: 'unread',
        file: file.name,
        reason: `Tệp “${file.name}” không phải .xlsx hợp lệ (tệp .xls cũ, có mật khẩu, hoặc bị hỏng).`,
      });
      continue;
    }
    const sheets = wb.worksheets.filter((ws) => ws.state === 'visible' || ws.state === undefined);
    const checked = sheets.flatMap((ws) => {
      const grid = sheetGrid(ws);
      try {
        return [{ grid, report: checkSheet(grid, { template }) }];
      } catch (e) {
        if (isUserError(e) && e.code === 'no-table') return [];
        throw e;
      }
    });
    if (checked.length === 0) out.push({ kind: 'unread', file: file.name, reason: `Tệp “${file.name}” không có bảng chấm điểm.` });
    for (const { grid, report } of checked) {
      out.push({ kind: 'unit', unit: unitScores(report, grid, { file: file.name, onlySheetOfFile: checked.length === 1, template }) });
    }
  }
  return out;
}

/** When the report was made: the latest date a document it cites can carry. */
import { GridView } from '../grid';
import { titleCells } from '../title';
import { DocDate, daysInMonth, docDate } from './dates';

/** "ngày 15/12/2022", "ngày /12/2022", "ngày … tháng 12 năm 2022": the day, or the month, may be left blank to fill in. */
const NUMERIC = /\bngay\s*(\d{1,2})?\s*[/.-]\s*(\d{1,2})?\s*[/.-]\s*(\d{4})\b/;
const WORDED = /\bngay\s*(\d{1,2})?[\s.…_]*thang\s*(\d{1,2})?[\s.…_]*nam\s*(\d{4})\b/;

/**
 * The report's date from the title rows above the header ("Ban hành kèm theo Báo cáo số /BC-VP ngày /12/2022"). A day
 * left blank is read as the month's last day, a month left blank as December: the latest the report can be dated.
 */
export function reportDateOf(view: GridView, headerRow: number): DocDate | undefined {
  for (const { folded } of titleCells(view, headerRow - 1)) {
    const m = NUMERIC.exec(folded) ?? WORDED.exec(folded);
    if (!m) continue;
    const year = Number(m[3]);
    const month = m[2] ? Number(m[2]) : 12;
    if (month < 1 || month > 12) continue;
    const day = m[1] ? Number(m[1]) : daysInMonth(month, year);
    const d = docDate(day, month, year);
    if (d.valid) return d;
  }
  return undefined;
}

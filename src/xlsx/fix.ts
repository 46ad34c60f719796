/** `thidua fix`: the reports' plans applied in place to a copy of the package, saved safely. */
import { SheetReport, UserError } from '../engine';
import { ensureHeap, XlsxBook } from './book';
import { EditRefusal, editPackage, EditSummary } from './edit';
import { marksAfterFix } from './marks';
import { saveFile, SaveOptions, writeChunks } from './workbook';
import { XmlError } from './xml';
import { writeZip, ZipFormatError } from './zip';

/**
 * What the edit holds at most, per byte of the sheet XML it edits (the text as UTF-16, its parse, the spliced copy,
 * the deflated result) and per byte of the file (input and output buffers), with room to spare.
 */
const EDIT_BYTES_PER_SHEET_BYTE = 12;
const EDIT_BYTES_PER_FILE_BYTE = 3;

function checkMemory(book: XlsxBook, reports: SheetReport[]): void {
  const sheetBytes = reports.reduce((n, r) => {
    const part = book.sheet(r.sheet)?.part;
    return n + (part ? (book.pkg.entry(part)?.size ?? 0) : 0);
  }, 0);
  ensureHeap(sheetBytes * EDIT_BYTES_PER_SHEET_BYTE + book.pkg.data.length * EDIT_BYTES_PER_FILE_BYTE, book.fileName);
}

export async function fixFile(
  book: XlsxBook,
  reports: SheetReport[],
  out: string,
  options: SaveOptions = {},
): Promise<{ summary: EditSummary; marks: number }> {
  checkMemory(book, reports);
  const plans = reports.map((r) => ({ sheet: r.sheet, writes: r.plan.writes, marks: marksAfterFix(r) }));
  let edited: ReturnType<typeof editPackage>;
  try {
    edited = editPackage(book, plans);
  } catch (e) {
    if (e instanceof EditRefusal) {
      const why =
        e.reason === 'strict'
          ? 'tệp lưu theo chuẩn “Strict Open XML”, thidua chưa sửa được loại này: hãy mở bằng Excel, Lưu thành › Sổ làm việc Excel (.xlsx), rồi chạy lại'
          : e.reason === 'no-styles'
            ? 'tệp không có phần định dạng (styles.xml) để tô màu ô: hãy mở và lưu lại bằng Excel hoặc LibreOffice, rồi chạy lại'
            : 'phần hình vẽ ghi chú (VML) của trang không đọc được: hãy mở và lưu lại bằng Excel, rồi chạy lại';
      throw new UserError('bad-input', `Không sửa được “${book.fileName}”: ${why}.`);
    }
    if (e instanceof XmlError || e instanceof ZipFormatError) {
      throw new UserError(
        'too-large',
        `Tệp “${book.fileName}” bị hỏng hoặc không phải .xlsx hợp lệ: Excel không mở được thì thidua cũng không sửa được.`,
      );
    }
    if (e instanceof RangeError)
      throw new UserError('too-large', `Không đủ bộ nhớ để sửa “${book.fileName}”: hãy chép trang chấm điểm sang một tệp mới.`);
    throw e;
  }
  const chunks = writeZip(book.pkg.data, edited.parts);
  await saveFile(out, book.file, (tmp) => writeChunks(tmp, chunks), options);
  return { summary: edited.summary, marks: plans.reduce((n, p) => n + p.marks.length, 0) };
}

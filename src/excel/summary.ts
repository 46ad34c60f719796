/** One Vietnamese sentence for the outcome of an action: what the ribbon button's message and the pane's status say. */
import { templateMatchSentence, TemplateSummary } from '../engine';
import { CheckOutcome, RestoreOutcome } from './actions';

/** "E22, F25 và 3 ô khác": the cells left alone, named. */
function cellList(cells: string[]): string {
  const shown = cells.slice(0, 8).join(', ');
  return cells.length > 8 ? `${shown} và ${cells.length - 8} ô khác` : shown;
}

function leftAloneSentence(cells: string[], what: string): string {
  return cells.length === 0 ? '' : ` Để nguyên ${cells.length} ô bạn đã sửa sau lần kiểm tra trước (${cellList(cells)}): ${what}.`;
}

export function checkSentence(o: CheckOutcome): string {
  const c = o.report.counts;
  const found = c.error + c.warning + c.info === 0 ? 'không thấy vấn đề nào' : `${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} lưu ý`;
  const wrote = o.written === 0 ? 'không cần ghi ô tổng nào' : `đã ghi ${o.written} ô tổng`;
  const notes = o.notes.length ? ` ${o.notes.join(' ')}` : '';
  return `Đã kiểm tra trang “${o.sheet}”: ${found}; ${wrote}.${notes}${leftAloneSentence(o.leftAlone, 'không trả lại màu nền, ghi chú cũ')}`;
}

export function clearSentence(o: RestoreOutcome): string {
  return `Đã xóa đánh dấu ở ${o.cells} ô trên trang “${o.sheet}”, trả lại màu nền và ghi chú vốn có.${leftAloneSentence(o.leftAlone, 'màu nền hoặc ghi chú bạn đặt được giữ nguyên')}`;
}

export function undoSentence(o: RestoreOutcome): string {
  return `Đã hoàn tác ${o.cells} ô tổng trên trang “${o.sheet}”, trả lại giá trị hoặc công thức cũ.${leftAloneSentence(o.leftAlone, 'giá trị bạn nhập được giữ nguyên')}`;
}

/** One line on how the sheet met the chosen template: rows matched, template rows missing, sheet rows it lacks. */
export function templateSentence(t: TemplateSummary): string {
  return templateMatchSentence(t);
}

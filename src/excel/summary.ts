/** One Vietnamese sentence for the outcome of an action: what the ribbon button's message and the pane's status say. */
import { templateMatchSentence, TemplateSummary } from '../engine';
import { CheckOutcome, RestoreOutcome } from './actions';

export function checkSentence(o: CheckOutcome): string {
  const c = o.report.counts;
  const found = c.error + c.warning + c.info === 0 ? 'không thấy vấn đề nào' : `${c.error} lỗi, ${c.warning} cảnh báo, ${c.info} lưu ý`;
  const wrote = o.written === 0 ? 'không cần ghi ô tổng nào' : `đã ghi ${o.written} ô tổng`;
  return `Đã kiểm tra trang “${o.sheet}”: ${found}; ${wrote}.`;
}

export function clearSentence(o: RestoreOutcome): string {
  return `Đã xóa đánh dấu ở ${o.cells} ô trên trang “${o.sheet}”, trả lại màu nền và ghi chú vốn có.`;
}

export function undoSentence(o: RestoreOutcome): string {
  return `Đã hoàn tác ${o.cells} ô tổng trên trang “${o.sheet}”, trả lại giá trị hoặc công thức cũ.`;
}

/** One line on how the sheet met the chosen template: rows matched, template rows missing, sheet rows it lacks. */
export function templateSentence(t: TemplateSummary): string {
  return templateMatchSentence(t);
}

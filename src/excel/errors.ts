/**
 * Office errors and refusals as Vietnamese sentences the user can act on, in one place. Office's messages are
 * localised (a French Excel says it in French), so an error is told by its `code` only
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-error-handling#api-error-codes);
 * its `debugInfo` (where it failed) goes to the console for whoever looks into it.
 */
import { isUserError, UserError } from '../engine';

/** A refusal meant for the user (the engine's one error model, code `host-refused`): the workbook was not changed. */
export function refusal(message: string): UserError {
  return new UserError('host-refused', message);
}

const UNCHANGED = 'Bảng tính chưa bị thay đổi.';

export const MESSAGES = {
  oldHost: `Phiên bản Excel này quá cũ: phần bổ trợ cần Excel 2019 trở lên, Microsoft 365, Excel trên web hoặc Excel cho Mac (ExcelApi 1.4). Hãy dùng công cụ dòng lệnh thidua cho tệp này. ${UNCHANGED}`,
  protectedSheet: (sheet: string) =>
    `Trang “${sheet}” đang được bảo vệ. Bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. ${UNCHANGED}`,
  protectedAny: `Trang đang mở được bảo vệ hoặc bạn không có quyền sửa. Bỏ bảo vệ trang rồi thử lại. ${UNCHANGED}`,
  editMode: `Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại. ${UNCHANGED}`,
  missingApi: `Phiên bản Excel này thiếu một chức năng mà phần bổ trợ cần. Hãy cập nhật Office. ${UNCHANGED}`,
  notARange: `Vùng đang chọn không phải là các ô (có thể là hình hoặc biểu đồ). Chọn một ô trong bảng rồi thử lại. ${UNCHANGED}`,
  tooLarge: `Vùng cần đọc quá lớn để Excel gửi cho phần bổ trợ. Chọn đúng vùng bảng chấm điểm (ví dụ A1:G60) rồi bấm Kiểm tra lại. ${UNCHANGED}`,
  tooLargeWrite:
    'Phần cần ghi (các ô và bản sao lưu) quá lớn để Excel nhận một lần. Chọn một vùng nhỏ hơn rồi thử lại; kiểm tra lại bảng tính trước khi lưu.',
  notFound: `Không tìm thấy trang hoặc vùng mà phần bổ trợ cần (có thể trang vừa bị xóa hoặc đổi tên). Thử lại. ${UNCHANGED}`,
  saveFailed: (why: string) => `Không lưu được lựa chọn vào bảng tính: ${why}`,
  nothingToClear: 'Trang này không có đánh dấu nào của phần bổ trợ.',
  nothingToUndo: 'Phần bổ trợ chưa ghi ô nào trên trang này.',
  tableReshaped: (sheet: string) =>
    `Bảng trên trang “${sheet}” đã được thêm hoặc bớt dòng, cột bên trong kể từ lần kiểm tra trước, nên phần bổ trợ không biết chắc ô nào là ô nó đã ghi. Hãy hoàn tác (Ctrl+Z) việc thêm, bớt dòng rồi thử lại. ${UNCHANGED}`,
  staleWebview: 'Trình duyệt nhúng của Office trên máy này quá cũ để chạy phần bổ trợ.',
};

interface OfficeLikeError {
  code?: string;
  message?: string;
  debugInfo?: unknown;
}

/** By OfficeExtension.Error code: the sentence to show. */
const BY_CODE: Record<string, string> = {
  InvalidOperationInCellEditMode: MESSAGES.editMode,
  AccessDenied: MESSAGES.protectedAny,
  ApiNotFound: MESSAGES.missingApi,
  NotImplemented: MESSAGES.missingApi,
  UnsupportedOperation: MESSAGES.missingApi,
  InvalidSelection: MESSAGES.notARange,
  RangeExceedsLimit: MESSAGES.tooLarge,
  ResponsePayloadSizeLimitExceeded: MESSAGES.tooLarge,
  RequestPayloadSizeLimitExceeded: MESSAGES.tooLargeWrite,
  ItemNotFound: MESSAGES.notFound,
};

/** Any error from a check, clear or undo, as the Vietnamese sentence the pane or the ribbon shows. */
export function userMessage(e: unknown): string {
  if (isUserError(e)) return e.code === 'no-table' ? `${e.message} ${UNCHANGED}` : e.message;
  const err = (e ?? {}) as OfficeLikeError;
  if (err.debugInfo !== undefined && typeof console !== 'undefined') console.error('thidua: lỗi từ Excel', err.code, err.debugInfo);
  const known = err.code ? BY_CODE[err.code] : undefined;
  if (known) return known;
  if (err.code) return `Excel báo lỗi (mã ${err.code}). Thử lại; nếu vẫn lỗi, lưu và mở lại bảng tính rồi thử lần nữa.`;
  return `Lỗi của phần bổ trợ: ${err.message ?? String(e)}. Hãy báo cho người quản trị.`;
}

/** Office errors and refusals as Vietnamese messages the user can act on. */
import { isUserError } from '../engine';

const UNCHANGED = 'Bảng tính chưa bị thay đổi.';

export const MESSAGES = {
  oldHost: `Phiên bản Excel này quá cũ: cần Excel 2019 trở lên hoặc Microsoft 365 (ExcelApi 1.8). ${UNCHANGED}`,
  protectedSheet: (sheet: string) =>
    `Trang “${sheet}” đang được bảo vệ. Bỏ bảo vệ trang (Xem lại › Bỏ bảo vệ trang tính) rồi thử lại. ${UNCHANGED}`,
  editMode: `Excel đang ở chế độ sửa ô. Nhấn Enter hoặc Esc để rời ô đang sửa rồi thử lại. ${UNCHANGED}`,
  missingApi: `Phiên bản Excel này thiếu một chức năng mà phần bổ trợ cần. Hãy cập nhật Office. ${UNCHANGED}`,
  notARange: `Vùng đang chọn không phải là các ô (có thể là hình hoặc biểu đồ). Chọn một ô trong bảng rồi thử lại. ${UNCHANGED}`,
  nothingToClear: 'Trang này không có đánh dấu nào của phần bổ trợ.',
  nothingToUndo: 'Phần bổ trợ chưa ghi ô nào trên trang này.',
};

interface OfficeLikeError {
  code?: string;
  message?: string;
}

/** Any error from a check, clear or undo, as the Vietnamese sentence the pane or the ribbon shows. */
export function userMessage(e: unknown): string {
  if (isUserError(e)) return e.code === 'no-table' ? `${e.message} ${UNCHANGED}` : e.message;
  const err = (e ?? {}) as OfficeLikeError;
  const code = err.code ?? '';
  const text = err.message ?? String(e);
  if (code === 'InvalidOperationInCellEditMode' || /cell ?edit/i.test(text)) return MESSAGES.editMode;
  if (/protect/i.test(text) || code === 'AccessDenied') return MESSAGES.protectedSheet('đang mở');
  if (code === 'ApiNotFound' || code === 'NotImplemented' || /is not a function|not supported/i.test(text)) return MESSAGES.missingApi;
  if (code === 'InvalidSelection') return MESSAGES.notARange;
  return `Không thực hiện được: ${text}`;
}

/**
 * The one error model. Anything the user can act on is a `UserError`: a stable code for front ends to map, and one
 * Vietnamese sentence. The engine and every adapter throw it; each front end maps codes in one place (the CLI to exit
 * 2, the add-in to its message) and treats anything else as a bug.
 */
export type UserErrorCode =
  /** No scoring table on the sheet (or in the file). */
  | 'no-table'
  /** A sheet named that the file does not have. */
  | 'no-sheet'
  /** A template needs a year and none was given. */
  | 'missing-year'
  /** A template (or bloc rules) file that is not valid. */
  | 'bad-template'
  /** Arguments, options or a file that cannot be read as asked. */
  | 'bad-input'
  /** A file larger or stranger than thidua accepts (limits with reasons in src/xlsx/zip.ts). */
  | 'too-large'
  /** An output that cannot be written as asked (exists, same as the input, not a regular file). */
  | 'bad-output'
  /** Office refused (protected sheet, edit mode, an API the host lacks, a size limit). */
  | 'host-refused';

export class UserError extends Error {
  constructor(
    readonly code: UserErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

export function isUserError(e: unknown): e is UserError {
  return e instanceof UserError;
}

/** The refusal for a sheet with no scoring table. */
export function noTable(sheet: string): UserError {
  return new UserError(
    'no-table',
    `Trang “${sheet}” không có bảng chấm điểm: không tìm thấy dòng tiêu đề có các cột TT, Tiêu chí, Điểm chuẩn, Điểm tự chấm.`,
  );
}

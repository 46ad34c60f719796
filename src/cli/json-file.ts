/** The CLI's JSON inputs (a criteria template, the bloc's rules): read, parsed, and every failure one Vietnamese line. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { UserError } from '../engine';

/** How many schema problems one refusal names: enough to fix, short enough for one line. */
const MAX_ERRORS = 3;

/**
 * Reads `file` as text and parses it with `parse`; `what` names the kind of file in messages ("tệp mẫu", "tệp quy
 * chế"). A missing file, a folder, a file that cannot be read or one whose fields are wrong: one line, exit 2.
 */
export async function readJsonFile<T>(
  file: string,
  what: string,
  parse: (text: string) => { ok: true; value: T } | { ok: false; errors: string[] },
): Promise<T> {
  let text: string;
  try {
    text = await fs.readFile(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('bad-input', `Không tìm thấy ${what} “${file}”.`);
    if (code === 'EISDIR') throw new UserError('bad-input', `“${file}” là một thư mục, không phải ${what} .json.`);
    throw new UserError('bad-input', `Không đọc được ${what} “${file}”.`);
  }
  const r = parse(text);
  if (r.ok) return r.value;
  const more = r.errors.length > MAX_ERRORS ? ` (và ${r.errors.length - MAX_ERRORS} lỗi khác)` : '';
  const first = what.charAt(0).toUpperCase() + what.slice(1);
  throw new UserError(
    'bad-template',
    `${first} “${path.basename(file)}” không hợp lệ: ${r.errors.slice(0, MAX_ERRORS).join('; ')}${more}.`,
  );
}

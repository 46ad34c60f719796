/** Opens and saves .xlsx files for the CLI, turning every failure into one Vietnamese sentence. */
import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as path from 'path';

/** A failure the user can act on: the CLI prints the message alone and exits 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // old .xls, and .xlsx files encrypted with a password

export async function openWorkbook(file: string): Promise<ExcelJS.Workbook> {
  const name = path.basename(file);
  let data: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isDirectory()) throw new InputError(`“${file}” là một thư mục, không phải tệp .xlsx.`);
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InputError(`Không tìm thấy tệp “${file}”.`);
    if (code === 'EACCES') throw new InputError(`Không có quyền đọc tệp “${file}”.`);
    throw new InputError(`Không đọc được tệp “${file}”.`);
  }
  const head = data.subarray(0, 4);
  if (head.equals(OLE)) {
    throw new InputError(
      `Tệp “${name}” là bảng tính Excel cũ (.xls) hoặc đã đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu và lưu lại dưới dạng .xlsx.`,
    );
  }
  if (!head.equals(ZIP)) {
    throw new InputError(`Tệp “${name}” không phải tệp Excel .xlsx (có thể là .csv hoặc tệp khác được đổi đuôi).`);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(data as unknown as ArrayBuffer);
  } catch {
    throw new InputError(`Tệp “${name}” bị hỏng hoặc không phải .xlsx hợp lệ: Excel không mở được thì thidua cũng không đọc được.`);
  }
  return wb;
}

/** Saves to a temporary file beside the target, then renames: never a half-written output. */
export async function saveWorkbook(wb: ExcelJS.Workbook, out: string, input: string): Promise<void> {
  const target = path.resolve(out);
  if (target === path.resolve(input)) {
    throw new InputError('Tệp ra phải khác tệp vào: thidua không bao giờ ghi đè tệp gốc. Hãy chọn tên khác với -o.');
  }
  await fs.mkdir(path.dirname(target), { recursive: true });
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await wb.xlsx.writeFile(tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    if (e instanceof InputError) throw e;
    throw new InputError(`Không ghi được tệp “${out}”: ${(e as Error).message}`);
  }
}

/** Reads and saves files for the CLI safely, turning every failure into one Vietnamese sentence. */
import { isUserError, UserError } from '../engine';
import { createWriteStream, promises as fs, readFileSync, rmSync, statSync } from 'fs';
import * as path from 'path';
import { centralDirectory, entryData, inflatedSize, ZipEntry, ZipFormatError } from './zip';

const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]); // old .xls, and .xlsx files encrypted with a password

/**
 * Limits that keep a hostile or mistaken file from taking the machine. thidua holds the file, one part at a time
 * inflated, and the grids of the sheets it checks (see docs/PERFORMANCE.md for what the bench measures). A 50,000-criterion
 * sheet (far beyond any real one) is a 1.7 MB file of 14 MB XML.
 */
export const LIMITS = {
  /** On disk: a real Bảng chấm điểm is tens of KB; room for logos and scans. Checked before reading. */
  fileBytes: 30 * 1024 * 1024,
  /** All parts unzipped: seven times the 50,000-row sheet, about 1.2 GB in ExcelJS at worst. */
  unzippedBytes: 100 * 1024 * 1024,
  /** A part above 1 MB that unzips more than 100-fold is a zip bomb: sheet XML unzips 5–12-fold. */
  ratio: 100,
  ratioFloorBytes: 1024 * 1024,
  /** Parts in the zip: a workbook of 500 sheets has about 1,500. */
  entries: 10_000,
  /** Sheets: one per unit of a bloc is tens; 500 leaves room, and bounds the per-sheet work. */
  sheets: 500,
};

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

/**
 * The file's bytes, once every check that needs no parsing has passed: a regular file (never a device or a pipe, which
 * could be endless), within the size limits, a zip and no bomb. One Vietnamese sentence for each refusal.
 */
export async function readXlsxFile(file: string): Promise<Buffer> {
  const name = path.basename(file);
  let data: Buffer;
  try {
    // Read at once, not through the thread pool: a scoring file is tens of KB (30 MB at most, checked here), and a
    // bloc's fifty files read one after another waited longer on the pool's round trips than on the disk.
    const stat = statSync(file);
    if (stat.isDirectory()) throw new UserError('bad-input', `“${file}” là một thư mục, không phải tệp .xlsx.`);
    if (!stat.isFile())
      throw new UserError('bad-input', `“${file}” không phải tệp thường (có thể là thiết bị hoặc đường ống): thidua chỉ đọc tệp .xlsx.`);
    if (stat.size > LIMITS.fileBytes) {
      throw new UserError(
        'too-large',
        `Tệp “${name}” nặng ${MB(stat.size)}, quá giới hạn ${MB(LIMITS.fileBytes)} của thidua (một bảng chấm điểm chỉ vài trăm KB): hãy chép trang chấm điểm sang một tệp mới.`,
      );
    }
    data = readFileSync(file);
  } catch (e) {
    if (isUserError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UserError('bad-input', `Không tìm thấy tệp “${file}”.`);
    if (code === 'EACCES') throw new UserError('bad-input', `Không có quyền đọc tệp “${file}”.`);
    throw new UserError('bad-input', `Không đọc được tệp “${file}”.`);
  }
  const head = data.subarray(0, 4);
  if (head.equals(OLE)) {
    // The container's directory names its streams in UTF-16: an encrypted .xlsx holds EncryptedPackage, an .xls a Workbook.
    if (data.includes(Buffer.from('EncryptedPackage', 'utf16le'))) {
      throw new UserError(
        'bad-input',
        `Tệp “${name}” đã đặt mật khẩu mở tệp, nên thidua không đọc được: hãy mở bằng Excel, bỏ mật khẩu (Tệp › Thông tin › Bảo vệ sổ làm việc) rồi lưu lại.`,
      );
    }
    if (data.includes(Buffer.from('Workbook', 'utf16le')) || data.includes(Buffer.from('Book', 'utf16le'))) {
      throw new UserError(
        'bad-input',
        `Tệp “${name}” là bảng tính Excel cũ (.xls): hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel (.xlsx).`,
      );
    }
    throw new UserError(
      'bad-input',
      `Tệp “${name}” là bảng tính Excel cũ (.xls) hoặc đã đặt mật khẩu: hãy mở bằng Excel, bỏ mật khẩu và lưu lại dưới dạng .xlsx.`,
    );
  }
  if (!head.equals(ZIP)) {
    throw new UserError('bad-input', `Tệp “${name}” không phải tệp Excel .xlsx (có thể là .csv hoặc tệp khác được đổi đuôi).`);
  }
  await inspectZip(data, name);
  return data;
}

/**
 * Judges the zip by its central directory before anything is inflated (sizes, ratios, parts, sheets), then checks that
 * no part inflates to more than it declared, counting as it streams: a bomb is refused without ever being held.
 */
async function inspectZip(data: Buffer, name: string): Promise<ZipEntry[]> {
  const corrupt = () =>
    new UserError(
      'bad-input',
      `Tệp “${name}” bị hỏng hoặc không phải .xlsx hợp lệ (có thể chưa tải về hết): Excel không mở được thì thidua cũng không đọc được.`,
    );
  const bomb = (part: string) =>
    new UserError('too-large', `Tệp “${name}” có phần “${part}” giải nén ra lớn bất thường (kiểu “zip bomb”): thidua không mở tệp này.`);
  let entries;
  try {
    entries = centralDirectory(data);
  } catch (e) {
    if (e instanceof ZipFormatError) throw corrupt();
    throw e;
  }
  if (entries.length > LIMITS.entries) {
    throw new UserError(
      'too-large',
      `Tệp “${name}” chứa ${entries.length} phần, quá giới hạn ${LIMITS.entries}: không giống một bảng tính Excel.`,
    );
  }
  if (entries.some((e) => e.encrypted)) {
    throw new UserError(
      'bad-input',
      `Tệp “${name}” được nén kèm mật khẩu, nên thidua không đọc được: hãy lưu lại bằng Excel, không đặt mật khẩu.`,
    );
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw new UserError('bad-input', `Tệp “${name}” là tệp nén nhưng không phải bảng tính Excel .xlsx (không có xl/workbook.xml).`);
  }
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name)).length;
  if (sheets > LIMITS.sheets) {
    throw new UserError(
      'too-large',
      `Tệp “${name}” có ${sheets} trang tính, quá giới hạn ${LIMITS.sheets} trang của thidua: hãy chép các trang chấm điểm sang một tệp mới.`,
    );
  }
  for (const e of entries) {
    if (e.size > LIMITS.ratioFloorBytes && e.size > LIMITS.ratio * e.compressedSize) throw bomb(e.name);
  }
  const total = entries.reduce((n, e) => n + e.size, 0);
  if (total > LIMITS.unzippedBytes) {
    throw new UserError(
      'too-large',
      `Tệp “${name}” giải nén ra ${MB(total)}, quá giới hạn ${MB(LIMITS.unzippedBytes)} của thidua: quá lớn với một bảng chấm điểm.`,
    );
  }
  for (const e of entries) {
    if (e.method !== 8 || e.compressedSize === 0) continue;
    let actual: number;
    try {
      actual = await inflatedSize(entryData(data, e), e.size);
    } catch (err) {
      if (err instanceof ZipFormatError) throw corrupt();
      throw err;
    }
    if (actual > e.size) throw bomb(e.name);
  }
  return entries;
}

/** True when both paths name one existing file: "BANG.xlsx" and "bang.xlsx" on a case-insensitive disk, or a link. */
async function sameFile(a: string, b: string): Promise<boolean> {
  try {
    const [x, y] = await Promise.all([fs.stat(a), fs.stat(b)]);
    return x.ino === y.ino && x.dev === y.dev && x.ino !== 0;
  } catch {
    return false;
  }
}

export interface SaveOptions {
  /** Replace an existing regular file (the CLI's --force); without it an existing output is refused. */
  force?: boolean;
}

/** Writes chunks to `file` through one stream: memory holds the chunks already made, never a second copy. */
export function writeChunks(file: string, chunks: Buffer[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(file);
    stream.on('error', reject);
    stream.on('finish', () => resolve());
    let i = 0;
    const more = () => {
      while (i < chunks.length) if (!stream.write(chunks[i++])) return void stream.once('drain', more);
      stream.end();
    };
    more();
  });
}

/**
 * Writes `out` through `write(tmp)` and a rename, refusing to overwrite `input` (or, without --force, any existing
 * file) and anything but a regular file; an interrupt (Ctrl+C, SIGTERM) while writing removes the temporary file.
 * Failures become one Vietnamese sentence.
 */
export async function saveFile(
  out: string,
  input: string,
  write: (tmp: string) => Promise<void>,
  options: SaveOptions = {},
): Promise<void> {
  const target = path.resolve(out);
  if (target === path.resolve(input) || (await sameFile(target, input))) {
    throw new UserError('bad-output', 'Tệp ra phải khác tệp vào: thidua không bao giờ ghi đè tệp gốc. Hãy chọn tên khác với -o.');
  }
  const existing = await fs.lstat(target).catch(() => undefined);
  if (existing?.isSymbolicLink()) {
    throw new UserError('bad-output', `Không ghi được tệp “${out}”: đó là một liên kết (symlink); hãy ghi ra một tệp thường.`);
  }
  if (existing && !existing.isDirectory() && !existing.isFile()) {
    throw new UserError('bad-output', `Không ghi được tệp “${out}”: đó không phải tệp thường (thiết bị hoặc đường ống).`);
  }
  if (existing?.isFile() && !options.force) {
    throw new UserError(
      'bad-output',
      `Tệp “${out}” đã có: thidua không ghi đè khi chưa được phép. Hãy chọn tên khác, hoặc thêm --force để ghi đè.`,
    );
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  const cleanup = (signal: NodeJS.Signals) => {
    try {
      rmSync(tmp, { force: true });
    } finally {
      process.exit(signal === 'SIGINT' ? 130 : 143);
    }
  };
  process.once('SIGINT', cleanup);
  process.once('SIGTERM', cleanup);
  try {
    await fs.mkdir(path.dirname(target), { recursive: true });
    await write(tmp);
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true }).catch(() => undefined); // nothing to clean where the folder could not be made
    if (isUserError(e)) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'EISDIR'
        ? 'đó là một thư mục'
        : code === 'EACCES' || code === 'EPERM'
          ? 'không có quyền ghi vào đó'
          : code === 'ENOTDIR' || code === 'EEXIST'
            ? 'đường dẫn đi qua một tệp, không phải thư mục'
            : code === 'ENOSPC'
              ? 'ổ đĩa đã đầy'
              : (e as Error).message;
    throw new UserError('bad-output', `Không ghi được tệp “${out}”: ${why}.`);
  } finally {
    process.removeListener('SIGINT', cleanup);
    process.removeListener('SIGTERM', cleanup);
  }
}

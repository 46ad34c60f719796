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
  /** General-purpose flags and CRC-32, as the central directory gives them. */
  flags: number;
  crc: number;
  /** Where the entry's central directory record starts, and its length: copied as they are when the entry is kept. */
  central: number;
  centralLength: number;
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
    for (let x = p + 46 + nameLength; x + 4 <= p + 46 + nameLength + extraLength;) {
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
    entries.push({
      name,
      method,
      compressedSize,
      size: entrySize,
      offset,
      encrypted: (flags & 1) === 1,
      flags,
      crc: data.readUInt32LE(p + 16),
      central: p,
      centralLength: end - p,
    });
    p = end;
  }
  return entries;
}

/** Where the entry's compressed bytes start, found through its local header. */
function dataStart(data: Buffer, e: ZipEntry): number {
  if (e.offset + 30 > data.length || data.readUInt32LE(e.offset) !== LOCAL) throw new ZipFormatError(`no local header for ${e.name}`);
  const from = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
  if (from + e.compressedSize > data.length) throw new ZipFormatError(`${e.name} is cut short`);
  return from;
}

/** The entry's compressed bytes, found through its local header. */
export function entryData(data: Buffer, e: ZipEntry): Buffer {
  const from = dataStart(data, e);
  return data.subarray(from, from + e.compressedSize);
}

/** The entry's bytes, inflated; sizes were judged before (see inspectZip), so this holds one part at a time. */
export function entryBytes(data: Buffer, e: ZipEntry): Buffer {
  const raw = entryData(data, e);
  if (e.method === 0) return raw;
  if (e.method !== 8) throw new ZipFormatError(`${e.name}: compression method ${e.method}`);
  try {
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(e.size, 1) });
  } catch (err) {
    throw new ZipFormatError(`${e.name}: ${(err as Error).message}`);
  }
}

/**
 * The entry exactly as it sits in the file: local header, compressed bytes and data descriptor. Copied as they are,
 * a part thidua need not change keeps every byte, compressed or not.
 */
export function entryRecord(data: Buffer, e: ZipEntry): Buffer {
  let end = dataStart(data, e) + e.compressedSize;
  if (e.flags & 8) {
    // A data descriptor follows: optional signature, CRC, then 32-bit sizes (64-bit ones only in zip64 files, refused by size).
    end += data.readUInt32LE(end) === 0x08074b50 ? 16 : 12;
  }
  if (end > data.length) throw new ZipFormatError(`${e.name} is cut short`);
  return data.subarray(e.offset, end);
}

/** A part to write: either kept (its original records copied) or new bytes, deflated here. */
export type ZipOut = { kept: ZipEntry } | { name: string; bytes: Buffer; like?: ZipEntry };

/** DOS date and time of 1980-01-01 00:00, which Office's packager writes on every entry. */
const DOS_EPOCH = { time: 0, date: (0 << 9) | (1 << 5) | 1 };

/**
 * Writes a zip of `parts` in order, as chunks for a stream. Kept parts are their original local records and central
 * records byte for byte (only the offset of the local header is new); new or changed parts are deflated, dated as the
 * part they replace (or 1980-01-01), without data descriptors.
 */
export function writeZip(source: Buffer, parts: ZipOut[]): Buffer[] {
  const chunks: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    if ('kept' in p) {
      const record = entryRecord(source, p.kept);
      const central = Buffer.from(source.subarray(p.kept.central, p.kept.central + p.kept.centralLength));
      if (central.readUInt32LE(42) === 0xffffffff) throw new ZipFormatError(`${p.kept.name}: zip64 offset`);
      central.writeUInt32LE(offset, 42);
      chunks.push(record);
      centrals.push(central);
      offset += record.length;
      continue;
    }
    const name = Buffer.from(p.name, 'utf8');
    const deflated = zlib.deflateRawSync(p.bytes);
    const crc = zlib.crc32(p.bytes) >>> 0;
    const time = p.like ? source.readUInt16LE(p.like.central + 12) : DOS_EPOCH.time;
    const date = p.like ? source.readUInt16LE(p.like.central + 14) : DOS_EPOCH.date;
    const utf8 = /[^\x20-\x7e]/.test(p.name) ? 0x800 : 0;
    // The fields a local header and its central record share, in the same order (from "version needed" on).
    const common = Buffer.alloc(26);
    common.writeUInt16LE(20, 0);
    common.writeUInt16LE(utf8, 2);
    common.writeUInt16LE(8, 4);
    common.writeUInt16LE(time, 6);
    common.writeUInt16LE(date, 8);
    common.writeUInt32LE(crc, 10);
    common.writeUInt32LE(deflated.length, 14);
    common.writeUInt32LE(p.bytes.length, 18);
    common.writeUInt16LE(name.length, 22);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL, 0);
    common.copy(local, 4);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(CENTRAL, 0);
    central.writeUInt16LE(p.like ? source.readUInt16LE(p.like.central + 4) : 45, 4);
    common.copy(central, 6);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, deflated);
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const size = centrals.reduce((n, b) => n + b.length, 0);
  const count = parts.length;
  if (count > 0xfffe || offset > 0xfffffffe) throw new ZipFormatError('too large for a 32-bit zip');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(EOCD, 0);
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return [...chunks, ...centrals, end];
}

/** Below this, a part is inflated in one synchronous call (bounded all the same): a stream per small part cost more than the inflating. */
const SMALL_PART = 1 << 20;

/**
 * How many bytes a deflated entry inflates to, given up past `limit` (the result is then above `limit`): a bomb that
 * lies about its size is stopped at the size it declared. A part above 1 MB is counted as it streams, so memory stays
 * at one chunk; a smaller one is inflated at once into at most `limit` + 1 bytes.
 */
export function inflatedSize(compressed: Buffer, limit: number): Promise<number> {
  if (limit < SMALL_PART) {
    try {
      return Promise.resolve(zlib.inflateRawSync(compressed, { maxOutputLength: limit + 1 }).length);
    } catch (e) {
      // maxOutputLength reached: more than declared.
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return Promise.resolve(limit + 1);
      return Promise.reject(new ZipFormatError((e as Error).message));
    }
  }
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

/** A small zip writer for tests that need zips ExcelJS would never write: bombs, liars, hundreds of parts. */
import * as zlib from 'zlib';

export interface ZipPart {
  name: string;
  /** The bytes to store or deflate; or `raw` when the compressed bytes are made by hand. */
  data?: Buffer;
  raw?: { deflated: Buffer; size: number; crc: number };
  /** Overrides the uncompressed size written in the headers: a liar. */
  declaredSize?: number;
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const deflated = p.raw ? p.raw.deflated : zlib.deflateRawSync(p.data ?? Buffer.alloc(0));
    const size = p.declaredSize ?? (p.raw ? p.raw.size : (p.data ?? Buffer.alloc(0)).length);
    const crc = p.raw ? p.raw.crc : zlib.crc32(p.data ?? Buffer.alloc(0));
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(deflated.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(deflated.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, deflated);
    centrals.push(central, name);
    offset += 30 + name.length + deflated.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Deflated bytes that inflate to `mib` MiB of spaces, made without ever holding them: one MiB deflated and flushed
 * (no back-references outside itself, not final), repeated, then an empty final block.
 */
export function deflatedSpaces(mib: number): { deflated: Buffer; size: number; crc: number } {
  const chunk = zlib.deflateRawSync(Buffer.alloc(1024 * 1024, 0x20), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  const final = zlib.deflateRawSync(Buffer.alloc(0));
  return { deflated: Buffer.concat([...Array.from({ length: mib }, () => chunk), final]), size: mib * 1024 * 1024, crc: 0 };
}

/** The smallest parts a reader takes for an .xlsx, with `sheets` empty sheets. */
export function xlsxParts(sheets: number): ZipPart[] {
  const ids = Array.from({ length: sheets }, (_, i) => i + 1);
  const x = (s: string) => Buffer.from(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n${s}`);
  const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
  const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
  return [
    {
      name: '[Content_Types].xml',
      data: x(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${ids
          .map(
            (i) =>
              `<Override PartName="/xl/worksheets/sheet${i}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
          )
          .join('')}</Types>`,
      ),
    },
    {
      name: '_rels/.rels',
      data: x(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      ),
    },
    {
      name: 'xl/workbook.xml',
      data: x(
        `<workbook ${ns} xmlns:r="${rel}"><sheets>${ids.map((i) => `<sheet name="Trang ${i}" sheetId="${i}" r:id="rId${i}"/>`).join('')}</sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: x(
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids
          .map((i) => `<Relationship Id="rId${i}" Type="${rel}/worksheet" Target="worksheets/sheet${i}.xml"/>`)
          .join('')}</Relationships>`,
      ),
    },
    ...ids.map((i) => ({ name: `xl/worksheets/sheet${i}.xml`, data: x(`<worksheet ${ns}><sheetData/></worksheet>`) })),
  ];
}

/**
 * An .xlsx package as parts: the zip's entries, read one at a time when asked for, the workbook's sheets found
 * through its relationships. Nothing here holds more than the parts a caller reads. Parts read by local names go
 * through the lean scanner (streamXml); only isStrict needs namespaces.
 */
import * as path from 'path';
import { centralDirectory, entryBytes, ZipEntry, ZipFormatError } from './zip';
import { decodeXml, streamXml, walkXml } from './xml';

export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  rel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  pkgRel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  coreProps: 'http://schemas.openxmlformats.org/package/2006/metadata/core-properties',
  types: 'http://schemas.openxmlformats.org/package/2006/content-types',
  strictMain: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
};

export const REL_TYPE = {
  officeDocument: `${NS.rel}/officeDocument`,
  worksheet: `${NS.rel}/worksheet`,
  sharedStrings: `${NS.rel}/sharedStrings`,
  styles: `${NS.rel}/styles`,
  comments: `${NS.rel}/comments`,
  vmlDrawing: `${NS.rel}/vmlDrawing`,
  calcChain: `${NS.rel}/calcChain`,
  table: `${NS.rel}/table`,
  coreProperties: `${NS.pkgRel}/metadata/core-properties`,
};

export const CONTENT_TYPE = {
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  coreProperties: 'application/vnd.openxmlformats-package.core-properties+xml',
};

export interface Relationship {
  id: string;
  type: string;
  /** As written in the part. */
  target: string;
  /** Resolved to a part name without a leading slash; undefined for external targets. */
  part?: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  /** visible, hidden or veryHidden. */
  state: string;
  /** Part name of the sheet XML; undefined for a chartsheet or a dangling relationship. */
  part?: string;
  /** Zero-based position in <sheets>: what localSheetId counts. */
  index: number;
}

/** The package's parts by name, read from the file's bytes on demand. */
export class XlsxPackage {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();
  private readonly relsCache = new Map<string, Relationship[]>();

  constructor(readonly data: Buffer) {
    this.entries = centralDirectory(data);
    // Part names are case-insensitive (OPC); keep the first of any duplicates, as readers do.
    for (const e of this.entries) if (!this.byName.has(e.name.toLowerCase())) this.byName.set(e.name.toLowerCase(), e);
  }

  entry(part: string): ZipEntry | undefined {
    return this.byName.get(part.replace(/^\//, '').toLowerCase());
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  bytes(part: string): Buffer {
    const e = this.entry(part);
    if (!e) throw new ZipFormatError(`missing part ${part}`);
    return entryBytes(this.data, e);
  }

  text(part: string): string {
    return decodeXml(this.bytes(part));
  }

  /** The relationships part of `part` ("" for the package's own). */
  relsPartOf(part: string): string {
    const dir = path.posix.dirname(part);
    return `${dir === '.' ? '' : `${dir}/`}_rels/${path.posix.basename(part)}.rels`;
  }

  rels(part: string): Relationship[] {
    const relsPart = this.relsPartOf(part);
    const cached = this.relsCache.get(relsPart);
    if (cached) return cached;
    const list: Relationship[] = [];
    if (this.has(relsPart)) {
      streamXml(this.bytes(relsPart), {
        open: (local, attrs) => {
          if (local !== 'Relationship') return;
          const external = attrs.TargetMode === 'External';
          const target = attrs.Target ?? '';
          list.push({
            id: attrs.Id ?? '',
            type: attrs.Type ?? '',
            target,
            external,
            part: external ? undefined : resolveTarget(part, target),
          });
        },
        close: () => undefined,
        text: () => undefined,
      });
    }
    this.relsCache.set(relsPart, list);
    return list;
  }

  /** The workbook part named by the package relationships. */
  workbookPart(): string {
    const rel = this.rels('').find((r) => r.type.endsWith('/officeDocument'));
    return rel?.part ?? 'xl/workbook.xml';
  }

  /** True for a Strict Open XML workbook (namespaces under purl.oclc.org). */
  isStrict(): boolean {
    let strict = false;
    walkXml(this.text(this.workbookPart()), {
      open: (el, stack) => {
        if (stack.length === 1) strict = el.uri === NS.strictMain;
      },
    });
    return strict;
  }

  /** The workbook's sheets in order, with their parts, and the workbook's date system. */
  workbook(): { sheets: SheetEntry[]; date1904: boolean; part: string } {
    const part = this.workbookPart();
    const rels = this.rels(part);
    const sheets: SheetEntry[] = [];
    let date1904 = false;
    streamXml(this.bytes(part), {
      open: (local, attrs) => {
        if (local === 'workbookPr') date1904 = attrs.date1904 === '1' || attrs.date1904 === 'true';
        if (local !== 'sheet') return;
        const id = Object.entries(attrs).find(([k]) => k === 'r:id' || k.endsWith(':id'))?.[1];
        const rel = rels.find((r) => r.id === id);
        const isWorksheet = rel && rel.type.endsWith('/worksheet') && rel.part && this.has(rel.part);
        sheets.push({
          name: attrs.name ?? '',
          state: attrs.state ?? 'visible',
          part: isWorksheet ? rel.part : undefined,
          index: sheets.length,
        });
      },
      close: () => undefined,
      text: () => undefined,
    });
    return { sheets, date1904, part };
  }

  /** The package's subject (docProps/core.xml, dc:subject): how a workbook thidua made says what it is. */
  subject(): string | undefined {
    const core = this.rels('').find((r) => r.type.endsWith('/core-properties'))?.part;
    if (!core || !this.has(core)) return undefined;
    let subject: string | undefined;
    const open: string[] = [];
    streamXml(this.bytes(core), {
      open: (local) => open.push(local),
      close: () => open.pop(),
      text: (t) => {
        if (open[open.length - 1] === 'subject') subject = (subject ?? '') + t;
      },
    });
    return subject;
  }

  /** The first related part of `type` (matched by its last segment, so Strict's relationship URIs match too). */
  related(part: string, type: string): Relationship | undefined {
    const tail = type.slice(type.lastIndexOf('/'));
    return this.rels(part).find((r) => !r.external && r.type.endsWith(tail) && r.part !== undefined);
  }
}

/** A relationship target resolved against its source part: "worksheets/sheet1.xml" from xl/workbook.xml. */
export function resolveTarget(source: string, target: string): string {
  if (target.startsWith('/')) return path.posix.normalize(target).slice(1);
  const base = path.posix.dirname(source);
  return path.posix.normalize(path.posix.join(base === '.' ? '' : base, decodeURI(target))).replace(/^\/+/, '');
}

/** The relative target from `source` to `part`, as a relationship writes it. */
export function relativeTarget(source: string, part: string): string {
  const rel = path.posix.relative(path.posix.dirname(source) || '.', part);
  return rel;
}

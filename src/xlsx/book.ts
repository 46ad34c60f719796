/**
 * A workbook read for the CLI straight from its parts: the sheet list from workbook.xml, each sheet's grid read from
 * its XML when asked for (see sheet.ts), shared strings and date formats read once. Memory follows the sheets read,
 * not the file: media, other sheets' cells and everything else stay compressed in the file's bytes.
 */
import * as path from 'path';
import * as v8 from 'v8';
import { SheetGrid, UserError } from '../engine';
import { XlsxPackage, SheetEntry } from './package';
import { FormulaCell, readDateStyles, readSharedStrings, readSheet } from './sheet';
import { DefinedName, TableArea } from './stale';
import { readXlsxFile } from './workbook';
import { walkXml, XmlError } from './xml';
import { ZipFormatError } from './zip';
import { tokenize } from './formula';

export class XlsxBook {
  readonly sheets: SheetEntry[];
  readonly workbookPart: string;
  private readonly date1904: boolean;
  private shared?: string[];
  private dateStyles?: boolean[];
  private readonly formulasBySheet = new Map<string, FormulaCell[]>();

  constructor(
    readonly pkg: XlsxPackage,
    readonly file: string,
  ) {
    const wb = pkg.workbook();
    this.sheets = wb.sheets;
    this.workbookPart = wb.part;
    this.date1904 = wb.date1904;
  }

  get fileName(): string {
    return path.basename(this.file);
  }

  sheet(name: string): SheetEntry | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  private options(grid: boolean) {
    this.shared ??= readSharedStrings(this.pkg, this.workbookPart);
    this.dateStyles ??= readDateStyles(this.pkg, this.pkg.related(this.workbookPart, '/styles')?.part);
    return { shared: this.shared, dateStyles: this.dateStyles, date1904: this.date1904, grid };
  }

  /** The sheet's cells as the engine reads them; its formulas are kept for the stale-result scan. */
  grid(entry: SheetEntry): SheetGrid {
    if (!entry.part) return { name: entry.name, origin: { row: 0, col: 0 }, cells: [], merges: [] };
    ensureHeap((this.pkg.entry(entry.part)?.size ?? 0) * GRID_BYTES_PER_XML_BYTE, this.fileName);
    const { grid, formulas } = this.guard(() => readSheet(this.pkg.bytes(entry.part!), entry.name, this.options(true)));
    this.formulasBySheet.set(entry.name, formulas);
    return grid;
  }

  /** Every formula of every worksheet (sheets not read for a grid are scanned for formulas only). */
  formulas(): FormulaCell[] {
    for (const s of this.sheets) {
      if (!s.part || this.formulasBySheet.has(s.name)) continue;
      this.formulasBySheet.set(
        s.name,
        this.guard(() => readSheet(this.pkg.bytes(s.part!), s.name, this.options(false)).formulas),
      );
    }
    return [...this.formulasBySheet.values()].flat();
  }

  /** The workbook's defined names with their formulas. */
  definedNames(): DefinedName[] {
    const names: DefinedName[] = [];
    let current: { name: string; text: string[] } | undefined;
    walkXml(this.pkg.text(this.workbookPart), {
      open: (el) => {
        if (el.local === 'definedName') current = { name: el.attrs.name ?? '', text: [] };
      },
      close: (el) => {
        if (el.local === 'definedName' && current) names.push({ name: current.name, text: current.text.join('') });
        current = undefined;
      },
      text: (t) => current?.text.push(t),
    });
    return names;
  }

  /** The tables (ListObjects) on the given sheets, with their areas. */
  tables(sheets: string[]): TableArea[] {
    const out: TableArea[] = [];
    for (const name of sheets) {
      const part = this.sheet(name)?.part;
      if (!part) continue;
      for (const rel of this.pkg.rels(part)) {
        if (!rel.type.endsWith('/table') || !rel.part || !this.pkg.has(rel.part)) continue;
        walkXml(this.pkg.text(rel.part), {
          open: (el, stack) => {
            if (stack.length !== 1 || !el.attrs.ref) return;
            const t = tokenize(el.attrs.ref)[0];
            if (t?.kind === 'ref')
              for (const n of [el.attrs.name, el.attrs.displayName]) if (n) out.push({ sheet: name, name: n, area: t.area });
          },
        });
      }
    }
    return out;
  }

  /** A damaged part becomes one Vietnamese sentence. */
  guard<T>(f: () => T): T {
    try {
      return f();
    } catch (e) {
      if (e instanceof XmlError || e instanceof ZipFormatError) throw corrupt(this.fileName);
      throw e;
    }
  }
}

/**
 * What a grid costs in memory per byte of its sheet XML: about 10 (cell objects, strings), measured on the bench's
 * 20 MB workbook (docs/PERFORMANCE.md), with room to spare.
 */
export const GRID_BYTES_PER_XML_BYTE = 14;

/**
 * Refuses, before the work, what would not fit in this process's heap: one Vietnamese sentence instead of V8's native
 * out-of-memory crash, which no JavaScript can catch.
 */
export function ensureHeap(need: number, fileName: string): void {
  const stats = v8.getHeapStatistics();
  const free = stats.heap_size_limit - stats.used_heap_size;
  if (need <= free) return;
  throw new UserError(
    'too-large',
    `Tệp “${fileName}” cần khoảng ${Math.ceil(need / 2 ** 20)} MB bộ nhớ, nhiều hơn ${Math.floor(free / 2 ** 20)} MB còn trống: hãy chép trang chấm điểm sang một tệp mới (hoặc chạy node với --max-old-space-size lớn hơn).`,
  );
}

function corrupt(name: string): UserError {
  return new UserError(
    'bad-input',
    `Tệp “${name}” bị hỏng hoặc không phải .xlsx hợp lệ: Excel không mở được thì thidua cũng không đọc được.`,
  );
}

/** Opens an .xlsx for reading after every check on the file itself (see readXlsxFile). */
export async function openBook(file: string): Promise<XlsxBook> {
  const data = await readXlsxFile(file);
  try {
    return new XlsxBook(new XlsxPackage(data), file);
  } catch (e) {
    if (e instanceof XmlError || e instanceof ZipFormatError) throw corrupt(path.basename(file));
    throw e;
  }
}

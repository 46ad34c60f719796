/**
 * What *Tổng hợp khối* needs of Excel beyond the check's own calls, added to the in-memory host (excel-host.ts) without
 * editing it: listing, adding and deleting worksheets, number formats, fonts, merges, column widths, frozen rows and
 * page layout. Each behaviour follows the Office.js reference, cited beside it. Like the rest of the host, calls only
 * queue and run at `context.sync()`. Installed once per process by `extendHost()`.
 */
import { HostContext, HostError, HostSheet, HostWorkbook, rectAddress } from './excel-host';

/** What the summary writer sets on a sheet or its cells, kept beside the host's own state. */
export interface SheetExtras {
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  /** By A1 address. */
  numberFormat: Map<string, string>;
  font: Map<string, { bold?: boolean; italic?: boolean; size?: number; name?: string }>;
  wrap: Set<string>;
  align: Map<string, string>;
  /** Points, by 0-based column. */
  widths: Map<number, number>;
  frozenRows?: number;
  page: { orientation?: string; zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number }; titleRows?: string };
}

const EXTRAS = new WeakMap<HostSheet, SheetExtras>();

export function extras(sheet: HostSheet): SheetExtras {
  let e = EXTRAS.get(sheet);
  if (!e) {
    e = { visibility: 'Visible', numberFormat: new Map(), font: new Map(), wrap: new Set(), align: new Map(), widths: new Map(), page: {} };
    EXTRAS.set(sheet, e);
  }
  return e;
}

type Rect = { top: number; left: number; bottom: number; right: number };
type AnyObj = Record<string, unknown> & { ctx: HostContext };

function need(ctx: HostContext, version: string): void {
  ctx.queue(() => {
    if (!ctx.book.supports(version))
      throw new HostError('ApiNotFound', `The API you are trying to use could not be found (ExcelApi ${version}).`);
  }, false);
}

function guardWrite(sheet: HostSheet): void {
  if (sheet.protected) throw new HostError('AccessDenied', 'The cell or chart you are trying to change is protected.');
}

let installed = false;

/** Adds the calls to the host's classes, reached through instances (the classes themselves are the host's own). */
export function extendHost(): void {
  if (installed) return;
  installed = true;
  const book = new HostWorkbook('1.18');
  book.addSheet('x');
  const ctx = new HostContext(book);
  const collection = ctx.workbook.worksheets;
  const worksheet = collection.getActiveWorksheet();
  const range = worksheet.getRange('A1');
  const areas = worksheet.getRanges('A1');
  const Worksheet = worksheet.constructor as new (ctx: HostContext, sheet: () => HostSheet) => typeof worksheet;
  const protoOf = (o: object) => Object.getPrototypeOf(o) as Record<string, unknown>;
  const CollectionProto = protoOf(collection);
  const WorksheetProto = protoOf(worksheet);
  const RangeProto = protoOf(range);
  const FormatProto = protoOf(range.format);
  void areas;

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-load-member(1)
  // (ExcelApi 1.1): `items` is readable only after load and sync.
  CollectionProto.load = function (this: AnyObj, names?: string) {
    void names;
    this.ctx.queue(() => {
      const c = this.ctx;
      this.loadedItems = c.book.sheets.map((s) => {
        const w = new Worksheet(c, () => s) as unknown as { loaded: Map<string, unknown> };
        w.loaded.set('isNullObject', false);
        w.loaded.set('id', s.id);
        w.loaded.set('name', s.name);
        w.loaded.set('visibility', extras(s).visibility);
        return w;
      });
    });
    return this;
  };
  Object.defineProperty(CollectionProto, 'items', {
    get(this: AnyObj) {
      if (!this.loadedItems)
        throw new HostError('PropertyNotLoaded', "The property 'items' is not available. Call load and context.sync() before reading it.");
      return this.loadedItems;
    },
  });
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-add-member(1)
  // (ExcelApi 1.1): adds a sheet at the end. Excel refuses a name another sheet has (compared ignoring case), longer
  // than 31 characters, or holding : \ / ? * [ ] (the rules of Excel's own rename box).
  CollectionProto.add = function (this: AnyObj, name: string) {
    let made: HostSheet | undefined;
    this.ctx.queue(() => {
      const b = this.ctx.book;
      if (b.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
        throw new HostError('ItemAlreadyExists', `A worksheet named ${name} already exists.`);
      if (name.length === 0 || [...name].length > 31 || /[:\\/?*[\]]/.test(name))
        throw new HostError('InvalidArgument', `Invalid worksheet name ${name}.`);
      made = b.addSheet(name);
    });
    return new Worksheet(this.ctx, () => {
      if (!made) throw new HostError('InvalidObjectPath', 'The worksheet has not been added yet.');
      return made;
    });
  };

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetcollection#excel-excel-worksheetcollection-getfirst-member(1)
  // and https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-getnextornullobject-member(1)
  // (ExcelApi 1.5): the first worksheet, and the one after this one; `visibleOnly` skips hidden ones. "If there are no
  // worksheets following this one, then this method returns an object with its isNullObject property set to true."
  // A call on a null object gives a null object again, with no error: office.js turns a null object's path into a null
  // path (ObjectPathType 7, ObjectPath.prototype._updateAsNullObject in node_modules/@microsoft/office-js/dist/
  // excel-win32-16.01.debug.js) that later calls build on, and loads on it come back empty (see prop in excel-host.ts).
  // No page documents it either way, so src/excel/tonghop.ts falls back to naming the sheets first if a host refuses.
  const visibleFrom = (b: HostWorkbook, from: number, visibleOnly: boolean) =>
    b.sheets.slice(from).find((s) => !visibleOnly || extras(s).visibility === 'Visible') ?? null;
  CollectionProto.getFirst = function (this: AnyObj, visibleOnly = false) {
    need(this.ctx, '1.5');
    this.ctx.queue(() => undefined);
    const c = this.ctx;
    return new Worksheet(c, () => visibleFrom(c.book, 0, visibleOnly) as HostSheet);
  };
  WorksheetProto.getNextOrNullObject = function (this: AnyObj, visibleOnly = false) {
    need(this.ctx, '1.5');
    this.ctx.queue(() => undefined);
    const c = this.ctx;
    const sheet = this.sheet as () => HostSheet | null;
    return new Worksheet(c, () => {
      const s = sheet();
      if (!s && c.book.refuseNullObjectCalls) throw new HostError('InvalidObjectPath', 'The object path does not exist (null object).');
      return (s ? visibleFrom(c.book, c.book.sheets.indexOf(s) + 1, visibleOnly) : null) as HostSheet;
    });
  };

  // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-visibility-member (ExcelApi 1.1)
  const readProp = WorksheetProto.readProp as (this: AnyObj, name: string) => unknown;
  WorksheetProto.readProp = function (this: AnyObj, name: string) {
    if (name === 'visibility') return extras((this.sheet as () => HostSheet)()).visibility;
    return readProp.call(this, name);
  };
  Object.defineProperty(WorksheetProto, 'visibility', {
    get(this: { prop(n: string): unknown }) {
      return this.prop('visibility');
    },
  });
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-delete-member(1) (ExcelApi 1.1):
  // "the last visible worksheet can't be deleted".
  WorksheetProto.delete = function (this: AnyObj) {
    this.ctx.queue(() => {
      const s = (this.sheet as () => HostSheet)();
      const b = this.ctx.book;
      const visible = b.sheets.filter((x) => extras(x).visibility === 'Visible');
      if (visible.length === 1 && visible[0] === s)
        throw new HostError('InvalidOperation', 'The last visible worksheet cannot be deleted.');
      const i = b.sheets.indexOf(s);
      if (i < 0) throw new HostError('ItemNotFound', 'The worksheet was deleted.');
      b.sheets.splice(i, 1);
      if (b.active >= b.sheets.length || b.active === i) b.active = 0;
      else if (b.active > i) b.active--;
    });
  };
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheet#excel-excel-worksheet-activate-member(1) (ExcelApi 1.1)
  WorksheetProto.activate = function (this: AnyObj) {
    this.ctx.queue(() => {
      this.ctx.book.active = this.ctx.book.sheets.indexOf((this.sheet as () => HostSheet)());
    });
  };
  // https://learn.microsoft.com/javascript/api/excel/excel.worksheetfreezepanes#excel-excel-worksheetfreezepanes-freezerows-member(1)
  // (ExcelApi 1.7)
  Object.defineProperty(WorksheetProto, 'freezePanes', {
    get(this: AnyObj) {
      const sheet = this.sheet as () => HostSheet;
      const c = this.ctx;
      return { freezeRows: (n: number) => c.queue(() => (extras(sheet()).frozenRows = n)) };
    },
  });
  // https://learn.microsoft.com/javascript/api/excel/excel.pagelayout (ExcelApi 1.9): orientation, zoom
  // (PageLayoutZoomOptions: horizontalFitToPages, verticalFitToPages), setPrintTitleRows("$4:$4").
  Object.defineProperty(WorksheetProto, 'pageLayout', {
    get(this: AnyObj) {
      const sheet = this.sheet as () => HostSheet;
      const c = this.ctx;
      const set = (f: (p: SheetExtras['page']) => void) => {
        need(c, '1.9');
        c.queue(() => f(extras(sheet()).page));
      };
      return {
        set orientation(v: string) {
          set((p) => (p.orientation = v));
        },
        set zoom(v: SheetExtras['page']['zoom']) {
          set((p) => (p.zoom = { ...v }));
        },
        setPrintTitleRows(rows: string) {
          set((p) => (p.titleRows = rows));
        },
      };
    },
  });

  type RangeObj = AnyObj & { target: () => { sheet: HostSheet; rect: Rect } | null };
  const mustTarget = (r: RangeObj) => {
    const t = r.target();
    if (!t) throw new HostError('InvalidObjectPath', 'The object path does not exist (null object).');
    return t;
  };
  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-numberformat-member (ExcelApi 1.1):
  // a two-dimensional array the size of the range, like values.
  Object.defineProperty(RangeProto, 'numberFormat', {
    set(this: RangeObj, v: string[][]) {
      this.ctx.queue(() => {
        const { sheet, rect } = mustTarget(this);
        guardWrite(sheet);
        if (v.length !== rect.bottom - rect.top + 1 || v.some((row) => row.length !== rect.right - rect.left + 1)) {
          throw new HostError('InvalidArgument', 'The number of rows or columns in the input array does not match the size of the range.');
        }
        v.forEach((row, r) =>
          row.forEach((f, c) =>
            extras(sheet).numberFormat.set(
              rectAddress({ top: rect.top + r, left: rect.left + c, bottom: rect.top + r, right: rect.left + c }),
              f,
            ),
          ),
        );
      });
    },
  });
  // https://learn.microsoft.com/javascript/api/excel/excel.range#excel-excel-range-merge-member(1) (ExcelApi 1.2)
  RangeProto.merge = function (this: RangeObj, across = false) {
    this.ctx.queue(() => {
      const { sheet, rect } = mustTarget(this);
      guardWrite(sheet);
      const rows = across
        ? Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => ({ ...rect, top: rect.top + i, bottom: rect.top + i }))
        : [rect];
      sheet.merges.push(...rows);
    });
  };
  // https://learn.microsoft.com/javascript/api/excel/excel.rangeformat (font, wrapText, horizontalAlignment,
  // verticalAlignment: ExcelApi 1.1; columnWidth: ExcelApi 1.2). RangeAreas.format is the same object (ExcelApi 1.9).
  type FormatObj = { fill: { cells: () => { sheet: HostSheet; cells: [number, number][] }; ctx: HostContext } };
  const each = (f: FormatObj, fn: (sheet: HostSheet, address: string, row: number, col: number) => void) => {
    f.fill.ctx.queue(() => {
      const { sheet, cells } = f.fill.cells();
      guardWrite(sheet);
      for (const [r, c] of cells) fn(sheet, rectAddress({ top: r, left: c, bottom: r, right: c }), r, c);
    });
  };
  Object.defineProperty(FormatProto, 'font', {
    get(this: FormatObj) {
      const setFont = (k: 'bold' | 'italic' | 'size' | 'name', v: unknown) =>
        each(this, (sheet, at) => extras(sheet).font.set(at, { ...extras(sheet).font.get(at), [k]: v }));
      return {
        set bold(v: boolean) {
          setFont('bold', v);
        },
        set italic(v: boolean) {
          setFont('italic', v);
        },
        set size(v: number) {
          setFont('size', v);
        },
        set name(v: string) {
          setFont('name', v);
        },
      };
    },
  });
  Object.defineProperty(FormatProto, 'wrapText', {
    set(this: FormatObj, v: boolean) {
      each(this, (sheet, at) => (v ? extras(sheet).wrap.add(at) : extras(sheet).wrap.delete(at)));
    },
  });
  Object.defineProperty(FormatProto, 'horizontalAlignment', {
    set(this: FormatObj, v: string) {
      each(this, (sheet, at) => extras(sheet).align.set(at, v));
    },
  });
  Object.defineProperty(FormatProto, 'verticalAlignment', {
    set(this: FormatObj, _v: string) {
      each(this, () => undefined);
    },
  });
  Object.defineProperty(FormatProto, 'columnWidth', {
    set(this: FormatObj, points: number) {
      // "Specifies the width of all columns within the range": the whole column, recorded per column.
      this.fill.ctx.queue(() => {
        const { sheet, cells } = this.fill.cells();
        for (const col of new Set(cells.map(([, c]) => c))) extras(sheet).widths.set(col, points);
      });
    },
  });
}

/**
 * An in-memory stand-in for the part of Excel the add-in uses, for the unit tests, the browser test and the benchmarks.
 * Like Office, calls only queue; `context.sync()` runs the queue in order; a property read before it was loaded and
 * synced throws PropertyNotLoaded; methods newer than the host's ExcelApi version fail at sync with ApiNotFound.
 * It counts syncs and queued calls. No Node APIs: it is bundled for the browser too.
 *
 * Where real Excel is less kind than a naive stand-in, the host follows Excel, each behaviour with its source:
 * two runtimes with their own copy of the document settings, workbook settings shared by both, worksheet ids that
 * change on reopen, no fill read as white, selections that throw, size limits, the merged-area limit, strings parsed
 * as they are typed, localised error messages with stable codes, requirement sets by Office version.
 */
import { a1, CellValue, MergedArea, parseA1, SheetGrid } from '../../src/engine/grid';

/**
 * The ExcelApi versions the tests simulate. Which Office has which, from Microsoft's table
 * (https://learn.microsoft.com/en-us/javascript/api/requirement-sets/excel/excel-api-requirement-sets):
 * Office 2016 volume (MSI) has 1.1 only; volume-licensed Office 2019 stops at 1.7; Office 2021 LTSC at 1.14;
 * Office 2024 at 1.17; Microsoft 365, the web and current Mac builds have 1.18 and later.
 */
export type ApiVersion = '1.1' | '1.4' | '1.7' | '1.8' | '1.9' | '1.12' | '1.13' | '1.14' | '1.17' | '1.18';

export const OFFICE_VERSIONS: Record<string, ApiVersion> = {
  'Office 2016 (volume, MSI)': '1.1',
  'Office 2019 (volume)': '1.7',
  'Office 2021 LTSC': '1.14',
  'Office 2024': '1.17',
  'Microsoft 365': '1.18',
};

export interface HostFill {
  color: string;
  /** A pattern other than Solid; `patternColor` and `patternTintAndShade` go with it. */
  pattern?: string;
  patternColor?: string;
  patternTintAndShade?: number;
  /** A tint or shade of a theme colour (−1…1), when not 0. */
  tintAndShade?: number;
}

export interface HostPrompt {
  title: string;
  message: string;
  showPrompt: boolean;
}

export interface HostCell {
  value: CellValue;
  formula?: string;
  /** Text shown, when it differs from the plain value (a number format); dropped when the cell is written. */
  text?: string;
  fill?: HostFill;
  prompt?: HostPrompt;
  /** A data-validation rule of the user's own ("List", "WholeNumber"…); the prompt may exist without it. */
  rule?: string;
  /** The cell's number format; "General" when absent, "@" for Text. */
  numberFormat?: string;
}

export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Excel's sheet size: whole columns ("A:G") are this many rows. */
export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

/**
 * Office errors carry a stable `code` (OfficeExtension.Error, https://learn.microsoft.com/en-us/office/dev/add-ins/excel/excel-add-ins-error-handling)
 * and a message in the user's display language: the host's messages are in French, so that code matching on English
 * text fails here as it fails for a Vietnamese or French Office.
 */
export class HostError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

const MSG = {
  notLoaded: "La propriété n'est pas disponible. Appelez load et context.sync() avant de la lire.",
  apiNotFound: "L'API que vous essayez d'utiliser est introuvable.",
  invalidArgument: "L'argument est non valide ou manquant, ou son format est incorrect.",
  itemNotFound: "L'élément demandé n'existe pas.",
  accessDenied: 'La cellule ou le graphique que vous essayez de modifier est protégé.',
  editMode: "Cette opération n'est pas autorisée en mode d'édition de cellule.",
  invalidSelection: "La sélection actuelle n'est pas valide pour cette opération.",
  rangeExceedsLimit: 'Le nombre de cellules de la plage dépasse le maximum pris en charge.',
  response: 'La taille de la réponse dépasse la limite autorisée.',
  request: 'La taille de la requête dépasse la limite autorisée.',
  general: "Une erreur interne s'est produite lors du traitement de la demande.",
  nullObject: "Le chemin d'accès à l'objet n'existe pas.",
};

/** The user's locale as Excel parses typed text: vi-VN writes 19,5 and 1.000. */
const DECIMAL = ',';
const GROUP = '.';

export class HostSheet {
  readonly cells = new Map<string, HostCell>();
  readonly notes = new Map<string, string>();
  merges: MergedArea[] = [];
  protected = false;
  /** Worksheet custom properties (ExcelApi 1.12): saved in the file with the sheet. */
  readonly customProperties = new Map<string, string>();
  /** Worksheet-scoped names (ExcelApi 1.4): their reference moves with the cells, as Excel's names do. */
  readonly names = new Map<string, { ref: Rect | null; comment: string; visible: boolean }>();
  constructor(
    public id: string,
    public name: string,
  ) {}

  private key(row: number, col: number): string {
    return `${row},${col}`;
  }
  cellAt(row: number, col: number): HostCell | undefined {
    return this.cells.get(this.key(row, col));
  }
  cell(address: string): HostCell | undefined {
    const p = parseA1(address);
    return this.cellAt(p.row, p.col);
  }
  ensure(row: number, col: number): HostCell {
    const k = this.key(row, col);
    let c = this.cells.get(k);
    if (!c) {
      c = { value: null };
      this.cells.set(k, c);
    }
    return c;
  }
  /** Sets a cell as a person types it: "=…" a formula, "'…" text, a numeric string a number. */
  enter(row: number, col: number, input: unknown): void {
    const c = this.ensure(row, col);
    delete c.formula;
    delete c.text;
    if (typeof input === 'string' && input.startsWith('=')) c.formula = input;
    else if (typeof input === 'string' && input.startsWith("'")) c.value = input.slice(1);
    else if (typeof input === 'string' && input.trim() !== '' && !Number.isNaN(Number(input))) c.value = Number(input);
    else if (input === '' || input === null || input === undefined) c.value = null;
    else c.value = input as CellValue;
  }

  /**
   * A value the add-in writes through `values` or `formulas`. Excel parses a string as if it were typed in the
   * user's locale ("1/2" a date, "50%" a number, "19,5" a number in vi-VN; https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-values-member)
   * unless the cell is formatted as Text ("@"), where everything, a formula too, stays the text it is
   * (https://support.microsoft.com/en-us/office/format-numbers-as-text-583160db-9e93-44f4-9a17-8d5d26bbf6e7).
   * A leading apostrophe makes text and is dropped from the value.
   */
  write(row: number, col: number, input: unknown): void {
    const c = this.ensure(row, col);
    delete c.formula;
    delete c.text;
    if (typeof input !== 'string') {
      c.value = input === null || input === undefined ? null : (input as CellValue);
      return;
    }
    if (c.numberFormat === '@') {
      c.value = input === '' ? null : input;
      return;
    }
    if (input === '') c.value = null;
    else if (input.startsWith('=')) {
      c.value = null;
      c.formula = input;
    } else if (input.startsWith("'")) c.value = input.slice(1);
    else {
      const parsed = parseTyped(input);
      c.value = parsed.value;
      if (parsed.format && (!c.numberFormat || c.numberFormat === 'General')) c.numberFormat = parsed.format;
    }
  }

  /** A cell's value, formulas evaluated (SUM of refs and ranges, + and -, numbers). */
  valueAt(row: number, col: number, seen = new Set<string>()): CellValue {
    const c = this.cellAt(row, col);
    if (!c) return null;
    if (!c.formula) return c.value;
    const k = this.key(row, col);
    if (seen.has(k)) return '#REF!';
    seen.add(k);
    const v = this.evaluate(c.formula.slice(1), seen);
    seen.delete(k);
    return v ?? c.value;
  }

  private evaluate(expr: string, seen: Set<string>): number | undefined {
    const num = (row: number, col: number): number => {
      const v = this.valueAt(row, col, seen);
      return typeof v === 'number' ? v : 0;
    };
    const refSum = (ref: string): number => {
      const [from, to] = ref.split(':');
      const a = parseA1(from);
      const b = parseA1(to ?? from);
      let s = 0;
      for (let r = a.row; r <= b.row; r++) for (let c = a.col; c <= b.col; c++) s += num(r, c);
      return s;
    };
    let total = 0;
    const terms = expr.replace(/\s+/g, '').match(/[+-]?(SUM\([^)]*\)|\$?[A-Z]{1,3}\$?\d+|\d+(\.\d+)?)/gi);
    if (!terms || terms.join('').length !== expr.replace(/\s+/g, '').length) return undefined;
    for (const t of terms) {
      const sign = t.startsWith('-') ? -1 : 1;
      const body = t.replace(/^[+-]/, '');
      let v: number;
      if (/^SUM\(/i.test(body))
        v = body
          .slice(4, -1)
          .split(',')
          .filter(Boolean)
          .reduce((s, r) => s + refSum(r.replace(/\$/g, '')), 0);
      else if (/^\d/.test(body)) v = Number(body);
      else v = refSum(body.replace(/\$/g, ''));
      total += sign * v;
    }
    return total;
  }

  textAt(row: number, col: number): string {
    const c = this.cellAt(row, col);
    if (c?.text !== undefined && !c.formula) return c.text;
    const v = this.valueAt(row, col);
    if (v === null) return '';
    if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
    return String(v);
  }

  /** The used range: cells with values (valuesOnly) or also with formats (fills, number formats, prompts). */
  usedRect(valuesOnly = true): Rect | undefined {
    let r: Rect | undefined;
    for (const [k, c] of this.cells) {
      const used = c.value !== null || !!c.formula || (!valuesOnly && (!!c.fill || !!c.prompt || !!c.numberFormat));
      if (!used) continue;
      const [row, col] = k.split(',').map(Number);
      if (!r) r = { top: row, left: col, bottom: row, right: col };
      else {
        r.top = Math.min(r.top, row);
        r.left = Math.min(r.left, col);
        r.bottom = Math.max(r.bottom, row);
        r.right = Math.max(r.right, col);
      }
    }
    return r;
  }

  /** Excel quotes a sheet name that is not a plain identifier, doubling its apostrophes ("'Chấm điểm'!A1"). */
  quotedName(): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(this.name) ? this.name : `'${this.name.replace(/'/g, "''")}'`;
  }

  /**
   * Inserts (count > 0) or deletes (count < 0) whole rows at `at`: cells, notes, merges and names move as Excel
   * moves them; a name whose rows are all deleted becomes #REF!, one spanning the insertion grows.
   */
  shiftRows(at: number, count: number): void {
    const moveRow = (row: number): number | null => {
      if (row < at) return row;
      if (count < 0 && row < at - count) return null;
      return row + count;
    };
    const cells = [...this.cells.entries()];
    this.cells.clear();
    for (const [k, c] of cells) {
      const [row, col] = k.split(',').map(Number);
      const to = moveRow(row);
      if (to !== null) this.cells.set(this.key(to, col), c);
    }
    const notes = [...this.notes.entries()];
    this.notes.clear();
    for (const [address, text] of notes) {
      const p = parseA1(address);
      const to = moveRow(p.row);
      if (to !== null) this.notes.set(a1(to, p.col), text);
    }
    const moveRect = (r: Rect): Rect | null => {
      if (count > 0) {
        if (r.bottom < at) return r;
        if (r.top >= at) return { ...r, top: r.top + count, bottom: r.bottom + count };
        return { ...r, bottom: r.bottom + count };
      }
      const gone = -count;
      const end = at + gone; // first row kept after the deleted block
      if (r.bottom < at) return r;
      if (r.top >= end) return { ...r, top: r.top - gone, bottom: r.bottom - gone };
      if (r.top >= at && r.bottom < end) return null;
      const top = r.top < at ? r.top : at;
      const bottom = r.bottom < end ? at - 1 : r.bottom - gone;
      return { ...r, top, bottom };
    };
    this.merges = this.merges.map(moveRect).filter((m): m is MergedArea => m !== null);
    for (const n of this.names.values()) n.ref = n.ref ? moveRect(n.ref) : null;
  }
}

/** Excel's reading of typed text in vi-VN: numbers with decimal comma and dot groups, percentages, day/month dates. */
function parseTyped(input: string): { value: CellValue; format?: string } {
  const s = input.trim();
  const numberRe = new RegExp(`^-?(\\d{1,3}(\\${GROUP}\\d{3})+|\\d+)(${DECIMAL}\\d+)?$`);
  const toNumber = (t: string) => Number(t.split(GROUP).join('').replace(DECIMAL, '.'));
  if (numberRe.test(s)) return { value: toNumber(s) };
  const pct = /^(-?[\d.,]+)%$/.exec(s);
  if (pct && numberRe.test(pct[1])) return { value: toNumber(pct[1]) / 100, format: '0%' };
  const date = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{4}))?$/.exec(s);
  if (date) {
    const [d, m, y] = [Number(date[1]), Number(date[2]), Number(date[3] ?? 2026)];
    const t = Date.UTC(y, m - 1, d);
    const back = new Date(t);
    if (back.getUTCDate() === d && back.getUTCMonth() === m - 1)
      return { value: Math.round((t - Date.UTC(1899, 11, 30)) / 86400000), format: 'd/m' };
  }
  return { value: input };
}

export function rectAddress(r: Rect): string {
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}

/** "A1:B2", "$A$1", "A:G" (whole columns), "3:5" (whole rows), with or without a sheet prefix. */
export function parseRect(ref: string): Rect {
  const body = ref.slice(ref.lastIndexOf('!') + 1).replace(/\$/g, '');
  const [from, to = from] = body.split(':');
  if (/^[A-Za-z]{1,3}$/.test(from) && /^[A-Za-z]{1,3}$/.test(to)) {
    const a = parseA1(`${from}1`).col;
    const b = parseA1(`${to}1`).col;
    return { top: 0, bottom: MAX_ROWS - 1, left: Math.min(a, b), right: Math.max(a, b) };
  }
  if (/^\d+$/.test(from) && /^\d+$/.test(to)) {
    const a = Number(from) - 1;
    const b = Number(to) - 1;
    return { top: Math.min(a, b), bottom: Math.max(a, b), left: 0, right: MAX_COLS - 1 };
  }
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function rectCells(r: Rect): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function cellsOf(r: Rect): [number, number][] {
  if (rectCells(r) > 5_000_000) throw new HostError('RangeExceedsLimit', MSG.rangeExceedsLimit);
  const out: [number, number][] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push([row, col]);
  return out;
}

function minor(version: string): number {
  const [maj, min] = version.split('.').map(Number);
  return maj === 1 ? min : 0;
}

/** The workbook, its settings as saved in the file, and the counters. */
export class HostWorkbook {
  sheets: HostSheet[] = [];
  active = 0;
  /**
   * What is selected: an address ("A5:G40", "A:G"), several areas ("A1:B2,D4:E5") or "chart" (a chart or shape).
   * getSelectedRange throws InvalidSelection on the last two (https://github.com/OfficeDev/office-js/issues/2268).
   */
  selection = 'A1';
  /**
   * The add-in's settings bag in the document. Office.context.document.settings and Excel's workbook.settings
   * (ExcelApi 1.4) write to the same place (https://github.com/OfficeDev/office-js-docs-reference/issues/769),
   * and Office saves it inside the .xlsx.
   */
  bag: Record<string, unknown> = {};
  private bagWritten = false;
  editMode = false;
  /**
   * Excel on the web caps a request and a response at 5 MB; any Excel caps a range read at 5 million cells
   * (https://learn.microsoft.com/en-us/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
   */
  platform: 'desktop' | 'web' = 'desktop';
  syncs = 0;
  calls = 0;
  /**
   * A host that fails the batch on any call on a null object (InvalidObjectPath) instead of giving a null object
   * back as office.js does (bloc-host.ts, getNextOrNullObject): no page documents either, so the add-in must cope with both.
   */
  refuseNullObjectCalls = false;
  /** Reopens so far: worksheet ids are made anew each time. */
  private generation = 0;
  constructor(public api: ApiVersion = '1.18') {}

  /** The settings as saved into the file, as JSON text; undefined while the add-in never saved any. */
  get savedSettings(): string | undefined {
    return this.bagWritten ? JSON.stringify(this.bag) : undefined;
  }
  set savedSettings(json: string | undefined) {
    this.bag = json ? (JSON.parse(json) as Record<string, unknown>) : {};
    this.bagWritten = json !== undefined;
  }
  /** Writes one key of the bag (workbook.settings.add); undefined removes it. */
  setSetting(key: string, value: unknown): void {
    if (value === undefined) delete this.bag[key];
    else this.bag[key] = JSON.parse(JSON.stringify(value));
    this.bagWritten = true;
  }
  /** Replaces the whole bag, as document.settings.saveAsync does with its runtime's copy. */
  replaceBag(values: Record<string, unknown>): void {
    this.bag = JSON.parse(JSON.stringify(values));
    this.bagWritten = true;
  }

  private sheetId(n: number): string {
    return `{${String(n).padStart(8, '0')}-${String(this.generation).padStart(4, '0')}-0000-0000-000000000000}`;
  }
  addSheet(name: string): HostSheet {
    const s = new HostSheet(this.sheetId(this.sheets.length + 1), name);
    this.sheets.push(s);
    return s;
  }
  /** Loads an engine grid: values, formulas with their stored results, text shown, merges. */
  loadGrid(grid: SheetGrid): HostSheet {
    const s = this.addSheet(grid.name);
    grid.cells.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c.value === null && !c.formula) return;
        const cell = s.ensure(grid.origin.row + r, grid.origin.col + k);
        cell.value = c.value;
        if (c.formula) cell.formula = c.formula;
        if (c.text !== undefined && c.text !== String(c.value ?? '')) cell.text = c.text;
      }),
    );
    s.merges = [...(grid.merges ?? [])];
    return s;
  }
  get activeSheet(): HostSheet {
    return this.sheets[this.active];
  }
  /**
   * Move or Copy › Create a copy: cells, formats, notes, merges, custom properties and worksheet-scoped names go
   * with the copy, which gets a new id and name (https://support.microsoft.com/en-us/office/move-or-copy-worksheets-or-worksheet-data-47601b42-2b41-4a3c-8b3b-5fa1f7ea1fdf).
   */
  copySheet(from: HostSheet, name: string): HostSheet {
    const s = this.addSheet(name);
    for (const [k, c] of from.cells) s.cells.set(k, JSON.parse(JSON.stringify(c)) as HostCell);
    for (const [k, n] of from.notes) s.notes.set(k, n);
    for (const [k, v] of from.customProperties) s.customProperties.set(k, v);
    for (const [k, v] of from.names) s.names.set(k, { ...v, ref: v.ref ? { ...v.ref } : null });
    s.merges = from.merges.map((m) => ({ ...m }));
    return s;
  }
  supports(version: string): boolean {
    return version.split('.')[0] === '1' && minor(version) <= minor(this.api);
  }
  resetCounters(): void {
    this.syncs = 0;
    this.calls = 0;
  }

  /**
   * Saves, closes and opens the file again. What an .xlsx keeps stays: cells, formats, notes, merges, names,
   * custom properties, the settings bag. Worksheet ids do not: Office documents them as unique within the
   * workbook, not as lasting (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-id-member),
   * and they differ across reopens, Office versions and other writers. Call installHost again for fresh runtimes.
   */
  reopen(): void {
    this.generation++;
    this.sheets.forEach((s, i) => (s.id = this.sheetId(i + 1)));
    this.editMode = false;
    this.selection = 'A1';
  }
}

export class HostContext {
  private ops: (() => void)[] = [];
  readonly workbook: HostWorkbookProxy;
  /** Bytes the batch sends (values and settings written), for the web's request limit. */
  requestBytes = 0;
  constructor(readonly book: HostWorkbook) {
    this.workbook = new HostWorkbookProxy(this);
  }
  /** Queues an operation; `count` false for the host's own checks, which are not calls of the add-in. */
  queue(op: () => void, count = true): void {
    this.ops.push(op);
    if (count) this.book.calls++;
  }
  /** Fails at sync, as Office does, when a queued call is newer than the host's API version. */
  need(version: string, where: string): void {
    this.queue(() => {
      if (!this.book.supports(version)) throw new HostError('ApiNotFound', `${MSG.apiNotFound} (ExcelApi ${version})`, where);
    }, false);
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const ops = this.ops;
    const sent = this.requestBytes;
    this.ops = [];
    this.requestBytes = 0;
    if (this.book.editMode && ops.length > 0) throw new HostError('InvalidOperationInCellEditMode', MSG.editMode);
    if (this.book.platform === 'web' && sent > 5 * 1024 * 1024) throw new HostError('RequestPayloadSizeLimitExceeded', MSG.request);
    let received = 0;
    this.responseBytes = (n: number) => {
      received += n;
      if (this.book.platform === 'web' && received > 5 * 1024 * 1024) throw new HostError('ResponsePayloadSizeLimitExceeded', MSG.response);
    };
    for (const op of ops) op();
  }
  /** Counts what a load sends back (set during sync). */
  responseBytes: (n: number) => void = () => undefined;
}

class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: HostContext) {}
  protected prop<T>(name: string): T {
    // A null object (an *OrNullObject result that found nothing) reads every property as undefined instead of
    // throwing PropertyNotLoaded: office.js's ClientObject takes a null load result as isNull, and
    // Utility.throwIfNotLoaded never throws for a null object (node_modules/@microsoft/office-js/dist/
    // excel-win32-16.01.debug.js, ClientObject.prototype._handleResult and Utility.throwIfNotLoaded). Only
    // isNullObject is worth reading on it (https://learn.microsoft.com/office/dev/add-ins/develop/application-specific-api-model#ornullobject-methods-and-properties).
    if (name !== 'isNullObject' && this.loaded.get('isNullObject') === true) return undefined as T;
    if (!this.loaded.has(name)) throw new HostError('PropertyNotLoaded', `${MSG.notLoaded} (${name})`);
    return this.loaded.get(name) as T;
  }
  protected readProp(_name: string): unknown {
    return undefined;
  }
  protected exists(): boolean {
    return true;
  }
  get isNullObject(): boolean {
    return this.prop<boolean>('isNullObject');
  }
  load(names?: string | string[]): this {
    const list = (Array.isArray(names) ? names : (names ?? '').split(',')).map((s) => s.trim()).filter(Boolean);
    this.ctx.queue(() => {
      const present = this.exists();
      this.loaded.set('isNullObject', !present);
      if (!present) return;
      for (const n of list) {
        // A navigation path ("protection/protected") loads the property on the child object, as Office does.
        const [head, ...rest] = n.split('/');
        const child = rest.length ? (this as unknown as Record<string, ClientObject>)[head] : undefined;
        const v = child ? child.readProp(rest.join('/')) : this.readProp(n);
        this.ctx.responseBytes(JSON.stringify(v ?? null).length);
        if (child) child.loaded.set(rest.join('/'), v);
        else this.loaded.set(n, v);
      }
    });
    return this;
  }
}

class ClientResult<T> {
  private done = false;
  private v: T | undefined;
  constructor(ctx: HostContext, compute: () => T) {
    ctx.queue(() => {
      this.v = compute();
      ctx.responseBytes(JSON.stringify(this.v ?? null).length);
      this.done = true;
    });
  }
  get value(): T {
    if (!this.done) throw new HostError('PropertyNotLoaded', MSG.notLoaded);
    return this.v as T;
  }
}

class HostWorkbookProxy {
  readonly worksheets: HostWorksheetCollection;
  readonly settings: HostSettingCollection;
  constructor(private readonly ctx: HostContext) {
    this.worksheets = new HostWorksheetCollection(ctx);
    this.settings = new HostSettingCollection(ctx);
  }
  /** Throws InvalidSelection when several areas, a chart or a shape are selected (office-js#2268, #8). */
  getSelectedRange(): HostRange {
    const ctx = this.ctx;
    const r = new HostRange(ctx, () => {
      const book = ctx.book;
      if (book.selection === 'chart' || book.selection.includes(',')) {
        throw new HostError('InvalidSelection', MSG.invalidSelection, 'Workbook.getSelectedRange');
      }
      return { sheet: book.activeSheet, rect: parseRect(book.selection) };
    });
    ctx.queue(() => void r.target());
    return r;
  }
}

/** Workbook-level settings (ExcelApi 1.4, https://learn.microsoft.com/en-us/javascript/api/excel/excel.settingcollection): read and written inside Excel.run, on the document's one bag. */
class HostSettingCollection {
  constructor(private readonly ctx: HostContext) {}
  add(key: string, value: unknown): HostSetting {
    this.ctx.need('1.4', 'SettingCollection.add');
    this.ctx.requestBytes += JSON.stringify(value ?? null).length;
    this.ctx.queue(() => this.ctx.book.setSetting(key, value));
    return new HostSetting(this.ctx, key);
  }
  getItem(key: string): HostSetting {
    this.ctx.need('1.4', 'SettingCollection.getItem');
    this.ctx.queue(() => {
      if (this.ctx.book.bag[key] === undefined) throw new HostError('ItemNotFound', MSG.itemNotFound);
    });
    return new HostSetting(this.ctx, key);
  }
  getItemOrNullObject(key: string): HostSetting {
    this.ctx.need('1.4', 'SettingCollection.getItemOrNullObject');
    this.ctx.queue(() => undefined);
    return new HostSetting(this.ctx, key);
  }
}

class HostSetting extends ClientObject {
  constructor(
    ctx: HostContext,
    private readonly key: string,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.ctx.book.bag[this.key] !== undefined;
  }
  protected override readProp(name: string): unknown {
    if (name === 'value') return JSON.parse(JSON.stringify(this.ctx.book.bag[this.key]));
    if (name === 'key') return this.key;
    throw new HostError('InvalidArgument', MSG.invalidArgument);
  }
  get value(): unknown {
    return this.prop('value');
  }
  delete(): void {
    this.ctx.queue(() => this.ctx.book.setSetting(this.key, undefined));
  }
}

class HostWorksheetCollection extends ClientObject {
  private list: HostWorksheet[] = [];
  constructor(ctx: HostContext) {
    super(ctx);
  }
  getActiveWorksheet(): HostWorksheet {
    this.ctx.queue(() => undefined);
    return new HostWorksheet(this.ctx, () => this.ctx.book.activeSheet);
  }
  getItem(key: string): HostWorksheet {
    this.ctx.queue(() => undefined);
    return new HostWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheets.find((x) => x.name === key || x.id === key);
      if (!s) throw new HostError('ItemNotFound', MSG.itemNotFound);
      return s;
    });
  }
  /** `load('items/name')`: every sheet's name (or id). */
  override load(names?: string | string[]): this {
    const props = (Array.isArray(names) ? names : (names ?? '').split(',')).map((s) => s.trim().replace(/^items\//, '')).filter(Boolean);
    this.ctx.queue(() => {
      this.list = this.ctx.book.sheets.map((s) => {
        const w = new HostWorksheet(this.ctx, () => s);
        w.fill(props);
        return w;
      });
    });
    return this;
  }
  get items(): HostWorksheet[] {
    return this.list;
  }
}

class HostProtection extends ClientObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {
    super(ctx);
  }
  get protected(): boolean {
    return this.prop('protected');
  }
  protected override readProp(name: string): unknown {
    return name === 'protected' ? this.sheet().protected : undefined;
  }
}

class HostWorksheet extends ClientObject {
  readonly protection: HostProtection;
  readonly notes: HostNoteCollection;
  readonly customProperties: HostCustomPropertyCollection;
  readonly names: HostNamedItemCollection;
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {
    super(ctx);
    this.protection = new HostProtection(ctx, sheet);
    this.notes = new HostNoteCollection(ctx, sheet);
    this.customProperties = new HostCustomPropertyCollection(ctx, sheet);
    this.names = new HostNamedItemCollection(ctx, sheet);
  }
  /** Fills loaded properties right away (for a collection's items). */
  fill(props: string[]): void {
    for (const p of props) this.loaded.set(p, this.readProp(p));
  }
  /** A worksheet reached past the last one (getNextOrNullObject, see bloc-host.ts) is a null object. */
  protected override exists(): boolean {
    return (this.sheet() as HostSheet | null) !== null;
  }
  get id(): string {
    return this.prop('id');
  }
  get name(): string {
    return this.prop('name');
  }
  protected override readProp(name: string): unknown {
    const s = this.sheet();
    return name === 'id' ? s.id : name === 'name' ? s.name : undefined;
  }
  getRange(address: string): HostRange {
    this.ctx.queue(() => undefined);
    return new HostRange(this.ctx, () => ({ sheet: this.sheet(), rect: parseRect(address) }));
  }
  getRanges(address: string): HostRangeAreas {
    this.ctx.queue(() => undefined);
    this.ctx.need('1.9', 'Worksheet.getRanges');
    return new HostRangeAreas(this.ctx, () => ({ sheet: this.sheet(), rects: address.split(',').map(parseRect) }));
  }
  /** Like Excel, a blank sheet's used range is A1. Without valuesOnly, formatted cells count too. */
  getUsedRange(valuesOnly?: boolean): HostRange {
    this.ctx.queue(() => undefined);
    return new HostRange(this.ctx, () => {
      // A null worksheet's objects are null objects in turn (see nullChild in bloc-host.ts).
      const s = this.sheet() as HostSheet | null;
      if (!s) return null;
      return { sheet: s, rect: s.usedRect(valuesOnly === true) ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

/** Worksheet custom properties (ExcelApi 1.12, https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheetcustompropertycollection). */
class HostCustomPropertyCollection {
  constructor(
    private readonly ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {}
  add(key: string, value: string): void {
    this.ctx.need('1.12', 'WorksheetCustomPropertyCollection.add');
    this.ctx.queue(() => void this.sheet().customProperties.set(key, String(value)));
  }
  getItemOrNullObject(key: string): HostCustomProperty {
    this.ctx.need('1.12', 'WorksheetCustomPropertyCollection.getItemOrNullObject');
    this.ctx.queue(() => undefined);
    return new HostCustomProperty(this.ctx, () => this.sheet().customProperties.get(key));
  }
}

class HostCustomProperty extends ClientObject {
  constructor(
    ctx: HostContext,
    private readonly get_: () => string | undefined,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.get_() !== undefined;
  }
  protected override readProp(name: string): unknown {
    if (name === 'value') return this.get_();
    throw new HostError('InvalidArgument', MSG.invalidArgument);
  }
  get value(): string {
    return this.prop('value');
  }
}

/**
 * Worksheet-scoped names (ExcelApi 1.4, https://learn.microsoft.com/en-us/javascript/api/excel/excel.nameditemcollection#excel-excel-nameditemcollection-add-member(1)).
 * A name's reference moves when rows are inserted or deleted above it and grows with rows inserted inside it,
 * as every Excel name does; its `value` reads "='Sheet'!$A$1:$G$40", or "=#REF!" once its cells are deleted.
 */
class HostNamedItemCollection {
  constructor(
    private readonly ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {}
  add(name: string, reference: HostRange | string, comment?: string): HostNamedItem {
    this.ctx.need('1.4', 'NamedItemCollection.add');
    this.ctx.queue(() => {
      const s = this.sheet();
      if (s.names.has(name)) throw new HostError('ItemAlreadyExists', MSG.invalidArgument);
      const rect = typeof reference === 'string' ? parseRect(reference) : reference.target()!.rect;
      s.names.set(name, { ref: rect, comment: comment ?? '', visible: true });
    });
    return new HostNamedItem(this.ctx, this.sheet, name);
  }
  getItem(name: string): HostNamedItem {
    this.ctx.need('1.4', 'NamedItemCollection.getItem');
    this.ctx.queue(() => {
      if (!this.sheet().names.has(name)) throw new HostError('ItemNotFound', MSG.itemNotFound);
    });
    return new HostNamedItem(this.ctx, this.sheet, name);
  }
  getItemOrNullObject(name: string): HostNamedItem {
    this.ctx.need('1.4', 'NamedItemCollection.getItemOrNullObject');
    this.ctx.queue(() => undefined);
    return new HostNamedItem(this.ctx, this.sheet, name);
  }
}

class HostNamedItem extends ClientObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
    private readonly name: string,
  ) {
    super(ctx);
  }
  protected override exists(): boolean {
    return this.sheet().names.has(this.name);
  }
  protected override readProp(prop: string): unknown {
    const s = this.sheet();
    const n = s.names.get(this.name)!;
    if (prop === 'value' || prop === 'formula') return n.ref ? `=${s.quotedName()}!${absolute(n.ref)}` : '=#REF!';
    if (prop === 'comment') return n.comment;
    if (prop === 'visible') return n.visible;
    throw new HostError('InvalidArgument', MSG.invalidArgument);
  }
  get value(): string {
    return this.prop('value');
  }
  get comment(): string {
    return this.prop('comment');
  }
  set visible(v: boolean) {
    this.ctx.queue(() => {
      const n = this.sheet().names.get(this.name);
      if (!n) throw new HostError('ItemNotFound', MSG.itemNotFound);
      n.visible = v;
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      if (!this.sheet().names.delete(this.name)) throw new HostError('ItemNotFound', MSG.itemNotFound);
    });
  }
}

function absolute(r: Rect): string {
  const a = a1(r.top, r.left).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  const b = a1(r.bottom, r.right).replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
  return `${a}:${b}`;
}

type RangeTarget = { sheet: HostSheet; rect: Rect };

function guardWrite(sheet: HostSheet): void {
  if (sheet.protected) throw new HostError('AccessDenied', MSG.accessDenied);
}

class HostRange extends ClientObject {
  readonly format: HostFormat;
  readonly dataValidation: HostDataValidation;
  constructor(
    ctx: HostContext,
    readonly target: () => RangeTarget | null,
  ) {
    super(ctx);
    const cells = () => {
      const t = this.must();
      return { sheet: t.sheet, cells: cellsOf(t.rect) };
    };
    this.format = new HostFormat(ctx, cells);
    this.dataValidation = new HostDataValidation(ctx, cells);
  }
  private must(): RangeTarget {
    const t = this.target();
    if (!t) throw new HostError('InvalidObjectPath', MSG.nullObject);
    return t;
  }
  protected override exists(): boolean {
    return this.target() !== null;
  }
  protected override readProp(name: string): unknown {
    const { sheet, rect } = this.must();
    const grid = <T>(f: (row: number, col: number) => T): T[][] => {
      cellsOf(rect); // the 5 M-cell limit
      const out: T[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: T[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case 'address':
        return `${sheet.quotedName()}!${rectAddress(rect)}`;
      case 'rowIndex':
        return rect.top;
      case 'columnIndex':
        return rect.left;
      case 'rowCount':
        return rect.bottom - rect.top + 1;
      case 'columnCount':
        return rect.right - rect.left + 1;
      case 'cellCount':
        return rectCells(rect);
      case 'values':
        return grid((r, c) => sheet.valueAt(r, c) ?? '');
      case 'text':
        return grid((r, c) => sheet.textAt(r, c));
      case 'formulas':
        return grid((r, c) => sheet.cellAt(r, c)?.formula ?? sheet.cellAt(r, c)?.value ?? '');
      case 'numberFormat':
        return grid((r, c) => sheet.cellAt(r, c)?.numberFormat ?? 'General');
      default:
        throw new HostError('InvalidArgument', MSG.invalidArgument);
    }
  }
  get address(): string {
    return this.prop('address');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  get cellCount(): number {
    return this.prop('cellCount');
  }
  get values(): unknown[][] {
    return this.prop('values');
  }
  set values(v: unknown[][]) {
    this.write(v);
  }
  get text(): string[][] {
    return this.prop('text');
  }
  get formulas(): unknown[][] {
    return this.prop('formulas');
  }
  set formulas(v: unknown[][]) {
    this.write(v);
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  /** Setting a number format leaves the stored value as it is: text stays text, as in Excel. */
  set numberFormat(v: string[][]) {
    this.ctx.requestBytes += JSON.stringify(v).length;
    this.ctx.queue(() => {
      const { sheet, rect } = this.must();
      guardWrite(sheet);
      this.sized(v, rect);
      v.forEach((row, r) =>
        row.forEach((f, c) => (sheet.ensure(rect.top + r, rect.left + c).numberFormat = f === 'General' ? undefined : f)),
      );
    });
  }
  private sized(v: unknown[][], rect: Rect): void {
    if (v.length !== rect.bottom - rect.top + 1 || v.some((row) => row.length !== rect.right - rect.left + 1)) {
      throw new HostError('InvalidArgument', MSG.invalidArgument);
    }
  }
  private write(v: unknown[][]): void {
    this.ctx.requestBytes += JSON.stringify(v).length;
    this.ctx.queue(() => {
      const { sheet, rect } = this.must();
      guardWrite(sheet);
      this.sized(v, rect);
      v.forEach((row, r) => row.forEach((x, c) => sheet.write(rect.top + r, rect.left + c, x)));
    });
  }
  /**
   * The merged areas (ExcelApi 1.13). "If the merged areas count in this range is more than 512, this method will
   * fail to return the result" (https://learn.microsoft.com/en-us/javascript/api/excel/excel.range#excel-excel-range-getmergedareasornullobject-member(1)).
   */
  getMergedAreasOrNullObject(): HostRangeAreas {
    this.ctx.queue(() => undefined);
    this.ctx.need('1.13', 'Range.getMergedAreasOrNullObject');
    const areas = new HostRangeAreas(this.ctx, () => {
      if (!this.target()) return null; // a null range's merged areas: a null object too
      const { sheet, rect } = this.must();
      const hit = sheet.merges.filter((m) => m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left);
      return hit.length ? { sheet, rects: hit } : null;
    });
    this.ctx.queue(() => {
      const t = areas.target();
      if (t && t.rects.length > 512) throw new HostError('GeneralException', MSG.general, 'Range.getMergedAreasOrNullObject');
    }, false);
    return areas;
  }
  /**
   * Every cell's fill (ExcelApi 1.9). A cell with no fill reads as color "#FFFFFF" with pattern null, like a white
   * one; only tintAndShade tells them apart: null for no fill, a number for a fill
   * (https://github.com/OfficeDev/office-js/issues/4900, https://github.com/OfficeDev/office-js/issues/6218).
   */
  getCellProperties(_options: unknown): ClientResult<unknown[][]> {
    this.ctx.need('1.9', 'Range.getCellProperties');
    return new ClientResult(this.ctx, () => {
      const { sheet, rect } = this.must();
      cellsOf(rect);
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push({ format: { fill: fillProps(sheet.cellAt(r, c)?.fill) } });
        out.push(row);
      }
      return out;
    });
  }
  /** Fills loaded properties right away (for a collection's items). */
  fill(props: string[]): void {
    for (const p of props) this.loaded.set(p, this.readProp(p));
  }
  select(): void {
    this.ctx.queue(() => {
      const { sheet, rect } = this.must();
      this.ctx.book.active = this.ctx.book.sheets.indexOf(sheet);
      this.ctx.book.selection = rectAddress(rect);
    });
  }
}

function fillProps(f: HostFill | undefined): Record<string, unknown> {
  if (!f) return { color: '#FFFFFF', pattern: null, tintAndShade: null, patternColor: null, patternTintAndShade: null };
  return {
    color: f.color,
    pattern: f.pattern ?? 'Solid',
    tintAndShade: f.tintAndShade ?? 0,
    patternColor: f.patternColor ?? '#000000',
    patternTintAndShade: f.patternTintAndShade ?? 0,
  };
}

class HostRangeCollection extends ClientObject {
  private list: HostRange[] = [];
  constructor(
    ctx: HostContext,
    private readonly ranges: () => RangeTarget[],
  ) {
    super(ctx);
  }
  override load(names?: string | string[]): this {
    const props = (Array.isArray(names) ? names : (names ?? '').split(',')).map((s) => s.trim().replace(/^items\//, '')).filter(Boolean);
    this.ctx.queue(() => {
      this.list = this.ranges().map((t) => {
        const r = new HostRange(this.ctx, () => t);
        r.fill(props);
        return r;
      });
    });
    return this;
  }
  get items(): HostRange[] {
    return this.list;
  }
}

class HostRangeAreas extends ClientObject {
  readonly format: HostFormat;
  /** The areas as ranges (ExcelApi 1.9): positions without parsing address text. */
  readonly areas: HostRangeCollection;
  constructor(
    ctx: HostContext,
    readonly target: () => { sheet: HostSheet; rects: Rect[] } | null,
  ) {
    super(ctx);
    this.format = new HostFormat(ctx, () => {
      const t = this.target();
      if (!t) throw new HostError('InvalidObjectPath', MSG.nullObject);
      return { sheet: t.sheet, cells: t.rects.flatMap(cellsOf) };
    });
    this.areas = new HostRangeCollection(ctx, () => {
      const t = this.target();
      return t ? t.rects.map((rect) => ({ sheet: t.sheet, rect })) : [];
    });
  }
  protected override exists(): boolean {
    return this.target() !== null;
  }
  protected override readProp(name: string): unknown {
    const t = this.target()!;
    // Excel joins the areas with commas, and a sheet name may hold commas too: "'a,b'!A1:B2,'a,b'!D4:E5".
    if (name === 'address') return t.rects.map((r) => `${t.sheet.quotedName()}!${rectAddress(r)}`).join(',');
    if (name === 'areaCount') return t.rects.length;
    throw new HostError('InvalidArgument', MSG.invalidArgument);
  }
  get address(): string {
    return this.prop('address');
  }
}

type CellsOf = () => { sheet: HostSheet; cells: [number, number][] };

class HostFormat {
  readonly fill: HostFill_;
  constructor(ctx: HostContext, cells: CellsOf) {
    this.fill = new HostFill_(ctx, cells);
  }
}

class HostFill_ extends ClientObject {
  constructor(
    ctx: HostContext,
    private readonly cells: CellsOf,
  ) {
    super(ctx);
  }
  protected override readProp(name: string): unknown {
    const { sheet, cells } = this.cells();
    // One value for the range, null when the cells differ; no fill reads as white (office-js#4900).
    const values = new Set(cells.map(([r, c]) => JSON.stringify(fillProps(sheet.cellAt(r, c)?.fill)[name] ?? null)));
    if (!['color', 'pattern', 'tintAndShade', 'patternColor', 'patternTintAndShade'].includes(name))
      throw new HostError('InvalidArgument', MSG.invalidArgument);
    if (name !== 'color' && !this.ctx.book.supports('1.9')) throw new HostError('ApiNotFound', MSG.apiNotFound, `RangeFill.${name}`);
    return values.size === 1 ? JSON.parse([...values][0]) : null;
  }
  get color(): string {
    return this.prop('color');
  }
  get tintAndShade(): number | null {
    return this.prop('tintAndShade');
  }
  /** A colour makes a plain solid fill, as choosing one in Excel does. */
  set color(color: string) {
    this.ctx.queue(() => {
      const { sheet, cells } = this.cells();
      guardWrite(sheet);
      for (const [r, c] of cells) sheet.ensure(r, c).fill = { color: color.toUpperCase() };
    });
  }
  private setPart(version: string, apply: (f: HostFill) => void): void {
    this.ctx.need(version, 'RangeFill');
    this.ctx.queue(() => {
      const { sheet, cells } = this.cells();
      guardWrite(sheet);
      for (const [r, c] of cells) {
        const cell = sheet.ensure(r, c);
        cell.fill = cell.fill ?? { color: '#FFFFFF' };
        apply(cell.fill);
      }
    });
  }
  set pattern(pattern: string) {
    this.setPart('1.9', (f) => {
      if (pattern === 'Solid') delete f.pattern;
      else f.pattern = pattern;
    });
  }
  set patternColor(color: string) {
    this.setPart('1.9', (f) => (f.patternColor = color.toUpperCase()));
  }
  set patternTintAndShade(t: number) {
    this.setPart('1.9', (f) => (t ? (f.patternTintAndShade = t) : delete f.patternTintAndShade));
  }
  set tintAndShade(t: number) {
    this.setPart('1.9', (f) => (t ? (f.tintAndShade = t) : delete f.tintAndShade));
  }
  clear(): void {
    this.ctx.queue(() => {
      const { sheet, cells } = this.cells();
      guardWrite(sheet);
      for (const [r, c] of cells) delete sheet.ensure(r, c).fill;
    });
  }
}

class HostDataValidation extends ClientObject {
  constructor(
    ctx: HostContext,
    private readonly cells: CellsOf,
  ) {
    super(ctx);
  }
  private one(): HostCell | undefined {
    const { sheet, cells } = this.cells();
    if (cells.length !== 1) throw new HostError('InvalidArgument', MSG.invalidArgument);
    return sheet.cellAt(cells[0][0], cells[0][1]);
  }
  protected override readProp(name: string): unknown {
    const c = this.one();
    if (name === 'type') return c?.rule ?? 'None';
    if (name === 'prompt') return c?.prompt ? { ...c.prompt } : { title: '', message: '', showPrompt: true };
    throw new HostError('InvalidArgument', MSG.invalidArgument);
  }
  override load(names?: string | string[]): this {
    this.ctx.need('1.8', 'DataValidation.load');
    return super.load(names);
  }
  get type(): string {
    return this.prop('type');
  }
  get prompt(): HostPrompt {
    return this.prop('prompt');
  }
  set prompt(p: HostPrompt) {
    this.ctx.need('1.8', 'DataValidation.prompt');
    this.ctx.queue(() => {
      const { sheet, cells } = this.cells();
      guardWrite(sheet);
      if (p.title.length > 32 || p.message.length > 255) throw new HostError('InvalidArgument', MSG.invalidArgument);
      for (const [r, c] of cells) sheet.ensure(r, c).prompt = { ...p };
    });
  }
  clear(): void {
    this.ctx.need('1.8', 'DataValidation.clear');
    this.ctx.queue(() => {
      const { sheet, cells } = this.cells();
      guardWrite(sheet);
      for (const [r, c] of cells) {
        const cell = sheet.ensure(r, c);
        delete cell.prompt;
        delete cell.rule;
      }
    });
  }
}

function noteKey(address: string | HostRange): string {
  if (typeof address !== 'string') {
    const t = address.target();
    return t ? rectAddress(t.rect) : '';
  }
  return rectAddress(parseRect(address));
}

class HostNote extends ClientObject {
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
    private readonly key: string,
    private readonly orNull: boolean,
  ) {
    super(ctx);
  }
  private must(): HostSheet {
    const s = this.sheet();
    if (!s.notes.has(this.key)) throw new HostError('ItemNotFound', MSG.itemNotFound);
    return s;
  }
  protected override exists(): boolean {
    if (!this.orNull) this.must();
    return this.sheet().notes.has(this.key);
  }
  protected override readProp(name: string): unknown {
    if (name === 'content') return this.sheet().notes.get(this.key);
    throw new HostError('InvalidArgument', MSG.invalidArgument);
  }
  get content(): string {
    return this.prop('content');
  }
  set content(text: string) {
    this.ctx.queue(() => {
      const s = this.must();
      guardWrite(s);
      s.notes.set(this.key, text);
    });
  }
  delete(): void {
    this.ctx.queue(() => {
      const s = this.must();
      guardWrite(s);
      s.notes.delete(this.key);
    });
  }
}

class HostNoteCollection {
  constructor(
    private readonly ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {}
  getCount(): ClientResult<number> {
    this.ctx.need('1.18', 'NoteCollection.getCount');
    return new ClientResult(this.ctx, () => this.sheet().notes.size);
  }
  add(address: string | HostRange, content: string): HostNote {
    this.ctx.need('1.18', 'NoteCollection.add');
    const key = noteKey(address);
    this.ctx.queue(() => {
      const s = this.sheet();
      guardWrite(s);
      if (s.notes.has(key)) throw new HostError('InvalidArgument', MSG.invalidArgument);
      s.notes.set(key, content);
    });
    return new HostNote(this.ctx, this.sheet, key, false);
  }
  getItem(address: string): HostNote {
    this.ctx.need('1.18', 'NoteCollection.getItem');
    this.ctx.queue(() => undefined);
    return new HostNote(this.ctx, this.sheet, noteKey(address), false);
  }
  getItemOrNullObject(address: string): HostNote {
    this.ctx.need('1.18', 'NoteCollection.getItemOrNullObject');
    this.ctx.queue(() => undefined);
    return new HostNote(this.ctx, this.sheet, noteKey(address), true);
  }
}

/**
 * Office.context.document.settings as one runtime holds it. Without a shared runtime the task pane and the
 * ribbon's function file each hold their own in-memory copy, read when the runtime starts; saveAsync writes the
 * whole copy back, so a runtime with a stale copy overwrites what the other saved
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/persisting-add-in-state-and-settings#settings-data-is-managed-in-memory-at-runtime).
 */
class HostSettings {
  private values: Record<string, unknown>;
  constructor(private readonly book: HostWorkbook) {
    this.values = JSON.parse(JSON.stringify(book.bag));
  }
  get(name: string): unknown {
    return this.values[name] === undefined ? null : JSON.parse(JSON.stringify(this.values[name]));
  }
  set(name: string, value: unknown): void {
    this.values[name] = JSON.parse(JSON.stringify(value));
  }
  remove(name: string): void {
    delete this.values[name];
  }
  saveAsync(cb?: (r: { status: string }) => void): void {
    this.book.replaceBag(this.values);
    setTimeout(() => cb?.({ status: 'succeeded' }), 0);
  }
  refreshAsync(cb?: (r: { status: string }) => void): void {
    this.values = JSON.parse(JSON.stringify(this.book.bag));
    setTimeout(() => cb?.({ status: 'succeeded' }), 0);
  }
}

export interface InstalledHost {
  book: HostWorkbook;
  /** Ids given to Office.actions.associate, with their functions. */
  actions: Map<string, (event: { completed: () => void }) => void>;
  /** Messages shown through displayDialogAsync, in order. */
  dialogs: string[];
  /** This runtime's `Office` and `Excel`. */
  office: Record<string, unknown>;
  excel: Record<string, unknown>;
  /** Makes this runtime's `Office` and `Excel` the global ones again (two runtimes over one workbook). */
  activate(): void;
}

/**
 * Puts `Office` and `Excel` on the global object, bound to `book`: one runtime, with its own copy of the document
 * settings. Calling it again is another runtime (the ribbon's function file beside the pane, or a reopen).
 */
export function installHost(
  book: HostWorkbook,
  scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>,
): InstalledHost {
  const actions = new Map<string, (event: { completed: () => void }) => void>();
  const dialogs: string[] = [];
  const settings = new HostSettings(book);
  const office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    EventType: { DialogMessageReceived: 'dialogMessageReceived', DialogEventReceived: 'dialogEventReceived' },
    onReady(cb?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      cb?.(info);
      return Promise.resolve(info);
    },
    context: {
      displayLanguage: 'vi-VN',
      requirements: {
        isSetSupported: (name: string, version?: string) => (name === 'ExcelApi' ? book.supports(version ?? '1.1') : name === 'DialogApi'),
      },
      document: { settings },
      officeTheme: undefined,
      ui: {
        displayDialogAsync(url: string, _opts: unknown, cb?: (r: unknown) => void) {
          dialogs.push(new URL(url, 'https://localhost/').searchParams.get('m') ?? '');
          const handlers: Record<string, (arg: unknown) => void> = {};
          const dialog = { addEventHandler: (t: string, h: (arg: unknown) => void) => (handlers[t] = h), close: () => undefined };
          setTimeout(() => {
            cb?.({ status: 'succeeded', value: dialog });
            setTimeout(() => handlers.dialogMessageReceived?.({ message: 'close' }), 0);
          }, 0);
        },
        messageParent: () => undefined,
      },
    },
    actions: { associate: (id: string, fn: (event: { completed: () => void }) => void) => actions.set(id, fn) },
  };
  const excel = {
    async run<T>(batch: (context: HostContext) => Promise<T>): Promise<T> {
      return batch(new HostContext(book));
    },
  };
  const activate = () => {
    scope.Office = office;
    scope.Excel = excel;
  };
  activate();
  return { book, actions, dialogs, office, excel, activate };
}

/** A sheet loaded from a grid into a fresh workbook, made active, with Office and Excel installed. */
export function hostWithGrid(grid: SheetGrid, api: ApiVersion = '1.18'): InstalledHost {
  const book = new HostWorkbook(api);
  book.loadGrid(grid);
  return installHost(book);
}

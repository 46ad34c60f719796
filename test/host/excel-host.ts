/**
 * An in-memory stand-in for the part of Excel the add-in uses, for the unit tests, the browser test and the benchmarks.
 * Like Office, calls only queue; `context.sync()` runs the queue in order; a property read before it was loaded and
 * synced throws PropertyNotLoaded; methods newer than the host's ExcelApi version fail at sync with ApiNotFound.
 * It counts syncs and queued calls. No Node APIs: it is bundled for the browser too.
 */
import { a1, CellValue, MergedArea, parseA1, SheetGrid } from '../../src/engine/grid';

export type ApiVersion = '1.8' | '1.9' | '1.13' | '1.18';

export interface HostFill {
  color: string;
  pattern?: string;
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
}

interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
  }
}

export class HostSheet {
  readonly cells = new Map<string, HostCell>();
  readonly notes = new Map<string, string>();
  merges: MergedArea[] = [];
  protected = false;
  constructor(
    readonly id: string,
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
      if (/^SUM\(/i.test(body)) v = body.slice(4, -1).split(',').filter(Boolean).reduce((s, r) => s + refSum(r.replace(/\$/g, '')), 0);
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

  usedRect(): Rect | undefined {
    let r: Rect | undefined;
    for (const [k, c] of this.cells) {
      if (c.value === null && !c.formula) continue;
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

  quotedName(): string {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(this.name) ? this.name : `'${this.name.replace(/'/g, "''")}'`;
  }
}

export function rectAddress(r: Rect): string {
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}

export function parseRect(ref: string): Rect {
  const [from, to] = ref.replace(/^.*!/, '').replace(/\$/g, '').split(':');
  const a = parseA1(from);
  const b = parseA1(to ?? from);
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

function cellsOf(r: Rect): [number, number][] {
  const out: [number, number][] = [];
  for (let row = r.top; row <= r.bottom; row++) for (let col = r.left; col <= r.right; col++) out.push([row, col]);
  return out;
}

const VERSION_RANK: Record<ApiVersion, number> = { '1.8': 8, '1.9': 9, '1.13': 13, '1.18': 18 };

/** The workbook, its settings as saved in the file, and the counters. */
export class HostWorkbook {
  sheets: HostSheet[] = [];
  active = 0;
  selection = 'A1';
  /** The add-in's settings as last saved into the file (what survives a reopen). */
  savedSettings: string | undefined;
  editMode = false;
  syncs = 0;
  calls = 0;
  constructor(public api: ApiVersion = '1.18') {}

  addSheet(name: string): HostSheet {
    const s = new HostSheet(`{${String(this.sheets.length + 1).padStart(8, '0')}-0000-0000-0000-000000000000}`, name);
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
  supports(version: string): boolean {
    const [maj, min] = version.split('.').map(Number);
    return maj === 1 && min <= VERSION_RANK[this.api];
  }
  resetCounters(): void {
    this.syncs = 0;
    this.calls = 0;
  }
}

/** Thrown when a queued call is newer than the host's API version, as Office does at sync. */
function need(ctx: HostContext, version: string): void {
  ctx.queue(() => {
    if (!ctx.book.supports(version)) throw new HostError('ApiNotFound', `The API you are trying to use could not be found (ExcelApi ${version}).`);
  }, false);
}

export class HostContext {
  private ops: (() => void)[] = [];
  readonly workbook: HostWorkbookProxy;
  constructor(readonly book: HostWorkbook) {
    this.workbook = new HostWorkbookProxy(this);
  }
  /** Queues an operation; `count` false for the host's own checks, which are not calls of the add-in. */
  queue(op: () => void, count = true): void {
    this.ops.push(op);
    if (count) this.book.calls++;
  }
  async sync(): Promise<void> {
    this.book.syncs++;
    const ops = this.ops;
    this.ops = [];
    if (this.book.editMode && ops.length > 0) {
      throw new HostError('InvalidOperationInCellEditMode', 'The operation is not allowed while Excel is in cell-editing mode.');
    }
    for (const op of ops) op();
  }
}

class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(protected readonly ctx: HostContext) {}
  protected prop<T>(name: string): T {
    if (!this.loaded.has(name)) {
      throw new HostError('PropertyNotLoaded', `The property '${name}' is not available. Call load and context.sync() before reading it.`);
    }
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
        if (child) child.loaded.set(rest.join('/'), child.readProp(rest.join('/')));
        else this.loaded.set(n, this.readProp(n));
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
      this.done = true;
    });
  }
  get value(): T {
    if (!this.done) throw new HostError('PropertyNotLoaded', 'The value of the result object has not been loaded yet. Call context.sync() first.');
    return this.v as T;
  }
}

class HostWorkbookProxy {
  readonly worksheets: HostWorksheetCollection;
  constructor(private readonly ctx: HostContext) {
    this.worksheets = new HostWorksheetCollection(ctx);
  }
  getSelectedRange(): HostRange {
    const ctx = this.ctx;
    const r = new HostRange(ctx, () => {
      const book = ctx.book;
      return { sheet: book.activeSheet, rect: parseRect(book.selection) };
    });
    ctx.queue(() => undefined);
    return r;
  }
}

class HostWorksheetCollection {
  constructor(private readonly ctx: HostContext) {}
  getActiveWorksheet(): HostWorksheet {
    this.ctx.queue(() => undefined);
    return new HostWorksheet(this.ctx, () => this.ctx.book.activeSheet);
  }
  getItem(key: string): HostWorksheet {
    this.ctx.queue(() => undefined);
    return new HostWorksheet(this.ctx, () => {
      const s = this.ctx.book.sheets.find((x) => x.name === key || x.id === key);
      if (!s) throw new HostError('ItemNotFound', `No worksheet ${key}.`);
      return s;
    });
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
  constructor(
    ctx: HostContext,
    private readonly sheet: () => HostSheet,
  ) {
    super(ctx);
    this.protection = new HostProtection(ctx, sheet);
    this.notes = new HostNoteCollection(ctx, sheet);
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
    need(this.ctx, '1.9');
    return new HostRangeAreas(this.ctx, () => ({ sheet: this.sheet(), rects: address.split(',').map(parseRect) }));
  }
  /** Like Excel, a blank sheet's used range is A1. */
  getUsedRange(_valuesOnly?: boolean): HostRange {
    this.ctx.queue(() => undefined);
    return new HostRange(this.ctx, () => {
      const s = this.sheet();
      return { sheet: s, rect: s.usedRect() ?? { top: 0, left: 0, bottom: 0, right: 0 } };
    });
  }
}

type RangeTarget = { sheet: HostSheet; rect: Rect };

function guardWrite(sheet: HostSheet): void {
  if (sheet.protected) throw new HostError('AccessDenied', 'The cell or chart you are trying to change is protected.');
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
    if (!t) throw new HostError('InvalidObjectPath', 'The object path does not exist (null object).');
    return t;
  }
  protected override exists(): boolean {
    return this.target() !== null;
  }
  protected override readProp(name: string): unknown {
    const { sheet, rect } = this.must();
    const grid = <T>(f: (row: number, col: number) => T): T[][] => {
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
        return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
      case 'values':
        return grid((r, c) => sheet.valueAt(r, c) ?? '');
      case 'text':
        return grid((r, c) => sheet.textAt(r, c));
      case 'formulas':
        return grid((r, c) => sheet.cellAt(r, c)?.formula ?? sheet.cellAt(r, c)?.value ?? '');
      default:
        throw new HostError('InvalidArgument', `Unknown Range property ${name}.`);
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
  private write(v: unknown[][]): void {
    this.ctx.queue(() => {
      const { sheet, rect } = this.must();
      guardWrite(sheet);
      if (v.length !== rect.bottom - rect.top + 1 || v.some((row) => row.length !== rect.right - rect.left + 1)) {
        throw new HostError('InvalidArgument', 'The number of rows or columns in the input array does not match the size of the range.');
      }
      v.forEach((row, r) => row.forEach((x, c) => sheet.enter(rect.top + r, rect.left + c, x)));
    });
  }
  getMergedAreasOrNullObject(): HostRangeAreas {
    this.ctx.queue(() => undefined);
    need(this.ctx, '1.13');
    return new HostRangeAreas(this.ctx, () => {
      const { sheet, rect } = this.must();
      const hit = sheet.merges.filter((m) => m.top <= rect.bottom && m.bottom >= rect.top && m.left <= rect.right && m.right >= rect.left);
      return hit.length ? { sheet, rects: hit } : null;
    });
  }
  getCellProperties(_options: unknown): ClientResult<unknown[][]> {
    need(this.ctx, '1.9');
    return new ClientResult(this.ctx, () => {
      const { sheet, rect } = this.must();
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) {
          const f = sheet.cellAt(r, c)?.fill;
          row.push({ format: { fill: f ? { color: f.color, pattern: f.pattern ?? 'Solid' } : { color: '#FFFFFF', pattern: 'None' } } });
        }
        out.push(row);
      }
      return out;
    });
  }
  select(): void {
    this.ctx.queue(() => {
      const { sheet, rect } = this.must();
      this.ctx.book.active = this.ctx.book.sheets.indexOf(sheet);
      this.ctx.book.selection = rectAddress(rect);
    });
  }
}

class HostRangeAreas extends ClientObject {
  readonly format: HostFormat;
  constructor(
    ctx: HostContext,
    private readonly target: () => { sheet: HostSheet; rects: Rect[] } | null,
  ) {
    super(ctx);
    this.format = new HostFormat(ctx, () => {
      const t = this.target();
      if (!t) throw new HostError('InvalidObjectPath', 'The object path does not exist (null object).');
      return { sheet: t.sheet, cells: t.rects.flatMap(cellsOf) };
    });
  }
  protected override exists(): boolean {
    return this.target() !== null;
  }
  protected override readProp(name: string): unknown {
    const t = this.target()!;
    if (name === 'address') return t.rects.map((r) => `${t.sheet.quotedName()}!${rectAddress(r)}`).join(',');
    if (name === 'areaCount') return t.rects.length;
    throw new HostError('InvalidArgument', `Unknown RangeAreas property ${name}.`);
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
    // Excel 1.8 reports a range's fill as one colour, white when there is none, null when the cells differ.
    const colours = new Set(cells.map(([r, c]) => sheet.cellAt(r, c)?.fill?.color ?? '#FFFFFF'));
    if (name === 'color') return colours.size === 1 ? [...colours][0] : null;
    throw new HostError('InvalidArgument', `Unknown RangeFill property ${name}.`);
  }
  get color(): string {
    return this.prop('color');
  }
  set color(color: string) {
    this.ctx.queue(() => {
      const { sheet, cells } = this.cells();
      guardWrite(sheet);
      for (const [r, c] of cells) sheet.ensure(r, c).fill = { color: color.toUpperCase() };
    });
  }
  set pattern(pattern: string) {
    need(this.ctx, '1.9');
    this.ctx.queue(() => {
      const { sheet, cells } = this.cells();
      for (const [r, c] of cells) {
        const cell = sheet.ensure(r, c);
        if (cell.fill) cell.fill.pattern = pattern === 'Solid' ? undefined : pattern;
      }
    });
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
    if (cells.length !== 1) throw new HostError('InvalidArgument', 'The test host reads data validation of single cells only.');
    return sheet.cellAt(cells[0][0], cells[0][1]);
  }
  protected override readProp(name: string): unknown {
    const c = this.one();
    if (name === 'type') return c?.rule ?? 'None';
    if (name === 'prompt') return c?.prompt ? { ...c.prompt } : { title: '', message: '', showPrompt: true };
    throw new HostError('InvalidArgument', `Unknown DataValidation property ${name}.`);
  }
  get type(): string {
    return this.prop('type');
  }
  get prompt(): HostPrompt {
    return this.prop('prompt');
  }
  set prompt(p: HostPrompt) {
    this.ctx.queue(() => {
      const { sheet, cells } = this.cells();
      guardWrite(sheet);
      if (p.title.length > 32 || p.message.length > 255) throw new HostError('InvalidArgument', 'Prompt title or message too long.');
      for (const [r, c] of cells) sheet.ensure(r, c).prompt = { ...p };
    });
  }
  clear(): void {
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
    if (!s.notes.has(this.key)) throw new HostError('ItemNotFound', `No note on ${this.key}.`);
    return s;
  }
  protected override exists(): boolean {
    if (!this.orNull) this.must();
    return this.sheet().notes.has(this.key);
  }
  protected override readProp(name: string): unknown {
    if (name === 'content') return this.sheet().notes.get(this.key);
    throw new HostError('InvalidArgument', `Unknown Note property ${name}.`);
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
    need(this.ctx, '1.18');
    return new ClientResult(this.ctx, () => this.sheet().notes.size);
  }
  add(address: string | HostRange, content: string): HostNote {
    need(this.ctx, '1.18');
    const key = noteKey(address);
    this.ctx.queue(() => {
      const s = this.sheet();
      guardWrite(s);
      if (s.notes.has(key)) throw new HostError('InvalidArgument', `The cell ${key} already has a note.`);
      s.notes.set(key, content);
    });
    return new HostNote(this.ctx, this.sheet, key, false);
  }
  getItem(address: string): HostNote {
    need(this.ctx, '1.18');
    this.ctx.queue(() => undefined);
    return new HostNote(this.ctx, this.sheet, noteKey(address), false);
  }
  getItemOrNullObject(address: string): HostNote {
    need(this.ctx, '1.18');
    this.ctx.queue(() => undefined);
    return new HostNote(this.ctx, this.sheet, noteKey(address), true);
  }
}

/** Office.context.document.settings, saved into `book.savedSettings` as Office saves them into the file. */
class HostSettings {
  private values: Record<string, unknown>;
  constructor(private readonly book: HostWorkbook) {
    this.values = book.savedSettings ? JSON.parse(book.savedSettings) : {};
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
    this.book.savedSettings = JSON.stringify(this.values);
    setTimeout(() => cb?.({ status: 'succeeded' }), 0);
  }
  refreshAsync(cb?: (r: { status: string }) => void): void {
    this.values = this.book.savedSettings ? JSON.parse(this.book.savedSettings) : {};
    setTimeout(() => cb?.({ status: 'succeeded' }), 0);
  }
}

export interface InstalledHost {
  book: HostWorkbook;
  /** Ids given to Office.actions.associate, with their functions. */
  actions: Map<string, (event: { completed: () => void }) => void>;
  /** Messages shown through displayDialogAsync, in order. */
  dialogs: string[];
}

/**
 * Puts `Office` and `Excel` on the global object, bound to `book`. Calling it again with the same book is a reopen:
 * fresh runtimes, settings read back from what was saved.
 */
export function installHost(book: HostWorkbook, scope: Record<string, unknown> = globalThis as unknown as Record<string, unknown>): InstalledHost {
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
      requirements: { isSetSupported: (name: string, version?: string) => name === 'ExcelApi' ? book.supports(version ?? '1.1') : name === 'DialogApi' },
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
  scope.Office = office;
  scope.Excel = excel;
  return { book, actions, dialogs };
}

/** A sheet loaded from a grid into a fresh workbook, made active, with Office and Excel installed. */
export function hostWithGrid(grid: SheetGrid, api: ApiVersion = '1.18'): InstalledHost {
  const book = new HostWorkbook(api);
  book.loadGrid(grid);
  return installHost(book);
}

/**
 * The add-in's actions on the active sheet. Each is read → plan → save backup → apply → sync: one sync reads the
 * sheet, its backup and its anchor; the engine and the planner (./plan) decide; one sync saves the backup and makes
 * every change. A sync in between happens only for what the host cannot report in bulk: fills before ExcelApi 1.9,
 * input prompts on hosts without notes, and notes when the sheet holds notes the backup does not account for.
 */
import { a1, checkSheet, CheckOptions, parseA1, SheetReport } from '../engine';
import { Area, BACKUP_VERSION, isSheetBackup, sameShape, SheetBackup, shiftBackup } from './backup';
import { MESSAGES, refusal } from './errors';
import { applyOps } from './apply';
import { Capabilities, capabilities, MIN_API, supports } from './host';
import { Captured, CellNow, Intent, planSheetUpdate, SheetUpdate } from './plan';
import { areaOf, cellNow, fillState, intersect, QueuedRead, queueRead, ReadParts, toGrid } from './read';
import { KEYS, queueSettingRead, queueSettingWrite } from './settings';

export interface AddinOptions extends CheckOptions {
  /** Colour bad cells and attach their messages (default true). */
  marks?: boolean;
  /** 'auto' (default): the selection when more than one cell is selected, else the used range. */
  scope?: 'auto' | 'sheet';
}

export interface CheckOutcome {
  report: SheetReport;
  sheet: string;
  /** The range that was checked, e.g. "'Chấm điểm'!A1:G45". */
  address: string;
  marked: number;
  written: number;
  /** What the user should know about what was read (a selection not used, merges left out), in Vietnamese. */
  notes: string[];
  /** Cells the user changed after the last check, which thidua left as they are. */
  leftAlone: string[];
}

export interface RestoreOutcome {
  sheet: string;
  cells: number;
  leftAlone: string[];
}

/** The worksheet custom property holding the sheet's stable key (ExcelApi 1.12). */
export const KEY_PROPERTY = 'thidua-khoa';
/**
 * The hidden worksheet-scoped name spanning the checked area (ExcelApi 1.4). Excel moves a name's reference with
 * its cells when rows or columns are inserted or deleted above or beside it, so the backup's addresses can be moved
 * with it; its comment holds the sheet's key where custom properties are missing.
 */
export const ANCHOR_NAME = 'thidua_vung';

export const READ_NOTES = {
  selectionUnreadable: 'Không đọc được vùng đang chọn (nhiều vùng, hình hoặc biểu đồ): đã kiểm tra cả vùng có dữ liệu của trang.',
  selectionOutside: 'Vùng đang chọn không có dữ liệu: đã kiểm tra cả vùng có dữ liệu của trang.',
  selectionClipped: (address: string) => `Đã kiểm tra phần có dữ liệu của vùng đang chọn (${address}).`,
  mergesSkipped: 'Trang có quá nhiều vùng gộp ô để Excel kể ra (trên 512): đã kiểm tra như không có ô gộp.',
};

interface StoredBackup {
  version: number;
  sheets: Record<string, SheetBackup>;
}

function requireHost(): Capabilities {
  if (!supports(MIN_API)) throw refusal(MESSAGES.oldHost);
  return capabilities();
}

/** The engine's options from the add-in's; an undefined key would override the engine's default, so only what was chosen. */
function engineOptions(options: AddinOptions): CheckOptions {
  return { ...(options.totals ? { totals: options.totals } : {}), ...(options.template ? { template: options.template } : {}) };
}

function quoted(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

function areaAddress(r: Area): string {
  const from = a1(r.top, r.left);
  return r.top === r.bottom && r.left === r.right ? from : `${from}:${a1(r.bottom, r.right)}`;
}

/** "='Chấm điểm'!$A$1:$G$40" → its area; "=#REF!" (its cells deleted) → null. Only the part after the last "!". */
export function anchorArea(value: string): Area | null {
  const ref = value.slice(value.lastIndexOf('!') + 1).replace(/\$/g, '');
  if (!/^[A-Z]+\d+(:[A-Z]+\d+)?$/i.test(ref)) return null;
  const [from, to = from] = ref.split(':');
  const a = parseA1(from);
  const b = parseA1(to);
  return { top: a.row, left: a.col, bottom: b.row, right: b.col };
}

function newKey(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}

/** What every action reads first about the sheet itself: identity, protection, key, anchor, backups, other names. */
function queueSheetState(context: Excel.RequestContext, caps: Capabilities) {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('id,name,protection/protected');
  const all = context.workbook.worksheets;
  all.load('items/name');
  const keyProp = caps.customProperties ? sheet.customProperties.getItemOrNullObject(KEY_PROPERTY) : undefined;
  keyProp?.load('value');
  const anchor = sheet.names.getItemOrNullObject(ANCHOR_NAME);
  anchor.load('value,comment');
  const stored = queueSettingRead(context, KEYS.backup);
  const noteCount = caps.notes ? sheet.notes.getCount() : undefined;
  return { sheet, all, keyProp, anchor, stored, noteCount };
}

type SheetState = ReturnType<typeof queueSheetState>;

interface Resolved {
  all: StoredBackup;
  key: string;
  /** The key had to be made or written again (no custom property yet, or a copied sheet's). */
  keyIsNew: boolean;
  entry?: SheetBackup;
  anchorNow: Area | null;
}

/** After the first sync: the sheet's key, and its backup entry moved to where its anchor is now. */
function resolve(s: SheetState): Resolved {
  const raw = s.stored() as StoredBackup | undefined;
  const all: StoredBackup =
    raw && raw.version === BACKUP_VERSION && raw.sheets && typeof raw.sheets === 'object' ? raw : { version: BACKUP_VERSION, sheets: {} };
  const fromProp = s.keyProp && !s.keyProp.isNullObject ? s.keyProp.value : undefined;
  const fromAnchor = s.anchor.isNullObject ? undefined : s.anchor.comment || undefined;
  let key = fromProp ?? fromAnchor;
  let entry = key ? all.sheets[key] : undefined;
  const name = s.sheet.name;
  if (!key) {
    // No key in the workbook (no custom properties, anchor gone): the entry last saved under this sheet's name.
    entry = Object.values(all.sheets).find((e) => e.name === name);
    key = entry?.key;
  }
  // A copy of a checked sheet carries its key: the original still goes by the name the entry knows.
  if (entry && entry.name !== name && s.all.items.some((w) => w.name === entry!.name)) {
    entry = undefined;
    key = undefined;
  }
  if (entry && !isSheetBackup({ ...entry, version: BACKUP_VERSION })) entry = undefined;
  const keyIsNew = !key || (s.keyProp !== undefined && fromProp !== key);
  const anchorNow = s.anchor.isNullObject ? null : anchorArea(s.anchor.value);
  if (entry) {
    if (!s.anchor.isNullObject) {
      // The anchor moved with the cells; cut through (#REF!) or stretched, it can no longer tell where they are.
      if (!anchorNow || !sameShape(entry.anchor, anchorNow)) throw refusal(MESSAGES.tableReshaped(name));
      entry = shiftBackup(entry, anchorNow);
    }
  }
  return { all, key: key ?? newKey(), keyIsNew, entry, anchorNow };
}

/** Queues the backup, the key and the anchor, before the changes: the batch saves them first. */
function queueSave(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  s: SheetState,
  r: Resolved,
  update: SheetUpdate,
  caps: Capabilities,
): void {
  const all: StoredBackup = { version: BACKUP_VERSION, sheets: { ...r.all.sheets } };
  if (update.backup) all.sheets[r.key] = { ...update.backup, version: BACKUP_VERSION } as SheetBackup;
  else delete all.sheets[r.key];
  queueSettingWrite(context, KEYS.backup, Object.keys(all.sheets).length ? all : null);
  if (update.backup && r.keyIsNew && caps.customProperties) sheet.customProperties.add(KEY_PROPERTY, r.key);
  const want = update.backup?.anchor;
  const same =
    !!want && !!r.anchorNow && areaAddress(want) === areaAddress(r.anchorNow) && !s.anchor.isNullObject && s.anchor.comment === r.key;
  if (same) return;
  if (!s.anchor.isNullObject) sheet.names.getItem(ANCHOR_NAME).delete();
  if (want) sheet.names.add(ANCHOR_NAME, sheet.getRange(areaAddress(want)), r.key).visible = false;
}

/** Cells whose notes, prompts or (before 1.9) fills must be asked one by one, in one extra sync. */
async function captureExtra(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  caps: Capabilities,
  captured: Captured,
  want: { fills: string[]; notes: string[]; prompts: string[] },
): Promise<void> {
  if (want.fills.length + want.notes.length + want.prompts.length === 0) return;
  const fills = want.fills.map((a) => [a, sheet.getRange(a).format.fill.load('color')] as const);
  const notes = want.notes.map((a) => [a, sheet.notes.getItemOrNullObject(a).load('content')] as const);
  const prompts = want.prompts.map((a) => [a, sheet.getRange(a).dataValidation.load('type,prompt')] as const);
  await context.sync();
  const at = (a: string): CellNow => (captured.cells[a] = captured.cells[a] ?? { value: null });
  for (const [a, f] of fills) at(a).fill = fillState({ color: f.color }, false);
  for (const [a, n] of notes) at(a).note = n.isNullObject ? null : n.content;
  for (const [a, v] of prompts) {
    const p = v.prompt;
    at(a).prompt =
      v.type === 'None' && (!p || (!p.message && !p.title))
        ? null
        : { title: p?.title ?? '', message: p?.message ?? '', showPrompt: !!p?.showPrompt };
  }
}

/** Whether every note on the sheet is one the backup put there, so that none needs reading cell by cell. */
function notesKnown(count: number | undefined, entry: SheetBackup | undefined): boolean {
  if (count === undefined) return true;
  return count === Object.values(entry?.marks ?? {}).filter((m) => m.via === 'note').length;
}

function captureAll(read: QueuedRead, cells: Iterable<string>): Captured {
  const captured: Captured = { cells: {} };
  for (const a of cells) {
    const p = parseA1(a);
    const now = cellNow(read, p.row, p.col);
    if (now) captured.cells[a] = now;
  }
  return captured;
}

interface FirstRead {
  state: SheetState;
  used: QueuedRead;
  selection?: Excel.Range;
}

/**
 * The first sync: the sheet's state, its used range in bulk, and of the selection only its position and size
 * (a whole column is a million cells; Excel reads at most 5 million per range and the web 5 MB per answer).
 * getSelectedRange throws on several areas or a chart, and the merged areas above 512: the read is then tried again
 * without that part, and the outcome says so.
 */
async function firstRead(context: Excel.RequestContext, caps: Capabilities, withSelection: boolean, notes: string[]): Promise<FirstRead> {
  const parts: ReadParts & { selection: boolean } = { merges: true, selection: withSelection };
  for (;;) {
    const state = queueSheetState(context, caps);
    const used = queueRead(state.sheet.getUsedRange(true), caps, parts);
    const selection = parts.selection ? context.workbook.getSelectedRange() : undefined;
    selection?.load('rowIndex,columnIndex,rowCount,columnCount');
    try {
      // At most three tries, only after a failure: the usual check syncs here once.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
      return { state, used, selection };
    } catch (e) {
      const code = (e as { code?: string }).code ?? '';
      if (parts.selection && code === 'InvalidSelection') {
        parts.selection = false;
        notes.push(READ_NOTES.selectionUnreadable);
      } else if (caps.merges && parts.merges && !FINAL_CODES.has(code)) {
        parts.merges = false;
        notes.push(READ_NOTES.mergesSkipped);
      } else throw e;
    }
  }
}

/** Errors no retry without the selection or the merges can help with. */
const FINAL_CODES = new Set([
  'InvalidOperationInCellEditMode',
  'AccessDenied',
  'RangeExceedsLimit',
  'ResponsePayloadSizeLimitExceeded',
  'RequestPayloadSizeLimitExceeded',
  'InvalidSelection',
]);

/** The area to check: the selection's part that holds data when more than one cell is selected, else the used range. */
function chosenArea(first: FirstRead, notes: string[]): Area {
  const used = areaOf(first.used.range);
  const sel = first.selection;
  if (!sel || sel.rowCount * sel.columnCount <= 1) return used;
  const selArea = areaOf(sel);
  const inter = intersect(selArea, used);
  if (!inter) {
    notes.push(READ_NOTES.selectionOutside);
    return used;
  }
  if (areaAddress(inter) !== areaAddress(selArea)) notes.push(READ_NOTES.selectionClipped(areaAddress(inter)));
  return inter;
}

/** Reads and checks the active sheet and writes nothing, not even the backup: what "Tạo mẫu từ bảng này" starts from. */
export async function inspectSheet(options: AddinOptions = {}): Promise<SheetReport> {
  const caps = requireHost();
  return Excel.run(async (context) => {
    const first = await firstRead(context, caps, options.scope !== 'sheet', []);
    return checkSheet(toGrid(first.state.sheet.name, first.used, chosenArea(first, [])), engineOptions(options));
  });
}

export async function runCheck(options: AddinOptions = {}): Promise<CheckOutcome> {
  const caps = requireHost();
  return Excel.run(async (context) => {
    const notes: string[] = [];
    const first = await firstRead(context, caps, options.scope !== 'sheet', notes);
    const { state } = first;
    const sheet = state.sheet;
    if (sheet.protection.protected) throw refusal(MESSAGES.protectedSheet(sheet.name));
    const area = chosenArea(first, notes);
    const report = checkSheet(toGrid(sheet.name, first.used, area), engineOptions(options)); // no table: a UserError, nothing written yet
    const r = resolve(state);
    const marks = options.marks === false ? [] : report.plan.marks;

    const cells = new Set<string>([...marks.map((m) => m.cell), ...report.plan.writes.map((w) => w.cell)]);
    for (const a of Object.keys(r.entry?.marks ?? {})) cells.add(a);
    for (const a of Object.keys(r.entry?.writes ?? {})) cells.add(a);
    const captured = captureAll(first.used, cells);

    const fresh = marks.filter((m) => !r.entry?.marks[m.cell]).map((m) => m.cell);
    await captureExtra(context, sheet, caps, captured, {
      fills: caps.areas ? [] : fresh,
      notes:
        caps.notes && !notesKnown(state.noteCount?.value, r.entry) ? [...new Set([...fresh, ...Object.keys(r.entry?.marks ?? {})])] : [],
      prompts: !caps.notes && caps.prompts ? fresh : [],
    });

    const intent: Intent = { kind: 'check', key: r.key, name: sheet.name, area, marks, writes: report.plan.writes };
    const update = planSheetUpdate(intent, r.entry, captured, { notes: caps.notes, prompts: caps.prompts });
    queueSave(context, sheet, state, r, update, caps);
    applyOps(sheet, update.ops, caps);
    await context.sync();
    return {
      report,
      sheet: sheet.name,
      address: `${quoted(sheet.name)}!${areaAddress(area)}`,
      marked: marks.length,
      written: report.plan.writes.length,
      notes,
      leftAlone: update.leftAlone,
    };
  });
}

/** Shared by Xóa đánh dấu and Hoàn tác: read the sheet and its backup, refuse if protected, give back what is still ours. */
async function restore(kind: 'clear' | 'undo'): Promise<RestoreOutcome> {
  const caps = requireHost();
  return Excel.run(async (context) => {
    const state = queueSheetState(context, caps);
    // Formatted cells count here: a marked empty cell holds a fill and nothing else.
    const used = queueRead(state.sheet.getUsedRange(false), caps, { merges: false });
    await context.sync();
    const sheet = state.sheet;
    if (sheet.protection.protected) throw refusal(MESSAGES.protectedSheet(sheet.name));
    const part = kind === 'clear' ? 'marks' : 'writes';
    const r = resolve(state);
    if (!r.entry || Object.keys(r.entry[part]).length === 0)
      throw refusal(kind === 'clear' ? MESSAGES.nothingToClear : MESSAGES.nothingToUndo);

    const captured = captureAll(used, Object.keys(r.entry[part]));
    if (kind === 'clear' && caps.notes && !notesKnown(state.noteCount?.value, r.entry)) {
      // Notes were added or removed since the check: ask the marked cells, so that a restore never fails on a missing note.
      await captureExtra(context, sheet, caps, captured, { fills: [], notes: Object.keys(r.entry.marks), prompts: [] });
    }
    const update = planSheetUpdate({ kind }, r.entry, captured, { notes: caps.notes, prompts: caps.prompts });
    queueSave(context, sheet, state, r, update, caps);
    applyOps(sheet, update.ops, caps);
    await context.sync();
    return { sheet: sheet.name, cells: update.restored.length, leftAlone: update.leftAlone };
  });
}

/** Xóa đánh dấu: every cell the add-in coloured gets its own fill, note or prompt back, where still thidua's. */
export function clearMarks(): Promise<RestoreOutcome> {
  return restore('clear');
}

/** Hoàn tác: every cell the add-in wrote gets its own value or formula back, where it still holds what thidua wrote. */
export function undoWrites(): Promise<RestoreOutcome> {
  return restore('undo');
}

/** Selects a cell of the active sheet (a finding clicked in the pane). */
export async function selectCell(address: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getActiveWorksheet().getRange(address).select();
    await context.sync();
  });
}

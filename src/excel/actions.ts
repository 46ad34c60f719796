/**
 * The add-in's three actions on the active sheet. A check is one sync to read, the engine, one sync to write.
 * A third sync happens only when the cells about to be marked hold something the first read could not see in bulk:
 * their fills on ExcelApi 1.8 (no getCellProperties), their input prompts on hosts without notes, or notes of the
 * user's own (the note count says so). It reads those cells only, so the count of syncs never grows with the sheet.
 */
import { checkSheet, CellMark, CheckOptions, SheetReport, UserError } from '../engine';
import { Backup, BackupStore, FillState, MarkBackup, PromptState, prune, settingsStore, sheetBackup } from './backup';
import { MESSAGES } from './errors';
import { Capabilities, capabilities, MIN_API, supports } from './host';
import { fillAt, fillState, QueuedRead, queueRead, toGrid } from './read';
import { FILL, noteText, promptOf, queueCellWrite, queueFills, queueMessageRestore, queueNote, queuePrompt } from './write';

export interface AddinOptions extends CheckOptions {
  /** Colour bad cells and attach their messages (default true). */
  marks?: boolean;
  /** 'auto' (default): the selection when more than one cell is selected, else the used range. */
  scope?: 'auto' | 'sheet';
}

export interface CheckOutcome {
  report: SheetReport;
  sheet: string;
  /** The range that was read, e.g. "Chấm điểm!A1:G45". */
  address: string;
  marked: number;
  written: number;
}

export interface RestoreOutcome {
  sheet: string;
  cells: number;
}

function requireHost(): Capabilities {
  if (!supports(MIN_API)) throw new UserError('host-refused', MESSAGES.oldHost);
  return capabilities();
}

/** True when every note on the sheet is one the backup knows about, so no note needs reading cell by cell. */
function notesKnown(count: number | undefined, marks: Record<string, MarkBackup>): boolean {
  if (count === undefined) return true;
  return count === Object.values(marks).filter((m) => m.via === 'note').length;
}

interface Captured {
  fill?: Excel.RangeFill;
  note?: Excel.Note;
  validation?: Excel.DataValidation;
}

/** The engine's options from the add-in's; an undefined key would override the engine's default, so only what was chosen. */
function engineOptions(options: AddinOptions): CheckOptions {
  return { ...(options.totals ? { totals: options.totals } : {}), ...(options.template ? { template: options.template } : {}) };
}

/** Queues the read of the active sheet: the selection when more than one cell is selected, else the used range. */
function queueActiveSheet(context: Excel.RequestContext, caps: Capabilities, scope: AddinOptions['scope']) {
  const sheet = context.workbook.worksheets.getActiveWorksheet();
  sheet.load('id,name,protection/protected');
  // A blank sheet's used range is A1 (no null object, so merges and fills can be asked of it in the same batch).
  const usedRead = queueRead(sheet.getUsedRange(true), caps);
  const selRead = scope === 'sheet' ? undefined : queueRead(context.workbook.getSelectedRange(), caps);
  // After the sync: which of the two reads to check.
  const chosen = (): QueuedRead => (selRead && selRead.range.cellCount > 1 ? selRead : usedRead);
  return { sheet, chosen };
}

/** Reads and checks the active sheet and writes nothing, not even the backup: what "Tạo mẫu từ bảng này" starts from. */
export async function inspectSheet(options: AddinOptions = {}): Promise<SheetReport> {
  const caps = requireHost();
  return Excel.run(async (context) => {
    const { sheet, chosen } = queueActiveSheet(context, caps, options.scope);
    await context.sync();
    return checkSheet(toGrid(sheet.name, chosen()), engineOptions(options));
  });
}

export async function runCheck(options: AddinOptions = {}, store: BackupStore = settingsStore): Promise<CheckOutcome> {
  const caps = requireHost();
  const backup = await store.read();
  return Excel.run(async (context) => {
    const { sheet, chosen } = queueActiveSheet(context, caps, options.scope);
    const noteCount = caps.notes ? sheet.notes.getCount() : undefined;
    await context.sync();

    if (sheet.protection.protected) throw new UserError('host-refused', MESSAGES.protectedSheet(sheet.name));
    const read = chosen();
    const grid = toGrid(sheet.name, read);
    const report = checkSheet(grid, engineOptions(options)); // NoTableError: nothing written yet
    const marks: CellMark[] = options.marks === false ? [] : report.plan.marks;

    const mine = sheetBackup(backup, sheet.id, sheet.name);
    const fresh = marks.filter((m) => !mine.marks[m.cell]);
    const isFresh = new Set(fresh.map((m) => m.cell));
    const known = notesKnown(noteCount?.value, mine.marks);

    // The optional third sync: only the cells about to be marked, only what the first read could not give.
    const captured = new Map<string, Captured>();
    const readFills = !caps.areas && fresh.length > 0;
    const readPrompts = !caps.notes && fresh.length > 0;
    const readNotes = caps.notes && !known;
    if (readFills || readPrompts || readNotes) {
      const cells = new Set(fresh.map((m) => m.cell));
      if (readNotes) for (const a of Object.keys(mine.marks)) cells.add(a);
      for (const address of cells) {
        const c: Captured = {};
        if (readFills && !mine.marks[address]) c.fill = sheet.getRange(address).format.fill.load('color');
        if (readPrompts && !mine.marks[address]) c.validation = sheet.getRange(address).dataValidation.load('type,prompt');
        if (readNotes) c.note = sheet.notes.getItemOrNullObject(address).load('content');
        captured.set(address, c);
      }
      await context.sync();
    }
    const noteNow = (address: string): string | null | undefined => {
      const n = captured.get(address)?.note;
      if (n) return n.isNullObject ? null : n.content;
      return undefined;
    };

    // Back up every cell about to change before anything changes; a second check keeps the first originals.
    for (const m of fresh) {
      const c = captured.get(m.cell);
      const fill: FillState = (c?.fill ? fillState(c.fill.color) : undefined) ?? fillAt(read, m.row, m.col) ?? { color: null };
      const b: MarkBackup = { fill, via: caps.notes ? 'note' : 'prompt' };
      if (caps.notes) b.note = readNotes ? (noteNow(m.cell) ?? null) : null;
      else b.prompt = ownPrompt(c?.validation);
      mine.marks[m.cell] = b;
    }
    for (const w of report.plan.writes) {
      if (!mine.writes[w.cell]) mine.writes[w.cell] = { ...w.previous };
    }
    await store.write(backup);

    // Cells marked last time and clean now get their own fill and message back.
    const wanted = new Set(marks.map((m) => m.cell));
    const stale = Object.entries(mine.marks).filter(([a]) => !wanted.has(a));
    queueFills(
      sheet,
      stale.map(([address, b]) => ({ address, fill: b.fill })),
      caps,
    );
    for (const [address, b] of stale) queueMessageRestore(sheet, address, b, readNotes ? noteNow(address) != null : true);

    queueFills(
      sheet,
      marks.map((m) => ({ address: m.cell, fill: { color: FILL[m.severity] } })),
      caps,
    );
    for (const m of marks) {
      const b = mine.marks[m.cell];
      if (b.via === 'note') {
        // Known notes: every note on the sheet sits on a cell marked before, so only those cells hold one now.
        const exists = readNotes ? noteNow(m.cell) != null : !isFresh.has(m.cell);
        queueNote(sheet, m.cell, noteText(m.messages, b.note), exists);
      } else queuePrompt(sheet, m.cell, mergePrompt(b.prompt, promptOf(m.severity, m.messages)));
    }
    for (const w of report.plan.writes) queueCellWrite(sheet, w.cell, { value: w.value, formula: w.formula });
    await context.sync();

    for (const [a] of stale) delete mine.marks[a];
    prune(backup, sheet.id);
    await store.write(backup);
    return {
      report,
      sheet: sheet.name,
      address: read.range.address,
      marked: marks.length,
      written: report.plan.writes.length,
    };
  });
}

/** The user's own prompt, or null when the cell had no validation at all. */
function ownPrompt(v: Excel.DataValidation | undefined): PromptState | null {
  if (!v) return null;
  const p = v.prompt;
  if (v.type === 'None' && (!p || (!p.message && !p.title))) return null;
  return { title: p?.title ?? '', message: p?.message ?? '', showPrompt: !!p?.showPrompt };
}

function mergePrompt(own: PromptState | null | undefined, ours: PromptState): PromptState {
  if (!own || !own.message) return ours;
  const message = `${own.message}\n${ours.message}`;
  return { ...ours, message: message.length <= 255 ? message : `${message.slice(0, 254)}…` };
}

type Restorer = (sheet: Excel.Worksheet, backup: Backup, id: string, noteNow: (a: string) => boolean) => number;

/** Shared by Xóa đánh dấu and Hoàn tác: read the sheet and its notes, refuse if protected, give back, forget. */
async function restore(store: BackupStore, restorer: Restorer, empty: string, part: 'marks' | 'writes'): Promise<RestoreOutcome> {
  const caps = requireHost();
  const backup = await store.read();
  return Excel.run(async (context) => {
    const sheet = context.workbook.worksheets.getActiveWorksheet();
    sheet.load('id,name,protection/protected');
    const noteCount = caps.notes ? sheet.notes.getCount() : undefined;
    await context.sync();
    if (sheet.protection.protected) throw new UserError('host-refused', MESSAGES.protectedSheet(sheet.name));
    const mine = backup.sheets[sheet.id];
    if (!mine || Object.keys(mine[part]).length === 0) throw new UserError('host-refused', empty);

    let noteNow: (a: string) => boolean = (a) => mine.marks[a]?.via === 'note';
    if (part === 'marks' && caps.notes && !notesKnown(noteCount?.value, mine.marks)) {
      // Someone removed or added notes since the check: ask the marked cells, so that a restore never fails on a missing note.
      const notes = new Map(Object.keys(mine.marks).map((a) => [a, sheet.notes.getItemOrNullObject(a).load('content')]));
      await context.sync();
      noteNow = (a) => !!notes.get(a) && !notes.get(a)!.isNullObject;
    }
    const cells = restorer(sheet, backup, sheet.id, noteNow);
    await context.sync();
    prune(backup, sheet.id);
    await store.write(backup);
    return { sheet: sheet.name, cells };
  });
}

/** Xóa đánh dấu: every cell the add-in coloured gets its own fill, note or prompt back. */
export function clearMarks(store: BackupStore = settingsStore): Promise<RestoreOutcome> {
  return restore(
    store,
    (sheet, backup, id, noteNow) => {
      const marks = Object.entries(backup.sheets[id].marks);
      queueFills(
        sheet,
        marks.map(([address, b]) => ({ address, fill: b.fill })),
        capabilities(),
      );
      for (const [address, b] of marks) queueMessageRestore(sheet, address, b, noteNow(address));
      backup.sheets[id].marks = {};
      return marks.length;
    },
    MESSAGES.nothingToClear,
    'marks',
  );
}

/** Hoàn tác: every cell the add-in wrote gets its own value or formula back. */
export function undoWrites(store: BackupStore = settingsStore): Promise<RestoreOutcome> {
  return restore(
    store,
    (sheet, backup, id) => {
      const writes = Object.entries(backup.sheets[id].writes);
      for (const [address, w] of writes) queueCellWrite(sheet, address, w);
      backup.sheets[id].writes = {};
      return writes.length;
    },
    MESSAGES.nothingToUndo,
    'writes',
  );
}

/** Selects a cell of the active sheet (a finding clicked in the pane). */
export async function selectCell(address: string): Promise<void> {
  await Excel.run(async (context) => {
    context.workbook.worksheets.getActiveWorksheet().getRange(address).select();
    await context.sync();
  });
}

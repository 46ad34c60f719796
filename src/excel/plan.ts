/**
 * The pure step between the engine's plan and Office: given what the sheet holds now and what the backup says
 * thidua wrote, decide every change and the backup to keep. Plain objects in, plain objects out; ./apply only
 * queues the operations. Check, Xóa đánh dấu and Hoàn tác all go through planSheetUpdate.
 */
import { CellMark, CellValue, CellWrite } from '../engine';
import {
  Area,
  CellContent,
  emptySheetBackup,
  FillState,
  isEmpty,
  MarkBackup,
  PromptState,
  SheetBackup,
  union,
  WriteBackup,
} from './backup';
import { FILL, NOTE_HEAD, noteText, promptOf, PROMPT_HEAD } from './write';

/** What a cell holds now, as far as the read could tell; undefined fields were not read (assumed unchanged). */
export interface CellNow {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: FillState;
  /** The note's text, null for none; undefined when not read. */
  note?: string | null;
  /** The input prompt, null for no validation; undefined when not read. */
  prompt?: PromptState | null;
}

export interface Captured {
  /** By absolute A1 address, where the sheet is now. */
  cells: Record<string, CellNow>;
}

export interface PlanCaps {
  notes: boolean;
  prompts: boolean;
}

export type Intent =
  { kind: 'check'; key: string; name: string; area: Area; marks: CellMark[]; writes: CellWrite[] } | { kind: 'clear' } | { kind: 'undo' };

export type Op =
  | { op: 'fill'; cells: string[]; fill: FillState }
  | { op: 'note'; cell: string; content: string | null; exists: boolean }
  | { op: 'prompt'; cell: string; prompt: PromptState | null }
  | { op: 'format'; cell: string; numberFormat: string }
  | { op: 'write'; cell: string; content: CellContent };

export interface SheetUpdate {
  /** The entry to save; null when nothing is left to give back. */
  backup: SheetBackup | null;
  ops: Op[];
  /** Cells given back (restores only). */
  restored: string[];
  /** Cells left alone because the user changed them after thidua wrote them. */
  leftAlone: string[];
}

const OUR_FILLS = new Set(Object.values(FILL).map((c) => c.toUpperCase()));
const TEXT_FORMAT = '@';

function sameFill(a: FillState | undefined, colour: string): boolean {
  return !!a && a.color !== null && a.color.toUpperCase() === colour.toUpperCase() && !a.pattern && !a.tintAndShade;
}

/** A fill found on a cell the backup does not know: thidua's own colour is never taken for the cell's original. */
function ownFill(f: FillState | undefined): FillState {
  if (!f || f.color === null) return { color: null };
  if (!f.pattern && !f.tintAndShade && OUR_FILLS.has(f.color.toUpperCase())) return { color: null };
  return f;
}

/** The user's part of a note: thidua's part (from its heading on) is never taken for the cell's original. */
function ownNote(n: string | null | undefined): string | null {
  if (!n) return null;
  if (n.startsWith(NOTE_HEAD)) return null;
  const at = n.indexOf(`\n\n${NOTE_HEAD}`);
  return at >= 0 ? n.slice(0, at) || null : n;
}

function ownPrompt(p: PromptState | null | undefined): PromptState | null {
  if (!p) return null;
  if (p.title.startsWith(PROMPT_HEAD)) return null;
  return p;
}

function samePrompt(a: PromptState | null | undefined, b: PromptState | undefined): boolean {
  return !!a && !!b && a.title === b.title && a.message === b.message;
}

function sameContent(now: CellNow | undefined, ours: CellContent): boolean {
  if (!now) return false;
  if (ours.formula) return now.formula === ours.formula;
  return !now.formula && now.value === ours.value;
}

function mergePrompt(own: PromptState | null | undefined, ours: PromptState): PromptState {
  if (!own || !own.message) return ours;
  const message = `${own.message}\n${ours.message}`;
  return { ...ours, message: message.length <= 255 ? message : `${message.slice(0, 254)}…` };
}

/** Fills grouped by colour, so that apply sets each colour once per batch of cells. */
class Fills {
  private groups = new Map<string, { fill: FillState; cells: string[] }>();
  add(cell: string, fill: FillState): void {
    const k = JSON.stringify(fill);
    const g = this.groups.get(k);
    if (g) g.cells.push(cell);
    else this.groups.set(k, { fill, cells: [cell] });
  }
  ops(): Op[] {
    return [...this.groups.values()].map((g) => ({ op: 'fill', cells: g.cells, fill: g.fill }));
  }
}

/**
 * Gives one marked cell back what the backup holds, part by part, only where the part still holds what thidua put
 * there. Returns whether the user had changed some part (the cell is then named as left alone).
 */
function restoreMark(cell: string, b: MarkBackup, now: CellNow | undefined, fills: Fills, ops: Op[]): boolean {
  let changed = false;
  if (now?.fill === undefined || sameFill(now.fill, b.ours.fill)) fills.add(cell, b.own.fill);
  else changed = true;
  if (b.via === 'note') {
    const note = now?.note;
    if (note === undefined || note === b.ours.note) ops.push({ op: 'note', cell, content: b.own.note ?? null, exists: true });
    else if (note !== null) changed = true;
  } else if (b.via === 'prompt') {
    const p = now?.prompt;
    if (p === undefined || samePrompt(p, b.ours.prompt)) ops.push({ op: 'prompt', cell, prompt: b.own.prompt ?? null });
    else if (p !== null) changed = true;
  }
  return changed;
}

/** Gives one total back its own value or formula, and its number format; text comes back as text. */
function restoreWrite(cell: string, w: WriteBackup, ops: Op[]): void {
  const format = w.own.numberFormat ?? 'General';
  const content: CellContent = { value: w.own.value, ...(w.own.formula ? { formula: w.own.formula } : {}) };
  if (typeof w.own.value === 'string' && !w.own.formula) {
    // Excel parses a string written to a cell ("1/2", "50%", "19,5") unless the cell is formatted as Text
    // (https://support.microsoft.com/en-us/office/format-numbers-as-text-583160db-9e93-44f4-9a17-8d5d26bbf6e7);
    // changing the format afterwards leaves the text as text. The documented way, unlike a leading apostrophe,
    // which Range.formulas does not keep (https://github.com/OfficeDev/office-js/issues/6687).
    ops.push({ op: 'format', cell, numberFormat: TEXT_FORMAT }, { op: 'write', cell, content });
  } else {
    // A formula written into a Text cell would stay text: the format goes back after it, when it was Text.
    ops.push({ op: 'format', cell, numberFormat: format === TEXT_FORMAT ? 'General' : format }, { op: 'write', cell, content });
  }
  if (format === TEXT_FORMAT && content.formula === undefined && typeof content.value === 'string') return;
  if (format === TEXT_FORMAT || typeof w.own.value === 'string') ops.push({ op: 'format', cell, numberFormat: format });
}

function checkUpdate(
  intent: Extract<Intent, { kind: 'check' }>,
  previous: SheetBackup | undefined,
  captured: Captured,
  caps: PlanCaps,
): SheetUpdate {
  const entry: SheetBackup = previous
    ? {
        ...previous,
        name: intent.name,
        anchor: union(previous.anchor, intent.area),
        marks: { ...previous.marks },
        writes: { ...previous.writes },
      }
    : emptySheetBackup(intent.key, intent.name, intent.area);
  const ops: Op[] = [];
  const staleOps: Op[] = [];
  const fills = new Fills();
  const leftAlone: string[] = [];
  const at = (a: string) => captured.cells[a];

  // Cells marked last time and no longer wrong get their own fill and message back.
  const wanted = new Set(intent.marks.map((m) => m.cell));
  for (const [cell, b] of Object.entries(entry.marks)) {
    if (wanted.has(cell)) continue;
    if (restoreMark(cell, b, at(cell), fills, staleOps)) leftAlone.push(cell);
    delete entry.marks[cell];
  }

  const markOps: Op[] = [];
  for (const m of intent.marks) {
    const now = at(m.cell);
    const known = entry.marks[m.cell];
    let b: MarkBackup;
    if (known) {
      b = { ...known, own: { ...known.own } };
      // A fill or note the user gave the cell after the check becomes its new original.
      if (now?.fill !== undefined && !sameFill(now.fill, b.ours.fill)) b.own.fill = ownFill(now.fill);
      if (b.via === 'note' && typeof now?.note === 'string' && now.note !== b.ours.note) b.own.note = ownNote(now.note);
    } else {
      const via = caps.notes ? 'note' : caps.prompts ? 'prompt' : 'none';
      b = { via, own: { fill: ownFill(now?.fill) }, ours: { fill: FILL[m.severity] } };
      if (via === 'note') b.own.note = ownNote(now?.note);
      if (via === 'prompt') b.own.prompt = ownPrompt(now?.prompt);
    }
    b.ours = { fill: FILL[m.severity] };
    fills.add(m.cell, { color: FILL[m.severity] });
    if (b.via === 'note') {
      const content = noteText(m.messages, b.own.note);
      // Whether a note is there now: read, or known from the backup (thidua's note from the last check).
      const exists = now?.note !== undefined ? now.note !== null : !!known && known.via === 'note';
      markOps.push({ op: 'note', cell: m.cell, content, exists });
      b.ours.note = content;
    } else if (b.via === 'prompt') {
      const prompt = mergePrompt(b.own.prompt, promptOf(m.severity, m.messages));
      markOps.push({ op: 'prompt', cell: m.cell, prompt });
      b.ours.prompt = prompt;
    }
    entry.marks[m.cell] = b;
  }

  const writeOps: Op[] = [];
  for (const w of intent.writes) {
    const now = at(w.cell);
    const known = entry.writes[w.cell];
    const ours: CellContent = w.formula ? { value: w.value, formula: w.formula } : { value: w.value };
    let own = known?.own;
    // No backup yet, or the user typed something else into the total since: what is there now is the original.
    if (!known || (now && !sameContent(now, known.ours))) {
      own = now
        ? { value: now.value, ...(now.formula ? { formula: now.formula } : {}), numberFormat: now.numberFormat ?? 'General' }
        : { ...w.previous, numberFormat: 'General' };
    }
    // A total formatted as Text would show its formula as text: it gets a number format first (kept in own).
    if ((now?.numberFormat ?? own!.numberFormat) === TEXT_FORMAT) writeOps.push({ op: 'format', cell: w.cell, numberFormat: 'General' });
    writeOps.push({ op: 'write', cell: w.cell, content: ours });
    entry.writes[w.cell] = { own: own!, ours };
  }

  ops.push(...fills.ops(), ...staleOps, ...markOps, ...writeOps);
  return { backup: isEmpty(entry) ? null : entry, ops, restored: [], leftAlone };
}

export function planSheetUpdate(intent: Intent, backup: SheetBackup | undefined, captured: Captured, caps: PlanCaps): SheetUpdate {
  if (intent.kind === 'check') return checkUpdate(intent, backup, captured, caps);
  const ops: Op[] = [];
  const restored: string[] = [];
  const leftAlone: string[] = [];
  if (!backup) return { backup: null, ops, restored, leftAlone };
  const entry: SheetBackup = { ...backup, marks: { ...backup.marks }, writes: { ...backup.writes } };
  if (intent.kind === 'clear') {
    const fills = new Fills();
    const messageOps: Op[] = [];
    for (const [cell, b] of Object.entries(entry.marks)) {
      if (restoreMark(cell, b, captured.cells[cell], fills, messageOps)) leftAlone.push(cell);
      else restored.push(cell);
    }
    entry.marks = {};
    ops.push(...fills.ops(), ...messageOps);
  } else {
    for (const [cell, w] of Object.entries(entry.writes)) {
      const now = captured.cells[cell];
      if (now && !sameContent(now, w.ours)) leftAlone.push(cell);
      else {
        restoreWrite(cell, w, ops);
        restored.push(cell);
      }
    }
    entry.writes = {};
  }
  return { backup: isEmpty(entry) ? null : entry, ops, restored, leftAlone };
}

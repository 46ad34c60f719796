/** Writing to a sheet: queued calls only, sent by the caller's one sync. Fills go in batches through RangeAreas. */
import { MARK_COLOURS, NOTE_HEAD, noteWith, Severity, SEVERITY_WORDS } from '../engine';
import { FillState, MarkBackup, PromptState, WriteBackup } from './backup';
import { Capabilities } from './host';

/** The mark colours, as Office.js takes them (#RRGGBB). */
export const FILL = MARK_COLOURS;
export { NOTE_HEAD };

/** Excel refuses multi-area addresses beyond a few thousand characters: stay well below. */
const MAX_AREAS_ADDRESS = 1000;

/** The user's own note stays, above ours. */
export function noteText(messages: string[], own: string | null | undefined): string {
  return noteWith(own ?? undefined, messages);
}

/** An input prompt holds a title of 32 and a message of 255 characters. */
export function promptOf(severity: Severity, messages: string[]): PromptState {
  const text = messages.join('\n');
  return {
    showPrompt: true,
    title: `Thi đua: ${SEVERITY_WORDS[severity].toLowerCase()}`.slice(0, 32),
    message: text.length <= 255 ? text : `${text.slice(0, 254)}…`,
  };
}

function fillKey(f: FillState): string {
  return f.color === null ? '' : `${f.color}|${f.pattern ?? ''}`;
}

/** Groups of addresses short enough for one getRanges call. */
function chunks(addresses: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + a.length + 1 > MAX_AREAS_ADDRESS) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

function setFill(format: Excel.RangeFormat, fill: FillState): void {
  if (fill.color === null) format.fill.clear();
  else {
    format.fill.color = fill.color;
    // Patterned fills (1.9) come back as they were; a plain colour is all ExcelApi 1.8 can give back.
    if (fill.pattern) format.fill.pattern = fill.pattern as Excel.FillPattern;
  }
}

/** Sets fills cell by cell on old hosts, or one call per colour and chunk of cells through RangeAreas. */
export function queueFills(sheet: Excel.Worksheet, cells: { address: string; fill: FillState }[], caps: Capabilities): void {
  const groups = new Map<string, { fill: FillState; addresses: string[] }>();
  for (const c of cells) {
    const key = fillKey(c.fill);
    const g = groups.get(key);
    if (g) g.addresses.push(c.address);
    else groups.set(key, { fill: c.fill, addresses: [c.address] });
  }
  for (const { fill, addresses } of groups.values()) {
    if (caps.areas) for (const chunk of chunks(addresses)) setFill(sheet.getRanges(chunk).format, fill);
    else for (const a of addresses) setFill(sheet.getRange(a).format, fill);
  }
}

export function queueNote(sheet: Excel.Worksheet, address: string, content: string, exists: boolean): void {
  if (exists) sheet.notes.getItem(address).content = content;
  else sheet.notes.add(address, content);
}

export function queuePrompt(sheet: Excel.Worksheet, address: string, prompt: PromptState): void {
  sheet.getRange(address).dataValidation.prompt = prompt;
}

/** Gives a marked cell back its own note or input prompt (its fill goes back through queueFills). */
export function queueMessageRestore(sheet: Excel.Worksheet, address: string, b: MarkBackup, noteExists: boolean): void {
  if (b.via === 'note' && noteExists) {
    if (b.note === null || b.note === undefined) sheet.notes.getItem(address).delete();
    else sheet.notes.getItem(address).content = b.note;
  } else if (b.via === 'prompt') {
    const dv = sheet.getRange(address).dataValidation;
    if (b.prompt) dv.prompt = b.prompt;
    else dv.clear();
  }
}

/** Text that Excel would read as a number or a formula keeps its apostrophe, so it comes back as text. */
function asEntered(value: WriteBackup['value']): string | number | boolean {
  if (value === null) return '';
  if (typeof value !== 'string') return value;
  return /^[=+\-@']/.test(value) || (value.trim() !== '' && !Number.isNaN(Number(value))) ? `'${value}` : value;
}

export function queueCellWrite(sheet: Excel.Worksheet, address: string, w: WriteBackup): void {
  sheet.getRange(address).formulas = [[w.formula ?? asEntered(w.value)]];
}

/**
 * What the add-in overwrote, kept in the workbook itself so that Xóa đánh dấu and Hoàn tác work after the pane was
 * closed and the file reopened. Stored as the add-in's document settings, which Office saves inside the .xlsx
 * (the web extension part) together with the cells: no server, no file beside the workbook.
 */
import { CellValue } from '../engine';

/** A cell's own fill; `color` null when it had none. */
export interface FillState {
  color: string | null;
  pattern?: string;
}

/** A data-validation input prompt (the fall-back for notes on hosts before ExcelApi 1.18). */
export interface PromptState {
  title: string;
  message: string;
  showPrompt: boolean;
}

export interface MarkBackup {
  fill: FillState;
  /** How the message was attached. */
  via: 'note' | 'prompt' | 'none';
  /** The cell's own note before ours; null when it had none. */
  note?: string | null;
  /** The cell's own input prompt before ours; null when it had no validation at all. */
  prompt?: PromptState | null;
}

export interface WriteBackup {
  value: CellValue;
  formula?: string;
}

export interface SheetBackup {
  /** The sheet's name when last checked, for messages; the key is the worksheet id, which survives renaming. */
  name: string;
  marks: Record<string, MarkBackup>;
  writes: Record<string, WriteBackup>;
}

export interface Backup {
  version: 1;
  sheets: Record<string, SheetBackup>;
}

export interface BackupStore {
  read(): Promise<Backup>;
  write(backup: Backup): Promise<void>;
}

export const SETTINGS_KEY = 'thidua-sao-luu';

export function emptyBackup(): Backup {
  return { version: 1, sheets: {} };
}

function isBackup(v: unknown): v is Backup {
  return !!v && typeof v === 'object' && (v as Backup).version === 1 && typeof (v as Backup).sheets === 'object';
}

function settings(): Office.Settings {
  return Office.context.document.settings;
}

/** The ribbon's function runtime and the pane each hold a copy of the settings: refresh before reading. */
export function refresh(): Promise<void> {
  const s = settings();
  if (typeof s.refreshAsync !== 'function') return Promise.resolve();
  return new Promise((resolve, reject) =>
    s.refreshAsync((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(r.error) : resolve())),
  );
}

export const settingsStore: BackupStore = {
  async read() {
    await refresh();
    const v = settings().get(SETTINGS_KEY) as unknown;
    return isBackup(v) ? v : emptyBackup();
  },
  write(backup) {
    settings().set(SETTINGS_KEY, backup);
    return save();
  },
};

/** Saves the settings into the workbook (Office writes them into the file with its next save). */
export function save(): Promise<void> {
  const s = settings();
  return new Promise((resolve, reject) => s.saveAsync((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(r.error) : resolve())));
}

export function sheetBackup(backup: Backup, id: string, name: string): SheetBackup {
  const s = backup.sheets[id] ?? { name, marks: {}, writes: {} };
  s.name = name;
  backup.sheets[id] = s;
  return s;
}

/** Drops a sheet's entry once nothing is left to give back. */
export function prune(backup: Backup, id: string): void {
  const s = backup.sheets[id];
  if (s && Object.keys(s.marks).length === 0 && Object.keys(s.writes).length === 0) delete backup.sheets[id];
}

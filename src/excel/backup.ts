/**
 * What the add-in overwrote and what it wrote, kept in the workbook itself (workbook settings, one entry per sheet,
 * see ./settings) so that Xóa đánh dấu and Hoàn tác work after the file is closed and reopened, and give back only
 * cells that still hold what thidua put there. Plain data and pure functions: the planner and its tests use them.
 */
import { CellValue } from '../engine';

/** A cell's fill; `color` null when it had none. Tints and patterns come back too; gradients are never written. */
export interface FillState {
  color: string | null;
  tintAndShade?: number;
  pattern?: string;
  patternColor?: string;
  patternTintAndShade?: number;
}

/** A data-validation input prompt (the fall-back for notes on hosts before ExcelApi 1.18). */
export interface PromptState {
  title: string;
  message: string;
  showPrompt: boolean;
}

export interface MarkBackup {
  /** How the message was attached. */
  via: 'note' | 'prompt' | 'none';
  /** The cell's own fill, note (null: none) and prompt (null: no validation) before thidua's. */
  own: { fill: FillState; note?: string | null; prompt?: PromptState | null };
  /** What thidua put there, to tell whether the user changed it since. */
  ours: { fill: string; note?: string; prompt?: PromptState };
}

export interface CellContent {
  value: CellValue;
  formula?: string;
}

export interface WriteBackup {
  /** The cell's own value or formula, and its number format. */
  own: CellContent & { numberFormat?: string };
  ours: CellContent;
}

/** A rectangle in absolute 0-based sheet coordinates, inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetBackup {
  /** The sheet's stable key (a worksheet custom property, or the anchor's comment where there are none). */
  key: string;
  /** The sheet's name when last checked: for messages, and to tell a copied sheet from a renamed one. */
  name: string;
  /** The area the backed-up cells lie in, as the anchor name spanned it when the entry was saved. */
  anchor: Area;
  marks: Record<string, MarkBackup>;
  writes: Record<string, WriteBackup>;
}

export const BACKUP_VERSION = 2;

export function isSheetBackup(v: unknown): v is SheetBackup & { version: number } {
  const b = v as SheetBackup & { version?: number };
  return (
    !!b &&
    typeof b === 'object' &&
    b.version === BACKUP_VERSION &&
    typeof b.key === 'string' &&
    !!b.anchor &&
    typeof b.marks === 'object' &&
    typeof b.writes === 'object'
  );
}

export function emptySheetBackup(key: string, name: string, anchor: Area): SheetBackup {
  return { key, name, anchor: { ...anchor }, marks: {}, writes: {} };
}

export function isEmpty(b: SheetBackup): boolean {
  return Object.keys(b.marks).length === 0 && Object.keys(b.writes).length === 0;
}

export function union(a: Area, b: Area): Area {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

function letters(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function shiftAddress(address: string, rows: number, cols: number): string {
  const m = /^([A-Z]+)(\d+)$/.exec(address);
  if (!m) return address;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  return `${letters(col - 1 + cols)}${Number(m[2]) + rows}`;
}

/** The entry moved to where its anchor is now: rows inserted or deleted above the table move every address. */
export function shiftBackup(b: SheetBackup, to: Area): SheetBackup {
  const rows = to.top - b.anchor.top;
  const cols = to.left - b.anchor.left;
  if (rows === 0 && cols === 0) return { ...b, anchor: { ...to } };
  const move = <T>(r: Record<string, T>): Record<string, T> =>
    Object.fromEntries(Object.entries(r).map(([a, v]) => [shiftAddress(a, rows, cols), v]));
  return { ...b, anchor: { ...to }, marks: move(b.marks), writes: move(b.writes) };
}

/** Same height and width: the table moved as a whole (or not at all), so offsets inside it still hold. */
export function sameShape(a: Area, b: Area): boolean {
  return a.bottom - a.top === b.bottom - b.top && a.right - a.left === b.right - b.left;
}

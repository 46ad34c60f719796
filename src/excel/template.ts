/**
 * The bloc's criteria template the workbook is checked against, kept in one document setting so that the choice
 * travels with the file and the ribbon's Kiểm tra uses the pane's: "builtin:ID", or a loaded template whole.
 */
import {
  BUILTIN_PREFIX,
  decodeChoice,
  encodeChoice,
  listBuiltinTemplates,
  Template,
  TemplateChoice,
  templateSize,
  templateTitle,
} from '../engine';
import { refusal } from './errors';
import { KEYS, readSetting, writeSetting } from './settings';

export const TEMPLATE_KEY = KEYS.template;

/** What the workbook holds: no template, a usable one, or one that can no longer be read (reasons in Vietnamese). */
export type StoredTemplate =
  | { kind: 'none' }
  | { kind: 'builtin'; id: string; template: Template }
  | { kind: 'custom'; template: Template }
  | { kind: 'broken'; errors: string[] };

/** The stored choice as the workbook holds it now. */
export async function storedTemplate(): Promise<StoredTemplate> {
  return templateFrom(await readSetting(TEMPLATE_KEY));
}

/** A stored setting read as a template choice. */
export function templateFrom(setting: unknown): StoredTemplate {
  if (typeof setting !== 'string' || setting === '') return { kind: 'none' };
  const r = decodeChoice(setting);
  if (!r.ok) return { kind: 'broken', errors: r.errors };
  if (setting.startsWith(BUILTIN_PREFIX)) return { kind: 'builtin', id: r.template.id, template: r.template };
  return { kind: 'custom', template: r.template };
}

/** Keeps the choice in the workbook; null forgets it (the check then holds the sheet against no template). */
export function saveTemplateChoice(choice: TemplateChoice | null): Promise<void> {
  return writeSetting(TEMPLATE_KEY, choice ? encodeChoice(choice) : null);
}

/**
 * The template a stored choice stands for. A stored choice that cannot be read stops the action: holding the sheet
 * against nothing while the user believes otherwise would hide findings.
 */
export function usableTemplate(s: StoredTemplate): Template | undefined {
  if (s.kind === 'broken') {
    throw refusal(
      `Không dùng được bảng tiêu chí đã chọn cho bảng tính này (${s.errors[0]}). Mở ngăn Kiểm tra › Tùy chọn để chọn lại. Bảng tính chưa bị thay đổi.`,
    );
  }
  return s.kind === 'none' ? undefined : s.template;
}

/** The template to check against, read fresh from the workbook before a check. */
export async function chosenTemplate(): Promise<Template | undefined> {
  return usableTemplate(await storedTemplate());
}

/** The picker's values: none, each built-in by its settings string, the loaded template, and the file chooser. */
export const PICK_NONE = '';
export const PICK_CUSTOM = 'custom';
export const PICK_FILE = 'file';

export interface PickerEntry {
  value: string;
  label: string;
}

/** The picker's entries for what the workbook holds, and which one is selected. */
export function pickerEntries(stored: StoredTemplate): { entries: PickerEntry[]; selected: string } {
  const entries: PickerEntry[] = [{ value: PICK_NONE, label: 'Không đối chiếu' }];
  for (const b of listBuiltinTemplates()) entries.push({ value: `${BUILTIN_PREFIX}${b.id}`, label: b.title });
  if (stored.kind === 'custom') entries.push({ value: PICK_CUSTOM, label: `Mẫu đã nạp: ${templateTitle(stored.template)}` });
  entries.push({ value: PICK_FILE, label: 'Tệp mẫu (.json)…' });
  const selected = stored.kind === 'builtin' ? `${BUILTIN_PREFIX}${stored.id}` : stored.kind === 'custom' ? PICK_CUSTOM : PICK_NONE;
  return { entries, selected };
}

/** The choice a picker value stands for: null for none, a built-in by id; undefined when the choice is not changed by it. */
export function pickedChoice(value: string): TemplateChoice | null | undefined {
  if (value === PICK_NONE) return null;
  return value.startsWith(BUILTIN_PREFIX) ? { builtin: value.slice(BUILTIN_PREFIX.length) } : undefined;
}

/** The line under the picker: which template a check holds the sheet against. */
export function templateNote(stored: StoredTemplate): string {
  switch (stored.kind) {
    case 'none':
      return 'Kiểm tra không đối chiếu với bảng tiêu chí nào.';
    case 'broken':
      return 'Bảng tiêu chí lưu trong bảng tính không dùng được: hãy chọn lại.';
    default: {
      const t = stored.template;
      return `Đang dùng: ${templateTitle(t)} (${templateSize(t)}).`;
    }
  }
}

/**
 * Every piece of state the add-in keeps in the workbook, in one place: the keys, how they are read and written,
 * and what happens when writing fails.
 *
 * The store is Excel's workbook settings (ExcelApi 1.4, https://learn.microsoft.com/en-us/javascript/api/excel/excel.settingcollection),
 * read and written inside Excel.run, one key at a time, so the task pane and the ribbon's function file (two
 * runtimes without a shared runtime) always see the document's settings as they are now. Office.context.document.settings
 * is never used: each runtime holds its own copy of it and saveAsync writes the whole copy back, so a pane with a
 * stale copy would wipe the backup the ribbon had just saved
 * (https://learn.microsoft.com/en-us/office/dev/add-ins/develop/persisting-add-in-state-and-settings). Both APIs write
 * the same bag (https://github.com/OfficeDev/office-js-docs-reference/issues/769), so one saveAsync anywhere would do it.
 */
import { MESSAGES, refusal, userMessage } from './errors';
import { supports, MIN_API } from './host';

export const KEYS = {
  /** One entry per sheet: `thidua-sao-luu/<sheet key>` (see ./backup). */
  backup: 'thidua-sao-luu',
  options: 'thidua-tuy-chon',
  template: 'thidua-mau-tieu-chi',
  /** The sheets Tổng hợp khối made (see ./tonghop). */
  bloc: 'thidua-tong-hop',
} as const;

export function backupKey(sheetKey: string): string {
  return `${KEYS.backup}/${sheetKey}`;
}

/** Queues the read of one setting; after the sync, the getter gives its value, or undefined when there is none. */
export function queueSettingRead(context: Excel.RequestContext, key: string): () => unknown {
  const item = context.workbook.settings.getItemOrNullObject(key);
  item.load('value');
  // The getter runs after the caller's sync, which the rule cannot see.
  // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load
  return () => (item.isNullObject ? undefined : (item.value as unknown));
}

/** Queues the write of one setting; null removes it. Written with the batch it is queued in. */
export function queueSettingWrite(context: Excel.RequestContext, key: string, value: unknown): void {
  if (value === null || value === undefined) {
    // getItem fails on a missing key: adding it first makes the delete safe whether it was there or not.
    context.workbook.settings.add(key, '');
    context.workbook.settings.getItem(key).delete();
  } else context.workbook.settings.add(key, value);
}

function requireStore(): void {
  if (!supports(MIN_API)) throw refusal(MESSAGES.oldHost);
}

/** One setting, read fresh from the workbook. */
export async function readSetting(key: string): Promise<unknown> {
  requireStore();
  return Excel.run(async (context) => {
    const get = queueSettingRead(context, key);
    await context.sync();
    return get();
  });
}

/** Writes one setting into the workbook; a failure is one Vietnamese sentence saying the choice was not kept. */
export async function writeSetting(key: string, value: unknown): Promise<void> {
  requireStore();
  try {
    await Excel.run(async (context) => {
      queueSettingWrite(context, key, value);
      await context.sync();
    });
  } catch (e) {
    throw refusal(MESSAGES.saveFailed(userMessage(e)));
  }
}

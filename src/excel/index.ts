/** The Office.js adapter: the only place besides the page and the ribbon function that speaks to Excel. */
export { runCheck, inspectSheet, clearMarks, undoWrites, selectCell, ANCHOR_NAME, KEY_PROPERTY } from './actions';
export type { AddinOptions, CheckOutcome, RestoreOutcome } from './actions';
export { KEYS, readSetting, writeSetting } from './settings';
export type { SheetBackup } from './backup';
export { planSheetUpdate } from './plan';
export { applyOps } from './apply';
/** The workbook setting holding every sheet's backup. */
export const SETTINGS_KEY = 'thidua-sao-luu';
export { refusal, userMessage } from './errors';
export { FILL, NOTE_HEAD } from './write';
export {
  chosenTemplate,
  pickedChoice,
  pickerEntries,
  saveTemplateChoice,
  storedTemplate,
  templateNote,
  PICK_CUSTOM,
  PICK_FILE,
  PICK_NONE,
  TEMPLATE_KEY,
} from './template';
export type { PickerEntry } from './template';
export type { StoredTemplate } from './template';

/** The Office.js adapter: the only place besides the page and the ribbon function that speaks to Excel. */
export { runCheck, inspectSheet, clearMarks, undoWrites, selectCell } from './actions';
export type { AddinOptions, CheckOutcome, RestoreOutcome } from './actions';
export { settingsStore, emptyBackup, SETTINGS_KEY } from './backup';
export type { BackupStore, Backup } from './backup';
export { userMessage } from './errors';
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

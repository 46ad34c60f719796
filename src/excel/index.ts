/** The Office.js adapter: the only place besides the page and the ribbon function that speaks to Excel. */
export { runCheck, inspectSheet, clearMarks, undoWrites, selectCell } from './actions';
export type { AddinOptions, CheckOutcome, RestoreOutcome } from './actions';
export { settingsStore, emptyBackup, SETTINGS_KEY } from './backup';
export type { BackupStore, Backup } from './backup';
export { userMessage, AddinError } from './errors';
export { FILL, NOTE_HEAD } from './write';
export { chosenTemplate, saveTemplateChoice, storedTemplate, templateTitle, TEMPLATE_KEY } from './template';
export type { StoredTemplate } from './template';

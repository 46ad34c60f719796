/** The Office.js adapter: the only place besides the page and the ribbon function that speaks to Excel. */
export { runCheck, clearMarks, undoWrites, selectCell } from './actions';
export type { AddinOptions, CheckOutcome, RestoreOutcome } from './actions';
export { settingsStore, emptyBackup, SETTINGS_KEY } from './backup';
export type { BackupStore, Backup } from './backup';
export { userMessage, AddinError } from './errors';
export { FILL, NOTE_HEAD } from './write';

/** The public face of the engine, for every adapter (CLI, add-in, tests). */
export { checkSheet, hasScoringTable, NoTableError } from './check';
export { isoDate, parseCitations, vnIsoDate, withWorkbookConflicts } from './evidence';
export type { Citation } from './evidence';
export * from './grid';
export * from './model';
export { readScore, Score } from './numbers';
export { RULES } from './rules';
export { clean, fold, formatNumber } from './text';
export * from './template';

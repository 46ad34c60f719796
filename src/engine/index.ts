/** The public face of the engine, for every adapter (CLI, add-in, tests). */
export { analyseSheet, assembleReport, checkSheet, checkWorkbook, hasScoringTable } from './check';
export type { SheetCheck, WorkbookReport } from './check';
export { isUserError, noTable, UserError } from './errors';
export type { UserErrorCode } from './errors';
export * from './wording';
export { isoDate, parseCitations, vnIsoDate } from './evidence';
export type { Citation } from './evidence';
export * from './grid';
export * from './model';
export { formatNumber, readScore, sameScore, Score, scoreValue } from './numbers';
export { RULES } from './rules';
export type { RuleDefinition, RuleMeta, RuleTag } from './rules';
export { clean, fold } from './text';
export * from './template';

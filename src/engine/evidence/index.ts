/** Evidence: the documents the Giải trình / tài liệu kiểm chứng column cites, read, indexed and held together. Pure. */
export { parseCitations, citationId, Citation } from './citations';
export { DocDate, docDate, isoDate, vnDate, vnIsoDate, daysInMonth, isLeapYear, compareDates } from './dates';
export { sheetEvidence, documentsOf, CellCitation, SheetEvidence } from './collect';
export { sheetConflicts, conflictsAmong } from './conflicts';
export { reportDateOf } from './period';
export { workbookConflicts } from './workbook';

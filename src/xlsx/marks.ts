/** How marks look in a file thidua writes: a fill per severity and a note. */
import { CellMark, MARK_COLOURS, noteText as noteOf, Severity, SheetReport } from '../engine';
import { planMarks } from '../engine/plan';

/** The mark colours as ARGB, the form .xlsx files store them in (one copy of the colours: src/engine/wording.ts). */
export const FILL = Object.fromEntries(Object.entries(MARK_COLOURS).map(([k, v]) => [k, `FF${v.slice(1)}`])) as Record<Severity, string>;

/** The note thidua puts on a marked cell: its head line, then every message. */
export function noteText(m: CellMark): string {
  return noteOf(m.messages);
}

/**
 * The marks of a fixed copy: a total the fix writes is right afterwards, so its total-mismatch finding no longer marks
 * it (other findings on that cell still do).
 */
export function marksAfterFix(report: SheetReport): CellMark[] {
  const written = new Set(report.plan.writes.map((w) => w.cell));
  return planMarks(report.findings.filter((f) => !(f.rule === 'total-mismatch' && written.has(f.cell))));
}

/** How marks look in a file thidua writes: a fill per severity and a note. */
import { CellMark, Severity, SheetReport } from '../engine';
import { planMarks } from '../engine/plan';
import { NOTE_HEAD } from './notes';

/** Fills per severity: light red, amber and blue, the tints Excel's own conditional formats use. */
export const FILL: Record<Severity, string> = { error: 'FFFFC7CE', warning: 'FFFFEB9C', info: 'FFDDEBF7' };

/** The note thidua puts on a marked cell: its head line, then every message. */
export function noteText(m: CellMark): string {
  return `${NOTE_HEAD}\n${m.messages.join('\n')}`;
}

/**
 * The marks of a fixed copy: a total the fix writes is right afterwards, so its total-mismatch finding no longer marks
 * it (other findings on that cell still do).
 */
export function marksAfterFix(report: SheetReport): CellMark[] {
  const written = new Set(report.plan.writes.map((w) => w.cell));
  return planMarks(report.findings.filter((f) => !(f.rule === 'total-mismatch' && written.has(f.cell))));
}

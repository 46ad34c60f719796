/**
 * One number and symbol cited with two dates. Numbers restart every year, so "111/QĐ-VP ngày 31/8/2021 và 111/QĐ-VP
 * ngày 19/10/2022" in one sentence is two documents, said so by the writer; the same number with another date in
 * another place, never listed together, is one document cited wrongly in one of them.
 */
import { CellCitation } from './collect';
import { isoDate } from './dates';

export interface Dated<T> {
  /** The document's number and symbol, normalised. */
  id: string;
  /** A valid date, ISO. */
  date: string;
  item: T;
}

/**
 * Each item whose date differs from the first date its document is cited with, unless the text somewhere lists the
 * two dates together; `first` is where the first date was written. One result per item.
 */
export function conflictsAmong<T>(items: Dated<T>[], together: (id: string, a: string, b: string) => boolean): { at: T; first: T }[] {
  const firstOf = new Map<string, Dated<T>>();
  const out: { at: T; first: T }[] = [];
  for (const d of items) {
    const first = firstOf.get(d.id);
    if (!first) {
      firstOf.set(d.id, d);
      continue;
    }
    if (d.date !== first.date && !together(d.id, first.date, d.date)) out.push({ at: d.item, first: first.item });
  }
  return out;
}

/** A citation whose date differs from the one its document was first cited with, `first`. */
export type Conflict = { at: CellCitation; first: CellCitation };

/** The conflicts within one sheet; one per cell and date, so a cell that repeats itself is told once. */
export function sheetConflicts(citations: CellCitation[]): Conflict[] {
  const dated = citations
    .filter((c) => c.citation.date?.valid)
    .map((c) => ({ id: c.citation.id, date: isoDate(c.citation.date!), item: c }));
  // Per document, the dates each sentence gives it: gathered only once a document is cited with a second date, which
  // most sheets never do.
  let places: Map<string, Map<string, Set<string>>> | undefined;
  const datesByPlace = () => {
    const byId = new Map<string, Map<string, Set<string>>>();
    for (const d of dated) {
      const byPlace = byId.get(d.id) ?? new Map<string, Set<string>>();
      byId.set(d.id, byPlace.set(d.item.place, (byPlace.get(d.item.place) ?? new Set<string>()).add(d.date)));
    }
    return byId;
  };
  const together = (id: string, a: string, b: string) =>
    [...(places ??= datesByPlace()).get(id)!.values()].some((dates) => dates.has(a) && dates.has(b));
  const seen = new Set<string>();
  return conflictsAmong(dated, together).filter(({ at }) => {
    const k = `${at.cell}\u0000${at.citation.id}\u0000${isoDate(at.citation.date!)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

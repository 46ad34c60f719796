/**
 * One number and symbol cited with two dates. Numbers restart every year, so "111/QĐ-VP ngày 31/8/2021 và 111/QĐ-VP
 * ngày 19/10/2022" in one sentence is two documents, said so by the writer; the same number with another date in
 * another place, never listed together, is one document cited wrongly in one of them.
 */
import { CellCitation } from './collect';

/**
 * Each item whose date differs from the first date its document is cited with, unless the text somewhere lists the
 * two dates together; `first` is where the first date was written. One result per item. `dateOf` gives an item's
 * valid date as ISO, undefined for an item with none.
 */
// Read through `idOf` and `dateOf` rather than a list of wrapped items, and by index: a long sheet has one citation a row.
export function conflictsAmong<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  dateOf: (item: T) => string | undefined,
  together: (id: string, a: string, b: string) => boolean,
): { at: T; first: T }[] {
  const firstOf = new Map<string, T>();
  const out: { at: T; first: T }[] = [];
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const date = dateOf(item);
    if (date === undefined) continue;
    const id = idOf(item);
    const first = firstOf.get(id);
    if (first === undefined) {
      firstOf.set(id, item);
      continue;
    }
    const firstDate = dateOf(first)!;
    if (date !== firstDate && !together(id, firstDate, date)) out.push({ at: item, first });
  }
  return out;
}

/** A citation whose date differs from the one its document was first cited with, `first`. */
export type Conflict = { at: CellCitation; first: CellCitation };

const validDate = (c: CellCitation) => (c.citation.date?.valid ? c.iso : undefined);
const idOf = (c: CellCitation) => c.citation.id;

/** The conflicts within one sheet; one per cell and date, so a cell that repeats itself is told once. */
export function sheetConflicts(citations: readonly CellCitation[]): Conflict[] {
  // Per document, the dates each sentence gives it: gathered only once a document is cited with a second date, which
  // most sheets never do.
  let places: Map<string, Map<number, Set<string>>> | undefined;
  const datesByPlace = () => {
    const byId = new Map<string, Map<number, Set<string>>>();
    for (const c of citations) {
      const date = validDate(c);
      if (date === undefined) continue;
      const byPlace = byId.get(c.citation.id) ?? new Map<number, Set<string>>();
      byId.set(c.citation.id, byPlace.set(c.place, (byPlace.get(c.place) ?? new Set<string>()).add(date)));
    }
    return byId;
  };
  const together = (id: string, a: string, b: string) =>
    [...(places ??= datesByPlace()).get(id)!.values()].some((dates) => dates.has(a) && dates.has(b));
  const seen = new Set<string>();
  return conflictsAmong(citations, idOf, validDate, together).filter(({ at }) => {
    const k = `${at.cell}\u0000${at.citation.id}\u0000${at.iso}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Citation conflicts across the sheets of one workbook, on the citations each sheet's check read (never on a
 * serialised report): a document cited with one date on one sheet and another date on a later sheet.
 */
import { Finding } from '../model';
import { citationConflict } from '../rules';
import { Say } from '../wording';
import { CellCitation, SheetEvidence } from './collect';
import { conflictsAmong } from './conflicts';

export interface SheetCitations {
  sheet: string;
  evidence: SheetEvidence;
  say: (criterion?: string) => Say;
}

interface Mention {
  sheet: number;
  at: CellCitation;
  date: string;
}

/** Per sheet: the findings to add, and the document ids that conflict with another sheet. */
export interface WorkbookConflicts {
  findings: Finding[][];
  conflicting: Set<string>[];
}

/**
 * A citation-conflict finding on the first cell of a sheet that cites a document with another date than an earlier
 * sheet does; conflicts inside one sheet are the sheet's own rule's. Sheets scoring different years are not held
 * together: numbers restart each year, so the same number may well name a different paper.
 */
export function workbookConflicts(sheets: readonly SheetCitations[]): WorkbookConflicts {
  const findings = sheets.map((): Finding[] => []);
  const conflicting = sheets.map(() => new Set<string>());
  const byYear = new Map<string, number[]>();
  sheets.forEach((s, i) => {
    const k = String(s.evidence.year ?? '?');
    byYear.set(k, [...(byYear.get(k) ?? []), i]);
  });
  for (const [year, members] of byYear) {
    // A sheet with no year is held against every other sheet.
    const group = year === '?' ? sheets.map((_, i) => i) : [...members, ...(byYear.get('?') ?? [])].sort((a, b) => a - b);
    if (group.length < 2) continue;
    const mentions: Mention[] = [];
    // Per document, the sets of dates each sentence gives it: two dates in one sentence are two documents.
    const listed = new Map<string, Set<string>[]>();
    for (const i of group) {
      const seen = new Set<string>();
      const bySentence = new Map<string, Set<string>>();
      for (const at of sheets[i].evidence.citations) {
        const { id, date } = at.citation;
        const iso = at.iso;
        if (!date?.valid || iso === undefined) continue;
        const k = `${id}\u0000${at.place}`;
        bySentence.set(k, (bySentence.get(k) ?? new Set()).add(iso));
        // One mention per sheet and document: the sheet's own first date; the sheet's own rule tells the rest.
        if (seen.has(id)) continue;
        seen.add(id);
        mentions.push({ sheet: i, at, date: iso });
      }
      for (const [k, dates] of bySentence) {
        const id = k.slice(0, k.indexOf('\u0000'));
        listed.set(id, [...(listed.get(id) ?? []), dates]);
      }
    }
    const together = (id: string, a: string, b: string) => (listed.get(id) ?? []).some((d) => d.has(a) && d.has(b));
    const found = conflictsAmong(
      mentions,
      (m) => m.at.citation.id,
      (m) => m.date,
      together,
    );
    for (const { at, first } of found) {
      if (at.sheet === first.sheet) continue;
      const f = citationConflict.finding(
        at.at,
        'otherSheet',
        {
          kind: at.at.citation.kind,
          key: at.at.citation.key,
          date: at.date,
          firstDate: first.date,
          where: first.at.cell,
          sheet: sheets[first.sheet].sheet,
        },
        sheets[at.sheet].say(at.at.criterion.id),
      );
      if (findings[at.sheet].some((g) => g.message === f.message)) continue;
      findings[at.sheet].push(f);
      conflicting[at.sheet].add(at.at.citation.id);
      conflicting[first.sheet].add(first.at.citation.id);
    }
  }
  return { findings, conflicting };
}

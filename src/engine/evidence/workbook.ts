/**
 * Citation conflicts across the sheets of one workbook. The add-in checks one sheet at a time; the CLI checks them
 * all, then asks here whether a document is cited with one date on one sheet and another date on another.
 */
import { parseA1 } from '../grid';
import { byFindingOrder, CitedDocument, Finding, SheetReport } from '../model';
import { planMarks } from '../plan';
import { citationConflict } from '../rules/citation-conflict';
import { finding } from '../rules/rule';
import { citationId } from './citations';
import { conflictsAmong } from './conflicts';
import { docDate, vnIsoDate as vn } from './dates';


interface Mention {
  sheet: number;
  doc: CitedDocument;
  cell: string;
  date: string;
}

function validIso(iso: string): boolean {
  const [y, m, d] = iso.split('-').map(Number);
  return docDate(d, m, y).valid;
}

/**
 * The reports again, with a citation-conflict finding on the first cell of a sheet that cites a document with another
 * date than an earlier sheet does. Conflicts inside one sheet are already there. Sheets scoring different years are
 * not held together: numbers restart each year, so the same number may well name a different paper.
 */
export function withWorkbookConflicts(reports: SheetReport[]): SheetReport[] {
  const added = new Map<number, Finding[]>();
  const conflicting = new Map<number, Set<string>>();
  const mark = (sheet: number, id: string) => conflicting.set(sheet, (conflicting.get(sheet) ?? new Set()).add(id));
  const byYear = new Map<string, number[]>();
  reports.forEach((r, i) => {
    const k = String(r.year ?? '?');
    byYear.set(k, [...(byYear.get(k) ?? []), i]);
  });
  for (const [year, sheets] of byYear) {
    // A sheet with no year is held against every other sheet.
    const group = year === '?' ? reports.map((_, i) => i) : [...sheets, ...(byYear.get('?') ?? [])].sort((a, b) => a - b);
    if (group.length < 2) continue;
    const mentions: Mention[] = [];
    for (const i of group) {
      const seen = new Set<string>();
      for (const doc of reports[i].documents) {
        for (const m of doc.mentions ?? []) {
          // One mention per sheet and document: the sheet's own first date; the sheet's own rule tells the rest.
          const id = citationId(doc.key);
          if (!m.date || !validIso(m.date) || seen.has(id)) continue;
          seen.add(id);
          mentions.push({ sheet: i, doc, cell: m.cell, date: m.date });
        }
      }
    }
    const together = (id: string, a: string, b: string) =>
      group.some((i) =>
        reports[i].documents.some(
          (d) => citationId(d.key) === id && (d.mentions ?? []).some((m) => (m.date === a && m.listedWith?.includes(b)) || (m.date === b && m.listedWith?.includes(a))),
        ),
      );
    const dated = mentions.map((m) => ({ id: citationId(m.doc.key), date: m.date, item: m }));
    for (const { at, first } of conflictsAmong(dated, together)) {
      if (at.sheet === first.sheet) continue;
      const { row, col } = parseA1(at.cell);
      const criterion = reports[at.sheet].criteria.find((c) => c.row === row || c.continuationRows.includes(row));
      const f = finding(citationConflict, row, col, criterion, {
        kind: at.doc.kind,
        key: at.doc.key,
        date: vn(at.date),
        where: `trang “${reports[first.sheet].sheet}”, ô ${first.cell}`,
        firstDate: vn(first.date),
      });
      if (added.get(at.sheet)?.some((g) => g.message === f.message)) continue;
      added.set(at.sheet, [...(added.get(at.sheet) ?? []), f]);
      mark(at.sheet, citationId(at.doc.key));
      mark(first.sheet, citationId(first.doc.key));
    }
  }
  return reports.map((r, i) => {
    const extra = added.get(i);
    if (!extra && !conflicting.has(i)) return r;
    const documents = r.documents.map((d) => (conflicting.get(i)?.has(citationId(d.key)) ? { ...d, conflict: true } : d));
    if (!extra) return { ...r, documents };
    const findings = [...r.findings, ...extra].sort(byFindingOrder);
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of findings) counts[f.severity]++;
    return { ...r, findings, counts, documents, plan: { ...r.plan, marks: planMarks(findings) } };
  });
}

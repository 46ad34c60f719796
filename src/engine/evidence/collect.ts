/** The citations of one sheet's evidence, each with the cell it is written in and the criterion it supports. */
import { CriteriaMap } from '../criteria';
import { a1, GridView } from '../grid';
import { CitedDocument, Criterion, scoreAndEvidenceColumns, TableLayout } from '../model';
import { yearOf } from '../title';
import { Citation, citationsIn, sentenceStarts } from './citations';
import { DocDate, isoDate } from './dates';
import { reportDateOf } from './period';

export interface CellCitation {
  citation: Citation;
  /** Where the number and symbol are written (absolute, 0-based) and its A1 address. */
  row: number;
  col: number;
  cell: string;
  criterion: Criterion;
  /** The sentence it stands in: one sentence may list two documents under one number ("111/QĐ-VP ngày … và 111/QĐ-VP ngày …"). */
  sentence: string;
  /** Tells sentences apart within the sheet. */
  place: string;
}

export interface SheetEvidence {
  citations: CellCitation[];
  /** The year being scored: the option, else the title's "NĂM 2022". */
  year?: number;
  /** The report's date from the title, when it gives one. */
  reportDate?: DocDate;
}

interface EvidenceInput {
  view: GridView;
  layout: TableLayout;
  map: CriteriaMap;
  options: { year?: number | null };
}

/**
 * A criterion's evidence, row by row, joined, so that a citation broken over two rows ("Kế hoạch số" | "2025/KH-VP
 * ngày …") reads whole; with its folded form and, in `segments`, the row, column, start and end of each cell's text
 * in it, four numbers a cell.
 */
// One flat list of numbers reused for every criterion, not an object per cell: a long sheet has one per row.
function evidenceText(view: GridView, cols: readonly number[], evidenceCol: number | undefined, c: Criterion, segments: number[]) {
  let text = '';
  let folded = '';
  segments.length = 0;
  for (let k = -1; k < c.continuationRows.length; k++) {
    const row = k < 0 ? c.row : c.continuationRows[k];
    for (const col of cols) {
      if (col !== evidenceCol && (typeof view.cell(row, col).value !== 'string' || view.score(row, col).kind !== 'text')) continue;
      const t = view.text(row, col);
      if (t === '') continue;
      // The folded text is built alongside, cell by cell: folding keeps lengths, so its offsets are the text's.
      if (text !== '') {
        text += ' ';
        folded += ' ';
      }
      segments.push(row, col, text.length, text.length + t.length);
      text += t;
      folded += view.folded(row, col);
    }
  }
  return { text, folded };
}

/** Reads the sheet's citations; checkSheet calls it once, and every evidence rule and the document index share them. */
export function sheetEvidence({ view, layout, map, options }: EvidenceInput): SheetEvidence {
  const citations: CellCitation[] = [];
  const cols = scoreAndEvidenceColumns(layout.columns);
  const segments: number[] = [];
  const found: Citation[] = [];
  for (const c of map.criteria) {
    const { text, folded } = evidenceText(view, cols, layout.columns.giaiTrinh, c, segments);
    if (text === '') continue;
    // The text is made of cleaned cell texts joined by single spaces: the parser's offsets and sentences are its own.
    const starts = sentenceStarts(text);
    found.length = 0;
    citationsIn(text, folded, starts, found);
    for (const citation of found) {
      let s = 0;
      while (s + 4 < segments.length && citation.start >= segments[s + 3]) s += 4; // the cell it starts in
      const row = segments[s];
      const col = segments[s + 1];
      citations.push({
        citation,
        row,
        col,
        cell: a1(row, col),
        criterion: c,
        sentence: text.slice(starts[citation.sentence], starts[citation.sentence + 1]).trim(),
        place: `${c.row}:${citation.sentence}`,
      });
    }
  }
  const year = options.year ?? yearOf(view, layout.headerRow);
  const reportDate = reportDateOf(view, layout.headerRow);
  return { citations, ...(year !== undefined ? { year } : {}), ...(reportDate ? { reportDate } : {}) };
}

/** The index of cited documents: one entry per number and symbol, in order of first citation. */
export function documentsOf(citations: CellCitation[], conflicting: Set<string> = new Set()): CitedDocument[] {
  // Each citation's ISO date and, for a dated one, its document-and-sentence key: read once, used twice below.
  const dates = citations.map((cc) => (cc.citation.date ? isoDate(cc.citation.date) : undefined));
  const places = citations.map((cc, k) => (dates[k] ? `${cc.citation.id}\u0000${cc.place}` : ''));
  // The dates each sentence gives each document: two dates in one sentence are two documents, listed together.
  const datesAt = new Map<string, string[]>();
  citations.forEach((_, k) => {
    const date = dates[k];
    if (!date) return;
    const list = datesAt.get(places[k]);
    if (list) list.push(date);
    else datesAt.set(places[k], [date]);
  });
  // Per document, its entry and what the loop remembers of it: one look-up a citation.
  const byId = new Map<string, { doc: CitedDocument; cells?: Set<string>; kindNamed: boolean }>();
  citations.forEach((cc, k) => {
    const c = cc.citation;
    const date = dates[k];
    // Most sentences give a document one date, its own: nothing listed with it, and no list to make.
    const given = date ? datesAt.get(places[k])! : undefined;
    const listedWith = given && given.length > 1 ? [...new Set(given.filter((d) => d !== date))] : [];
    const mention: NonNullable<CitedDocument['mentions']>[number] = { cell: cc.cell };
    if (date) mention.date = date;
    if (listedWith.length > 0) mention.listedWith = listedWith;
    let entry = byId.get(c.id);
    if (!entry) {
      // Most documents are cited once: their lists are made with their one element, not grown from empty.
      const doc: CitedDocument = { key: c.key, kind: c.kind, dates: date ? [date] : [], cells: [cc.cell], mentions: [mention] };
      if (c.issuer) doc.issuer = c.issuer;
      if (conflicting.has(c.id)) doc.conflict = true;
      byId.set(c.id, { doc, kindNamed: c.kindNamed });
      return;
    }
    const doc = entry.doc;
    if (c.kindNamed && !entry.kindNamed) doc.kind = c.kind; // a kind named in the text beats one read from the symbol
    if (c.kindNamed) entry.kindNamed = true;
    if (c.issuer && !doc.issuer) doc.issuer = c.issuer;
    if (date && !doc.dates.includes(date)) doc.dates.push(date);
    // A document cited in many cells costs no quadratic search.
    entry.cells ??= new Set(doc.cells);
    if (!entry.cells.has(cc.cell)) {
      entry.cells.add(cc.cell);
      doc.cells.push(cc.cell);
    }
    doc.mentions!.push(mention);
    if (conflicting.has(c.id)) doc.conflict = true;
  });
  return [...byId.values()].map((e) => e.doc);
}

/** The citations of one sheet's evidence, each with the cell it is written in and the criterion it supports. */
import { CriteriaMap } from '../criteria';
import { a1, GridView } from '../grid';
import { CitedDocument, Criterion, SCORE_COLUMNS, TableLayout } from '../model';
import { readScore } from '../numbers';
import { yearOf } from '../title';
import { cellText } from '../text';
import { Citation, parseCitations, sentenceStarts } from './citations';
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

/** A criterion's evidence text, with where each cell's text starts and ends in it. */
interface Segment {
  row: number;
  col: number;
  start: number;
  end: number;
}

/**
 * The evidence cells of a criterion, row by row: the evidence column, and text in score columns, because evidence
 * that slid one column left (a PDF conversion does this) still cites documents. Joined, so that a citation broken
 * over two rows ("Kế hoạch số" | "2025/KH-VP ngày …") reads whole.
 */
function evidenceText(view: GridView, layout: TableLayout, c: Criterion): { text: string; segments: Segment[] } {
  const cols = [...SCORE_COLUMNS.map((s) => layout.columns[s]), layout.columns.giaiTrinh]
    .filter((x): x is number => x !== undefined)
    .sort((a, b) => a - b);
  let text = '';
  const segments: Segment[] = [];
  for (const row of [c.row, ...c.continuationRows]) {
    for (const col of cols) {
      const cell = view.cell(row, col);
      if (col !== layout.columns.giaiTrinh && (typeof cell.value !== 'string' || readScore(cell.value).kind !== 'text')) continue;
      const t = cellText(cell.value, cell.text);
      if (t === '') continue;
      if (text !== '') text += ' ';
      segments.push({ row, col, start: text.length, end: text.length + t.length });
      text += t;
    }
  }
  return { text, segments };
}

/** Reads the sheet's citations; checkSheet calls it once, and every evidence rule and the document index share them. */
export function sheetEvidence({ view, layout, map, options }: EvidenceInput): SheetEvidence {
  const citations: CellCitation[] = [];
  for (const c of map.criteria) {
    const { text, segments } = evidenceText(view, layout, c);
    if (text === '') continue;
    // The text is made of cleaned cell texts joined by single spaces: the parser's offsets and sentences are its own.
    const starts = sentenceStarts(text);
    for (const citation of parseCitations(text)) {
      const seg = segments.find((s) => citation.start >= s.start && citation.start < s.end) ?? segments[0];
      const sentence = { index: citation.sentence, text: text.slice(starts[citation.sentence], starts[citation.sentence + 1]).trim() };
      citations.push({
        citation,
        row: seg.row,
        col: seg.col,
        cell: a1(seg.row, seg.col),
        criterion: c,
        sentence: sentence.text,
        place: `${c.row}:${sentence.index}`,
      });
    }
  }
  const year = options.year ?? yearOf(view, layout.headerRow);
  const reportDate = reportDateOf(view, layout.headerRow);
  return { citations, ...(year !== undefined ? { year } : {}), ...(reportDate ? { reportDate } : {}) };
}

/** The index of cited documents: one entry per number and symbol, in order of first citation. */
export function documentsOf(citations: CellCitation[], conflicting: Set<string> = new Set()): CitedDocument[] {
  // The dates each sentence gives each document: two dates in one sentence are two documents, listed together.
  const datesAt = new Map<string, string[]>();
  const placeKey = (cc: CellCitation) => `${cc.citation.id}\u0000${cc.place}`;
  for (const cc of citations) {
    if (!cc.citation.date) continue;
    const list = datesAt.get(placeKey(cc)) ?? [];
    list.push(isoDate(cc.citation.date));
    datesAt.set(placeKey(cc), list);
  }
  const byId = new Map<string, CitedDocument>();
  const cellsOf = new Map<CitedDocument, Set<string>>(); // a document cited in many cells costs no quadratic search
  const kindNamed = new Set<string>();
  for (const cc of citations) {
    const c = cc.citation;
    let doc = byId.get(c.id);
    if (!doc) {
      doc = { key: c.key, kind: c.kind, dates: [], cells: [], mentions: [] };
      byId.set(c.id, doc);
    } else if (c.kindNamed && !kindNamed.has(c.id)) {
      doc.kind = c.kind; // a kind named in the text beats one read from the symbol
    }
    if (c.kindNamed) kindNamed.add(c.id);
    if (c.issuer && !doc.issuer) doc.issuer = c.issuer;
    const date = c.date ? isoDate(c.date) : undefined;
    if (date && !doc.dates.includes(date)) doc.dates.push(date);
    const cells = cellsOf.get(doc) ?? cellsOf.set(doc, new Set()).get(doc)!;
    if (!cells.has(cc.cell)) {
      cells.add(cc.cell);
      doc.cells.push(cc.cell);
    }
    const listedWith = date ? [...new Set((datesAt.get(placeKey(cc)) ?? []).filter((d) => d !== date))] : [];
    doc.mentions!.push({ cell: cc.cell, ...(date ? { date } : {}), ...(listedWith.length > 0 ? { listedWith } : {}) });
    if (conflicting.has(c.id)) doc.conflict = true;
  }
  return [...byId.values()];
}

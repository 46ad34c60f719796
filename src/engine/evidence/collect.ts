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
  /** Tells sentences apart within the sheet: the sentence's ordinal among all the sheet's evidence sentences. */
  place: number;
  /** The citation's date as ISO, valid or not (what the document index lists), read once for the index and the conflicts. */
  iso: string | undefined;
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
// One reader, its fields and flat list of numbers reused for every criterion rather than objects per criterion and
// cell: a long sheet has one criterion per row.
class EvidenceReader {
  text = '';
  folded = '';
  readonly segments: number[] = [];
  /** How many cells `segments` holds for this criterion: kept apart, as `length = 0` would drop the list's storage. */
  cells = 0;

  constructor(
    private readonly view: GridView,
    private readonly cols: readonly number[],
    private readonly evidenceCol: number | undefined,
  ) {}

  /** Reads `c`'s evidence into `text`, `folded` and `segments`; false when it has none. */
  read(c: Criterion): boolean {
    const { view, cols, evidenceCol, segments } = this;
    let text = '';
    let folded = '';
    let cells = 0;
    // Loops by index: the reader runs once a criterion, where an iterator object each time adds up.
    for (let k = -1; k < c.continuationRows.length; k++) {
      const row = k < 0 ? c.row : c.continuationRows[k];
      for (let j = 0; j < cols.length; j++) {
        const col = cols[j];
        if (col !== evidenceCol && (typeof view.cell(row, col).value !== 'string' || view.score(row, col).kind !== 'text')) continue;
        const t = view.text(row, col);
        if (t === '') continue;
        const at = text === '' ? 0 : text.length + 1; // after the joining space
        segments[4 * cells] = row;
        segments[4 * cells + 1] = col;
        segments[4 * cells + 2] = at;
        segments[4 * cells + 3] = at + t.length;
        cells++;
        // Most criteria have one cell of evidence: its memoised texts are used as they are, joined to nothing.
        // The folded text is built alongside, cell by cell: folding keeps lengths, so its offsets are the text's.
        if (text === '') {
          text = t;
          folded = view.folded(row, col);
        } else {
          text = `${text} ${t}`;
          folded = `${folded} ${view.folded(row, col)}`;
        }
      }
    }
    this.text = text;
    this.folded = folded;
    this.cells = cells;
    return text !== '';
  }
}

/** Reads the sheet's citations; checkSheet calls it once, and every evidence rule and the document index share them. */
export function sheetEvidence({ view, layout, map, options }: EvidenceInput): SheetEvidence {
  const citations: CellCitation[] = [];
  const reader = new EvidenceReader(view, scoreAndEvidenceColumns(layout.columns), layout.columns.giaiTrinh);
  const { segments } = reader;
  const starts: number[] = [];
  // Every citation of the sheet, each criterion's added at the end: one list, not one emptied and grown again a row.
  const found: Citation[] = [];
  let sentencesBefore = 0; // in the criteria read so far
  for (let i = 0; i < map.criteria.length; i++) {
    const c = map.criteria[i];
    if (!reader.read(c)) continue;
    const { text, folded } = reader;
    // The text is made of cleaned cell texts joined by single spaces: the parser's offsets and sentences are its own.
    sentenceStarts(text, starts);
    const before = found.length;
    citationsIn(text, folded, starts, found);
    for (let k = before; k < found.length; k++) {
      const citation = found[k];
      let s = 0;
      while (s + 4 < 4 * reader.cells && citation.start >= segments[s + 3]) s += 4; // the cell it starts in
      const row = segments[s];
      const col = segments[s + 1];
      citations.push({
        citation,
        row,
        col,
        cell: a1(row, col),
        criterion: c,
        sentence: text.slice(starts[citation.sentence], starts[citation.sentence + 1]).trim(),
        place: sentencesBefore + citation.sentence,
        iso: citation.date ? isoDate(citation.date) : undefined,
      });
    }
    sentencesBefore += starts.length;
  }
  const year = options.year ?? yearOf(view, layout.headerRow);
  const reportDate = reportDateOf(view, layout.headerRow);
  return { citations, ...(year !== undefined ? { year } : {}), ...(reportDate ? { reportDate } : {}) };
}

/** Other dates the sentence `citations[from, to)` gives the document of `citations[k]`: two documents under one number. */
function listedWith(citations: readonly CellCitation[], from: number, to: number, k: number): string[] {
  const { id } = citations[k].citation;
  const own = citations[k].iso;
  const out: string[] = [];
  for (let j = from; j < to; j++) {
    const date = citations[j].iso;
    if (date && date !== own && citations[j].citation.id === id && !out.includes(date)) out.push(date);
  }
  return out;
}

/**
 * The index of cited documents: one entry per number and symbol, in order of first citation. `citations` come as
 * `sheetEvidence` reads them, sentence by sentence, so one sentence's citations stand together.
 */
// Loops and parallel arrays rather than callbacks and an object per document: a long sheet cites one document a row.
export function documentsOf(citations: readonly CellCitation[], conflicting: ReadonlySet<string> = new Set()): CitedDocument[] {
  const docs: CitedDocument[] = [];
  // Per document: its place in `docs`, whether its kind was named in the text, and its cells as a set once it has two.
  const indexOf = new Map<string, number>();
  const kindNamed: boolean[] = [];
  const cellSets: (Set<string> | undefined)[] = [];
  for (let from = 0; from < citations.length;) {
    let to = from + 1;
    while (to < citations.length && citations[to].place === citations[from].place) to++;
    for (let k = from; k < to; k++) {
      const cc = citations[k];
      const c = cc.citation;
      const date = cc.iso;
      // Most sentences cite one document: nothing listed with it, and nothing to look for. Each mention is made whole
      // rather than grown field by field: a field added later is kept apart from the object.
      const others = date && to - from > 1 ? listedWith(citations, from, to, k) : undefined;
      const mention: NonNullable<CitedDocument['mentions']>[number] = !date
        ? { cell: cc.cell }
        : others === undefined || others.length === 0
          ? { cell: cc.cell, date }
          : { cell: cc.cell, date, listedWith: others };
      const i = indexOf.get(c.id);
      if (i === undefined) {
        // Most documents are cited once: their lists are made with their one element, not grown from empty.
        const doc: CitedDocument = { key: c.key, kind: c.kind, dates: date ? [date] : [], cells: [cc.cell], mentions: [mention] };
        if (c.issuer) doc.issuer = c.issuer;
        if (conflicting.has(c.id)) doc.conflict = true;
        indexOf.set(c.id, docs.length);
        docs.push(doc);
        kindNamed.push(c.kindNamed);
        cellSets.push(undefined);
        continue;
      }
      const doc = docs[i];
      if (c.kindNamed && !kindNamed[i]) {
        doc.kind = c.kind; // a kind named in the text beats one read from the symbol
        kindNamed[i] = true;
      }
      if (c.issuer && !doc.issuer) doc.issuer = c.issuer;
      if (date && !doc.dates.includes(date)) doc.dates.push(date);
      // A document cited in many cells costs no quadratic search.
      const cells = (cellSets[i] ??= new Set(doc.cells));
      if (!cells.has(cc.cell)) {
        cells.add(cc.cell);
        doc.cells.push(cc.cell);
      }
      doc.mentions!.push(mention);
      if (conflicting.has(c.id)) doc.conflict = true;
    }
    from = to;
  }
  return docs;
}

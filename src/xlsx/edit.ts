/**
 * `thidua fix` on the package itself: the plan of each checked sheet applied to that sheet's XML, styles.xml, the
 * sheet's notes and VML drawing, and the relationships and content types they need; stale cached results dropped
 * (any sheet) and the workbook told to recalculate on load. Every other part is copied byte for byte.
 */
import { CellMark, CellWrite } from '../engine';
import { XlsxBook } from './book';
import { FILL, noteText } from './marks';
import { CommentsEditor, VmlEditor, vmlBlocks } from './notes';
import { CONTENT_TYPE, NS, relativeTarget, REL_TYPE } from './package';
import { SheetXml } from './sheet-edit';
import { staleFormulas } from './stale';
import { StylesEditor } from './styles';
import { applySplices, decodeXml, Splice, startTag, walkXml, XML_DECL, XmlElement } from './xml';
import { ZipOut } from './zip';

export interface SheetPlan {
  sheet: string;
  writes: CellWrite[];
  marks: CellMark[];
}

/** What the fix changed, for the tests and the user's summary. */
export interface EditSummary {
  /** Part names whose bytes differ from the input's, new parts included. */
  changed: string[];
  added: string[];
  removed: string[];
  /** Formulas elsewhere whose cached result was dropped (they read a written total). */
  stale: number;
  /** Notes left as they were: the cell's note belongs to a threaded comment. */
  notesKept: string[];
}

/** Refused edits: the CLI words them (a Strict file, a workbook without styles). */
export class EditRefusal extends Error {
  constructor(readonly reason: 'strict' | 'no-styles' | 'vml') {
    super(reason);
  }
}

/** Elements after <calcPr> in workbook.xml (ECMA-376 Part 1, CT_Workbook). */
const AFTER_CALC_PR = [
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

/** Edits of XML parts, as text; encoded back as the part was (UTF-8 unless it was UTF-16). */
class Parts {
  readonly texts = new Map<string, string>();
  readonly removed = new Set<string>();
  constructor(private readonly book: XlsxBook) {}

  get(part: string): string {
    const t = this.texts.get(this.book.pkg.entry(part)?.name ?? part);
    if (t !== undefined) return t;
    return this.book.pkg.text(part);
  }

  /** Keyed by the zip entry's own spelling, since part names match case-insensitively. */
  set(part: string, text: string): void {
    this.texts.set(this.book.pkg.entry(part)?.name ?? part, text);
  }

  exists(part: string): boolean {
    return !this.removed.has(part) && (this.texts.has(part) || this.book.pkg.has(part));
  }
}

function rootOf(xml: string): { root: XmlElement; children: XmlElement[] } {
  let root: XmlElement | undefined;
  const children: XmlElement[] = [];
  walkXml(xml, {
    open: (el, stack) => {
      if (stack.length === 1) root = el;
      if (stack.length === 2) children.push(el);
    },
  });
  return { root: root!, children };
}

/** Appends to the end of the root element (turning a self-closing root into an open one). */
function appendToRoot(xml: string, text: string): string {
  const { root } = rootOf(xml);
  if (root.selfClosing)
    return applySplices(xml, [{ from: root.start, to: root.end, text: `${startTag(root.name, root.attrs)}${text}</${root.name}>` }]);
  return applySplices(xml, [{ from: root.closeStart, to: root.closeStart, text }]);
}

/** Adds a relationship to `source`'s rels part (made when missing); returns its new Id. */
function addRelationship(parts: Parts, book: XlsxBook, source: string, type: string, target: string): string {
  const relsPart = book.pkg.relsPartOf(source);
  const xml = parts.exists(relsPart) ? parts.get(relsPart) : `${XML_DECL}<Relationships xmlns="${NS.pkgRel}"></Relationships>`;
  const ids = new Set<string>();
  walkXml(xml, { open: (el) => el.local === 'Relationship' && el.attrs.Id && ids.add(el.attrs.Id) });
  let n = ids.size + 1;
  while (ids.has(`rId${n}`)) n++;
  const id = `rId${n}`;
  parts.set(relsPart, appendToRoot(xml, startTag('Relationship', { Id: id, Type: type, Target: relativeTarget(source, target) }, true)));
  return id;
}

function removeRelationshipsTo(parts: Parts, book: XlsxBook, source: string, target: string): void {
  const relsPart = book.pkg.relsPartOf(source);
  if (!parts.exists(relsPart)) return;
  const xml = parts.get(relsPart);
  const splices: Splice[] = [];
  for (const r of book.pkg.rels(source)) {
    if (r.part !== target) continue;
    walkXml(xml, {
      open: (el) => el.local === 'Relationship' && el.attrs.Id === r.id && splices.push({ from: el.start, to: el.end, text: '' }),
    });
  }
  parts.set(relsPart, applySplices(xml, splices));
}

/** [Content_Types].xml: an Override for each new part, a Default for the .vml extension; removed parts' Overrides go. */
function editContentTypes(parts: Parts, overrides: { part: string; type: string }[], needVml: boolean, removed: string[]): void {
  const name = '[Content_Types].xml';
  const xml = parts.get(name);
  const defaults = new Set<string>();
  const overridden = new Map<string, XmlElement>();
  walkXml(xml, {
    open: (el) => {
      if (el.local === 'Default') defaults.add((el.attrs.Extension ?? '').toLowerCase());
      if (el.local === 'Override') overridden.set((el.attrs.PartName ?? '').toLowerCase(), el);
    },
  });
  const added: string[] = [];
  if (needVml && !defaults.has('vml')) added.push(startTag('Default', { Extension: 'vml', ContentType: CONTENT_TYPE.vml }, true));
  for (const o of overrides)
    if (!overridden.has(`/${o.part}`.toLowerCase()))
      added.push(startTag('Override', { PartName: `/${o.part}`, ContentType: o.type }, true));
  const splices: Splice[] = removed.flatMap((p) => {
    const el = overridden.get(`/${p}`.toLowerCase());
    return el ? [{ from: el.start, to: el.end, text: '' }] : [];
  });
  if (added.length === 0 && splices.length === 0) return;
  const { root } = rootOf(xml);
  splices.push({ from: root.closeStart, to: root.closeStart, text: added.join('') });
  parts.set(name, applySplices(xml, splices));
}

/** A part name not yet in the package: xl/comments3.xml after comments1 and comments2. */
function freeName(parts: Parts, pattern: (n: number) => string): string {
  for (let n = 1; ; n++) if (!parts.exists(pattern(n))) return pattern(n);
}

/** Applies the plans; returns the zip's parts in order (kept ones by reference) and what changed. */
export function editPackage(book: XlsxBook, plans: SheetPlan[]): { parts: ZipOut[]; summary: EditSummary } {
  const pkg = book.pkg;
  if (pkg.isStrict()) throw new EditRefusal('strict');
  const parts = new Parts(book);
  const added: string[] = [];
  const overrides: { part: string; type: string }[] = [];
  const notesKept: string[] = [];

  // Stale results anywhere in the workbook.
  const written = new Map(plans.map((p) => [p.sheet, p.writes.map((w) => ({ row: w.row, col: w.col }))]));
  const anyWrite = plans.some((p) => p.writes.length > 0);
  const stale = anyWrite
    ? staleFormulas(
        written,
        book.formulas(),
        book.definedNames(),
        book.tables(plans.filter((p) => p.writes.length > 0).map((p) => p.sheet)),
      )
    : new Map<string, Set<string>>();
  const staleCount = [...stale.values()].reduce((n, s) => n + s.size, 0);

  const stylesPart = pkg.related(book.workbookPart, REL_TYPE.styles)?.part;
  const styles = stylesPart && pkg.has(stylesPart) ? new StylesEditor(pkg.text(stylesPart)) : undefined;
  if (plans.some((p) => p.marks.length > 0) && !styles?.usable) throw new EditRefusal('no-styles');

  let nextBlock: number | undefined;
  const newBlock = () => {
    nextBlock ??=
      Math.max(
        0,
        ...pkg.entries.filter((e) => e.name.toLowerCase().endsWith('.vml')).flatMap((e) => vmlBlocks(decodeXml(pkg.bytes(e.name)))),
      ) + 1;
    return nextBlock++;
  };

  let removesFormula = false;
  const sheetsTouched = new Set([
    ...plans.map((p) => p.sheet),
    ...book.sheets.filter((s) => stale.has(s.name.toLowerCase())).map((s) => s.name),
  ]);
  for (const name of sheetsTouched) {
    const entry = book.sheet(name);
    if (!entry?.part) continue;
    const sheetPart = entry.part;
    const plan = plans.find((p) => p.sheet === name) ?? { sheet: name, writes: [], marks: [] };
    const staleHere = stale.get(name.toLowerCase()) ?? new Set<string>();
    const interest = new Set([...plan.writes, ...plan.marks].map((c) => `${c.row},${c.col}`).concat([...staleHere]));
    const sheet = new SheetXml(pkg.text(sheetPart), interest);
    const marks = plan.marks;
    const styleMap = new Map<string, number>();
    for (const m of marks) styleMap.set(`${m.row},${m.col}`, styles!.withFill(sheet.styleOf(m.row, m.col), FILL[m.severity]));
    for (const w of plan.writes) if (!w.formula && sheet.hasFormula(w.row, w.col)) removesFormula = true;

    // Notes: extend the sheet's comments part and VML drawing, or make them.
    let legacyDrawingId: string | undefined;
    if (marks.length > 0) {
      const commentsRel = pkg.related(sheetPart, REL_TYPE.comments);
      const commentsPart =
        commentsRel?.part && pkg.has(commentsRel.part) ? commentsRel.part : freeName(parts, (n) => `xl/comments${n}.xml`);
      const vmlRel = sheet.legacyDrawing ? pkg.rels(sheetPart).find((r) => r.id === sheet.legacyDrawing) : undefined;
      const vmlPart = vmlRel?.part && pkg.has(vmlRel.part) ? vmlRel.part : freeName(parts, (n) => `xl/drawings/vmlDrawing${n}.vml`);
      const comments = new CommentsEditor(pkg.has(commentsPart) ? pkg.text(commentsPart) : undefined);
      let vml: VmlEditor;
      try {
        vml = new VmlEditor(pkg.has(vmlPart) ? pkg.text(vmlPart) : undefined, pkg.has(vmlPart) ? 0 : newBlock());
      } catch {
        throw new EditRefusal('vml');
      }
      for (const m of marks) {
        const ref = m.cell.replace(/\$/g, '');
        const how = comments.note(ref, noteText(m));
        if (how === 'kept') notesKept.push(`${name}!${ref}`);
        else if (!vml.has(m.row, m.col)) vml.add(m.row, m.col);
      }
      if (!pkg.has(commentsPart)) {
        added.push(commentsPart);
        overrides.push({ part: commentsPart, type: CONTENT_TYPE.comments });
        addRelationship(parts, book, sheetPart, REL_TYPE.comments, commentsPart);
      }
      if (!pkg.has(vmlPart)) {
        added.push(vmlPart);
        legacyDrawingId = addRelationship(parts, book, sheetPart, REL_TYPE.vmlDrawing, vmlPart);
      }
      parts.set(commentsPart, comments.result());
      parts.set(vmlPart, vml.result());
    }

    const writes = plan.writes.map((w) => ({
      row: w.row,
      col: w.col,
      value: w.value,
      ...(w.formula ? { formula: w.formula.replace(/^=/, '') } : {}),
    }));
    parts.set(sheetPart, sheet.edit(writes, styleMap, staleHere, legacyDrawingId));
  }
  if (styles && stylesPart) parts.set(stylesPart, styles.result());

  // Fresh results on load: Excel and LibreOffice both recalculate a workbook marked fullCalcOnLoad.
  if (staleCount > 0) {
    const xml = parts.get(book.workbookPart);
    const { root, children } = rootOf(xml);
    const calcPr = children.find((c) => c.local === 'calcPr');
    const q = root.prefix ? `${root.prefix}:calcPr` : 'calcPr';
    let splice: Splice;
    if (calcPr)
      splice = {
        from: calcPr.start,
        to: calcPr.openEnd,
        text: startTag(calcPr.name, { ...calcPr.attrs, fullCalcOnLoad: '1' }, calcPr.selfClosing),
      };
    else {
      const after = children.find((c) => AFTER_CALC_PR.includes(c.local));
      const at = after ? after.start : root.closeStart;
      splice = { from: at, to: at, text: startTag(q, { fullCalcOnLoad: '1' }, true) };
    }
    parts.set(book.workbookPart, applySplices(xml, [splice]));
  }

  // A formula replaced by a value: Excel's calculation chain would name a cell without a formula (a repair prompt), so
  // the chain goes; Excel rebuilds it.
  const removed: string[] = [];
  const chain = pkg.related(book.workbookPart, REL_TYPE.calcChain)?.part;
  if (removesFormula && chain && pkg.has(chain)) {
    removed.push(chain);
    parts.removed.add(chain);
    removeRelationshipsTo(parts, book, book.workbookPart, chain);
  }
  editContentTypes(
    parts,
    overrides,
    added.some((p) => p.endsWith('.vml')),
    removed,
  );

  // The zip: every input entry in its place (kept byte for byte unless edited), new parts at the end.
  const out: ZipOut[] = [];
  const changed: string[] = [];
  for (const e of pkg.entries) {
    if (parts.removed.has(e.name)) continue;
    const text = parts.texts.get(e.name);
    if (text === undefined) {
      out.push({ kept: e });
      continue;
    }
    const original = pkg.bytes(e.name);
    const bytes = original[0] === 0xff && original[1] === 0xfe ? Buffer.from(text, 'utf16le') : Buffer.from(text, 'utf8');
    if (bytes.equals(original)) out.push({ kept: e });
    else {
      out.push({ name: e.name, bytes, like: e });
      changed.push(e.name);
    }
  }
  for (const [name, text] of parts.texts) {
    if (pkg.has(name)) continue;
    out.push({ name, bytes: Buffer.from(text, 'utf8') });
    changed.push(name);
    if (!added.includes(name)) added.push(name);
  }
  return { parts: out, summary: { changed, added, removed, stale: staleCount, notesKept } };
}

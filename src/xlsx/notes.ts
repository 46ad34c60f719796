/**
 * Notes (legacy comments) for marked cells: the sheet's comments part and the VML drawing that shows them, extended
 * or made. A cell's own note is kept, ours goes below it; a note of ours from an earlier fix is replaced. A note that
 * is the fallback of a threaded comment (author "tc={…}") is left alone: Excel shows the thread, not this text.
 */
import { NOTE_HEAD } from '../engine';
import { NS } from './package';
import { applySplices, escapeText, qualified, Splice, startTag, walkXml, XML_DECL, XmlElement } from './xml';

/** The first line of every note thidua writes: how a later fix knows its own notes. */
export { NOTE_HEAD };
const AUTHOR = 'thidua';

interface ExistingComment {
  el: XmlElement;
  text?: XmlElement;
  /** The direct <t> of a plain note, and the last run of a rich one. */
  plainT?: XmlElement;
  lastRun?: XmlElement;
  content: string[];
  author: string;
}

export class CommentsEditor {
  private readonly xml: string;
  private readonly authors: string[] = [];
  private authorsEl?: XmlElement;
  private listEl?: XmlElement;
  private root?: XmlElement;
  private readonly byRef = new Map<string, ExistingComment>();
  private readonly splices: Splice[] = [];
  private readonly appended: string[] = [];
  private ourAuthor = -1;

  constructor(xml: string | undefined) {
    this.xml = xml ?? `${XML_DECL}<comments xmlns="${NS.main}"><authors></authors><commentList></commentList></comments>`;
    let current: ExistingComment | undefined;
    walkXml(this.xml, {
      open: (el, stack) => {
        if (stack.length === 1) this.root = el;
        if (el.local === 'authors') this.authorsEl = el;
        if (el.local === 'commentList') this.listEl = el;
        if (el.local === 'comment') {
          current = { el, content: [], author: '' };
          this.byRef.set((el.attrs.ref ?? '').toUpperCase(), current);
        }
        if (!current) return;
        const parent = stack[stack.length - 2];
        if (el.local === 'text' && parent.local === 'comment') current.text = el;
        if (el.local === 't' && parent.local === 'text') current.plainT = el;
        if (el.local === 'r' && parent.local === 'text') current.lastRun = el;
      },
      close: (el) => {
        if (el.local === 'comment') current = undefined;
      },
      text: (t, stack) => {
        const el = stack[stack.length - 1];
        if (el.local === 'author') this.authors.push(t);
        else if (current && el.local === 't' && !stack.some((s) => s.local === 'rPh')) current.content.push(t);
      },
    });
    for (const c of this.byRef.values()) c.author = this.authors[Number(c.el.attrs.authorId ?? 0)] ?? '';
  }

  /** Whether the cell has a note already (so its VML shape exists). */
  has(ref: string): boolean {
    return this.byRef.has(ref.toUpperCase());
  }

  private author(): number {
    if (this.ourAuthor >= 0) return this.ourAuthor;
    const known = this.authors.indexOf(AUTHOR);
    if (known >= 0) return (this.ourAuthor = known);
    const a = this.authorsEl!;
    const tag = `<${qualified(a, 'author')}>${AUTHOR}</${qualified(a, 'author')}>`;
    if (a.selfClosing) this.splices.push({ from: a.start, to: a.end, text: `<${a.name}>${tag}</${a.name}>` });
    else this.splices.push({ from: a.closeStart, to: a.closeStart, text: tag });
    return (this.ourAuthor = this.authors.length);
  }

  /** Puts `ours` on the cell: added, below the user's note, or over an earlier one of ours. Returns whether it did. */
  note(ref: string, ours: string): 'added' | 'extended' | 'kept' {
    const q = (local: string) => qualified(this.root!, local);
    const t = (s: string) => `${startTag(q('t'), { 'xml:space': 'preserve' })}${escapeText(s)}</${q('t')}>`;
    const existing = this.byRef.get(ref.toUpperCase());
    // As Excel writes its own notes: one run in its note font (some readers take a note's text from runs only).
    const run = (s: string) =>
      `<${q('r')}><${q('rPr')}>${startTag(q('sz'), { val: '9' }, true)}${startTag(q('rFont'), { val: 'Tahoma' }, true)}${startTag(q('family'), { val: '2' }, true)}</${q('rPr')}>${t(s)}</${q('r')}>`;
    const fresh = () =>
      `${startTag(q('comment'), { ref, authorId: String(this.author()) })}<${q('text')}>${run(ours)}</${q('text')}></${q('comment')}>`;
    if (!existing) {
      this.appended.push(fresh());
      return 'added';
    }
    if (existing.author.startsWith('tc=') || !existing.text) return 'kept';
    const text = existing.content.join('');
    if (text.startsWith(NOTE_HEAD)) {
      this.splices.push({ from: existing.el.start, to: existing.el.end, text: fresh() });
      return 'added';
    }
    const more = `\n\n${ours}`;
    if (existing.lastRun) {
      const run = existing.lastRun;
      const rq = (local: string) => qualified(run, local);
      this.splices.push({
        from: run.end,
        to: run.end,
        text: `<${rq('r')}>${startTag(rq('t'), { 'xml:space': 'preserve' })}${escapeText(more)}</${rq('t')}></${rq('r')}>`,
      });
    } else if (existing.plainT) {
      const el = existing.plainT;
      this.splices.push({
        from: el.start,
        to: el.end,
        text: `${startTag(el.name, { ...el.attrs, 'xml:space': 'preserve' })}${escapeText(text + more)}</${el.name}>`,
      });
    } else {
      const el = existing.text;
      this.splices.push({ from: el.closeStart, to: el.closeStart, text: t(text + more) });
    }
    return 'extended';
  }

  result(): string {
    const list = this.listEl!;
    const splices = [...this.splices];
    if (this.appended.length > 0) {
      if (list.selfClosing)
        splices.push({ from: list.start, to: list.end, text: `<${list.name}>${this.appended.join('')}</${list.name}>` });
      else splices.push({ from: list.closeStart, to: list.closeStart, text: this.appended.join('') });
    }
    return applySplices(this.xml, splices);
  }
}

const VML = {
  v: 'urn:schemas-microsoft-com:vml',
  o: 'urn:schemas-microsoft-com:office:office',
  x: 'urn:schemas-microsoft-com:office:excel',
};

/** The block of shape ids a VML drawing claims (<o:idmap data="1">); new drawings take the next free one. */
export function vmlBlocks(xml: string): number[] {
  const blocks: number[] = [];
  walkXml(xml, {
    open: (el) => {
      if (el.local === 'idmap' && el.uri === VML.o)
        for (const d of (el.attrs.data ?? '').split(',')) if (/^\d+$/.test(d.trim())) blocks.push(Number(d));
    },
  });
  return blocks;
}

/** A VML drawing for notes: shapes added for cells that get a note and have none. */
export class VmlEditor {
  private readonly xml: string;
  private root?: XmlElement;
  private hasNoteType = false;
  private maxShape: number;
  private readonly cells = new Set<string>();
  private readonly added: string[] = [];
  private prefix: Record<keyof typeof VML, string> = { v: 'v', o: 'o', x: 'x' };

  constructor(xml: string | undefined, block: number) {
    this.xml =
      xml ??
      `<xml xmlns:v="${VML.v}" xmlns:o="${VML.o}" xmlns:x="${VML.x}"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout></xml>`;
    this.maxShape = block * 1024;
    let row: string[] | undefined;
    let col: string[] | undefined;
    walkXml(this.xml, {
      open: (el, stack) => {
        if (stack.length === 1) {
          this.root = el;
          for (const [k, v] of Object.entries(el.attrs)) {
            const key = (Object.keys(VML) as (keyof typeof VML)[]).find((p) => VML[p] === v);
            if (key && k.startsWith('xmlns:')) this.prefix[key] = k.slice(6);
          }
        }
        if (el.local === 'shapetype' && el.attrs.id === '_x0000_t202') this.hasNoteType = true;
        if (el.local === 'idmap')
          for (const d of (el.attrs.data ?? '').split(','))
            if (/^\d+$/.test(d.trim())) this.maxShape = Math.max(this.maxShape, Number(d) * 1024);
        const id = el.local === 'shape' ? /^_x0000_s(\d+)$/.exec(el.attrs.id ?? '') : null;
        if (id) this.maxShape = Math.max(this.maxShape, Number(id[1]));
        if (el.local === 'ClientData') ((row = undefined), (col = undefined));
        if (el.local === 'Row') row = [];
        if (el.local === 'Column') col = [];
      },
      close: (el) => {
        if (el.local === 'ClientData' && row && col) this.cells.add(`${Number(row.join(''))},${Number(col.join(''))}`);
      },
      text: (t, stack) => {
        const el = stack[stack.length - 1].local;
        if (el === 'Row' && row) row.push(t);
        if (el === 'Column' && col) col.push(t);
      },
    });
    const missing = (Object.keys(VML) as (keyof typeof VML)[]).filter(
      (p) => !Object.entries(this.root!.attrs).some(([k, v]) => k.startsWith('xmlns:') && v === VML[p]),
    );
    if (missing.length > 0 && xml !== undefined) throw new Error(`VML drawing without the ${missing.join(', ')} namespaces`);
  }

  has(row: number, col: number): boolean {
    return this.cells.has(`${row},${col}`);
  }

  /** A hidden note box beside the cell, as Excel draws one. */
  add(row: number, col: number): void {
    if (this.has(row, col)) return;
    this.cells.add(`${row},${col}`);
    const { v, o, x } = this.prefix;
    const id = ++this.maxShape;
    this.added.push(
      `<${v}:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:180pt;height:80pt;z-index:${
        id % 1024
      };visibility:hidden" fillcolor="#ffffe1" ${o}:insetmode="auto"><${v}:fill color2="#ffffe1"/><${v}:shadow on="t" color="black" obscured="t"/><${v}:path ${o}:connecttype="none"/><${v}:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></${v}:textbox><${x}:ClientData ObjectType="Note"><${x}:MoveWithCells/><${x}:SizeWithCells/><${x}:Anchor>${
        col + 1
      }, 15, ${row}, 10, ${col + 4}, 15, ${row + 5}, 4</${x}:Anchor><${x}:AutoFill>False</${x}:AutoFill><${x}:Row>${row}</${x}:Row><${x}:Column>${col}</${x}:Column></${x}:ClientData></${v}:shape>`,
    );
  }

  result(): string {
    if (this.added.length === 0) return this.xml;
    const { v, o } = this.prefix;
    const type = this.hasNoteType
      ? ''
      : `<${v}:shapetype id="_x0000_t202" coordsize="21600,21600" ${o}:spt="202" path="m,l,21600r21600,l21600,xe"><${v}:stroke joinstyle="miter"/><${v}:path gradientshapeok="t" ${o}:connecttype="rect"/></${v}:shapetype>`;
    const root = this.root!;
    return applySplices(this.xml, [{ from: root.closeStart, to: root.closeStart, text: type + this.added.join('') }]);
  }
}

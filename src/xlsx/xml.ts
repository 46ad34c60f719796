/**
 * XML through saxes (strict, namespace-aware, streaming; see docs/ARCHITECTURE.md): a walk that reports each element
 * with the offsets of its tags in the source text, so that an edit can replace exactly the elements it changes and
 * copy every other character. Never regular expressions over XML.
 */
import { SaxesParser, SaxesTagNS } from 'saxes';
import { StringDecoder } from 'string_decoder';

export interface XmlElement {
  /** The qualified name as written ("x:row", "row"). */
  name: string;
  /** Local name and namespace URI: what an element is, whatever prefix a writer chose. */
  local: string;
  uri: string;
  prefix: string;
  /** Attributes by qualified name, values decoded. */
  attrs: Record<string, string>;
  /** Offset of "<" of the start tag, and just past its ">". */
  start: number;
  openEnd: number;
  selfClosing: boolean;
  /** Just past the end tag's ">" (set when the element closes). */
  end: number;
  /** Offset of "<" of the end tag (equal to `end` for a self-closing element). */
  closeStart: number;
}

export interface XmlHandlers {
  open?(el: XmlElement, stack: readonly XmlElement[]): void;
  close?(el: XmlElement, stack: readonly XmlElement[]): void;
  /** Character data (entities decoded, CDATA included) directly inside the innermost open element. */
  text?(text: string, stack: readonly XmlElement[]): void;
}

/** Why a part is not well-formed XML; the caller words it for the user. */
export class XmlError extends Error {}

/**
 * Walks `xml` once, calling the handlers with offsets into `xml` itself. Offsets are UTF-16 code units, as JavaScript
 * strings count; a byte-order mark is allowed and counted. For large parts read by local names, see streamXml.
 */
export function walkXml(xml: string, handlers: XmlHandlers, options: { namespaces?: boolean } = {}): void {
  const skip = xml.charCodeAt(0) === 0xfeff ? 1 : 0;
  // Without namespace processing (twice as fast on a large sheet) names are split at their prefix and `uri` is empty:
  // for readers that go by local names only.
  const namespaces = options.namespaces ?? true;
  const parser = new SaxesParser({ xmlns: namespaces, position: true });
  const stack: XmlElement[] = [];
  // saxes reports an open or close tag once its ">" is read: the tag starts at the last "<" before that, since "<"
  // may not appear raw inside a tag (attribute values included).
  const tagStart = () => xml.lastIndexOf('<', parser.position + skip - 1);
  const position = () => parser.position + skip;
  parser.on('opentag', (tag) => {
    let attrs: Record<string, string> = {};
    let local: string;
    let prefix: string;
    let uri = '';
    if (namespaces) {
      const t = tag as SaxesTagNS;
      for (const k in t.attributes) attrs[k] = t.attributes[k].value;
      local = t.local;
      prefix = t.prefix;
      uri = t.uri;
    } else {
      const t = tag as unknown as { name: string; attributes: Record<string, string> };
      attrs = t.attributes; // already plain strings, and a fresh object per tag
      const colon = t.name.indexOf(':');
      local = colon < 0 ? t.name : t.name.slice(colon + 1);
      prefix = colon < 0 ? '' : t.name.slice(0, colon);
    }
    const openEnd = position();
    const el: XmlElement = {
      name: tag.name,
      local,
      uri,
      prefix,
      attrs,
      start: tagStart(),
      openEnd,
      selfClosing: tag.isSelfClosing,
      end: openEnd,
      closeStart: openEnd,
    };
    stack.push(el);
    handlers.open?.(el, stack);
  });
  parser.on('closetag', () => {
    const el = stack[stack.length - 1];
    if (!el.selfClosing) {
      el.end = position();
      el.closeStart = tagStart();
    }
    handlers.close?.(el, stack);
    stack.pop();
  });
  if (handlers.text) {
    const text = handlers.text;
    parser.on('text', (t) => stack.length > 0 && text(t, stack));
    parser.on('cdata', (t) => stack.length > 0 && text(t, stack));
  }
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  parser.write(skip ? xml.slice(skip) : xml);
  if (!error) parser.close();
  if (error) throw new XmlError(error.message);
}

/** The declaration every part thidua writes starts with, as Office writes it. */
export const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

/**
 * Code units XML 1.0 cannot hold at all, not even as references: control characters but tab and line breaks, U+FFFE,
 * U+FFFF.
 */
const NOT_XML_UNITS = '\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\uFFFE\\uFFFF';
/**
 * Those and halves of surrogate pairs, as the writer drops them (as ExcelJS drops them): a part holding one is not XML
 * and Excel refuses the whole file. Cells read through saxes cannot hold them; a file name or a pasted text can.
 */
const NOT_XML = new RegExp(`[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]|[${NOT_XML_UNITS}\\uD800-\\uDFFF]`, 'g');
/** A surrogate pair (two code units) is kept; anything else NOT_XML matches is dropped. */
const xmlChars = (s: string) => s.replace(NOT_XML, (m) => (m.length === 2 ? m : ''));

/** Text content as XML writes it. */
export function escapeText(s: string): string {
  return xmlChars(s).replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** An attribute value in double quotes: tabs and line breaks as references, so that parsing gives them back. */
export function escapeAttr(s: string): string {
  return xmlChars(s).replace(/[&<>"\t\n\r]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A start tag (or an empty element) from a name and attributes, in the given order. */
export function startTag(name: string, attrs: [string, string][] | Record<string, string>, selfClose = false): string {
  const list = Array.isArray(attrs) ? attrs : Object.entries(attrs);
  return `<${name}${list.map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('')}${selfClose ? '/>' : '>'}`;
}

/** The same element name with the prefix of a sibling or parent, so that new elements sit in the part's own namespace. */
export function qualified(like: XmlElement, local: string): string {
  return like.prefix ? `${like.prefix}:${local}` : local;
}

/** One replacement of the source text: [from, to) becomes `text` (an insertion when from === to). */
export interface Splice {
  from: number;
  to: number;
  text: string;
}

/** Applies non-overlapping splices; insertions at one offset keep the order they were given in. */
export function applySplices(source: string, splices: Splice[]): string {
  const sorted = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.from - b.from || a.to - b.to || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.from < at) throw new Error(`overlapping edits at ${s.from}`);
    out.push(source.slice(at, s.from), s.text);
    at = s.to;
  }
  out.push(source.slice(at));
  return out.join('');
}

/** Decodes an XML part: UTF-8 (with or without a byte-order mark), or UTF-16 when it starts with its mark. */
export function decodeXml(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.toString('utf16le');
  return bytes.toString('utf8');
}

export interface LeanHandlers {
  /** Local name (prefix dropped) and attributes by qualified name. */
  open(local: string, attrs: Record<string, string>): void;
  close(local: string): void;
  text(text: string): void;
}

/**
 * The lean walk for the parts read by local names (sheets, shared strings, styles, relationships, the sheet list): a
 * scanner of its own, about twice saxes's speed once warm (the 50-unit bench's 2.8 MB of sheet and string XML: 38 ms
 * against 75), and in a short command no warm-up of saxes's large state machine.
 * Names by their local part; no offsets, no namespace processing. It reports what saxes reports (attributes decoded, tab
 * and line breaks in them as spaces, line ends in text as "\n", CDATA as text) and refuses what is not well-formed:
 * tags that do not nest, one root, undefined entities, "<" in an attribute, characters XML cannot hold, a part cut short
 * (test/xlsx/xml.test.ts holds it to saxes on every workbook of the repo).
 */
export function streamXml(bytes: Buffer, h: LeanHandlers, slice = 1 << 20): void {
  const scanner = new LeanScanner(h, bytes[0] === 0xff && bytes[1] === 0xfe);
  // Bytes are decoded in 1 MB slices (smaller ones in tests): a large sheet is read without its whole text ever held as
  // one string.
  const decoder = new StringDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : 'utf8');
  let started = false;
  // A high surrogate at the end of a slice waits for its low half (the UTF-16 decoder may give them apart).
  let carry = '';
  for (let at = 0; at < bytes.length; at += slice) {
    let text = carry + decoder.write(bytes.subarray(at, at + slice));
    carry = '';
    if (!started && text !== '') {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1); // a byte-order mark
    }
    const last = text.charCodeAt(text.length - 1);
    if (last >= 0xd800 && last <= 0xdbff) {
      carry = text.slice(-1);
      text = text.slice(0, -1);
    }
    scanner.feed(text, false);
  }
  scanner.feed(carry + decoder.end(), true);
}

/**
 * Characters XML 1.0 cannot hold, as the reader refuses them (a lone surrogate only comes from UTF-16 input: UTF-8
 * decodes bad bytes to U+FFFD).
 */
const BAD_CHAR = new RegExp(`[${NOT_XML_UNITS}]`);
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?:^|[^\uD800-\uDBFF])[\uDC00-\uDFFF]/;

const enum Ch {
  Tab = 9,
  Lf = 10,
  Cr = 13,
  Space = 32,
  Bang = 33,
  Quote = 34,
  Hash = 35,
  Amp = 38,
  Apos = 39,
  Slash = 47,
  Colon = 58,
  Lt = 60,
  Eq = 61,
  Gt = 62,
  Question = 63,
  LowerX = 120,
}

const isSpace = (c: number) => c === Ch.Space || c === Ch.Lf || c === Ch.Cr || c === Ch.Tab;

/** A name may not start with a digit, ".", "-" or any other ASCII punctuation but ":" and "_". */
const isNameStart = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === Ch.Colon || c >= 0xc0;

/** Where a name ends: white space, "/", ">", "=" (and, wrongly placed, "<", quotes, "&": refused by the caller). */
function nameEnd(s: string, from: number): number {
  let j = from;
  for (; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (isSpace(c) || c === Ch.Slash || c === Ch.Gt || c === Ch.Eq || c === Ch.Lt || c === Ch.Quote || c === Ch.Apos || c === Ch.Amp) break;
  }
  return j;
}

const localName = (name: string) => {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
};

/** Line ends in text as XML gives them to an application: "\r\n" and a lone "\r" become "\n" (XML 1.0, 2.11). */
const lineEnds = (t: string) => t.replace(/\r\n?/g, '\n');

/** An attribute value normalised (XML 1.0, 3.3.3): each literal tab or line end (CR LF as one) becomes a space. */
const attrSpaces = (v: string) => v.replace(/\r\n|[\t\n\r]/g, ' ');

/** Whether `code` is a character XML 1.0 can hold (2.2), for character references. */
const isXmlChar = (code: number) =>
  code === 9 ||
  code === 10 ||
  code === 13 ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  (code >= 0x10000 && code <= 0x10ffff);

/** Entity and character references decoded; an undefined entity or a bad reference is not XML. */
function decodeRefs(s: string): string {
  let amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = '';
  let at = 0;
  for (; amp >= 0; amp = s.indexOf('&', at)) {
    const semi = s.indexOf(';', amp + 1);
    if (semi < 0) throw new XmlError('unterminated entity reference');
    const ref = s.slice(amp + 1, semi);
    let ch: string;
    if (ref.charCodeAt(0) === Ch.Hash) {
      const hex = ref.charCodeAt(1) === Ch.LowerX;
      const digits = ref.slice(hex ? 2 : 1);
      if (digits === '' || !(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) throw new XmlError(`bad character reference &${ref};`);
      const code = parseInt(digits, hex ? 16 : 10);
      if (!isXmlChar(code)) throw new XmlError(`character reference to a character XML cannot hold: &${ref};`);
      ch = String.fromCodePoint(code);
    } else if (ref === 'amp') ch = '&';
    else if (ref === 'lt') ch = '<';
    else if (ref === 'gt') ch = '>';
    else if (ref === 'quot') ch = '"';
    else if (ref === 'apos') ch = "'";
    else throw new XmlError(`undefined entity &${ref};`);
    out += s.slice(at, amp) + ch;
    at = semi + 1;
  }
  return out + s.slice(at);
}

const BANG_OPENERS = ['<!--', '<![CDATA[', '<!DOCTYPE'];

/** Scans XML text fed in pieces; what is cut at the end of one piece waits for the next. */
class LeanScanner {
  private pending = '';
  private readonly open: string[] = [];
  private rootSeen = false;

  constructor(
    private readonly h: LeanHandlers,
    private readonly utf16: boolean,
  ) {}

  feed(chunk: string, final: boolean): void {
    if (BAD_CHAR.test(chunk) || (this.utf16 && LONE_SURROGATE.test(chunk))) throw new XmlError('a character XML cannot hold');
    const s = this.pending === '' ? chunk : this.pending + chunk;
    this.pending = '';
    let i = 0;
    while (i < s.length) {
      const next = s.charCodeAt(i) === Ch.Lt ? this.markup(s, i) : this.text(s, i, final);
      if (next < 0) {
        if (final) throw new XmlError('unexpected end of the part');
        this.pending = s.slice(i);
        return;
      }
      i = next;
    }
    if (final) {
      if (this.open.length > 0) throw new XmlError(`unclosed tag: ${this.open[this.open.length - 1]}`);
      if (!this.rootSeen) throw new XmlError('document must contain a root element');
    }
  }

  /** Character data from `i` to the next "<"; returns where it ends, or -1 when it may go on in the next piece. */
  private text(s: string, i: number, final: boolean): number {
    // One pass finds the end and what the run holds: most runs are a few characters ("0", "12.5") with nothing to decode.
    let end = i;
    let refs = false;
    let cr = false;
    let bracket = false;
    for (; end < s.length; end++) {
      const c = s.charCodeAt(end);
      if (c === Ch.Lt) break;
      if (c === Ch.Amp) refs = true;
      else if (c === Ch.Cr) cr = true;
      else if (c === 93) bracket = true;
    }
    if (end >= s.length && !final) return -1;
    let raw = s.slice(i, end);
    if (this.open.length === 0) {
      for (let k = 0; k < raw.length; k++) if (!isSpace(raw.charCodeAt(k))) throw new XmlError('text outside the root element');
      return end;
    }
    if (bracket && raw.indexOf(']]>') >= 0) throw new XmlError('the string "]]>" is disallowed in char data');
    if (cr) raw = lineEnds(raw);
    this.h.text(refs ? decodeRefs(raw) : raw);
    return end;
  }

  /** The markup at `i` ("<"); returns the offset past it, or -1 when it is cut at the end of the piece. */
  private markup(s: string, i: number): number {
    if (i + 1 >= s.length) return -1;
    const c = s.charCodeAt(i + 1);
    if (c === Ch.Slash) return this.closeTag(s, i);
    if (c === Ch.Question) {
      const end = s.indexOf('?>', i + 2);
      return end < 0 ? -1 : end + 2;
    }
    if (c === Ch.Bang) return this.bang(s, i);
    return this.openTag(s, i);
  }

  private closeTag(s: string, i: number): number {
    const end = s.indexOf('>', i + 2);
    if (end < 0) return -1;
    const name = s.slice(i + 2, end).trimEnd();
    const top = this.open.pop();
    if (top === undefined || top !== name) throw new XmlError(`unexpected close tag: ${name}`);
    this.h.close(localName(name));
    return end + 1;
  }

  /** Comments, CDATA sections and a document type declaration. */
  private bang(s: string, i: number): number {
    const head = s.slice(i, i + 9);
    // Too short yet to tell "<!--" from "<![CDATA[" or "<!DOCTYPE".
    if (BANG_OPENERS.some((o) => head.length < o.length && o.startsWith(head))) return -1;
    if (s.startsWith('<!--', i)) {
      const end = s.indexOf('-->', i + 4);
      if (end < 0) return -1;
      const body = s.slice(i + 4, end);
      if (body.indexOf('--') >= 0 || body.endsWith('-')) throw new XmlError('"--" in a comment');
      return end + 3;
    }
    if (s.startsWith('<![CDATA[', i)) {
      const end = s.indexOf(']]>', i + 9);
      if (end < 0) return -1;
      if (this.open.length === 0) throw new XmlError('CDATA outside the root element');
      this.h.text(lineEnds(s.slice(i + 9, end)));
      return end + 3;
    }
    if (s.startsWith('<!DOCTYPE', i)) {
      if (this.rootSeen) throw new XmlError('a document type declaration after the root element');
      // Passed over, internal subset included, as saxes does: no entity it declares is ever defined.
      let depth = 0;
      for (let j = i + 9; j < s.length; j++) {
        const ch = s.charCodeAt(j);
        if (ch === 91) depth++;
        else if (ch === 93) depth--;
        else if (ch === Ch.Gt && depth <= 0) return j + 1;
        else if (ch === Ch.Quote || ch === Ch.Apos) {
          const q = s.indexOf(s[j], j + 1);
          if (q < 0) return -1;
          j = q;
        }
      }
      return -1;
    }
    throw new XmlError('unexpected markup');
  }

  private openTag(s: string, i: number): number {
    let j = nameEnd(s, i + 1);
    if (j >= s.length) return -1;
    const name = s.slice(i + 1, j);
    if (name === '' || !isNameStart(name.charCodeAt(0))) throw new XmlError(`bad tag name: ${name}`);
    const attrs = Object.create(null) as Record<string, string>;
    for (;;) {
      const before = j;
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
      if (j >= s.length) return -1;
      const c = s.charCodeAt(j);
      if (c === Ch.Gt || c === Ch.Slash) {
        let selfClosing = false;
        if (c === Ch.Slash) {
          if (j + 1 >= s.length) return -1;
          if (s.charCodeAt(j + 1) !== Ch.Gt) throw new XmlError('forward slash in opening tag not followed by >');
          selfClosing = true;
          j++;
        }
        if (this.open.length === 0) {
          if (this.rootSeen) throw new XmlError('more than one root element');
          this.rootSeen = true;
        }
        const local = localName(name);
        this.h.open(local, attrs);
        if (selfClosing) this.h.close(local);
        else this.open.push(name);
        return j + 1;
      }
      if (j === before) throw new XmlError('no whitespace between attributes');
      const nameAt = j;
      j = nameEnd(s, j);
      if (j >= s.length) return -1;
      const attr = s.slice(nameAt, j);
      if (attr === '' || !isNameStart(attr.charCodeAt(0))) throw new XmlError(`bad attribute name in ${name}`);
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
      if (j >= s.length) return -1;
      if (s.charCodeAt(j) !== Ch.Eq) throw new XmlError(`attribute without value: ${attr}`);
      j++;
      while (j < s.length && isSpace(s.charCodeAt(j))) j++;
      if (j >= s.length) return -1;
      const q = s.charCodeAt(j);
      if (q !== Ch.Quote && q !== Ch.Apos) throw new XmlError(`unquoted attribute value: ${attr}`);
      // One pass to the closing quote, noting references and literal tabs or line ends.
      let close = j + 1;
      let refs = false;
      let spaces = false;
      for (; close < s.length; close++) {
        const ch = s.charCodeAt(close);
        if (ch === q) break;
        if (ch === Ch.Amp) refs = true;
        else if (ch === Ch.Lt) throw new XmlError(`"<" in the value of ${attr}`);
        else if (ch === Ch.Tab || ch === Ch.Lf || ch === Ch.Cr) spaces = true;
      }
      if (close >= s.length) return -1;
      if (attrs[attr] !== undefined) throw new XmlError(`duplicate attribute: ${attr}`);
      let value = s.slice(j + 1, close);
      if (spaces) value = attrSpaces(value);
      attrs[attr] = refs ? decodeRefs(value) : value;
      j = close + 1;
    }
  }
}

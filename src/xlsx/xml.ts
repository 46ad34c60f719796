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
 * Characters XML 1.0 cannot hold at all, not even as references (control characters but tab and line breaks, U+FFFE,
 * U+FFFF, halves of surrogate pairs): dropped, as ExcelJS drops them, since a part holding one is not XML and Excel
 * refuses the whole file. Cells read through saxes cannot hold them; a file name or a pasted text can.
 */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const NOT_XML = /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\x00-\x08\x0B\x0C\x0E-\x1F\uFFFE\uFFFF\uD800-\uDFFF]/g;
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
 * The lean walk for reading large parts: bytes fed to saxes in slices, no namespace processing, no offsets, no
 * element objects; names by their local part. What a reader that goes by local names needs, at saxes's own speed.
 */
export function streamXml(bytes: Buffer, h: LeanHandlers): void {
  const parser = new SaxesParser({ xmlns: false, position: false });
  const localOf = (name: string) => {
    const colon = name.indexOf(':');
    return colon < 0 ? name : name.slice(colon + 1);
  };
  const names: string[] = [];
  parser.on('opentag', (tag) => {
    const local = localOf(tag.name);
    names.push(local);
    h.open(local, tag.attributes as unknown as Record<string, string>);
  });
  parser.on('closetag', () => h.close(names.pop()!));
  parser.on('text', (t) => names.length > 0 && h.text(t));
  parser.on('cdata', (t) => names.length > 0 && h.text(t));
  let error: Error | undefined;
  parser.on('error', (e) => {
    error ??= e;
  });
  // Bytes are fed in 1 MB slices: a large sheet is read without its whole text ever held as one string.
  const decoder = new StringDecoder(bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf16le' : 'utf8');
  const SLICE = 1 << 20;
  for (let at = 0; at < bytes.length && !error; at += SLICE) {
    let text = decoder.write(bytes.subarray(at, at + SLICE));
    if (at === 0 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    parser.write(text);
  }
  if (!error) parser.write(decoder.end());
  if (!error) parser.close();
  if (error) throw new XmlError(error.message);
}

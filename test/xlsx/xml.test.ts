/**
 * src/xlsx/xml streamXml, the lean scanner the readers of cells use: it reports what saxes reports, on every part of
 * every workbook of the repo and on hand-made XML cut at every byte, and refuses what saxes refuses as not well-formed.
 */
import { readdirSync, readFileSync, statSync } from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { centralDirectory, entryBytes } from '../../src/xlsx/zip';
import { streamXml, XmlError } from '../../src/xlsx/xml';

type Event = ['open', string, Record<string, string>] | ['close', string] | ['text', string];

/** What the scanner reports, adjacent texts joined (readers join them: where a text is cut is not part of the contract). */
function events(bytes: Buffer, slice?: number): Event[] {
  const out: Event[] = [];
  streamXml(
    bytes,
    {
      open: (local, attrs) => out.push(['open', local, { ...attrs }]),
      close: (local) => out.push(['close', local]),
      text: (t) => {
        const last = out[out.length - 1];
        if (last?.[0] === 'text') last[1] += t;
        else out.push(['text', t]);
      },
    },
    slice,
  );
  return out;
}

/** The same through saxes, as streamXml read before: the reference. */
function saxesEvents(bytes: Buffer): Event[] {
  const out: Event[] = [];
  const parser = new SaxesParser({ xmlns: false, position: false });
  const local = (n: string) => n.slice(n.indexOf(':') + 1);
  const names: string[] = [];
  const text = (t: string) => {
    if (names.length === 0) return;
    const last = out[out.length - 1];
    if (last?.[0] === 'text') last[1] += t;
    else out.push(['text', t]);
  };
  parser.on('opentag', (tag) => {
    names.push(local(tag.name));
    out.push(['open', local(tag.name), { ...(tag.attributes as unknown as Record<string, string>) }]);
  });
  parser.on('closetag', () => out.push(['close', names.pop()!]));
  parser.on('text', text);
  parser.on('cdata', text);
  let error: Error | undefined;
  parser.on('error', (e) => (error ??= e));
  let s = bytes[0] === 0xff && bytes[1] === 0xfe ? bytes.toString('utf16le') : bytes.toString('utf8');
  if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
  parser.write(s);
  if (!error) parser.close();
  if (error) throw new XmlError(error.message);
  return out;
}

function xlsxFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    if (statSync(p).isDirectory()) return xlsxFiles(p);
    return n.endsWith('.xlsx') ? [p] : [];
  });
}

const ROOT = path.join(__dirname, '..', '..');
const WORKBOOKS = [...xlsxFiles(path.join(ROOT, 'test', 'fixtures')), ...xlsxFiles(path.join(ROOT, 'samples'))];

describe('streamXml reports what saxes reports', () => {
  it('finds the repo’s workbooks', () => expect(WORKBOOKS.length).toBeGreaterThan(20));

  it.each(WORKBOOKS.map((f) => [path.relative(ROOT, f)]))('every XML part of %s', (rel) => {
    const data = readFileSync(path.join(ROOT, rel));
    let parts = 0;
    for (const e of centralDirectory(data)) {
      if (!/\.(xml|rels|vml)$/i.test(e.name)) continue;
      const bytes = entryBytes(data, e);
      let expected: Event[] | Error;
      try {
        expected = saxesEvents(bytes);
      } catch (err) {
        expected = err as Error;
      }
      if (expected instanceof Error) expect(() => events(bytes)).toThrow(XmlError);
      else expect([e.name, events(bytes)]).toEqual([e.name, expected]);
      parts++;
    }
    expect(parts).toBeGreaterThan(3);
  });

  const HAND = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<worksheet xmlns="m" xmlns:r="r"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>',
    '<x:a xmlns:x="u" x:b="1" c=\'2\'><x:b/>text</x:a>',
    '<a t="&amp;&lt;&gt;&quot;&apos;&#65;&#x42;&#x1F600;">&amp;x&lt;y&gt;&#13;&#10;z &#x110B;</a>',
    '<a v="tab\there\r\nline\rcr\nlf">one\r\ntwo\rthree\nfour\r\r\n</a>',
    '<a><![CDATA[<not> &amp; a tag]]]]><![CDATA[>\r\n]]><![CDATA[]]></a>',
    '<!-- before --><?pi data?><a>x<!-- in - text -->y<?p?>z</a><!-- after -->\n',
    '<!DOCTYPE a [<!ELEMENT a ANY> <!ATTLIST a b CDATA "x>y">]><a>1</a>',
    '\uFEFF<a>BOM</a>',
    '<a   b = "1"   c="2"  ><b  /></a  >',
    '<sst count="2"><si><t xml:space="preserve"> Tiêu chí 1 </t></si><si><r><t>Đơn </t></r><r><t>vị</t></r><rPh><t>x</t></rPh></si></sst>',
    '<a b=">" c="\'" d=\'"\'>></a>',
    '<a>]] ]> ]]]</a>',
  ];

  it.each(HAND.map((x) => [x]))('%j, cut at every byte', (xml) => {
    const bytes = Buffer.from(xml, 'utf8');
    const expected = saxesEvents(bytes);
    for (const slice of [1, 2, 3, 5, 7, 13, bytes.length]) expect(events(bytes, slice)).toEqual(expected);
  });

  it('reads UTF-16 parts by their mark', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('<a b="Điểm">Tự chấm 😀</a>', 'utf16le')]);
    for (const slice of [1, 2, 3, 64]) expect(events(bytes, slice)).toEqual(saxesEvents(bytes));
  });
});

describe('streamXml refuses what is not XML', () => {
  const BAD = [
    '',
    '   ',
    'text only',
    '<a>',
    '<a></b>',
    '<a><b></a></b>',
    '<a></a><b></b>',
    '<a>x</a>tail',
    '<a>&nbsp;</a>',
    '<a>&amp</a>',
    '<a>&#xZZ;</a>',
    '<a>&#0;</a>',
    '<a>&#xD800;</a>',
    '<a b="<"/>',
    '<a b=1/>',
    '<a b/>',
    '<a b="1"c="2"/>',
    '<a b="1" b="2"/>',
    '<a b="1',
    '<a>\u0001</a>',
    '<a>]]></a>',
    '<a><![CDATA[x</a>',
    '<a><!-- x </a>',
    '<a><!-- x -- y --></a>',
    '<a><!-- x ---></a>',
    '<1a/>',
    '<a/ >',
    '</a>',
    '<a><',
  ];
  it.each(BAD.map((x) => [x]))('%j', (xml) => {
    const bytes = Buffer.from(xml, 'utf8');
    expect(() => saxesEvents(bytes)).toThrow(XmlError); // the reference refuses it too
    for (const slice of [1, 4, bytes.length || 1]) expect(() => events(bytes, slice)).toThrow(XmlError);
  });

  it('a lone surrogate in a UTF-16 part', () => {
    const bytes = Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from('<a>x', 'utf16le'),
      Buffer.from([0x00, 0xd8]),
      Buffer.from('</a>', 'utf16le'),
    ]);
    expect(() => events(bytes)).toThrow(XmlError);
  });
});

/**
 * Writes the summary plan (src/engine/bloc/plan.ts) as a new .xlsx package, part by part: SpreadsheetML written here,
 * zipped by writeZip (zip.ts), escaped by xml.ts. No ExcelJS: loading and running it took most of `thidua tonghop`'s
 * time (docs/PERFORMANCE.md). Cells with their cached results, styles by name, merges, widths, frozen header rows,
 * print setup (landscape, one page wide, header rows repeated, footer), the marker in the package's subject.
 */
import { a1, columnLetters } from '../engine';
import { PlanCell, PlanSheet, STYLES, StyleName, StyleSpec, SummaryPlan } from '../engine/bloc';
import { CONTENT_TYPE, NS, REL_TYPE } from './package';
import { escapeAttr, escapeText, startTag, XML_DECL } from './xml';
import { writeZip, ZipOut } from './zip';

/** The one font of the summary, as the bloc's own tables are typed (Nghị định 30/2020: Times New Roman). */
const FONT = { name: 'Times New Roman', size: 12 };
/** Built-in number formats (ECMA-376 Part 1, 18.8.30); any other code gets an id from 164 on. */
const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2 };
/** Left, right, top, bottom, header, footer, in inches. */
const MARGINS = { left: 0.4, right: 0.4, top: 0.5, bottom: 0.5, header: 0.3, footer: 0.3 };
const A4 = 9;

/** Every StyleName as one cell format (cellXfs index), with the fonts, fills and number formats they share. */
export function summaryStyles(): { xml: string; xf: Record<StyleName, number> } {
  const fonts: string[] = [];
  const fontIds = new Map<string, number>();
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  const fillIds = new Map<string, number>();
  const formats: string[] = [];
  const formatIds = new Map<string, number>();
  const font = (s: StyleSpec) => {
    const xml = `<font>${s.bold ? '<b/>' : ''}${s.italic ? '<i/>' : ''}<sz val="${s.size ?? FONT.size}"/><name val="${FONT.name}"/></font>`;
    if (!fontIds.has(xml)) fontIds.set(xml, fonts.push(xml) - 1);
    return fontIds.get(xml)!;
  };
  const fill = (argb: string | undefined) => {
    if (!argb) return 0;
    if (!fillIds.has(argb))
      fillIds.set(
        argb,
        fills.push(`<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`) - 1,
      );
    return fillIds.get(argb)!;
  };
  const format = (code: string | undefined) => {
    if (code === undefined) return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    if (!formatIds.has(code)) {
      formatIds.set(code, 164 + formats.length);
      formats.push(startTag('numFmt', { numFmtId: String(164 + formats.length), formatCode: code }, true));
    }
    return formatIds.get(code)!;
  };
  font({}); // font 0: every cell without a style of its own
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  const xf = {} as Record<StyleName, number>;
  for (const [name, s] of Object.entries(STYLES) as [StyleName, StyleSpec][]) {
    const ids = { numFmtId: format(s.numFmt), fontId: font(s), fillId: fill(s.fill), borderId: s.border ? 1 : 0 };
    const align = [
      s.align ? ` horizontal="${s.align}"` : '',
      ' vertical="center"', // as the bloc's tables are laid out: a short cell beside a wrapped one sits in the middle
      s.wrap ? ' wrapText="1"' : '',
    ].join('');
    xf[name] = xfs.length;
    xfs.push(
      `<xf numFmtId="${ids.numFmtId}" fontId="${ids.fontId}" fillId="${ids.fillId}" borderId="${ids.borderId}" xfId="0"${
        ids.numFmtId ? ' applyNumberFormat="1"' : ''
      } applyFont="1"${ids.fillId ? ' applyFill="1"' : ''}${ids.borderId ? ' applyBorder="1"' : ''} applyAlignment="1"><alignment${align}/></xf>`,
    );
  }
  const thin = '<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>';
  const list = (tag: string, items: string[]) => (items.length ? `<${tag} count="${items.length}">${items.join('')}</${tag}>` : '');
  const xml = [
    XML_DECL,
    `<styleSheet xmlns="${NS.main}">`,
    list('numFmts', formats),
    list('fonts', fonts),
    list('fills', fills),
    list('borders', ['<border><left/><right/><top/><bottom/><diagonal/></border>', thin]),
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
    list('cellXfs', xfs),
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
    '</styleSheet>',
  ].join('');
  return { xml, xf };
}

/** The package's strings, each written once (sharedStrings.xml) and named by its index from the cells. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private count = 0;

  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(s, i);
      // Spaces at either end or line breaks are kept only with xml:space="preserve".
      this.items.push(/^\s|\s$|\n/.test(s) ? `<si><t xml:space="preserve">${escapeText(s)}</t></si>` : `<si><t>${escapeText(s)}</t></si>`);
    }
    return i;
  }

  xml(): string {
    return `${XML_DECL}<sst xmlns="${NS.main}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

/** A number as the XML of a cell value: finite only, since Excel refuses a file holding NaN or Infinity. */
function numberText(n: number, where: string): string {
  if (!Number.isFinite(n)) throw new Error(`summary: ${where} holds ${n}`);
  return String(n);
}

/** One cell's XML: its value or formula with the cached result, typed as SpreadsheetML types them (18.3.1.4). */
function cellXml(c: PlanCell, s: number | undefined, strings: SharedStrings, sheet: string): string {
  const ref = a1(c.row, c.col);
  const style = s ? ` s="${s}"` : '';
  const v = c.value;
  if (c.formula) {
    const f = `<f>${escapeText(c.formula.replace(/^=/, ''))}</f>`;
    if (typeof v === 'number') return `<c r="${ref}"${style}>${f}<v>${numberText(v, `${sheet}!${ref}`)}</v></c>`;
    return `<c r="${ref}"${style} t="str">${f}<v>${escapeText(v ?? '')}</v></c>`;
  }
  if (v === null) return `<c r="${ref}"${style}/>`;
  if (typeof v === 'number') return `<c r="${ref}"${style}><v>${numberText(v, `${sheet}!${ref}`)}</v></c>`;
  return `<c r="${ref}"${style} t="s"><v>${strings.id(v)}</v></c>`;
}

/** A sheet name inside a formula or a defined name: always quoted, its apostrophes doubled. */
export function sheetRef(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

function sheetXml(sheet: PlanSheet, marker: string, xf: Record<StyleName, number>, strings: SharedStrings, first: boolean): string {
  // Each position once (the last cell given wins); a merged area's covered cells take its first cell's style, as Excel
  // gives them when it merges, so that borders and fills run across the whole area.
  const byPos = new Map<number, PlanCell>();
  const key = (row: number, col: number) => row * 16384 + col;
  for (const c of sheet.cells) byPos.set(key(c.row, c.col), c);
  for (const m of sheet.merges) {
    const style = byPos.get(key(m.top, m.left))?.style;
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) {
        const k = key(r, c);
        if (r === m.top && c === m.left) continue;
        byPos.set(k, { row: r, col: c, value: null, ...(style ? { style } : {}) });
      }
  }
  const cells = [...byPos.values()].sort((a, b) => a.row - b.row || a.col - b.col);
  const rows: string[] = [];
  let open = -1;
  let lastCol = Math.max(sheet.widths.length - 1, 0);
  for (const c of cells) {
    if (c.row !== open) {
      if (open >= 0) rows.push('</row>');
      rows.push(`<row r="${c.row + 1}">`);
      open = c.row;
    }
    lastCol = Math.max(lastCol, c.col);
    rows.push(cellXml(c, c.style ? xf[c.style] : undefined, strings, sheet.name));
  }
  if (open >= 0) rows.push('</row>');
  const lastRow = Math.max(open, 0);

  const freeze = sheet.freezeRows
    ? `<pane ySplit="${sheet.freezeRows}" topLeftCell="${a1(sheet.freezeRows, 0)}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${a1(sheet.freezeRows, 0)}" sqref="${a1(sheet.freezeRows, 0)}"/>`
    : '';
  const cols = sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  const merges = sheet.merges.map((m) => `<mergeCell ref="${a1(m.top, m.left)}:${a1(m.bottom, m.right)}"/>`).join('');
  const p = sheet.print;
  return [
    XML_DECL,
    `<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">`,
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
    `<dimension ref="A1:${columnLetters(lastCol)}${lastRow + 1}"/>`,
    `<sheetViews><sheetView${first ? ' tabSelected="1"' : ''} workbookViewId="0">${freeze}</sheetView></sheetViews>`,
    '<sheetFormatPr defaultRowHeight="15.75"/>',
    cols ? `<cols>${cols}</cols>` : '',
    `<sheetData>${rows.join('')}</sheetData>`,
    merges ? `<mergeCells count="${sheet.merges.length}">${merges}</mergeCells>` : '',
    startTag('pageMargins', Object.fromEntries(Object.entries(MARGINS).map(([k, v]) => [k, String(v)])), true),
    startTag(
      'pageSetup',
      {
        paperSize: String(A4),
        orientation: p.landscape ? 'landscape' : 'portrait',
        fitToWidth: String(p.fitToWidth),
        fitToHeight: String(p.fitToHeight),
      },
      true,
    ),
    `<headerFooter><oddFooter>${escapeText(`&L${marker}&RTrang &P/&N`)}</oddFooter></headerFooter>`,
    '</worksheet>',
  ].join('');
}

/** The package's parts, in the order Office writes them: content types, relationships, properties, workbook, sheets. */
export function summaryParts(plan: SummaryPlan, now: Date = new Date()): ZipOut[] {
  const { xml: styles, xf } = summaryStyles();
  const strings = new SharedStrings();
  const sheets = plan.sheets.map((s, i) => ({
    part: `xl/worksheets/sheet${i + 1}.xml`,
    xml: sheetXml(s, plan.marker, xf, strings, i === 0),
  }));
  const rel = (id: string, type: string, target: string) => startTag('Relationship', { Id: id, Type: type, Target: target }, true);
  const override = (part: string, type: string) => startTag('Override', { PartName: `/${part}`, ContentType: type }, true);
  const types = [
    XML_DECL,
    `<Types xmlns="${NS.types}">`,
    startTag('Default', { Extension: 'rels', ContentType: CONTENT_TYPE.rels }, true),
    startTag('Default', { Extension: 'xml', ContentType: 'application/xml' }, true),
    override('xl/workbook.xml', CONTENT_TYPE.workbook),
    ...sheets.map((s) => override(s.part, CONTENT_TYPE.worksheet)),
    override('xl/styles.xml', CONTENT_TYPE.styles),
    override('xl/sharedStrings.xml', CONTENT_TYPE.sharedStrings),
    override('docProps/core.xml', CONTENT_TYPE.coreProperties),
    '</Types>',
  ].join('');
  const packageRels = [
    XML_DECL,
    `<Relationships xmlns="${NS.pkgRel}">`,
    rel('rId1', REL_TYPE.officeDocument, 'xl/workbook.xml'),
    rel('rId2', REL_TYPE.coreProperties, 'docProps/core.xml'),
    '</Relationships>',
  ].join('');
  const stamp = now.toISOString().replace(/\.\d+Z$/, 'Z');
  const core = [
    XML_DECL,
    `<cp:coreProperties xmlns:cp="${NS.coreProps}" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`,
    `<dc:title>${escapeText(plan.title)}</dc:title><dc:subject>${escapeText(plan.marker)}</dc:subject><dc:creator>thidua</dc:creator>`,
    `<dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified>`,
    '</cp:coreProperties>',
  ].join('');
  // Print titles are the workbook's defined names, one per sheet (18.2.5: _xlnm.Print_Titles, localSheetId).
  const titles = plan.sheets.flatMap((s, i) =>
    s.print.repeatRows
      ? [
          `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${escapeText(
            `${sheetRef(s.name)}!$${s.print.repeatRows.first + 1}:$${s.print.repeatRows.last + 1}`,
          )}</definedName>`,
        ]
      : [],
  );
  const workbook = [
    XML_DECL,
    `<workbook xmlns="${NS.main}" xmlns:r="${NS.rel}">`,
    '<workbookPr/><bookViews><workbookView activeTab="0"/></bookViews>',
    `<sheets>${plan.sheets.map((s, i) => `<sheet name="${escapeAttr(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets>`,
    titles.length ? `<definedNames>${titles.join('')}</definedNames>` : '',
    // The cached results are shown as written; Excel recomputes every formula on open all the same, so a hand edit follows.
    '<calcPr calcId="191029" fullCalcOnLoad="1"/>',
    '</workbook>',
  ].join('');
  const workbookRels = [
    XML_DECL,
    `<Relationships xmlns="${NS.pkgRel}">`,
    ...sheets.map((s, i) => rel(`rId${i + 1}`, REL_TYPE.worksheet, `worksheets/sheet${i + 1}.xml`)),
    rel(`rId${sheets.length + 1}`, REL_TYPE.styles, 'styles.xml'),
    rel(`rId${sheets.length + 2}`, REL_TYPE.sharedStrings, 'sharedStrings.xml'),
    '</Relationships>',
  ].join('');
  const part = (name: string, xml: string): ZipOut => ({ name, bytes: Buffer.from(xml, 'utf8') });
  return [
    part('[Content_Types].xml', types),
    part('_rels/.rels', packageRels),
    part('docProps/core.xml', core),
    part('xl/workbook.xml', workbook),
    part('xl/_rels/workbook.xml.rels', workbookRels),
    part('xl/styles.xml', styles),
    ...sheets.map((s) => part(s.part, s.xml)),
    part('xl/sharedStrings.xml', strings.xml()),
  ];
}

/** The summary workbook as the chunks of its .xlsx file (for writeChunks). */
export function summaryFile(plan: SummaryPlan, now?: Date): Buffer[] {
  return writeZip(Buffer.alloc(0), summaryParts(plan, now));
}

/**
 * styles.xml for marks: one solid fill per colour and, per (cell format, colour), a copy of the cell's own format
 * with that fill, appended after every existing entry. Existing fills and formats keep their numbers, so no other
 * cell of the workbook changes its look.
 */
import { applySplices, qualified, Splice, startTag, walkXml, XmlElement } from './xml';

export class StylesEditor {
  private readonly fills: XmlElement | undefined;
  private readonly cellXfs: XmlElement | undefined;
  private readonly xfs: XmlElement[] = [];
  private fillCount = 0;
  private readonly newFills: string[] = [];
  private readonly newXfs: string[] = [];
  private readonly fillIds = new Map<string, number>();
  private readonly xfIds = new Map<string, number>();

  constructor(private readonly xml: string) {
    let fills: XmlElement | undefined;
    let cellXfs: XmlElement | undefined;
    walkXml(xml, {
      open: (el, stack) => {
        const parent = stack[stack.length - 2]?.local;
        if (el.local === 'fills' && stack.length === 2) fills = el;
        if (el.local === 'cellXfs' && stack.length === 2) cellXfs = el;
        if (el.local === 'fill' && parent === 'fills') this.fillCount++;
        if (el.local === 'xf' && parent === 'cellXfs') this.xfs.push(el);
      },
    });
    this.fills = fills;
    this.cellXfs = cellXfs;
  }

  /** True when the part has the lists a fill needs. */
  get usable(): boolean {
    return this.fills !== undefined && this.cellXfs !== undefined && this.xfs.length > 0;
  }

  /** The index of a format that is cell format `xf` with a solid `argb` fill, made once per pair. */
  withFill(xf: number, argb: string): number {
    const base = xf >= 0 && xf < this.xfs.length ? xf : 0;
    const key = `${base}/${argb}`;
    const known = this.xfIds.get(key);
    if (known !== undefined) return known;
    let fillId = this.fillIds.get(argb);
    if (fillId === undefined) {
      const f = this.fills!;
      const q = (local: string) => qualified(f, local);
      fillId = this.fillCount + this.newFills.length;
      this.fillIds.set(argb, fillId);
      this.newFills.push(
        `<${q('fill')}>${startTag(q('patternFill'), { patternType: 'solid' })}${startTag(q('fgColor'), { rgb: argb }, true)}${startTag(
          q('bgColor'),
          { indexed: '64' },
          true,
        )}</${q('patternFill')}></${q('fill')}>`,
      );
    }
    const el = this.xfs[base];
    const attrs = { ...el.attrs, fillId: String(fillId), applyFill: '1' };
    // The copy keeps the format's children (alignment, protection) as written.
    const inner = el.selfClosing ? '' : this.xml.slice(el.openEnd, el.closeStart);
    this.newXfs.push(el.selfClosing ? startTag(el.name, attrs, true) : `${startTag(el.name, attrs)}${inner}</${el.name}>`);
    const id = this.xfs.length + this.newXfs.length - 1;
    this.xfIds.set(key, id);
    return id;
  }

  /** The edited part; the same text when nothing was added. */
  result(): string {
    if (this.newXfs.length === 0) return this.xml;
    const splices: Splice[] = [];
    const append = (list: XmlElement, count: number, added: string[]) => {
      splices.push({ from: list.start, to: list.openEnd, text: startTag(list.name, { ...list.attrs, count: String(count) }, false) });
      if (list.selfClosing) splices.push({ from: list.openEnd, to: list.openEnd, text: `${added.join('')}</${list.name}>` });
      else splices.push({ from: list.closeStart, to: list.closeStart, text: added.join('') });
    };
    if (this.newFills.length > 0) append(this.fills!, this.fillCount + this.newFills.length, this.newFills);
    append(this.cellXfs!, this.xfs.length + this.newXfs.length, this.newXfs);
    return applySplices(this.xml, splices);
  }
}

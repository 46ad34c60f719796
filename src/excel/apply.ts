/** The planner's operations as Office.js calls: queued only, sent by the caller's one sync. */
import { FillState } from './backup';
import { Capabilities } from './host';
import { Op } from './plan';

/** Excel refuses multi-area addresses beyond a few thousand characters (office-js#5198): stay well below. */
const MAX_AREAS_ADDRESS = 1000;

/** Groups of addresses short enough for one getRanges call. */
function chunks(addresses: string[]): string[] {
  const out: string[] = [];
  let cur = '';
  for (const a of addresses) {
    if (cur && cur.length + a.length + 1 > MAX_AREAS_ADDRESS) {
      out.push(cur);
      cur = '';
    }
    cur = cur ? `${cur},${a}` : a;
  }
  if (cur) out.push(cur);
  return out;
}

/** No fill is `clear()`, never white; tints and patterns (ExcelApi 1.9) come back where they were. */
function setFill(fill: Excel.RangeFill, f: FillState, caps: Capabilities): void {
  if (f.color === null) {
    fill.clear();
    return;
  }
  fill.color = f.color;
  if (!caps.areas) return;
  if (f.tintAndShade) fill.tintAndShade = f.tintAndShade;
  if (f.pattern) {
    fill.pattern = f.pattern as Excel.FillPattern;
    if (f.patternColor) fill.patternColor = f.patternColor;
    if (f.patternTintAndShade) fill.patternTintAndShade = f.patternTintAndShade;
  }
}

export function applyOps(sheet: Excel.Worksheet, ops: Op[], caps: Capabilities): void {
  for (const o of ops) {
    switch (o.op) {
      case 'fill':
        if (caps.areas) for (const chunk of chunks(o.cells)) setFill(sheet.getRanges(chunk).format.fill, o.fill, caps);
        else for (const a of o.cells) setFill(sheet.getRange(a).format.fill, o.fill, caps);
        break;
      case 'note':
        if (o.content === null) {
          if (o.exists) sheet.notes.getItem(o.cell).delete();
        } else if (o.exists) sheet.notes.getItem(o.cell).content = o.content;
        else sheet.notes.add(o.cell, o.content);
        break;
      case 'prompt':
        if (o.prompt) sheet.getRange(o.cell).dataValidation.prompt = o.prompt;
        else sheet.getRange(o.cell).dataValidation.clear();
        break;
      case 'format':
        sheet.getRange(o.cell).numberFormat = [[o.numberFormat]];
        break;
      case 'write':
        if (o.content.formula) sheet.getRange(o.cell).formulas = [[o.content.formula]];
        else sheet.getRange(o.cell).values = [[o.content.value ?? '']];
        break;
    }
  }
}

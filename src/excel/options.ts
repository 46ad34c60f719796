/** The user's choices (formulas or values, colouring), kept with the workbook so that the ribbon button uses the pane's. */
import { Template } from '../engine';
import { AddinOptions } from './actions';

export const OPTIONS_KEY = 'thidua-tuy-chon';

export interface PaneOptions {
  totals: 'formulas' | 'values';
  marks: boolean;
}

export const DEFAULT_OPTIONS: PaneOptions = { totals: 'formulas', marks: true };

export function readOptions(): PaneOptions {
  const v = (Office.context.document.settings.get(OPTIONS_KEY) ?? {}) as Partial<PaneOptions>;
  return {
    totals: v.totals === 'values' ? 'values' : 'formulas',
    marks: v.marks !== false,
  };
}

export function saveOptions(o: PaneOptions): Promise<void> {
  const s = Office.context.document.settings;
  s.set(OPTIONS_KEY, o);
  return new Promise((resolve) => s.saveAsync(() => resolve()));
}

/** The check's options: the pane's choices, and the bloc's template when one is chosen (see ./template). */
export function addinOptions(o: PaneOptions, template?: Template): AddinOptions {
  return { totals: o.totals, marks: o.marks, ...(template ? { template } : {}) };
}

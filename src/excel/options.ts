/** The user's choices (formulas or values, colouring), kept with the workbook so that the ribbon button uses the pane's. */
import { Template } from '../engine';
import { AddinOptions } from './actions';
import { KEYS, readSetting, writeSetting } from './settings';

export const OPTIONS_KEY = KEYS.options;

export interface PaneOptions {
  totals: 'formulas' | 'values';
  marks: boolean;
}

export const DEFAULT_OPTIONS: PaneOptions = { totals: 'formulas', marks: true };

export function optionsFrom(v: unknown): PaneOptions {
  const o = (v && typeof v === 'object' ? v : {}) as Partial<PaneOptions>;
  return { totals: o.totals === 'values' ? 'values' : 'formulas', marks: o.marks !== false };
}

/** The choices as the workbook holds them now (read fresh: the other runtime may have changed them). */
export async function readOptions(): Promise<PaneOptions> {
  return optionsFrom(await readSetting(KEYS.options));
}

export function saveOptions(o: PaneOptions): Promise<void> {
  return writeSetting(KEYS.options, o);
}

/** The check's options: the pane's choices, and the bloc's template when one is chosen (see ./template). */
export function addinOptions(o: PaneOptions, template?: Template): AddinOptions {
  return { totals: o.totals, marks: o.marks, ...(template ? { template } : {}) };
}

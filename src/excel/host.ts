/**
 * What this Excel can do, asked once per action. The manifest asks for ExcelApi 1.4, what the add-in cannot work
 * without: workbook settings (where the backups live) and worksheet names (the anchor that follows the table when
 * rows move). Everything newer is used where present and detected here.
 */
export interface Capabilities {
  /** Data-validation input prompts (ExcelApi 1.8): where a message goes when the host has no notes. */
  prompts: boolean;
  /** RangeAreas, getCellProperties, fill patterns and tints (ExcelApi 1.9): fills in batches, every cell's fill in one read. */
  areas: boolean;
  /** Worksheet custom properties (ExcelApi 1.12): the sheet's stable key for its backup. */
  customProperties: boolean;
  /** getMergedAreasOrNullObject (ExcelApi 1.13); without it the check runs as if nothing were merged. */
  merges: boolean;
  /** Notes (ExcelApi 1.18); without them the message goes into an input prompt, or nowhere before 1.8. */
  notes: boolean;
}

export const MIN_API = '1.4';

export function supports(version: string): boolean {
  return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);
}

export function capabilities(): Capabilities {
  return {
    prompts: supports('1.8'),
    areas: supports('1.9'),
    customProperties: supports('1.12'),
    merges: supports('1.13'),
    notes: supports('1.18'),
  };
}

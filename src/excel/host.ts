/** What this Excel can do, asked once per action: the manifest asks for ExcelApi 1.8 (Office 2019), newer APIs are used where present. */
export interface Capabilities {
  /** RangeAreas and getCellProperties (ExcelApi 1.9): fills in batches and every cell's fill in one read. */
  areas: boolean;
  /** getMergedAreasOrNullObject (ExcelApi 1.13); without it the check runs as if nothing were merged. */
  merges: boolean;
  /** Notes (ExcelApi 1.18); without them the message goes into a data-validation input prompt (ExcelApi 1.8). */
  notes: boolean;
}

export const MIN_API = '1.8';

export function supports(version: string): boolean {
  return typeof Office !== 'undefined' && !!Office.context?.requirements?.isSetSupported('ExcelApi', version);
}

export function capabilities(): Capabilities {
  return { areas: supports('1.9'), merges: supports('1.13'), notes: supports('1.18') };
}

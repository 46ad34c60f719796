/** The rules that only a template can raise (they find nothing without one). */
export const TEMPLATE_RULES = [
  'standard-changed',
  'bonus-cap-changed',
  'criterion-missing',
  'criterion-extra',
  'text-changed',
  'composite-mismatch',
];

import { excerpt } from '../text';
import { finding, Rule } from './rule';

/** A sheet criterion the template does not have: added by the unit, or rewritten past recognition. */
export const criterionExtra: Rule = {
  code: 'criterion-extra',
  severity: 'error',
  title: 'Tiêu chí không có trong mẫu',
  message: (p) => `${p.cell}: ${p.label} không có trong mẫu: “${p.text}”.`,
  check({ map, layout, template }) {
    if (!template) return [];
    const col = layout.columns.tieuChi ?? layout.columns.tt ?? layout.columns.diemChuan!;
    const extra = new Set(template.extra.map((c) => c.id));
    // Under an extra criterion, its children are extra too: told once, at the top.
    return template.extra
      .filter((c) => c.parent === undefined || !extra.has(c.parent))
      .map((c) => finding(criterionExtra, c.row, col, c, { label: c.label, text: excerpt(c.text, 80) }));
  },
};

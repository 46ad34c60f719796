import { excerpt } from '../text';
import { finding, Rule } from './rule';

/**
 * A template criterion the sheet does not have: dropped, or rewritten past recognition. Told once, at the topmost
 * missing one, on the row of its parent (or the header when the whole section is gone).
 */
export const criterionMissing: Rule = {
  code: 'criterion-missing',
  severity: 'error',
  title: 'Thiếu tiêu chí của mẫu',
  message: (p) => `${p.cell}: thiếu tiêu chí ${p.templateLabel} của mẫu (điểm chuẩn ${p.diemChuan}): “${p.text}”.`,
  check({ layout, template }) {
    if (!template) return [];
    const col = layout.columns.tieuChi ?? layout.columns.tt ?? layout.columns.diemChuan!;
    const missing = new Set(template.missing.map((n) => n.id));
    return template.missing.flatMap((node) => {
      if (node.parent !== undefined && missing.has(node.parent)) return [];
      const parent = node.parent === undefined ? undefined : template.byTemplate.get(node.parent);
      return [
        finding(criterionMissing, parent?.row ?? layout.headerRow, col, parent, {
          templateLabel: node.label,
          template: node.id,
          diemChuan: node.diemChuan,
          text: excerpt(node.text, 80),
        }),
      ];
    });
  },
};

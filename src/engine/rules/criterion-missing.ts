import { excerpt } from '../text';
import { defineRule } from './rule';

/**
 * A template criterion the sheet does not have: dropped, or rewritten past recognition. Told once, at the topmost
 * missing one, on the row of its parent (or the header when the whole section is gone).
 */
export const criterionMissing = defineRule<{ missing: { template: string; diemChuan: number; text: string } }>()({
  meta: {
    code: 'criterion-missing',
    severity: 'error',
    title: 'Thiếu tiêu chí của mẫu',
    description: 'Một tiêu chí của mẫu không có trong bảng (bị bỏ, hoặc sửa lời đến mức không nhận ra).',
    requires: ['template'],
    tags: ['template'],
  },
  messages: {
    missing: (d, say) => `thiếu tiêu chí ${say.templateLabel(d.template)} của mẫu (điểm chuẩn ${say.n(d.diemChuan)}): “${d.text}”.`,
  },
  check({ layout, template }, report) {
    if (!template) return;
    const col = layout.columns.tieuChi ?? layout.columns.tt ?? layout.columns.diemChuan!;
    const missing = new Set(template.missing.map((n) => n.id));
    for (const node of template.missing) {
      if (node.parent !== undefined && missing.has(node.parent)) continue;
      const parent = node.parent === undefined ? undefined : template.byTemplate.get(node.parent);
      report({ row: parent?.row ?? layout.headerRow, col, criterion: parent }, 'missing', {
        template: node.id,
        diemChuan: node.diemChuan,
        text: excerpt(node.text, 80),
      });
    }
  },
});

import { excerpt } from '../text';
import { defineRule } from './rule';

/** A sheet criterion the template does not have: added by the unit, or rewritten past recognition. */
export const criterionExtra = defineRule<{ extra: { text: string } }>()({
  meta: {
    code: 'criterion-extra',
    severity: 'error',
    title: 'Tiêu chí không có trong mẫu',
    description: 'Bảng có một tiêu chí mà mẫu của khối không có (đơn vị tự thêm, hoặc sửa lời đến mức không nhận ra).',
    requires: ['template'],
    tags: ['template'],
  },
  messages: {
    extra: (d, say) => `${say.label()} không có trong mẫu: “${d.text}”.`,
  },
  check({ layout, template }, report) {
    if (!template) return;
    const col = layout.columns.tieuChi ?? layout.columns.tt ?? layout.columns.diemChuan!;
    const extra = new Set(template.extra.map((c) => c.id));
    // Under an extra criterion, its children are extra too: told once, at the top.
    for (const c of template.extra) {
      if (c.parent !== undefined && extra.has(c.parent)) continue;
      report({ row: c.row, col, criterion: c }, 'extra', { text: excerpt(c.text, 80) });
    }
  },
});

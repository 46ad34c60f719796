import { sameScore } from '../numbers';
import { defineRule } from './rule';

/** A sheet whose Điểm thưởng (the bonus cap) differs from the template's; an empty cell is a cap of 0. */
export const bonusCapChanged = defineRule<{ changed: { sheet: number; template: number; node: string } }>()({
  meta: {
    code: 'bonus-cap-changed',
    severity: 'error',
    title: 'Điểm thưởng khác mẫu',
    description: 'Mức điểm thưởng ghi trong bảng (ô trống là 0) khác mức điểm thưởng của tiêu chí ấy trong mẫu.',
    requires: ['template'],
    tags: ['template', 'scores'],
  },
  messages: {
    changed: (d, say) => `${say.label()} ghi điểm thưởng ${say.n(d.sheet)}, mẫu (${say.templateLabel(d.node)}) quy định ${say.n(d.template)}.`,
  },
  check({ map, layout, template }, report) {
    const col = layout.columns.diemThuong;
    if (!template || col === undefined) return;
    for (const c of map.criteria) {
      const node = template.bySheet.get(c.id);
      const s = c.scores.diemThuong;
      // Text in the cap column is not-a-number's to tell; it is no cap to compare.
      if (!node || s.kind === 'text') continue;
      const sheet = s.kind === 'number' ? s.value : 0;
      if (sameScore(sheet, node.diemThuong)) continue;
      report({ row: c.row, col, criterion: c }, 'changed', { sheet, template: node.diemThuong, node: node.id });
    }
  },
});

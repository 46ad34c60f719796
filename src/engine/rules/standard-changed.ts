import { sameScore } from '../numbers';
import { defineRule } from './rule';

/** A sheet whose Điểm chuẩn differs from the bloc's template: a cap raised or lowered by the unit itself. */
export const standardChanged = defineRule<{ changed: { sheet: number; template: number; node: string } }>()({
  meta: {
    code: 'standard-changed',
    severity: 'error',
    title: 'Điểm chuẩn khác mẫu',
    description: 'Điểm chuẩn ghi trong bảng khác điểm chuẩn của tiêu chí ấy trong mẫu của khối.',
    requires: ['template'],
    tags: ['template', 'scores'],
  },
  messages: {
    changed: (d, say) => `${say.label()} ghi điểm chuẩn ${say.n(d.sheet)}, mẫu (${say.templateLabel(d.node)}) quy định ${say.n(d.template)}.`,
  },
  check({ map, layout, template }, report) {
    const col = layout.columns.diemChuan;
    if (!template || col === undefined) return;
    for (const c of map.criteria) {
      const node = template.bySheet.get(c.id);
      const s = c.scores.diemChuan;
      if (!node || s.kind !== 'number' || sameScore(s.value, node.diemChuan)) continue;
      report({ row: c.row, col, criterion: c }, 'changed', { sheet: s.value, template: node.diemChuan, node: node.id });
    }
  },
});

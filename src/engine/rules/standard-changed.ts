import { finding, Rule } from './rule';

/** A sheet whose Điểm chuẩn differs from the bloc's template: a cap raised or lowered by the unit itself. */
export const standardChanged: Rule = {
  code: 'standard-changed',
  severity: 'error',
  title: 'Điểm chuẩn khác mẫu',
  message: (p) => `${p.cell}: ${p.label} ghi điểm chuẩn ${p.sheet}, mẫu (${p.templateLabel}) quy định ${p.template}.`,
  check({ map, layout, template }) {
    const col = layout.columns.diemChuan;
    if (!template || col === undefined) return [];
    return map.criteria.flatMap((c) => {
      const node = template.bySheet.get(c.id);
      const s = c.scores.diemChuan;
      if (!node || s.kind !== 'number' || Math.abs(s.value - node.diemChuan) < 1e-6) return [];
      return [
        finding(standardChanged, c.row, col, c, { label: c.label, sheet: s.value, template: node.diemChuan, templateLabel: node.label }),
      ];
    });
  },
};

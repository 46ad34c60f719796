import { finding, Rule } from './rule';

/** A sheet whose Điểm thưởng (the bonus cap) differs from the template's; an empty cell is a cap of 0. */
export const bonusCapChanged: Rule = {
  code: 'bonus-cap-changed',
  severity: 'error',
  title: 'Điểm thưởng khác mẫu',
  message: (p) => `${p.cell}: ${p.label} ghi điểm thưởng ${p.sheet}, mẫu (${p.templateLabel}) quy định ${p.template}.`,
  check({ map, layout, template }) {
    const col = layout.columns.diemThuong;
    if (!template || col === undefined) return [];
    return map.criteria.flatMap((c) => {
      const node = template.bySheet.get(c.id);
      const s = c.scores.diemThuong;
      // Text in the cap column is not-a-number's to tell; it is no cap to compare.
      if (!node || s.kind === 'text') return [];
      const sheet = s.kind === 'number' ? s.value : 0;
      if (Math.abs(sheet - node.diemThuong) < 1e-6) return [];
      return [finding(bonusCapChanged, c.row, col, c, { label: c.label, sheet, template: node.diemThuong, templateLabel: node.label })];
    });
  },
};

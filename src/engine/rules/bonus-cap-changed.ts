import { templateValueRule } from './cap';

/** A sheet whose Điểm thưởng (the bonus cap) differs from the template's; an empty cell is a cap of 0. */
export const bonusCapChanged = templateValueRule({
  code: 'bonus-cap-changed',
  title: 'Điểm thưởng khác mẫu',
  description: 'Mức điểm thưởng ghi trong bảng (ô trống là 0) khác mức điểm thưởng của tiêu chí ấy trong mẫu.',
  column: 'diemThuong',
  emptyIsZero: true,
  message: (d, say) =>
    `${say.label()} ghi điểm thưởng ${say.n(d.sheet)}, mẫu (${say.templateLabel(d.node)}) quy định ${say.n(d.template)}.`,
});

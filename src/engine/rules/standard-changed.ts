import { templateValueRule } from './cap';

/** A sheet whose Điểm chuẩn differs from the bloc's template: a cap raised or lowered by the unit itself. */
export const standardChanged = templateValueRule({
  code: 'standard-changed',
  title: 'Điểm chuẩn khác mẫu',
  description: 'Điểm chuẩn ghi trong bảng khác điểm chuẩn của tiêu chí ấy trong mẫu của khối.',
  column: 'diemChuan',
  emptyIsZero: false,
  message: (d, say) => `${say.label()} ghi điểm chuẩn ${say.n(d.sheet)}, mẫu (${say.templateLabel(d.node)}) quy định ${say.n(d.template)}.`,
});

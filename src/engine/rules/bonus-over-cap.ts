import { capRule } from './cap';

/** Điểm thưởng tự chấm above the row's Điểm thưởng. */
export const bonusOverCap = capRule({
  code: 'bonus-over-cap',
  title: 'Điểm thưởng tự chấm vượt mức',
  description: 'Điểm thưởng tự chấm lớn hơn mức điểm thưởng tối đa của tiêu chí.',
  self: 'thuongTuCham',
  cap: 'diemThuong',
  message: (d, say) => `${say.label()} tự chấm ${say.n(d.self)} điểm thưởng, vượt mức điểm thưởng tối đa ${say.n(d.cap)}.`,
});

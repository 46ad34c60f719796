import { capRule } from './cap';

/** Điểm tự chấm above the row's Điểm chuẩn. */
export const overCap = capRule({
  code: 'over-cap',
  title: 'Tự chấm vượt điểm chuẩn',
  description: 'Điểm tự chấm của một tiêu chí lớn hơn điểm chuẩn của chính tiêu chí đó.',
  self: 'tuCham',
  cap: 'diemChuan',
  message: (d, say) => `${say.label()} tự chấm ${say.n(d.self)} điểm, vượt điểm chuẩn ${say.n(d.cap)} điểm.`,
});

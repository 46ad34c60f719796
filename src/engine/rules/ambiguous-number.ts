import { finding, Rule } from './rule';

/** "1.5" or "1,000" written as text: a decimal, or a thousands mark? Read the Vietnamese way, and say so. */
export const ambiguousNumber: Rule = {
  code: 'ambiguous-number',
  severity: 'warning',
  title: 'Số viết chưa rõ',
  message: (p) => `${p.cell}: “${p.text}” có thể là ${p.value} hoặc ${p.other}; đang đọc là ${p.value}. Hãy nhập lại dưới dạng số.`,
  check({ scoreCells }) {
    return scoreCells.flatMap((s) => {
      if (s.score.kind !== 'number' || !s.score.ambiguous || s.score.all) return [];
      const text = s.score.text ?? String(s.score.value);
      const other = Number(text.replace(/[.,]/g, ''));
      return [finding(ambiguousNumber, s.row, s.col, s.criterion, { text, value: s.score.value, other })];
    });
  },
};

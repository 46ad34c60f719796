import { defineRule } from './rule';

/** "1.5" or "1,000" written as text: a decimal, or a thousands mark? Read the Vietnamese way, and say so. */
export const ambiguousNumber = defineRule<{ ambiguous: { text: string; value: number; other: number } }>()({
  meta: {
    code: 'ambiguous-number',
    severity: 'warning',
    title: 'Số viết chưa rõ',
    description: 'Một ô điểm ghi số dạng chữ có dấu chấm hoặc phẩy có thể đọc hai cách (1.5 hay 15, 1,000 hay 1).',
    tags: ['numbers'],
  },
  messages: {
    ambiguous: (d, say) =>
      `“${d.text}” có thể là ${say.n(d.value)} hoặc ${say.n(d.other)}; đang đọc là ${say.n(d.value)}. Hãy nhập lại dưới dạng số.`,
  },
  check({ scoreCells }, report) {
    // An index loop, not for…of: a check runs once, before it is optimised, and each iterator step allocates.
    for (let k = 0; k < scoreCells.length; k++) {
      const s = scoreCells[k];
      if (s.score.kind !== 'number' || !s.score.ambiguous || s.score.all) continue;
      const text = s.score.text ?? String(s.score.value);
      report(s, 'ambiguous', { text, value: s.score.value, other: Number(text.replace(/[.,]/g, '')) });
    }
  },
});

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
    // By index, each cell's score first: a cell is made only when told (for…of would also allocate per step).
    for (let k = 0; k < scoreCells.length; k++) {
      const score = scoreCells.score(k);
      if (score.kind !== 'number' || !score.ambiguous || score.all) continue;
      const text = score.text ?? String(score.value);
      report(scoreCells.cell(k), 'ambiguous', { text, value: score.value, other: Number(text.replace(/[.,]/g, '')) });
    }
  },
});

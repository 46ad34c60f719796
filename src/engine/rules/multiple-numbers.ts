import { defineRule } from './rule';

/** Several numbers in one score cell ("60 20 20"): the first is taken for totals, and the user is told. */
export const multipleNumbers = defineRule<{ several: { numbers: readonly number[]; first: number } }>()({
  meta: {
    code: 'multiple-numbers',
    severity: 'warning',
    title: 'Nhiều số trong một ô',
    description: 'Một ô điểm ghi nhiều số (“60 20 20”): số đầu được lấy để tính tổng.',
    tags: ['numbers'],
  },
  messages: {
    several: (d, say) => `ô ghi nhiều số (${say.list(d.numbers)}); lấy ${say.n(d.first)} để tính tổng. Nên tách các phần ra ô riêng.`,
  },
  check({ scoreCells }, report) {
    // An index loop, not for…of: a check runs once, before it is optimised, and each iterator step allocates.
    for (let k = 0; k < scoreCells.length; k++) {
      const s = scoreCells[k];
      if (s.score.kind === 'number' && s.score.all) report(s, 'several', { numbers: s.score.all, first: s.score.value });
    }
  },
});

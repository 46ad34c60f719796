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
    // By index, each cell's score first: a cell is made only when told (for…of would also allocate per step).
    for (let k = 0; k < scoreCells.length; k++) {
      const score = scoreCells.score(k);
      if (score.kind === 'number' && score.all) report(scoreCells.cell(k), 'several', { numbers: score.all, first: score.value });
    }
  },
});

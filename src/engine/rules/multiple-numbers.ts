import { listNumbers, finding, Rule } from './rule';

/** Several numbers in one score cell ("60 20 20"): the first is taken for totals, and the user is told. */
export const multipleNumbers: Rule = {
  code: 'multiple-numbers',
  severity: 'warning',
  title: 'Nhiều số trong một ô',
  message: (p) => `${p.cell}: ô ghi nhiều số (${p.numbers}); lấy ${p.first} để tính tổng. Nên tách các phần ra ô riêng.`,
  check({ scoreCells }) {
    return scoreCells.flatMap((s) =>
      s.score.kind === 'number' && s.score.all
        ? [finding(multipleNumbers, s.row, s.col, s.criterion, { numbers: listNumbers(s.score.all), first: s.score.value })]
        : [],
    );
  },
};

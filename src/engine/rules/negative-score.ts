import { COLUMN_WORDS, finding, Rule } from './rule';

/** A negative number in a score column: scores and caps are never below zero. */
export const negativeScore: Rule = {
  code: 'negative-score',
  severity: 'error',
  title: 'Điểm âm',
  message: (p) => `${p.cell}: ${p.column} là số âm (${p.value}).`,
  check({ scoreCells }) {
    return scoreCells.flatMap((s) =>
      s.score.kind === 'number' && (s.score.all ?? [s.score.value]).some((n) => n < 0)
        ? [finding(negativeScore, s.row, s.col, s.criterion, { column: COLUMN_WORDS[s.column], value: Math.min(...(s.score.all ?? [s.score.value])) })]
        : [],
    );
  },
};

import { DEDUCTION_COLUMNS, type ScoreColumn } from '../model';
import { defineRule } from './rule';

/** A negative number in a score column: scores and caps are never below zero. */
export const negativeScore = defineRule<{ negative: { column: ScoreColumn; value: number } }>()({
  meta: {
    code: 'negative-score',
    severity: 'error',
    title: 'Điểm âm',
    description: 'Một ô điểm (chuẩn, thưởng, tự chấm) ghi số âm.',
    tags: ['scores', 'numbers'],
  },
  messages: {
    negative: (d, say) => `${say.column(d.column)} là số âm (${say.n(d.value)}).`,
  },
  check({ scoreCells }, report) {
    // By index, each cell's score first: a cell is made only when told (for…of would also allocate per step).
    for (let k = 0; k < scoreCells.length; k++) {
      const score = scoreCells.score(k);
      if (score.kind !== 'number') continue;
      const least = score.all ? Math.min(...score.all) : score.value; // one number is its own least: no list for it
      if (!(least < 0)) continue;
      const column = scoreCells.column(k);
      // Deduction columns write their amounts negative ("-2", "- 0,25"): that is how tables write a deduction.
      if (!DEDUCTION_COLUMNS.includes(column)) report(scoreCells.cell(k), 'negative', { column, value: least });
    }
  },
});

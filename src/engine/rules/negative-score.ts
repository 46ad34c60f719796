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
    // An index loop, not for…of: a check runs once, before it is optimised, and each iterator step allocates.
    for (let k = 0; k < scoreCells.length; k++) {
      const s = scoreCells[k];
      // Deduction columns write their amounts negative ("-2", "- 0,25"): that is how tables write a deduction.
      if (s.score.kind !== 'number' || DEDUCTION_COLUMNS.includes(s.column)) continue;
      const least = s.score.all ? Math.min(...s.score.all) : s.score.value; // one number is its own least: no list for it
      if (least < 0) report(s, 'negative', { column: s.column, value: least });
    }
  },
});

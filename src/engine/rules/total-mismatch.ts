import type { ScoreColumn } from '../model';
import { sameScore } from '../numbers';
import { defineRule } from './rule';

/** A section, parent item or TỔNG CỘNG whose stated value differs from the sum of its children. */
interface MismatchData {
  column: ScoreColumn;
  stated: number;
  computed: number;
}

export const totalMismatch = defineRule<{ mismatch: MismatchData; bestOption: MismatchData }>()({
  meta: {
    code: 'total-mismatch',
    severity: 'error',
    title: 'Tổng không khớp',
    description: 'Ô tổng của một nội dung, một mục có mục con hoặc TỔNG CỘNG khác tổng các mục của nó.',
    tags: ['totals'],
  },
  messages: {
    mismatch: (d, say) => `${say.label()} ghi ${say.n(d.stated)} ${say.column(d.column)}, cộng các mục được ${say.n(d.computed)}.`,
    bestOption: (d, say) =>
      `${say.label()} ghi ${say.n(d.stated)} ${say.column(d.column)}, nhưng lựa chọn cao nhất của mục này là ${say.n(d.computed)}: điểm chuẩn là mức cao nhất có thể đạt.`,
  },
  check({ totals, map }, report) {
    const { lines } = totals;
    for (let k = 0; k < lines.length; k++) {
      const t = lines[k];
      if (t.stated === undefined) continue;
      if (sameScore(t.stated, t.computed)) continue;
      report({ row: t.row, col: t.col, criterion: map.criteria[totals.lineCriterion[k]] }, t.best ? 'bestOption' : 'mismatch', {
        column: t.column,
        stated: t.stated,
        computed: t.computed,
      });
    }
  },
});

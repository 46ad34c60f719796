import { selfScored } from './scope';
import { defineRule } from './rule';

/**
 * A criterion that carries its own score, self-scored above zero, with no evidence. Sections, parents and totals
 * never need evidence; a row whose evidence slid into a score column is told by not-a-number instead.
 */
export const missingEvidence = defineRule<{ missing: { self: number } }>()({
  meta: {
    code: 'missing-evidence',
    severity: 'warning',
    title: 'Thiếu giải trình',
    description: 'Một tiêu chí được tự chấm trên 0 điểm nhưng ô giải trình / tài liệu kiểm chứng để trống.',
    tags: ['evidence'],
  },
  messages: {
    missing: (d, say) => `${say.label()} tự chấm ${say.n(d.self)} điểm nhưng chưa có giải trình / tài liệu kiểm chứng.`,
  },
  check(ctx, report) {
    const col = ctx.layout.columns.giaiTrinh;
    if (col === undefined) return;
    const { at, self } = selfScored(ctx);
    for (let k = 0; k < at.length; k++) {
      const c = ctx.map.criteria[at[k]];
      if (c.evidence !== '') continue;
      if (ctx.template?.bySheet.get(c.id)?.evidenceRequired === false) continue; // the bloc asks none for this one
      report({ row: c.row, col, criterion: c }, 'missing', { self: self[k] });
    }
  },
});

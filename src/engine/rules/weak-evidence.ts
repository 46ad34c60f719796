import { excerpt } from '../text';
import { selfScored } from './scope';
import { defineRule } from './rule';

/**
 * A self-scored leaf criterion whose evidence cites no document ("Đảm bảo theo quy định"). The same scope as
 * missing-evidence, which takes the criteria with no evidence at all: a criterion gets one of the two, never both.
 */
export const weakEvidence = defineRule<{ uncited: { self: number; text: string } }>()({
  meta: {
    code: 'weak-evidence',
    severity: 'info',
    title: 'Giải trình không dẫn văn bản',
    description: 'Giải trình của một tiêu chí được tự chấm không dẫn văn bản nào (số, ký hiệu, ngày ban hành).',
    tags: ['evidence', 'citations'],
  },
  messages: {
    uncited: (d, say) =>
      `${say.label()} tự chấm ${say.n(d.self)} điểm, giải trình “${d.text}” không dẫn văn bản nào (số, ký hiệu, ngày ban hành).`,
  },
  check(ctx, report) {
    const col = ctx.layout.columns.giaiTrinh;
    if (col === undefined) return;
    // Marked by position rather than gathered in a set of ids: a long sheet cites tens of thousands of documents.
    const { citations } = ctx.evidence;
    const citing = new Uint8Array(ctx.map.criteria.length);
    for (let k = 0; k < citations.length; k++) {
      const at = ctx.totals.positions.of(citations[k].criterion);
      if (at !== undefined) citing[at] = 1;
    }
    const { at, self } = selfScored(ctx);
    for (let k = 0; k < at.length; k++) {
      if (citing[at[k]] === 1) continue;
      const c = ctx.map.criteria[at[k]];
      if (c.evidence === '') continue;
      report({ row: c.row, col, criterion: c }, 'uncited', { self: self[k], text: excerpt(c.evidence, 50) });
    }
  },
});

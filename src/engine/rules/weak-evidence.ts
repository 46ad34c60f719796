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
    const citing = new Set(ctx.evidence.citations.map((c) => c.criterion.id));
    for (const { criterion: c, self } of selfScored(ctx)) {
      if (c.evidence === '' || citing.has(c.id)) continue;
      report({ row: c.row, col, criterion: c }, 'uncited', { self, text: excerpt(c.evidence, 50) });
    }
  },
});

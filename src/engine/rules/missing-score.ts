import { scoreValue } from '../numbers';
import { defineRule } from './rule';

/** A criterion with a standard score of its own and no self-score. */
export const missingScore = defineRule<{ unscored: { cap: number } }>()({
  meta: {
    code: 'missing-score',
    severity: 'warning',
    title: 'Chưa tự chấm',
    description: 'Một tiêu chí có điểm chuẩn nhưng ô tự chấm để trống.',
    tags: ['scores'],
  },
  messages: {
    unscored: (d, say) => `${say.label()} có điểm chuẩn ${say.n(d.cap)} nhưng chưa tự chấm.`,
  },
  check({ map, layout, totals }, report) {
    const col = layout.columns.tuCham;
    if (col === undefined) return;
    for (const c of map.criteria) {
      const cap = scoreValue(c.scores.diemChuan);
      if (c.kind !== 'item' || totals.isTotal(c.id, 'tuCham') || cap === undefined || cap <= 0) continue;
      // A parent scored as a whole uses its children as a guide; an alternative not taken ("Hoặc") is not left unscored.
      if (c.children.length > 0) continue;
      const parent = c.parent ? map.byId.get(c.parent) : undefined;
      if (parent && parent.scores.tuCham.kind !== 'empty' && !totals.isTotal(parent.id, 'tuCham')) continue;
      if (
        c.alternative !== undefined &&
        parent?.children.some((id) => map.byId.get(id)?.alternative === c.alternative && map.byId.get(id)?.scores.tuCham.kind !== 'empty')
      )
        continue;
      if (c.scores.tuCham.kind === 'empty') report({ row: c.row, col, criterion: c }, 'unscored', { cap });
    }
  },
});

import type { Criterion } from '../model';
import { defineRule } from './rule';

/**
 * True when an alternative of the group ("… Hoặc …") is self-scored. A function of its own, not a closure in the
 * loop: a closure there made every criterion's turn allocate the variables it captured.
 */
function otherTaken(byId: ReadonlyMap<string, Criterion>, parent: Criterion, group: number): boolean {
  return parent.children.some((id) => byId.get(id)?.alternative === group && byId.get(id)?.scores.tuCham.kind !== 'empty');
}

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
    const { criteria } = map;
    const tuCham = totals.column('tuCham');
    const diemChuan = totals.column('diemChuan');
    // By position, the figures first: a criterion self-scored with a number is no empty cell, and is never read.
    for (let i = 0; i < criteria.length; i++) {
      if (tuCham.own(i) !== undefined || tuCham.isTotal(i)) continue;
      const cap = diemChuan.own(i);
      if (cap === undefined || cap <= 0) continue;
      const c = criteria[i];
      // A parent scored as a whole uses its children as a guide; an alternative not taken ("Hoặc") is not left unscored.
      if (c.kind !== 'item' || c.children.length > 0 || c.scores.tuCham.kind !== 'empty') continue;
      const parent = c.parent ? map.byId.get(c.parent) : undefined;
      if (parent && parent.scores.tuCham.kind !== 'empty' && !tuCham.isTotal(totals.positions.of(parent)!)) continue;
      if (c.alternative !== undefined && parent && otherTaken(map.byId, parent, c.alternative)) continue;
      report({ row: c.row, col, criterion: c }, 'unscored', { cap });
    }
  },
});

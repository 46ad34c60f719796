import { wordingOf } from '../template/match';
import { excerpt } from '../text';
import { defineRule } from './rule';

/** Words of `a` not in `b`, each counted as often as `a` has more of it, in `a`'s order. */
function wordsNotIn(a: string[], b: string[]): string[] {
  const left = new Map<string, number>();
  for (const w of b) left.set(w, (left.get(w) ?? 0) + 1);
  return a.filter((w) => {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    return n === 0;
  });
}

interface Wording {
  node: string;
  added: string;
  removed: string;
}

/** A criterion matched to the template whose wording differs beyond spacing, case and punctuation. */
export const textChanged = defineRule<{ words: Wording; order: Wording }>()({
  meta: {
    code: 'text-changed',
    severity: 'warning',
    title: 'Lời tiêu chí khác mẫu',
    description: 'Lời của một tiêu chí khác lời trong mẫu (thêm, bớt hoặc đổi thứ tự từ), ngoài khoảng trắng, chữ hoa và dấu câu.',
    requires: ['template'],
    tags: ['template'],
  },
  messages: {
    words: (d, say) =>
      `lời của ${say.label()} khác mẫu (${say.templateLabel(d.node)}): ${[
        d.added ? `thêm “${d.added}”` : '',
        d.removed ? `bớt “${d.removed}”` : '',
      ]
        .filter(Boolean)
        .join(', ')}.`,
    order: (d, say) => `lời của ${say.label()} khác mẫu (${say.templateLabel(d.node)}): các từ đổi thứ tự.`,
  },
  check({ map, layout, template }, report) {
    const col = layout.columns.tieuChi ?? layout.columns.tt;
    if (!template || col === undefined) return;
    for (const c of map.criteria) {
      const node = template.bySheet.get(c.id);
      if (!node) continue;
      const sheet = wordingOf(c.text);
      const official = wordingOf(node.text);
      if (sheet === official) continue;
      const a = sheet.split(' ');
      const b = official.split(' ');
      const added = excerpt(wordsNotIn(a, b).join(' '), 60);
      const removed = excerpt(wordsNotIn(b, a).join(' '), 60);
      report({ row: c.row, col, criterion: c }, added || removed ? 'words' : 'order', { node: node.id, added, removed });
    }
  },
});

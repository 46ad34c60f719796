import { wordingOf } from '../template/match';
import { excerpt } from '../text';
import { finding, Rule } from './rule';

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

/** A criterion matched to the template whose wording differs beyond spacing, case and punctuation. */
export const textChanged: Rule = {
  code: 'text-changed',
  severity: 'warning',
  title: 'Lời tiêu chí khác mẫu',
  message: (p) =>
    `${p.cell}: lời của ${p.label} khác mẫu (${p.templateLabel}): ${
      p.added || p.removed
        ? [p.added ? `thêm “${p.added}”` : '', p.removed ? `bớt “${p.removed}”` : ''].filter(Boolean).join(', ')
        : 'các từ đổi thứ tự'
    }.`,
  check({ map, layout, template }) {
    const col = layout.columns.tieuChi ?? layout.columns.tt;
    if (!template || col === undefined) return [];
    return map.criteria.flatMap((c) => {
      const node = template.bySheet.get(c.id);
      if (!node) return [];
      const sheet = wordingOf(c.text);
      const official = wordingOf(node.text);
      if (sheet === official) return [];
      const a = sheet.split(' ');
      const b = official.split(' ');
      return [
        finding(textChanged, c.row, col, c, {
          label: c.label,
          templateLabel: node.label,
          added: excerpt(wordsNotIn(a, b).join(' '), 60),
          removed: excerpt(wordsNotIn(b, a).join(' '), 60),
        }),
      ];
    });
  },
};

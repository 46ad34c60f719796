import { excerpt, wordsPattern } from '../text';
import { defineRule } from './rule';

const WORDS = ['tam tinh', 'tam cham', 'tam xep loai', 'du kien', 'cho ket qua', 'chua co ket qua', 'chua chinh thuc'];
const PROVISIONAL = wordsPattern(WORDS);
/**
 * The same words in the cell's folded text (lower case, no diacritics), as plain letters and without the word
 * boundaries: every cell PROVISIONAL finds has them, and this quick first look spares the costly Unicode pattern
 * on the cells (nearly all) that cannot match. PROVISIONAL decides on the few that pass.
 */
const FOLDED_WORDS = new RegExp(WORDS.map((w) => w.replace(/ /g, '\\s+')).join('|'));

/** A score marked "Tạm tính" or the like: it will change, and the bloc should know. */
export const provisional = defineRule<{ provisional: { text: string } }>()({
  meta: {
    code: 'provisional',
    severity: 'warning',
    title: 'Điểm tạm tính',
    description: 'Điểm hoặc giải trình ghi “tạm tính”, “dự kiến”, “chờ kết quả”: điểm sẽ còn thay đổi.',
    tags: ['scores', 'evidence'],
  },
  messages: {
    provisional: (d, say) => `${say.label()} ghi “${d.text}”: điểm còn tạm tính, cần cập nhật khi có kết quả chính thức.`,
  },
  check({ map, layout, view }, report) {
    const cols = [layout.columns.giaiTrinh, layout.columns.tuCham, layout.columns.thuongTuCham].filter((c): c is number => c !== undefined);
    const { criteria } = map;
    // Index loops, not for…of: a check runs once, before it is optimised, and each iterator step allocates.
    for (let i = 0; i < criteria.length; i++) {
      const c = criteria[i];
      found: for (let k = -1; k < c.continuationRows.length; k++) {
        const row = k < 0 ? c.row : c.continuationRows[k];
        for (let m = 0; m < cols.length; m++) {
          const col = cols[m];
          // Only text says so: a number reads as its digits, a boolean as true or false.
          if (typeof view.cell(row, col).value !== 'string' || !FOLDED_WORDS.test(view.folded(row, col))) continue;
          const text = view.text(row, col);
          if (!PROVISIONAL.test(text)) continue;
          report({ row, col, criterion: c }, 'provisional', { text: excerpt(text, 40) });
          break found;
        }
      }
    }
  },
});

import { cellText, excerpt, wordsPattern } from '../text';
import { defineRule } from './rule';

const PROVISIONAL = wordsPattern(['tam tinh', 'tam cham', 'tam xep loai', 'du kien', 'cho ket qua', 'chua co ket qua', 'chua chinh thuc']);

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
    for (const c of map.criteria) {
      found: for (const row of [c.row, ...c.continuationRows]) {
        for (const col of cols) {
          const text = cellText(view.cell(row, col).value);
          if (!PROVISIONAL.test(text)) continue;
          report({ row, col, criterion: c }, 'provisional', { text: excerpt(text, 40) });
          break found;
        }
      }
    }
  },
});

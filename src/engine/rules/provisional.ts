import { cellText, excerpt, wordsPattern } from '../text';
import { finding, Rule } from './rule';

const PROVISIONAL = wordsPattern(['tam tinh', 'tam cham', 'tam xep loai', 'du kien', 'cho ket qua', 'chua co ket qua', 'chua chinh thuc']);

/** A score marked "Tạm tính" or the like: it will change, and the bloc should know. */
export const provisional: Rule = {
  code: 'provisional',
  severity: 'warning',
  title: 'Điểm tạm tính',
  message: (p) => `${p.cell}: ${p.label} ghi “${p.text}”: điểm còn tạm tính, cần cập nhật khi có kết quả chính thức.`,
  check({ map, layout, view }) {
    const cols = [layout.columns.giaiTrinh, layout.columns.tuCham, layout.columns.thuongTuCham].filter(
      (c): c is number => c !== undefined,
    );
    return map.criteria.flatMap((c) => {
      for (const row of [c.row, ...c.continuationRows]) {
        for (const col of cols) {
          const text = cellText(view.cell(row, col).value);
          const m = PROVISIONAL.exec(text);
          if (m) return [finding(provisional, row, col, c, { label: c.label, text: excerpt(text, 40) })];
        }
      }
      return [];
    });
  },
};

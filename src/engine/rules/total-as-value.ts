import { a1 } from '../grid';
import { defineRule } from './rule';

/** A total written as a value, not a formula, because Excel's SUM would skip one of its inputs. */
export const totalAsValue = defineRule<{ asValue: { computed: number; input: string; text: string } }>()({
  meta: {
    code: 'total-as-value',
    severity: 'info',
    title: 'Tổng ghi dạng giá trị',
    description: 'Một ô tổng được ghi dạng số thay vì công thức, vì một ô được cộng chứa số dạng chữ mà hàm SUM bỏ qua.',
    tags: ['totals'],
  },
  messages: {
    asValue: (d, say) =>
      `tổng ${say.n(d.computed)} được ghi dạng số, không dùng công thức, vì ${d.input} chứa số dạng chữ (“${d.text}”) mà hàm SUM của Excel bỏ qua.`,
  },
  check({ totals, map, options }, report) {
    if (options.totals !== 'formulas') return;
    const { lines } = totals;
    for (let k = 0; k < lines.length; k++) {
      const input = totals.textInput(k);
      if (!input) continue;
      const t = lines[k];
      report({ row: t.row, col: t.col, criterion: map.criteria[totals.lineCriterion[k]] }, 'asValue', {
        computed: t.computed,
        input: a1(input.row, input.col),
        text: input.text,
      });
    }
  },
});

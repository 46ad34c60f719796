import { a1 } from '../grid';
import { finding, Rule } from './rule';

/** A total written as a value, not a formula, because Excel's SUM would skip one of its inputs. */
export const totalAsValue: Rule = {
  code: 'total-as-value',
  severity: 'info',
  title: 'Tổng ghi dạng giá trị',
  message: (p) =>
    `${p.cell}: tổng ${p.computed} được ghi dạng số, không dùng công thức, vì ${p.input} chứa số dạng chữ (“${p.text}”) mà hàm SUM của Excel bỏ qua.`,
  check({ totals, map, options }) {
    if (options.totals !== 'formulas') return [];
    return totals.lines.flatMap((t) => {
      const input = totals.textInput(t);
      if (!input) return [];
      return [
        finding(totalAsValue, t.row, t.col, map.byId.get(t.criterion), {
          computed: t.computed,
          input: a1(input.row, input.col),
          text: input.text,
        }),
      ];
    });
  },
};

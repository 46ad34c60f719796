import { checkSheet, shownMessage } from '../../../src/engine';
import { findingsOf } from '../../helpers/check';
import { grid, Row } from '../../helpers/grid';

const HEADER = ['TT', 'Tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm', 'Điểm Khối chấm', 'Lý do', 'Giải trình / tài liệu kiểm chứng'];
const table = (rows: Row[]) => grid([['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022'], HEADER, ...rows]);

describe('review-over-cap', () => {
  it('flags a review score above the row’s standard, at the review cell', () => {
    const r = checkSheet(
      table([
        ['Nội dung 1: Chuyên môn', null, 30, 30, 32],
        ['1', 'Công tác A', 20, 20, 22, 'Cộng nhầm', 'Báo cáo số 1/BC'],
        ['2', 'Công tác B', 10, 10, 10, null, 'Báo cáo số 2/BC'],
        ['TỔNG CỘNG', null, 30, 30, 32],
      ]),
    );
    const f = findingsOf(r, 'review-over-cap');
    expect(f.map((x) => [x.cell, x.data])).toEqual([['E4', { review: 22, cap: 20, self: 20 }]]);
    expect(shownMessage(f[0])).toBe('E4: Nội dung 1, mục 1: điểm khối chấm 22 vượt mức tối đa 20 điểm (đơn vị tự chấm 20).');
  });

  it('finds nothing within the caps', () => {
    const r = checkSheet(
      table([
        ['Nội dung 1: Chuyên môn', null, 30, 30, 27],
        ['1', 'Công tác A', 20, 20, 17, 'Thiếu kế hoạch', 'Báo cáo số 1/BC'],
        ['2', 'Công tác B', 10, 10, 10, null, 'Báo cáo số 2/BC'],
        ['TỔNG CỘNG', null, 30, 30, 27],
      ]),
    );
    expect(findingsOf(r, 'review-over-cap')).toEqual([]);
    expect(r.findings.filter((x) => x.severity === 'error')).toEqual([]);
  });
});

import { checkSheet, shownMessage, SheetGrid } from '../../../src/engine';
import { findingsOf } from '../../helpers/check';
import { grid, Row } from '../../helpers/grid';

/** A table with the bloc's review beside the self-score and a reason column: [TT, text, chuẩn, tự chấm, khối chấm, lý do]. */
const HEADER = ['TT', 'Tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm', 'Điểm Khối chấm', 'Lý do', 'Giải trình / tài liệu kiểm chứng'];
function reviewed(body: Row[], header = HEADER): SheetGrid {
  return grid([['BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022'], header, ...body]);
}
const body = (r5: Row, r6: Row): Row[] => [['Nội dung 1: Chuyên môn', null, 30, 30, 27], r5, r6, ['TỔNG CỘNG', null, 30, 30, 27]];

describe('review-without-reason', () => {
  it('flags a review score changed with no reason, at the review cell, and leaves the totals that follow alone', () => {
    const r = checkSheet(
      reviewed(body(['1', 'Công tác A', 20, 20, 17, null, 'Báo cáo số 1/BC'], ['2', 'Công tác B', 10, 10, 10, null, 'Báo cáo số 2/BC'])),
    );
    const f = findingsOf(r, 'review-without-reason');
    expect(f.map((x) => [x.cell, x.messageId, x.data])).toEqual([['E4', 'noReason', { self: 20, review: 17 }]]);
    expect(shownMessage(f[0])).toBe('E4: Nội dung 1, mục 1: khối chấm 17 điểm, đơn vị tự chấm 20, nhưng chưa ghi lý do chấm lại.');
  });

  it('is satisfied by a reason in the row', () => {
    const r = checkSheet(
      reviewed(
        body(
          ['1', 'Công tác A', 20, 20, 17, 'Thiếu kế hoạch năm', 'Báo cáo số 1/BC'],
          ['2', 'Công tác B', 10, 10, 10, null, 'Báo cáo số 2/BC'],
        ),
      ),
    );
    expect(findingsOf(r, 'review-without-reason')).toEqual([]);
  });

  it('without a reason column, tells nothing: there is no column to hold empty', () => {
    const header = ['TT', 'Tiêu chí', 'Điểm chuẩn', 'Điểm tự chấm', 'Điểm Khối chấm', 'Giải trình / tài liệu kiểm chứng'];
    const rows: Row[] = [
      ['Nội dung 1: Chuyên môn', null, 30, 30, 25],
      ['1', 'Công tác A', 20, 20, 17, 'Báo cáo số 1/BC'],
      ['2', 'Công tác B', 10, 10, 8, 'Báo cáo số 2/BC'],
      ['TỔNG CỘNG', null, 30, 30, 25],
    ];
    const f = findingsOf(checkSheet(reviewed(rows, header)), 'review-without-reason');
    expect(f).toEqual([]);
  });

  it('finds nothing where the review agrees with the self-score, or where there is no review column', () => {
    const same = checkSheet(
      reviewed(body(['1', 'Công tác A', 20, 20, 20, null, 'Báo cáo số 1/BC'], ['2', 'Công tác B', 10, 10, 10, null, 'Báo cáo số 2/BC'])),
    );
    expect(findingsOf(same, 'review-without-reason')).toEqual([]);
  });
});

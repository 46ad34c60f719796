import { shownMessage } from '../../../src/engine';
import { grid } from '../../helpers/grid';
import { khoiBody, khoiTable } from '../../helpers/khoi';
import { check, checkBody, findingsOf } from '../../helpers/check';

describe('deduction-over-cap', () => {
  it('flags a single self column below standard − deduction cap, saying how the floor is made', () => {
    const f = findingsOf(check(khoiTable(khoiBody(17))), 'deduction-over-cap');
    expect(f.map(shownMessage)).toEqual(['F4: Phần I, mục 1 tự chấm 17 điểm, thấp hơn mức thấp nhất: chuẩn 20 − trừ tối đa 2 = 18.']);
    expect(f[0].data).toEqual({ self: 17, standard: 20, deduction: 2, floor: 18 });
  });

  it('accepts a score at the floor, and says nothing where nothing caps the deductions', () => {
    expect(findingsOf(check(khoiTable(khoiBody(18))), 'deduction-over-cap')).toEqual([]);
    // Item 2 has no deduction cap or rule: 5 of 10 is the unit's own business.
    expect(findingsOf(check(khoiTable(khoiBody(21, 5))), 'deduction-over-cap')).toEqual([]);
  });

  it('holds a separate self deduction column to the row deduction cap', () => {
    const header = ['TT', 'Tiêu chuẩn', 'Điểm chuẩn', 'Điểm cộng', 'Điểm trừ', 'Điểm tự chấm', 'Điểm cộng tự chấm', 'Điểm trừ tự chấm'];
    const rows = (ded: number) => [
      header,
      ['1', 'Cải cách thủ tục hành chính', 10, 1, 1, 10, null, ded],
      [null, 'TỔNG CỘNG', 10, 1, 1, 10, null, ded],
    ];
    expect(findingsOf(check(grid(rows(0.4))), 'deduction-over-cap')).toEqual([]);
    expect(findingsOf(check(grid(rows(1.5))), 'deduction-over-cap').map(shownMessage)).toEqual([
      'H2: Mục 1 tự trừ 1,5 điểm, vượt mức trừ tối đa 1.',
    ]);
  });

  it('never fires on the seed layout (separate self bonus column, no deduction column)', () => {
    expect(findingsOf(checkBody([['1', 'Công tác', 20, 2, 5, null, 'Báo cáo số 1/BC-VP ngày 01/12/2022']]), 'deduction-over-cap')).toEqual(
      [],
    );
  });
});

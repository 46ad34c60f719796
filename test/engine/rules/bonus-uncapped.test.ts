import { shownMessage } from '../../../src/engine';
import { check, findingsOf } from '../../helpers/check';
import { khoiBody, khoiTable } from '../../helpers/khoi';

describe('bonus-uncapped', () => {
  it('tells, as info, a score above the standard that only a per-occurrence bonus without a cap can reach', () => {
    const r = check(khoiTable(khoiBody(21, 12)));
    const f = findingsOf(r, 'bonus-uncapped');
    expect(f.map((x) => [x.severity, shownMessage(x)])).toEqual([
      [
        'info',
        'F7: Phần I, mục 2 tự chấm 12 điểm, trên chuẩn 10: điểm cộng tính theo mỗi lần (dòng 8) không có mức tối đa, hãy đối chiếu số lần được cộng.',
      ],
    ]);
    // Never an error: the top is open.
    expect(findingsOf(r, 'over-cap')).toEqual([]);
  });

  it('says nothing at or below the standard', () => {
    expect(findingsOf(check(khoiTable(khoiBody(21, 10))), 'bonus-uncapped')).toEqual([]);
  });
});

import { shownMessage } from '../../../src/engine';
import { check, checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { khoiBody, khoiTable } from '../../helpers/khoi';
import { set, validBody } from '../../helpers/grid';

describe('over-cap', () => {
  it('flags a self-score above the standard, naming cell, criterion and both numbers', () => {
    expect(onlyFinding(checkBody(set(validBody(), 5, 'E', 25)), 'over-cap')).toMatchObject({
      cell: 'E5',
      severity: 'error',
      criterion: '1.1.1',
      message: 'Nội dung 1, mục 1.1 tự chấm 25 điểm, vượt điểm chuẩn 20 điểm.',
    });
  });

  it('writes decimals with a comma and reads scores typed as text', () => {
    const r = checkBody(set(set(validBody(), 5, 'E', '20,5'), 5, 'C', '20'));
    expect(findingsOf(r, 'over-cap').map(shownMessage)).toEqual(['E5: Nội dung 1, mục 1.1 tự chấm 20,5 điểm, vượt điểm chuẩn 20 điểm.']);
  });

  it('accepts a self-score equal to or below the standard', () => {
    expect(findingsOf(checkBody(validBody()), 'over-cap')).toEqual([]);
    expect(findingsOf(checkBody(set(validBody(), 5, 'E', 19.5)), 'over-cap')).toEqual([]);
  });

  it('says nothing when there is no standard to compare with', () => {
    expect(findingsOf(checkBody(set(validBody(), 5, 'C', null)), 'over-cap')).toEqual([]);
  });

  it('flags a section whose self-score exceeds its standard', () => {
    let body = set(validBody(), 3, 'E', 60);
    body = set(body, 3, 'C', 50);
    expect(findingsOf(checkBody(body), 'over-cap').map((f) => f.cell)).toEqual(['E3']);
  });
});

describe('over-cap with one self column carrying chuẩn + thưởng − trừ', () => {
  it('accepts standard + bonus allowance, and names how the maximum is reached above it', () => {
    expect(findingsOf(check(khoiTable(khoiBody(22))), 'over-cap')).toEqual([]);
    const f = findingsOf(check(khoiTable(khoiBody(22.5))), 'over-cap');
    expect(f.map(shownMessage)).toEqual(['F4: Phần I, mục 1 tự chấm 22,5 điểm, vượt mức tối đa: chuẩn 20 + thưởng tối đa 2 = 22.']);
    expect(f[0].messageId).toBe('overReachable');
  });
});

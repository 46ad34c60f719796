import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';

describe('multiple-numbers', () => {
  it('flags several numbers in one cell, listing them and saying which one counts', () => {
    const body = set(set(set(validBody(), 5, 'C', 60), 5, 'E', '60 20 20'), 6, 'E', 10);
    expect(onlyFinding(checkBody(body), 'multiple-numbers')).toMatchObject({
      cell: 'E5',
      severity: 'warning',
      criterion: '1.1.1',
      message: 'ô ghi nhiều số (60; 20; 20); lấy 60 để tính tổng. Nên tách các phần ra ô riêng.',
    });
  });

  it('writes decimal parts with a comma', () => {
    const f = findingsOf(checkBody(set(validBody(), 5, 'E', '10,5; 9,5')), 'multiple-numbers');
    expect(f.map(shownMessage)).toEqual(['E5: ô ghi nhiều số (10,5; 9,5); lấy 10,5 để tính tổng. Nên tách các phần ra ô riêng.']);
  });

  it('says nothing for one number, however it is written', () => {
    for (const v of [20, '20', '19,5', '1.000', '20 điểm']) {
      expect(findingsOf(checkBody(set(validBody(), 5, 'E', v)), 'multiple-numbers')).toEqual([]);
    }
  });

  it('does not take words mixed with numbers for several numbers', () => {
    const r = checkBody(set(validBody(), 5, 'E', 'đạt 20'));
    expect(findingsOf(r, 'multiple-numbers')).toEqual([]);
    expect(findingsOf(r, 'not-a-number')).toHaveLength(1);
  });
});

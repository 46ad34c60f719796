import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
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
    expect(findingsOf(r, 'over-cap').map(shownMessage)).toEqual([
      'E5: Nội dung 1, mục 1.1 tự chấm 20,5 điểm, vượt điểm chuẩn 20 điểm.',
    ]);
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

import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';

describe('bonus-over-cap', () => {
  it('flags a bonus self-score above the bonus, naming cell and numbers', () => {
    expect(onlyFinding(checkBody(set(validBody(), 9, 'F', 10)), 'bonus-over-cap')).toMatchObject({
      cell: 'F9',
      severity: 'error',
      criterion: '2.1',
      message: 'Nội dung 2, mục 1 tự chấm 10 điểm thưởng, vượt mức điểm thưởng tối đa 2.',
    });
  });

  it('reads a bonus cap typed as text with a leading zero ("01")', () => {
    const body = set(set(validBody(), 9, 'D', '01'), 9, 'F', 10);
    expect(findingsOf(checkBody(body), 'bonus-over-cap').map(shownMessage)).toEqual([
      'F9: Nội dung 2, mục 1 tự chấm 10 điểm thưởng, vượt mức điểm thưởng tối đa 1.',
    ]);
  });

  it('accepts a bonus self-score up to the cap', () => {
    expect(findingsOf(checkBody(validBody()), 'bonus-over-cap')).toEqual([]);
    expect(findingsOf(checkBody(set(validBody(), 9, 'F', 1.5)), 'bonus-over-cap')).toEqual([]);
  });

  it('never compares the bonus self-score with the standard score', () => {
    // 15 is below the standard 20 but above the bonus 2: only the bonus counts.
    expect(findingsOf(checkBody(set(validBody(), 9, 'F', 15)), 'bonus-over-cap')).toHaveLength(1);
    expect(findingsOf(checkBody(set(validBody(), 9, 'F', 15)), 'over-cap')).toEqual([]);
  });
});

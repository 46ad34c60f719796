import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';

describe('negative-score', () => {
  it('flags a negative self-score, naming the column and the number', () => {
    expect(onlyFinding(checkBody(set(validBody(), 5, 'E', -5)), 'negative-score')).toMatchObject({
      cell: 'E5',
      severity: 'error',
      criterion: '1.1.1',
      message: 'điểm tự chấm là số âm (-5).',
    });
  });

  it('flags a negative standard typed as text', () => {
    const f = findingsOf(checkBody(set(validBody(), 6, 'C', '-2,5')), 'negative-score');
    expect(f.map(shownMessage)).toEqual(['C6: điểm chuẩn là số âm (-2,5).']);
  });

  it('flags a negative part among several numbers', () => {
    const f = findingsOf(checkBody(set(validBody(), 5, 'E', '20 -5')), 'negative-score');
    expect(f.map((x) => x.cell)).toEqual(['E5']);
  });

  it('flags a negative number in a continuation row', () => {
    const body = validBody();
    body.splice(3, 0, [null, 'phần tiếp theo của mục 1.1', null, null, -3]);
    const f = findingsOf(checkBody(body), 'negative-score');
    expect(f.map((x) => [x.cell, x.criterion])).toEqual([['E6', '1.1.1']]);
  });

  it('reads a lone dash as no score, not as a negative', () => {
    expect(findingsOf(checkBody(set(validBody(), 6, 'F', '-')), 'negative-score')).toEqual([]);
    expect(findingsOf(checkBody(validBody()), 'negative-score')).toEqual([]);
    expect(findingsOf(checkBody(set(validBody(), 5, 'E', 0)), 'negative-score')).toEqual([]);
  });
});

import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';

describe('ambiguous-number', () => {
  it('reads "1.5" as one and a half, and says it could be 15', () => {
    expect(onlyFinding(checkBody(set(validBody(), 5, 'E', '1.5')), 'ambiguous-number')).toMatchObject({
      cell: 'E5',
      severity: 'warning',
      criterion: '1.1.1',
      message: '“1.5” có thể là 1,5 hoặc 15; đang đọc là 1,5. Hãy nhập lại dưới dạng số.',
    });
  });

  it('reads "1,000" as one, and says it could be a thousand', () => {
    const f = findingsOf(checkBody(set(validBody(), 6, 'C', '1,000')), 'ambiguous-number');
    expect(f.map(shownMessage)).toEqual(['C6: “1,000” có thể là 1 hoặc 1000; đang đọc là 1. Hãy nhập lại dưới dạng số.']);
  });

  it('is sure of "19,5", "1.000", "02" and real numbers', () => {
    for (const v of ['19,5', '1.000', '02', 1.5, 20]) {
      expect(findingsOf(checkBody(set(validBody(), 5, 'E', v)), 'ambiguous-number')).toEqual([]);
    }
  });
});

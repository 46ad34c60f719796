import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';

describe('missing-score', () => {
  it('flags a criterion with a standard and no self-score, naming the standard', () => {
    expect(onlyFinding(checkBody(set(validBody(), 7, 'E', null)), 'missing-score')).toMatchObject({
      cell: 'E7',
      severity: 'warning',
      criterion: '1.2',
      message: 'Nội dung 1, mục 2 có điểm chuẩn 20 nhưng chưa tự chấm.',
    });
  });

  it('takes 0 as a score, and a dash as none', () => {
    expect(findingsOf(checkBody(set(validBody(), 7, 'E', 0)), 'missing-score')).toEqual([]);
    expect(findingsOf(checkBody(set(validBody(), 7, 'E', '–')), 'missing-score').map((f) => f.cell)).toEqual(['E7']);
  });

  it('never asks a parent for a score its sub-items make up', () => {
    const r = checkBody(set(validBody(), 4, 'E', null));
    expect(findingsOf(r, 'missing-score')).toEqual([]);
  });

  it('says nothing for sections and the grand total, or for a criterion without a standard', () => {
    const r = checkBody(set(set(validBody(), 3, 'E', null), 10, 'E', null));
    expect(findingsOf(r, 'missing-score')).toEqual([]);
    expect(findingsOf(checkBody(set(set(validBody(), 7, 'E', null), 7, 'C', null)), 'missing-score')).toEqual([]);
  });
});

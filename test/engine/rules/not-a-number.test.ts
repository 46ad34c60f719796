import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';

describe('not-a-number', () => {
  it('flags a word in a score column, quoting it', () => {
    expect(onlyFinding(checkBody(set(validBody(), 5, 'E', 'đạt')), 'not-a-number')).toMatchObject({
      cell: 'E5',
      severity: 'error',
      criterion: '1.1.1',
      message: 'cột điểm tự chấm ghi chữ “đạt” thay vì số điểm.',
    });
  });

  it('says that long text is probably evidence that slid into the score column', () => {
    const text = 'Ban hành Kế hoạch số 2154/KH-VP ngày 29/12/2021 về phòng, chống tham nhũng năm 2022';
    const f = findingsOf(checkBody(set(validBody(), 6, 'F', text)), 'not-a-number');
    expect(f.map((x) => x.cell)).toEqual(['F6']);
    expect(shownMessage(f[0])).toMatch(
      /^F6: cột điểm thưởng tự chấm ghi chữ “Ban hành Kế hoạch số 2154\/KH-VP.*…” thay vì số điểm \(có lẽ giải trình bị lệch sang cột này\)\.$/,
    );
  });

  it('flags text in a continuation row, for the criterion above', () => {
    const body = validBody();
    body.splice(3, 0, [null, null, null, null, null, 'được nêu cụ thể tại Báo cáo số 1979/BC-VP']);
    const f = findingsOf(checkBody(body), 'not-a-number');
    expect(f.map((x) => [x.cell, x.criterion])).toEqual([['F6', '1.1.1']]);
  });

  it('flags a boolean', () => {
    expect(findingsOf(checkBody(set(validBody(), 5, 'E', true)), 'not-a-number').map(shownMessage)).toEqual([
      'E5: cột điểm tự chấm ghi chữ “TRUE” thay vì số điểm.',
    ]);
  });

  it('takes numbers written as text as numbers', () => {
    for (const v of ['20', '02', '19,5', '20 điểm', ' 20 ', '-', '']) {
      expect(findingsOf(checkBody(set(validBody(), 5, 'E', v)), 'not-a-number')).toEqual([]);
    }
  });

  it('never reads the text, evidence or unknown columns as scores', () => {
    const body = validBody().map((r) => [...r, 'xem ghi chú']);
    const g = checkBody(body);
    expect(findingsOf(g, 'not-a-number')).toEqual([]);
  });
});

import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { Row, set, validBody } from '../../helpers/grid';

describe('provisional', () => {
  it('flags a criterion marked "Tạm tính", quoting the words', () => {
    expect(onlyFinding(checkBody(set(validBody(), 9, 'G', 'Tạm tính')), 'provisional')).toMatchObject({
      cell: 'G9',
      severity: 'warning',
      criterion: '2.1',
      message: 'Nội dung 2, mục 1 ghi “Tạm tính”: điểm còn tạm tính, cần cập nhật khi có kết quả chính thức.',
    });
  });

  it.each(['TẠM TÍNH', 'Điểm dự kiến, chờ kết quả xếp loại', 'Chưa có kết quả xếp loại đảng bộ', 'tạm\ntính'])('recognises %p', (text) => {
    expect(findingsOf(checkBody(set(validBody(), 9, 'G', text)), 'provisional').map((f) => f.cell)).toEqual(['G9']);
  });

  it('finds the mark in a continuation row, written in decomposed Unicode', () => {
    const body: Row[] = validBody();
    body.splice(7, 0, [null, null, null, null, null, null, 'Tạm tính'.normalize('NFD')]);
    expect(findingsOf(checkBody(body), 'provisional').map((f) => [f.cell, f.criterion])).toEqual([['G10', '2.1']]);
  });

  it('says nothing for final scores', () => {
    expect(findingsOf(checkBody(set(validBody(), 9, 'G', 'Đã tính theo kết quả xếp loại chính thức')), 'provisional')).toEqual([]);
    expect(findingsOf(checkBody(validBody()), 'provisional')).toEqual([]);
  });
});

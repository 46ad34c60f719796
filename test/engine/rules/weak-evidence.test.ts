import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { Row, set, validBody } from '../../helpers/grid';

describe('weak-evidence', () => {
  it('flags a scored criterion whose evidence cites no document, as info, quoting it', () => {
    expect(onlyFinding(checkBody(set(validBody(), 5, 'G', 'Đảm bảo theo quy định')), 'weak-evidence')).toMatchObject({
      cell: 'G5',
      severity: 'info',
      criterion: '1.1.1',
      message:
        'Nội dung 1, mục 1.1 tự chấm 20 điểm, giải trình “Đảm bảo theo quy định” không dẫn văn bản nào (số, ký hiệu, ngày ban hành).',
    });
  });

  it('counts a document named without a number as no citation', () => {
    expect(
      findingsOf(
        checkBody(set(validBody(), 9, 'G', 'Thực hiện tốt việc họp, báo cáo... Báo cáo sơ kết thi đua 6 tháng đầu năm')),
        'weak-evidence',
      ).map((f) => f.cell),
    ).toEqual(['G9']);
  });

  it('leaves a criterion with no evidence at all to missing-evidence: never both', () => {
    const r = checkBody(set(validBody(), 5, 'G', null));
    expect(findingsOf(r, 'weak-evidence')).toEqual([]);
    expect(findingsOf(r, 'missing-evidence').map((f) => f.cell)).toEqual(['G5']);
  });

  it('accepts a citation in a continuation row', () => {
    const body: Row[] = set(validBody(), 5, 'G', 'Đảm bảo theo quy định');
    body.splice(3, 0, [null, null, null, null, null, null, 'tại Báo cáo số 12/BC-VP ngày 10/12/2022']);
    expect(findingsOf(checkBody(body), 'weak-evidence')).toEqual([]);
  });

  it('never asks sections, parents or the grand total for documents', () => {
    let body = set(validBody(), 3, 'G', 'Đảm bảo');
    body = set(body, 4, 'G', 'Thực hiện tốt');
    body = set(body, 10, 'G', 'Đạt');
    expect(findingsOf(checkBody(body), 'weak-evidence')).toEqual([]);
  });

  it('says nothing for a criterion scored 0', () => {
    expect(findingsOf(checkBody(set(set(validBody(), 5, 'G', 'Không thực hiện'), 5, 'E', 0)), 'weak-evidence')).toEqual([]);
  });
});

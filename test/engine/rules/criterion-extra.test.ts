import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf } from '../../helpers/check';
import { Row, validBody } from '../../helpers/grid';
import { validTemplate } from '../template/helpers';

describe('criterion-extra', () => {
  it('flags a criterion the template does not have', () => {
    const body = validBody();
    const extra: Row = ['3', 'Chuyển đổi số trong cơ quan', 5, null, 5, null, 'KH số 9/KH-VP'];
    const f = findingsOf(checkBody([...body.slice(0, 5), extra, ...body.slice(5)], { template: validTemplate() }), 'criterion-extra');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'B8', severity: 'error', criterion: '1.3' });
    expect(shownMessage(f[0])).toBe('B8: Nội dung 1, mục 3 không có trong mẫu: “Chuyển đổi số trong cơ quan”.');
  });

  it('tells an extra parent once, not again for each of its children', () => {
    const body = validBody();
    const extra: Row[] = [
      ['3', 'Chuyển đổi số trong cơ quan', 10, null, 10, null],
      ['3.1', 'Số hoá hồ sơ lưu trữ', 5, null, 5, null, 'KH số 9/KH-VP'],
      ['3.2', 'Ký số văn bản đi', 5, null, 5, null, 'KH số 10/KH-VP'],
    ];
    const f = findingsOf(checkBody([...body.slice(0, 5), ...extra, ...body.slice(5)], { template: validTemplate() }), 'criterion-extra');
    expect(f.map((x) => x.cell)).toEqual(['B8']);
  });

  it('finds nothing on the sheet the template was made from', () => {
    expect(findingsOf(checkBody(validBody(), { template: validTemplate() }), 'criterion-extra')).toEqual([]);
  });
});

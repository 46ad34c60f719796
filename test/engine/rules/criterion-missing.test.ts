import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf } from '../../helpers/check';
import { validBody } from '../../helpers/grid';
import { validTemplate } from '../template/helpers';

describe('criterion-missing', () => {
  it('flags a template criterion the sheet dropped, on its parent’s row', () => {
    const body = validBody().filter((_, i) => i !== 3); // mục 1.2 gone
    const f = findingsOf(checkBody(body, { template: validTemplate() }), 'criterion-missing');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'B4', severity: 'error', criterion: '1.1', data: { template: '1.1.2' } });
    expect(shownMessage(f[0])).toBe('B4: thiếu tiêu chí Nội dung 1, mục 1.2 của mẫu (điểm chuẩn 10): “Tham mưu ban hành văn bản”.');
  });

  it('tells a whole missing section once, at the header', () => {
    const body = validBody().slice(0, 5).concat([validBody()[7]]); // Nội dung 2 and its item gone
    const f = findingsOf(checkBody(body, { template: validTemplate() }), 'criterion-missing');
    expect(f.map((x) => [x.cell, x.data.template])).toEqual([['B2', '2']]);
  });

  it('finds nothing when every criterion is there, nor without a template', () => {
    expect(findingsOf(checkBody(validBody(), { template: validTemplate() }), 'criterion-missing')).toEqual([]);
    expect(findingsOf(checkBody(validBody().filter((_, i) => i !== 3)), 'criterion-missing')).toEqual([]);
  });
});

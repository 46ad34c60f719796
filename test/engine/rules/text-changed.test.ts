import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';
import { validTemplate } from '../template/helpers';

describe('text-changed', () => {
  it('warns when the wording differs, telling the words added and dropped', () => {
    const body = set(validBody(), 6, 'B', 'Tham mưu ban hành văn bản quy phạm pháp luật');
    const f = findingsOf(checkBody(body, { template: validTemplate() }), 'text-changed');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'B6', severity: 'warning', criterion: '1.1.2' });
    expect(shownMessage(f[0])).toBe('B6: lời của Nội dung 1, mục 1.2 khác mẫu (Nội dung 1, mục 1.2): thêm “quy phạm pháp luật”.');
  });

  it('tells a dropped word and a changed diacritic', () => {
    const body = set(validBody(), 5, 'B', 'Lãnh đạo, chỉ đạo triển khai nhiêm vụ');
    const f = findingsOf(checkBody(body, { template: validTemplate() }), 'text-changed');
    expect(shownMessage(f[0])).toBe('B5: lời của Nội dung 1, mục 1.1 khác mẫu (Nội dung 1, mục 1.1): thêm “nhiêm”, bớt “nhiệm”.');
  });

  it('ignores spacing, line breaks, case and punctuation', () => {
    const body = set(validBody(), 5, 'B', 'LÃNH ĐẠO  chỉ đạo\ntriển khai nhiệm vụ.');
    expect(findingsOf(checkBody(body, { template: validTemplate() }), 'text-changed')).toEqual([]);
  });
});

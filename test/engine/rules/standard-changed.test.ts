import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf } from '../../helpers/check';
import { set, validBody, VALID_MERGES } from '../../helpers/grid';
import { validTemplate } from '../template/helpers';

describe('standard-changed', () => {
  it('flags a Điểm chuẩn the unit changed, naming both numbers and the template row', () => {
    const body = set(validBody(), 5, 'C', 25);
    const f = findingsOf(checkBody(body, { merges: VALID_MERGES, template: validTemplate() }), 'standard-changed');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'C5', severity: 'error', criterion: '1.1.1', data: { sheet: 25, template: 20 } });
    expect(shownMessage(f[0])).toBe('C5: Nội dung 1, mục 1.1 ghi điểm chuẩn 25, mẫu (Nội dung 1, mục 1.1) quy định 20.');
  });

  it('checks sections too', () => {
    const body = set(validBody(), 8, 'C', 30);
    expect(findingsOf(checkBody(body, { template: validTemplate() }), 'standard-changed').map((f) => f.cell)).toEqual(['C8']);
  });

  it('finds nothing on the sheet the template was made from, nor without a template', () => {
    expect(findingsOf(checkBody(validBody(), { template: validTemplate() }), 'standard-changed')).toEqual([]);
    expect(findingsOf(checkBody(set(validBody(), 5, 'C', 25)), 'standard-changed')).toEqual([]);
  });
});

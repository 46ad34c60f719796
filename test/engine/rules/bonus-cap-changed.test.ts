import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';
import { validTemplate } from '../template/helpers';

describe('bonus-cap-changed', () => {
  it('flags a bonus cap raised by the unit', () => {
    const f = findingsOf(checkBody(set(validBody(), 9, 'D', 3), { template: validTemplate() }), 'bonus-cap-changed');
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ cell: 'D9', severity: 'error', criterion: '2.1' });
    expect(shownMessage(f[0])).toBe('D9: Nội dung 2, mục 1 ghi điểm thưởng 3, mẫu (Nội dung 2, mục 1) quy định 2.');
  });

  it('reads an empty cap as 0: a bonus added where the template has none, or dropped where it has one', () => {
    const added = findingsOf(checkBody(set(validBody(), 5, 'D', 1), { template: validTemplate() }), 'bonus-cap-changed');
    expect(added.map((f) => [f.cell, f.data.sheet, f.data.template])).toEqual([['D5', 1, 0]]);
    const dropped = findingsOf(checkBody(set(validBody(), 9, 'D', null), { template: validTemplate() }), 'bonus-cap-changed');
    expect(dropped.map((f) => [f.cell, f.data.sheet, f.data.template])).toEqual([['D9', 0, 2]]);
  });

  it('leaves text in the cap column to not-a-number, and finds nothing without a template', () => {
    expect(findingsOf(checkBody(set(validBody(), 9, 'D', 'xem giải trình'), { template: validTemplate() }), 'bonus-cap-changed')).toEqual(
      [],
    );
    expect(findingsOf(checkBody(set(validBody(), 9, 'D', 3)), 'bonus-cap-changed')).toEqual([]);
  });
});

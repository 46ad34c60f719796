import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';

describe('total-as-value', () => {
  it('tells why a total is written as a value: a child holds a number as text, which SUM skips', () => {
    const r = checkBody(set(validBody(), 9, 'D', '02'));
    const f = findingsOf(r, 'total-as-value');
    expect(f.map((x) => x.cell)).toEqual(['D8']);
    expect(f[0]).toMatchObject({ severity: 'info', criterion: '2' });
    expect(shownMessage(f[0])).toBe(
      'D8: tổng 2 được ghi dạng số, không dùng công thức, vì D9 chứa số dạng chữ (“02”) mà hàm SUM của Excel bỏ qua.',
    );
    const write = r.plan.writes.find((w) => w.cell === 'D8');
    // The stated 2 is right and already a number: nothing to write.
    expect(write).toBeUndefined();
  });

  it('writes the value (no formula) where the stated total is wrong', () => {
    const r = checkBody(set(set(validBody(), 9, 'D', '02'), 8, 'D', 3));
    expect(findingsOf(r, 'total-as-value').map((f) => f.cell)).toEqual(['D8']);
    const write = r.plan.writes.find((w) => w.cell === 'D8');
    expect(write).toMatchObject({ value: 2 });
    expect(write?.formula).toBeUndefined();
  });

  it('says nothing when totals are asked for as values, or when every input is a number', () => {
    expect(findingsOf(checkBody(set(validBody(), 9, 'D', '02'), { totals: 'values' }), 'total-as-value')).toEqual([]);
    expect(findingsOf(checkBody(validBody()), 'total-as-value')).toEqual([]);
  });

  it('ignores a child whose text reads 0, which SUM skipping changes nothing', () => {
    expect(findingsOf(checkBody(set(validBody(), 5, 'E', '0')), 'total-as-value')).toEqual([]);
  });
});

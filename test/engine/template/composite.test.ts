import { Composite, compositeTotals, readParts } from '../../../src/engine';

const ORGS: Composite = {
  parts: [
    { name: 'Công đoàn', tiers: [20, 15], required: true },
    { name: 'Đoàn thanh niên', tiers: [20, 15] },
    { name: 'Hội Cựu chiến binh', tiers: [20, 15] },
  ],
  missing: 'average',
};

describe('composite arithmetic', () => {
  it('allows every sum of tiers, and the averages where organisations are missing', () => {
    // All three: 60, 55, 50, 45. Công đoàn alone at 20 or 15: 60 or 45. Two of them at 20 and 15: 52,5.
    expect(compositeTotals(ORGS)).toEqual([60, 55, 52.5, 50, 45]);
  });

  it('never lets a required part be the missing one', () => {
    const open: Composite = { ...ORGS, parts: ORGS.parts.map((p) => ({ name: p.name, tiers: p.tiers })) };
    expect(compositeTotals(open)).toEqual(compositeTotals(ORGS));
    const zero: Composite = {
      parts: [
        { name: 'A', tiers: [20, 15], required: true },
        { name: 'B', tiers: [10] },
      ],
      missing: 'zero',
    };
    expect(compositeTotals(zero)).toEqual([30, 25, 20, 15]);
  });

  it('reads parts: tiers are present, the average of the present ones is a missing organisation', () => {
    expect(readParts(ORGS, [20, 15, 17.5])).toEqual({
      fill: 17.5,
      sum: 52.5,
      parts: [
        { index: 0, value: 20, tier: true, missing: false },
        { index: 1, value: 15, tier: true, missing: false },
        { index: 2, value: 17.5, tier: false, missing: true },
      ],
    });
    expect(readParts(ORGS, [20, 18, 20]).parts[1]).toEqual({ index: 1, value: 18, tier: false, missing: false });
  });

  it('fills parts that are not written with the average', () => {
    expect(readParts(ORGS, [20, 15])).toMatchObject({ fill: 17.5, sum: 52.5 });
  });
});

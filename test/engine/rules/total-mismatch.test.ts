import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { formula, Row, set, validBody } from '../../helpers/grid';

describe('total-mismatch', () => {
  it('flags a section whose stated self-score is not the sum of its items', () => {
    expect(onlyFinding(checkBody(set(validBody(), 3, 'E', 45)), 'total-mismatch')).toMatchObject({
      cell: 'E3',
      severity: 'error',
      criterion: '1',
      message: 'Nội dung 1 ghi 45 điểm tự chấm, cộng các mục được 50.',
    });
  });

  it('flags a parent item and the grand total, each with its own sum', () => {
    const r = checkBody(set(set(validBody(), 4, 'C', 35), 10, 'D', 8));
    expect(findingsOf(r, 'total-mismatch').map(shownMessage)).toEqual([
      'C4: Nội dung 1, mục 1 ghi 35 điểm chuẩn, cộng các mục được 30.',
      'D10: TỔNG CỘNG ghi 8 điểm thưởng, cộng các mục được 7.',
    ]);
  });

  it('adds up a changed item through every level: item, section, grand total', () => {
    const r = checkBody(set(validBody(), 5, 'E', 15));
    expect(findingsOf(r, 'total-mismatch').map(shownMessage)).toEqual([
      'E3: Nội dung 1 ghi 50 điểm tự chấm, cộng các mục được 45.',
      'E4: Nội dung 1, mục 1 ghi 30 điểm tự chấm, cộng các mục được 25.',
      'E10: TỔNG CỘNG ghi 70 điểm tự chấm, cộng các mục được 65.',
    ]);
  });

  it('finds nothing in a table whose totals are right', () => {
    expect(findingsOf(checkBody(validBody()), 'total-mismatch')).toEqual([]);
  });

  it("treats a parent's bonus as its own where its sub-items carry no bonus (mục 1's own bonus)", () => {
    // Mục 1 gives 5 bonus points of its own; 1.1 and 1.2 have none. Mục 1 is a total for the standard, not the bonus.
    const r = checkBody(set(validBody(), 4, 'F', 4));
    expect(findingsOf(r, 'total-mismatch').map((f) => f.cell)).toEqual(['F3', 'F10']);
  });

  it('holds a parent to its children only where a child carries a value: a parent scored as a whole uses them as a guide', () => {
    // Issue 10: a unit that scores mục 1 (30) and leaves 1.1 and 1.2 blank has not scored them 0.
    const guide = checkBody(set(set(validBody(), 5, 'E', null), 6, 'E', null));
    expect(findingsOf(guide, 'total-mismatch')).toEqual([]);
    expect(findingsOf(guide, 'missing-score')).toEqual([]);
    // One child scored: the parent is their sum again.
    const one = checkBody(set(validBody(), 6, 'E', null));
    expect(findingsOf(one, 'total-mismatch').map(shownMessage)).toContain(
      'E4: Nội dung 1, mục 1 ghi 30 điểm tự chấm, cộng các mục được 20.',
    );
  });

  it('takes a formula total by its last result', () => {
    const right = set(validBody(), 3, 'E', formula('=SUM(E4,E7)', 50));
    expect(findingsOf(checkBody(right), 'total-mismatch')).toEqual([]);
    const stale = set(validBody(), 3, 'E', formula('=SUM(E4,E7)', 40));
    expect(findingsOf(checkBody(stale), 'total-mismatch').map((f) => f.cell)).toEqual(['E3']);
  });

  it('says nothing about an empty total cell (the plan fills it)', () => {
    const body: Row[] = set(validBody(), 3, 'E', null);
    expect(findingsOf(checkBody(body), 'total-mismatch')).toEqual([]);
  });
});

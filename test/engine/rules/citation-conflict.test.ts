import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { Row, set, validBody } from '../../helpers/grid';

/** validBody with G6 (mục 1.2) and G7 (mục 2) citing what the test says. */
function citing(g6: string, g7: string): Row[] {
  return set(set(validBody(), 6, 'G', g6), 7, 'G', g7);
}

describe('citation-conflict', () => {
  it('flags one number and symbol cited with another date in another cell, naming both cells and dates', () => {
    const r = checkBody(
      citing('Kế hoạch cải cách hành chính năm 2022 (số 2153/KH-VP ngày 31/12/2021)', 'Ban hành Kế hoạch số 2153/KH-VP ngày 29/12/2022'),
    );
    expect(onlyFinding(r, 'citation-conflict')).toMatchObject({
      cell: 'G7',
      severity: 'warning',
      criterion: '1.2',
      message: 'Kế hoạch số 2153/KH-VP ghi ngày 29/12/2022, nhưng ở G6 ghi ngày 31/12/2021.',
    });
    expect(r.documents.find((d) => d.key === '2153/KH-VP')).toMatchObject({
      kind: 'Kế hoạch',
      dates: ['2021-12-31', '2022-12-29'],
      cells: ['G6', 'G7'],
      conflict: true,
    });
  });

  it('says nothing when one sentence lists the two dates as two documents', () => {
    const r = checkBody(
      citing('Quyết định số 111/QĐ-VP ngày 31/8/2021 và 111/QĐ-VP ngày 19/10/2022', 'Quyết định số 111/QĐ-VP ngày 19/10/2022'),
    );
    expect(findingsOf(r, 'citation-conflict')).toEqual([]);
    expect(r.documents.find((d) => d.key === '111/QĐ-VP')?.conflict).toBeUndefined();
  });

  it('still flags the same two dates when each sentence gives only one', () => {
    const r = checkBody(citing('Quyết định số 111/QĐ-VP ngày 31/8/2021. Khác.', 'Quyết định số 111/QĐ-VP ngày 19/10/2022'));
    expect(findingsOf(r, 'citation-conflict').map((f) => f.cell)).toEqual(['G7']);
  });

  it('says nothing for the same date cited twice, or for a citation without a date', () => {
    expect(
      findingsOf(checkBody(citing('Kế hoạch số 5/KH-VP ngày 05/01/2022', 'Kế hoạch số 5/KH-VP ngày 5/1/2022')), 'citation-conflict'),
    ).toEqual([]);
    expect(findingsOf(checkBody(citing('Kế hoạch số 5/KH-VP ngày 05/01/2022', 'theo Kế hoạch số 5/KH-VP')), 'citation-conflict')).toEqual(
      [],
    );
  });

  it('holds later citations against the first date: one agreeing with it is not flagged', () => {
    const body = set(
      citing('Kế hoạch số 5/KH-VP ngày 05/01/2022', 'Kế hoạch số 5/KH-VP ngày 06/01/2022'),
      9,
      'G',
      'Kế hoạch số 5/KH-VP ngày 05/01/2022',
    );
    expect(findingsOf(checkBody(body), 'citation-conflict').map((f) => f.cell)).toEqual(['G7']);
  });

  it('takes "05/KH-VP" and "5/kh-vp" as the same number and symbol', () => {
    expect(
      findingsOf(checkBody(citing('Kế hoạch số 05/KH-VP ngày 05/01/2022', 'Kế hoạch số 5/KH-VP ngày 06/01/2022')), 'citation-conflict'),
    ).toHaveLength(1);
  });

  it('says so when both are in one cell, in different sentences', () => {
    const r = checkBody(
      citing('Kế hoạch số 5/KH-VP ngày 05/01/2022. Thực hiện Kế hoạch số 5/KH-VP ngày 06/01/2022.', 'Báo cáo số 9/BC-VP ngày 01/12/2022'),
    );
    expect(shownMessage(onlyFinding(r, 'citation-conflict'))).toBe(
      'G6: Kế hoạch số 5/KH-VP ghi ngày 06/01/2022, nhưng cũng trong ô này ghi ngày 05/01/2022.',
    );
  });

  it('leaves a date the calendar lacks to citation-date-invalid', () => {
    const r = checkBody(citing('Kế hoạch số 5/KH-VP ngày 05/01/2022', 'Kế hoạch số 5/KH-VP ngày 31/02/2022'));
    expect(findingsOf(r, 'citation-conflict')).toEqual([]);
    expect(findingsOf(r, 'citation-date-invalid').map((f) => f.cell)).toEqual(['G7']);
  });

  it('reads a citation broken over a continuation row, and names the cell its number is in', () => {
    const body = citing('Kế hoạch số 5/KH-VP ngày 05/01/2022', 'Ban hành Kế hoạch số');
    body.splice(5, 0, [null, null, null, null, null, null, '5/KH-VP ngày 06/01/2022 về cải cách hành chính'.normalize('NFD')]);
    const f = onlyFinding(checkBody(body), 'citation-conflict');
    expect([f.cell, f.criterion]).toEqual(['G8', '1.2']);
  });
});

import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { set, validBody } from '../../helpers/grid';

const withEvidence = (text: string) => checkBody(set(validBody(), 6, 'G', text));

describe('citation-date-invalid', () => {
  it('flags a day the month does not have, as an error naming the cell, the document and the date', () => {
    expect(onlyFinding(withEvidence('Kế hoạch số 34/KH-VP ngày 31/02/2022'), 'citation-date-invalid')).toMatchObject({
      cell: 'G6',
      severity: 'error',
      criterion: '1.1.2',
      message: 'Kế hoạch số 34/KH-VP ghi ngày 31/02/2022, nhưng tháng 2 năm 2022 chỉ có 28 ngày.',
    });
  });

  it.each([
    ['ngày 29/02/2023', 'G6: Kế hoạch số 34/KH-VP ghi ngày 29/02/2023, nhưng tháng 2 năm 2023 chỉ có 28 ngày.'],
    ['ngày 32/1/2022', 'G6: Kế hoạch số 34/KH-VP ghi ngày 32/1/2022, nhưng tháng 1 năm 2022 chỉ có 31 ngày.'],
    ['ngày 31/4/2022', 'G6: Kế hoạch số 34/KH-VP ghi ngày 31/4/2022, nhưng tháng 4 năm 2022 chỉ có 30 ngày.'],
    ['ngày 15/13/2022', 'G6: Kế hoạch số 34/KH-VP ghi ngày 15/13/2022, nhưng không có tháng 13.'],
    ['ngày 30 tháng 02 năm 2022', 'G6: Kế hoạch số 34/KH-VP ghi ngày 30/02/2022, nhưng tháng 2 năm 2022 chỉ có 28 ngày.'],
  ])('flags %s', (date, message) => {
    expect(findingsOf(withEvidence(`Kế hoạch số 34/KH-VP ${date}`), 'citation-date-invalid').map(shownMessage)).toEqual([message]);
  });

  it.each(['ngày 29/02/2024', 'ngày 28/02/2023', 'ngày 31/12/2022', 'ngày 30/4/2022'])('accepts %s', (date) => {
    expect(findingsOf(withEvidence(`Kế hoạch số 34/KH-VP ${date}`), 'citation-date-invalid')).toEqual([]);
  });

  it('flags each wrong citation in a cell, in decomposed Unicode', () => {
    const text = 'Kế hoạch số 34/KH-VP ngày 31/02/2022, Quyết định số 7/QĐ-VP ngày 29/02/2022'.normalize('NFD');
    expect(findingsOf(withEvidence(text), 'citation-date-invalid').map((f) => f.data.key)).toEqual(['34/KH-VP', '7/QĐ-VP']);
  });
});

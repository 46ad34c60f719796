import { checkSheet, shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { set, table, validBody } from '../../helpers/grid';

const withEvidence = (text: string, title?: string, year?: number) =>
  checkSheet(table(set(validBody(), 6, 'G', text), { title }), year !== undefined ? { year } : {});
const flagged = (text: string, title?: string, year?: number) =>
  findingsOf(withEvidence(text, title, year), 'citation-out-of-period').map(shownMessage);

const DATED_TITLE = 'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022 (Ban hành kèm theo Báo cáo số /BC-VP ngày /12/2022)';

describe('citation-out-of-period', () => {
  it('flags a document dated after the report’s date in the title', () => {
    expect(
      onlyFinding(
        withEvidence('Báo cáo số 12/BC-VP ngày 20/12/2022', 'BẢNG CHẤM ĐIỂM NĂM 2022 kèm Báo cáo ngày 15/12/2022'),
        'citation-out-of-period',
      ),
    ).toMatchObject({
      cell: 'G6',
      severity: 'warning',
      message: 'Báo cáo số 12/BC-VP ghi ngày 20/12/2022, sau ngày của báo cáo ghi ở tiêu đề (15/12/2022).',
    });
  });

  it('reads "ngày /12/2022" as the end of December', () => {
    expect(flagged('Kế hoạch số 2153/KH-VP ngày 29/12/2022', DATED_TITLE)).toEqual([]);
    expect(flagged('Báo cáo số 12/BC-VP ngày 05/01/2023', DATED_TITLE)).toEqual([
      'G6: Báo cáo số 12/BC-VP ghi ngày 05/01/2023, sau ngày của báo cáo ghi ở tiêu đề (31/12/2022).',
    ]);
  });

  it('without a date in the title, flags what is dated after the year being scored, whatever its kind', () => {
    expect(flagged('Quyết định số 7/QĐ-VP ngày 03/01/2023')).toEqual([
      'G6: Quyết định số 7/QĐ-VP ghi ngày 03/01/2023, sau năm được chấm 2022 (31/12/2022).',
    ]);
  });

  it('flags a plan, report or dispatch dated before the last quarter of the year before', () => {
    expect(flagged('Kế hoạch số 34/KH-VP ngày 15/3/2021')).toEqual([
      'G6: Kế hoạch số 34/KH-VP ghi ngày 15/03/2021, trước năm được chấm 2022 hơn một quý; kế hoạch thường được ban hành trong năm 2022 hoặc từ quý IV năm 2021.',
    ]);
    expect(flagged('Công văn số 903/VP-HCQT ngày 30/9/2021')).toHaveLength(1);
    expect(flagged('Báo cáo số 12/BC-VP ngày 10/12/2020')).toHaveLength(1);
  });

  it('accepts a plan for the year issued in its last weeks or quarter before', () => {
    expect(flagged('Kế hoạch cải cách hành chính năm 2022 (số 2153/KH-VP ngày 31/12/2021)')).toEqual([]);
    expect(flagged('Kế hoạch số 2154/KH-VP ngày 29/12/2021')).toEqual([]);
    expect(flagged('Kế hoạch số 1560/KH-VP ngày 01/10/2021')).toEqual([]);
  });

  it('never calls standing documents too old: decisions, decrees, circulars, directives, the Party’s conclusions', () => {
    expect(
      flagged(
        'Ban hành Quy chế Thi đua, Khen thưởng tại Quyết định số 15/QĐ-VP ngày 19/12/2019 của Chánh Văn phòng UBND tỉnh; ' +
          'Nghị định số 130/2020/NĐ-CP ngày 30/10/2020 của Chính phủ; Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị; ' +
          'Chỉ thị số 34-CT/TW ngày 07/4/2014; Thông tư số 12/2019/TT-BNV ngày 04/11/2019; Luật số 15/2012/QH13',
      ),
    ).toEqual([]);
  });

  it('accepts an old plan whose sentence says it spans the year ("giai đoạn 2019 – 2025")', () => {
    expect(flagged('Kế hoạch số 101/KH-UBND ngày 18/7/2019 tổ chức thực hiện phong trào thi đua giai đoạn 2019 – 2025')).toEqual([]);
    expect(flagged('Kế hoạch số 101/KH-UBND ngày 18/7/2019 tổ chức thực hiện phong trào thi đua giai đoạn 2016 – 2020')).toHaveLength(1);
  });

  it('takes the year from the option over the title', () => {
    // validBody's own plans (G6, G7) are dated January 2022: too early for 2023.
    expect(
      findingsOf(withEvidence('Kế hoạch số 34/KH-VP ngày 05/01/2022', undefined, 2023), 'citation-out-of-period').map((f) => f.cell),
    ).toEqual(['G6', 'G7']);
    expect(
      findingsOf(withEvidence('Báo cáo số 12/BC-VP ngày 05/06/2023', undefined, 2023), 'citation-out-of-period').map((f) => f.cell),
    ).toEqual(['G7']);
    expect(withEvidence('x', undefined, 2023).year).toBe(2023);
  });

  it('says nothing when neither the title nor the options give a year', () => {
    expect(flagged('Kế hoạch số 34/KH-VP ngày 15/3/2001', 'BẢNG CHẤM ĐIỂM THI ĐUA')).toEqual([]);
  });

  it('finds nothing in the valid table', () => {
    expect(findingsOf(checkBody(validBody()), 'citation-out-of-period')).toEqual([]);
  });
});

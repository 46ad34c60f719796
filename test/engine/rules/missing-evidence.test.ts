import { shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { Row, set, validBody } from '../../helpers/grid';
import { validTemplate } from '../template/helpers';

describe('missing-evidence', () => {
  it('flags a self-scored leaf criterion with no evidence, on its evidence cell', () => {
    expect(onlyFinding(checkBody(set(validBody(), 5, 'G', null)), 'missing-evidence')).toMatchObject({
      cell: 'G5',
      severity: 'warning',
      criterion: '1.1.1',
      message: 'Nội dung 1, mục 1.1 tự chấm 20 điểm nhưng chưa có giải trình / tài liệu kiểm chứng.',
    });
  });

  it('counts a bonus self-score alone', () => {
    const body = set(set(set(validBody(), 9, 'E', 0), 9, 'G', null), 9, 'F', 2);
    expect(findingsOf(checkBody(body), 'missing-evidence').map(shownMessage)).toEqual([
      'G9: Nội dung 2, mục 1 tự chấm 2 điểm nhưng chưa có giải trình / tài liệu kiểm chứng.',
    ]);
  });

  it('never asks sections, parents or the grand total for evidence', () => {
    // validBody leaves G3 (section), G4 (parent mục 1), G8 and G10 empty.
    expect(findingsOf(checkBody(validBody()), 'missing-evidence')).toEqual([]);
  });

  it('takes evidence written in a continuation row', () => {
    const body: Row[] = set(validBody(), 5, 'G', null);
    body.splice(3, 0, [null, null, null, null, null, null, 'Báo cáo số 12/BC-VP ngày 10/12/2022']);
    expect(findingsOf(checkBody(body), 'missing-evidence')).toEqual([]);
  });

  it('says nothing for a criterion scored 0 or not scored', () => {
    expect(findingsOf(checkBody(set(set(validBody(), 5, 'G', null), 5, 'E', 0)), 'missing-evidence')).toEqual([]);
    expect(findingsOf(checkBody(set(set(validBody(), 5, 'G', null), 5, 'E', null)), 'missing-evidence')).toEqual([]);
  });

  it('leaves evidence that slid into a score column to not-a-number', () => {
    const body = set(set(validBody(), 5, 'G', null), 5, 'F', 'Báo cáo số 12/BC-VP ngày 10/12/2022 về kết quả công tác');
    const r = checkBody(body);
    expect(findingsOf(r, 'missing-evidence')).toEqual([]);
    expect(findingsOf(r, 'not-a-number').map((f) => f.cell)).toEqual(['F5']);
  });
});

describe('missing-evidence against a template', () => {
  it('asks no evidence where the template says the bloc requires none', () => {
    const body = set(validBody(), 5, 'G', null);
    const template = validTemplate();
    expect(findingsOf(checkBody(body, { template }), 'missing-evidence').map((f) => f.cell)).toEqual(['G5']);
    template.sections[0].criteria[0].children[0].evidenceRequired = false;
    expect(findingsOf(checkBody(body, { template }), 'missing-evidence')).toEqual([]);
  });
});

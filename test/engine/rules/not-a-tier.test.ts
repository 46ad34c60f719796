import { inferTemplate, shownMessage } from '../../../src/engine';
import { checkBody, findingsOf, onlyFinding } from '../../helpers/check';
import { Row } from '../../helpers/grid';

const TIERS = 'Hoàn thành xuất sắc nhiệm vụ (20 điểm); Hoàn thành tốt nhiệm vụ (15 điểm); Hoàn thành nhiệm vụ (10 điểm)';

function one(text: string, standard: number, self: number | string): Row[] {
  return [['1', text, standard, null, self, null, 'Quyết định số 12/QĐ-ĐU']];
}

describe('not-a-tier', () => {
  it('flags a score that is none of the tiers the text offers', () => {
    expect(onlyFinding(checkBody(one(`Xếp loại tổ chức đảng: ${TIERS}`, 20, 17)), 'not-a-tier')).toMatchObject({
      cell: 'E3',
      severity: 'error',
      criterion: '1',
      message: 'Mục 1 tự chấm 17 điểm, không phải một trong các mức 20; 15; 10.',
    });
  });

  it.each([20, 15, 10, '15'])('accepts the tier %p', (self) => {
    expect(findingsOf(checkBody(one(TIERS, 20, self)), 'not-a-tier')).toEqual([]);
  });

  it('leaves criteria without fixed tiers alone', () => {
    expect(findingsOf(checkBody(one('Công tác cải cách hành chính (tối đa 20 điểm)', 20, 17)), 'not-a-tier')).toEqual([]);
  });

  describe('a score made of several parts (standard 60, top tier 20: three organisations)', () => {
    it.each([60, 55, 45, 30])('accepts %p, a sum of three tiers', (self) => {
      expect(findingsOf(checkBody(one(`Các đoàn thể, mỗi tổ chức: ${TIERS}`, 60, self)), 'not-a-tier')).toEqual([]);
    });

    it('flags 47, which no three tiers add up to, and lists the sums allowed', () => {
      const f = findingsOf(checkBody(one(`Các đoàn thể, mỗi tổ chức: ${TIERS}`, 60, 47)), 'not-a-tier');
      expect(f).toHaveLength(1);
      expect(shownMessage(f[0])).toBe(
        'E3: Mục 1 tự chấm 47 điểm, không phải tổng của 3 mức trong (20; 15; 10); các tổng được phép: 60; 55; 50; 45; 40; 35; 30.',
      );
    });

    it('allows a missing part to take the average of the others where the text says so', () => {
      const text = `Các đoàn thể, mỗi tổ chức: ${TIERS}. Tổ chức không còn hoạt động thì lấy trung bình cộng của các tổ chức còn lại.`;
      // Two organisations at 20 and 15: the third takes 17,5, the total is 52,5.
      expect(findingsOf(checkBody(one(text, 60, 52.5)), 'not-a-tier')).toEqual([]);
      expect(findingsOf(checkBody(one(`Các đoàn thể, mỗi tổ chức: ${TIERS}`, 60, 52.5)), 'not-a-tier')).toHaveLength(1);
    });
  });

  it('reads tiers from text that carries on in a continuation row', () => {
    const body: Row[] = [
      ['1', 'Xếp loại chi bộ: Hoàn thành xuất sắc nhiệm vụ (20 điểm);', 20, null, 12, null, 'Quyết định số 3/QĐ-ĐU'],
      [null, 'Hoàn thành tốt nhiệm vụ (15 điểm); Hoàn thành nhiệm vụ (10 điểm)'],
    ];
    expect(findingsOf(checkBody(body), 'not-a-tier').map((f) => f.cell)).toEqual(['E3']);
  });

  it('never checks a parent item, whose score is a total', () => {
    const body: Row[] = [
      ['1', TIERS, 20, null, 17],
      ['1.1', 'Phần việc thứ nhất', 10, null, 9, null, 'Báo cáo số 1/BC'],
      ['1.2', 'Phần việc thứ hai', 10, null, 8, null, 'Báo cáo số 2/BC'],
    ];
    expect(findingsOf(checkBody(body), 'not-a-tier')).toEqual([]);
  });
});

describe('not-a-tier against a template', () => {
  const template = () => inferTemplate(checkBody(one(`Xếp loại tổ chức đảng: ${TIERS}`, 20, 20)), { bloc: 'Khối thử', year: 2022 });

  it("takes the tiers from the template, not from the sheet's text", () => {
    // The unit rewrote the tiers into its own text; the template's 20; 15; 10 still rule.
    const body = one('Xếp loại tổ chức đảng: Hoàn thành xuất sắc nhiệm vụ (20 điểm); Hoàn thành tốt nhiệm vụ (17 điểm)', 20, 17);
    const f = findingsOf(checkBody(body, { template: template() }), 'not-a-tier');
    expect(f.map(shownMessage)).toEqual(['E3: Mục 1 tự chấm 17 điểm, không phải một trong các mức 20; 15; 10.']);
    expect(findingsOf(checkBody(body), 'not-a-tier')).toEqual([]);
  });

  it('checks tiers the template has even where the sheet dropped them from its text', () => {
    const f = findingsOf(checkBody(one('Xếp loại tổ chức đảng', 20, 12), { template: template() }), 'not-a-tier');
    expect(f.map((x) => x.cell)).toEqual(['E3']);
  });

  it('leaves a composite criterion of the template to composite-mismatch', () => {
    const text = `Các đoàn thể, mỗi tổ chức: ${TIERS}`;
    const t = inferTemplate(checkBody(one(text, 60, 60)), { year: 2022 });
    expect(t.sections[0].criteria[0].composite).toBeDefined();
    const r = checkBody(one(text, 60, 47), { template: t });
    expect(findingsOf(r, 'not-a-tier')).toEqual([]);
    expect(findingsOf(r, 'composite-mismatch').map((x) => x.cell)).toEqual(['E3']);
  });
});

import { builtinTemplate, inferTemplate, shownMessage, Template } from '../../../src/engine';
import { checkBody, findingsOf } from '../../helpers/check';
import { Row } from '../../helpers/grid';

const TEXT =
  'Xây dựng tổ chức các đoàn thể: - Tổ chức Công đoàn “Hoàn thành xuất sắc nhiệm vụ” (20 điểm) - Tổ chức Công đoàn “Hoàn thành tốt nhiệm vụ” (15 điểm) - Tổ chức Đoàn thanh niên “Hoàn thành xuất sắc nhiệm vụ” (20 điểm) - Tổ chức Đoàn thanh niên “Hoàn thành tốt nhiệm vụ” (15 điểm) - Tổ chức Hội Cựu chiến binh “Trong sạch, vững mạnh xuất sắc” (20 điểm) - Tổ chức Hội Cựu chiến binh “Trong sạch, vững mạnh” (15 điểm) *Trường hợp các đơn vị không có tổ chức Đoàn thanh niên, Hội Cựu chiến binh thì được tính điểm bằng trung bình cộng số điểm của các tổ chức đoàn thể hiện có';
const EVIDENCE = 'Quyết định số 94/QĐ-CĐVC ngày 05/12/2022';

function sheet(self: number | string, below: Row[] = []): Row[] {
  return [['7', TEXT, 60, 2, self, null, EVIDENCE], ...below];
}

let template: Template;
beforeAll(() => {
  template = inferTemplate(checkBody(sheet(60)), { bloc: 'Khối thử', year: 2022 });
});

const found = (body: Row[], t: Template = template) => findingsOf(checkBody(body, { template: t }), 'composite-mismatch');

describe('composite-mismatch', () => {
  describe('with the score alone', () => {
    it.each([60, 55, 50, 45, 52.5, '52,5'])('accepts %p, a total the rule allows', (self) => {
      expect(found(sheet(self))).toEqual([]);
    });

    it('flags a total no combination of tiers and averages gives, listing those allowed', () => {
      const f = found(sheet(47));
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ cell: 'E3', severity: 'error', criterion: '7', messageId: 'total' });
      expect(shownMessage(f[0])).toBe(
        'E3: Mục 7 tự chấm 47 điểm, không phải tổng nào theo cách tính của mẫu (mỗi phần một mức, phần không có lấy trung bình cộng các phần còn lại); các tổng được phép: 60; 55; 52,5; 50; 45.',
      );
    });
  });

  describe('with the parts written', () => {
    it('accepts the seed’s "60 20 20" and 20 below: the dissolved Hội Cựu chiến binh takes the others’ average', () => {
      expect(found(sheet('60 20 20', [[null, 'Hội Cựu chiến binh đã giải thể', null, null, 20]]))).toEqual([]);
    });

    it('gives parts left unwritten the average of those written', () => {
      expect(found(sheet('52,5 20 15'))).toEqual([]);
      const f = found(sheet('55 20 15'));
      expect(shownMessage(f[0])).toBe(
        'E3: Mục 7 tự chấm 55 điểm, nhưng các phần (20; 15; 1 phần không ghi, mỗi phần 17,5) cộng được 52,5.',
      );
    });

    it('flags parts that do not add up to the score', () => {
      const f = found(sheet('60 20 15', [[null, null, null, null, 20]]));
      expect(f.map((x) => [x.cell, x.messageId])).toEqual([['E3', 'sum']]);
      expect(shownMessage(f[0])).toBe('E3: Mục 7 tự chấm 60 điểm, nhưng các phần (20; 15; 20) cộng được 55.');
    });

    it('flags a part that is neither one of its tiers nor the average, at its own cell', () => {
      const f = found(sheet('58 20 20', [[null, null, null, null, 18]]));
      expect(f.map((x) => [x.cell, x.messageId])).toEqual([['E4', 'part']]);
      expect(shownMessage(f[0])).toBe(
        'E4: Mục 7, phần “Hội Cựu chiến binh” ghi 18 điểm, không phải một mức của phần này (20; 15) cũng không phải điểm của tổ chức không có (20).',
      );
    });

    it('reads rows listed under the criterion ("- Công đoàn" with its score) as its parts, not as extra criteria', () => {
      const parts = (a: number, b: number): Row[] => [
        ['-', 'Công đoàn', 20, null, a, null, EVIDENCE],
        ['-', 'Đoàn thanh niên', 20, null, b, null, EVIDENCE],
      ];
      const ok = checkBody([['7', TEXT, 60, 2, 52.5, null], ...parts(20, 15)], { template });
      expect(ok.findings.filter((f) => ['composite-mismatch', 'criterion-extra'].includes(f.rule))).toEqual([]);
      const bad = found([['7', TEXT, 60, 2, 52.5, null], ...parts(20, 12)]);
      expect(bad.map((x) => [x.cell, x.messageId])).toEqual([
        ['E3', 'sum'],
        ['E5', 'part'],
      ]);
    });

    it('flags more parts than the template has', () => {
      const f = found(sheet('80 20 20 20 20'));
      expect(f.map((x) => x.messageId)).toEqual(['count']);
      expect(shownMessage(f[0])).toBe(
        'E3: Mục 7 ghi 4 phần (20; 20; 20; 20), mẫu chỉ có 3 phần (Công đoàn; Đoàn thanh niên; Hội Cựu chiến binh).',
      );
    });

    it('never lets a required organisation be averaged in', () => {
      const t: Template = JSON.parse(JSON.stringify(template));
      t.sections[0].criteria[0].composite!.parts[0].required = true;
      // Công đoàn at 17,5 (the average of 20 and 15) is no tier of it, and it cannot be missing.
      expect(found(sheet('52,5 17,5 20 15'), t).map((x) => x.messageId)).toEqual(['part']);
      expect(found(sheet('52,5 17,5 20 15'))).toEqual([]);
    });
  });

  it('finds nothing without a template, or where the template has no composite rule', () => {
    expect(findingsOf(checkBody(sheet(47)), 'composite-mismatch')).toEqual([]);
    const plain: Template = JSON.parse(JSON.stringify(template));
    delete plain.sections[0].criteria[0].composite;
    expect(found(sheet(47), plain)).toEqual([]);
  });

  it('is in the built-in template for the seed’s mục 7', () => {
    expect(builtinTemplate('quang-ngai-2022')!.sections[1].criteria[6].composite).toBeDefined();
  });
});

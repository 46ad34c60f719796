import { inferTemplate, parseTemplate, templateId } from '../../../src/engine';
import { checkBody } from '../../helpers/check';
import { Row } from '../../helpers/grid';
import { validTemplate } from './helpers';

const ORGS =
  'Các đoàn thể: - Tổ chức Công đoàn “Vững mạnh” (20 điểm) - Tổ chức Công đoàn “Khá” (15 điểm) - Tổ chức Đoàn thanh niên “Vững mạnh” (20 điểm) - Tổ chức Đoàn thanh niên “Khá” (10 điểm)';

describe('inferTemplate', () => {
  it('takes caps from the columns, children from the numbering, and evidence as required on leaves', () => {
    const t = validTemplate();
    expect(parseTemplate(t).ok).toBe(true);
    expect(t).toMatchObject({ version: 1, bloc: 'Khối thử nghiệm', year: 2022, id: 'khoi-thu-nghiem-2022' });
    expect(t.sections.map((s) => [s.id, s.label, s.diemChuan, s.diemThuong])).toEqual([
      ['1', 'Nội dung 1', 50, 5],
      ['2', 'Nội dung 2', 20, 2],
    ]);
    const [muc1, muc2] = t.sections[0].criteria;
    expect(muc1).toMatchObject({ id: '1.1', tt: '1', diemChuan: 30, diemThuong: 5, evidenceRequired: false });
    expect(muc1.children.map((c) => [c.id, c.tt, c.diemChuan, c.diemThuong, c.evidenceRequired])).toEqual([
      ['1.1.1', '1.1', 20, 0, true],
      ['1.1.2', '1.2', 10, 0, true],
    ]);
    expect(muc2).toMatchObject({ id: '1.2', text: 'Công tác cải cách hành chính', children: [] });
  });

  it('reads tiers from the "(N điểm)" text', () => {
    const body: Row[] = [['1', 'Xếp loại: Xuất sắc (20 điểm); Tốt (15 điểm); Hoàn thành (10 điểm)', 20, null, 20, null, 'QĐ số 1/QĐ']];
    const t = inferTemplate(checkBody(body), { year: 2023 });
    expect(t.sections[0].criteria[0].tiers).toEqual([20, 15, 10]);
    expect(t.sections[0].criteria[0].composite).toBeUndefined();
    expect(t.bloc).toBe('Khối thi đua (chưa đặt tên)');
  });

  it('makes a composite, one named part per organisation, where the standard is several top tiers', () => {
    const text = `${ORGS}. Đơn vị không có Đoàn thanh niên thì tính bằng trung bình cộng các tổ chức hiện có`;
    const t = inferTemplate(checkBody([['1', text, 40, null, 40, null, 'QĐ số 1/QĐ']]), { year: 2023 });
    expect(t.sections[0].criteria[0].composite).toEqual({
      parts: [
        { name: 'Công đoàn', tiers: [20, 15] },
        { name: 'Đoàn thanh niên', tiers: [20, 10] },
      ],
      missing: 'average',
    });
    expect(t.sections[0].criteria[0].tiers).toBeUndefined();
  });

  it('names the parts by number when the text does not name as many as there are, and counts a missing one as 0 unless told', () => {
    const text = 'Mỗi tổ chức: Xuất sắc (20 điểm); Tốt (15 điểm)';
    const t = inferTemplate(checkBody([['1', text, 60, null, 60, null, 'QĐ số 1/QĐ']]), { year: 2023 });
    expect(t.sections[0].criteria[0].composite).toEqual({
      parts: [1, 2, 3].map((n) => ({ name: `Phần ${n}`, tiers: [20, 15] })),
      missing: 'zero',
    });
  });

  it('needs a year: from the title, or given', () => {
    const body: Row[] = [['1', 'Công tác A', 10, null, 10, null, 'QĐ số 1/QĐ']];
    expect(() => inferTemplate({ ...checkBody(body), year: undefined })).toThrow(expect.objectContaining({ code: 'missing-year' }));
    expect(inferTemplate({ ...checkBody(body), year: undefined }, { year: 2024 }).year).toBe(2024);
    expect(inferTemplate(checkBody(body)).year).toBe(2022); // "BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022"
  });

  it('makes ids from the bloc name without diacritics', () => {
    expect(templateId('Khối các cơ quan Tham mưu - Tổng hợp', 2022)).toBe('khoi-cac-co-quan-tham-muu-tong-hop-2022');
  });
});

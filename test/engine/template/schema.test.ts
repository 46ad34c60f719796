import {
  builtinTemplate,
  listBuiltinTemplates,
  parseTemplate,
  parseTemplateJson,
  TemplateSchema,
  templateToJson,
} from '../../../src/engine';
import builtinJson from '../../../src/engine/template/builtin/quang-ngai-tham-muu-tong-hop-2022.json';
import { validTemplate } from './helpers';

function errorsOf(data: unknown): string[] {
  const r = parseTemplate(data);
  if (r.ok) throw new Error('expected the template to be refused');
  return r.errors;
}

describe('template schema', () => {
  it('accepts the built-in template file as it ships', () => {
    expect(TemplateSchema.safeParse(builtinJson).success).toBe(true);
  });

  it('lists the built-in and selects it by id or alias, with or without "builtin:"', () => {
    const list = listBuiltinTemplates();
    expect(list).toEqual([
      expect.objectContaining({
        id: 'quang-ngai-tham-muu-tong-hop-2022',
        bloc: 'Khối các cơ quan Tham mưu - Tổng hợp tỉnh Quảng Ngãi',
        year: 2022,
      }),
    ]);
    expect(builtinTemplate('builtin:quang-ngai-2022')?.id).toBe('quang-ngai-tham-muu-tong-hop-2022');
    expect(builtinTemplate('quang-ngai-tham-muu-tong-hop-2022')?.year).toBe(2022);
    expect(builtinTemplate('builtin:khong-co')).toBeUndefined();
  });

  it("holds the seed's mục 7 as a composite: three organisations at 20 or 15, a missing one at the average", () => {
    const t = builtinTemplate('quang-ngai-2022')!;
    const muc7 = t.sections[1].criteria.find((c) => c.tt === '7')!;
    expect(muc7.diemChuan).toBe(60);
    expect(muc7.composite).toEqual({
      parts: [
        { name: 'Công đoàn', tiers: [20, 15], required: true },
        { name: 'Đoàn thanh niên', tiers: [20, 15] },
        { name: 'Hội Cựu chiến binh', tiers: [20, 15] },
      ],
      missing: 'average',
    });
  });

  it('round-trips through its JSON form', () => {
    const t = validTemplate();
    const r = parseTemplateJson(templateToJson(t));
    expect(r).toEqual({ ok: true, template: t });
  });

  it('names the bad field by its path, in Vietnamese', () => {
    const t = JSON.parse(JSON.stringify(builtinJson));
    t.sections[1].criteria[3].diemChuan = '20';
    expect(errorsOf(t)).toContain('sections[1].criteria[3].diemChuan: phải là số');
  });

  it('tells a missing field, a misspelt one, a wrong version and a bad enum apart', () => {
    const t = JSON.parse(JSON.stringify(builtinJson));
    delete t.bloc;
    t.version = 2;
    t.sections[0].criteria[0].childs = [];
    t.sections[1].criteria[6].composite.missing = 'trung bình';
    const errors = errorsOf(t);
    expect(errors).toEqual(
      expect.arrayContaining([
        'bloc: thiếu (bắt buộc phải có)',
        'version: phải là 1',
        'sections[0].criteria[0]: không có trường “childs” trong định dạng mẫu (viết sai tên?)',
        'sections[1].criteria[6].composite.missing: phải là "average" hoặc "zero"',
      ]),
    );
  });

  it('refuses children whose standards do not add up, duplicate ids, and a composite whose parts miss the standard', () => {
    const t = validTemplate();
    t.sections[0].criteria[0].children[0].diemChuan = 25;
    t.sections[1].criteria[0].id = t.sections[0].criteria[1].id;
    t.sections[1].criteria[0].composite = {
      parts: [
        { name: 'A', tiers: [10] },
        { name: 'B', tiers: [5] },
      ],
      missing: 'average',
    };
    const errors = errorsOf(t);
    expect(errors).toEqual(
      expect.arrayContaining([
        'sections[0].criteria[0].children: điểm chuẩn các mục con cộng được 35, khác 30',
        'sections[1].criteria[0].id: mã “1.2” đã dùng ở sections[0].criteria[1]',
        'sections[1].criteria[0].composite.parts: mức cao nhất của các phần cộng được 15, khác điểm chuẩn 20',
      ]),
    );
  });

  it('tells a JSON syntax error by line and column', () => {
    expect(parseTemplateJson('{\n  "version": 1,\n  bloc: "x"\n}')).toEqual({
      ok: false,
      errors: ['không phải JSON hợp lệ: lỗi cú pháp ở dòng 3, cột 3'],
    });
    expect(parseTemplateJson('\uFEFF' + templateToJson(validTemplate())).ok).toBe(true);
  });
});

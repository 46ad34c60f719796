import { builtinTemplate, decodeChoice, encodeChoice } from '../../../src/engine';
import { validTemplate } from './helpers';

describe('the template choice kept in a workbook', () => {
  it('keeps a built-in by id', () => {
    const s = encodeChoice({ builtin: 'quang-ngai-2022' });
    expect(s).toBe('builtin:quang-ngai-2022');
    expect(decodeChoice(s)).toEqual({ ok: true, template: builtinTemplate('quang-ngai-2022') });
  });

  it('keeps a loaded template whole, and reads it back checked', () => {
    const t = validTemplate();
    expect(decodeChoice(encodeChoice({ custom: t }))).toEqual({ ok: true, template: t });
  });

  it('tells a damaged or vanished choice in Vietnamese', () => {
    expect(decodeChoice('builtin:da-bo')).toEqual({ ok: false, errors: ['không còn mẫu có sẵn “da-bo”'] });
    expect(decodeChoice('{"version": 1')).toEqual({ ok: false, errors: ['mẫu lưu trong bảng tính bị hỏng (không đọc được JSON)'] });
    const broken = JSON.stringify({ ...validTemplate(), year: 'năm nay' });
    expect(decodeChoice(broken)).toEqual({ ok: false, errors: ['year: phải là số'] });
  });
});

/** Reads a template from JSON text or a parsed value, refusing a bad one with Vietnamese messages that name the field. */
import type { core } from 'zod';
import { Template, TemplateSchema } from './schema';

export type ParseResult = { ok: true; template: Template } | { ok: false; errors: string[] };

const TYPE_WORDS: Record<string, string> = {
  number: 'phải là số',
  string: 'phải là chuỗi chữ',
  boolean: 'phải là true hoặc false',
  array: 'phải là danh sách […]',
  object: 'phải là đối tượng {…}',
};

/** "sections[1].criteria[3].diemChuan": the path as a person looking at the JSON finds it. */
export function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out ? '.' : ''}${String(p)}`;
  return out || '(gốc)';
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v = input;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[p];
  }
  return v;
}

/** One schema problem in Vietnamese; `format` names the file's kind in the unknown-field message (“mẫu”, “quy chế”). */
export function issueWords(issue: core.$ZodIssue, input: unknown, format = 'mẫu'): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (valueAt(input, issue.path) === undefined) return 'thiếu (bắt buộc phải có)';
      return TYPE_WORDS[issue.expected] ?? `sai kiểu (cần ${issue.expected})`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `phải có ít nhất ${issue.minimum} phần tử`;
      if (issue.origin === 'string') return 'không được để trống';
      return `phải từ ${issue.minimum} trở lên`;
    case 'too_big':
      return issue.origin === 'array' ? `có quá ${issue.maximum} phần tử` : `phải từ ${issue.maximum} trở xuống`;
    case 'invalid_value':
      return `phải là ${issue.values.map((v) => JSON.stringify(v)).join(' hoặc ')}`;
    case 'unrecognized_keys':
      return `không có trường ${issue.keys.map((k) => `“${k}”`).join(', ')} trong định dạng ${format} (viết sai tên?)`;
    case 'invalid_format':
    case 'custom':
      return issue.message;
    default:
      return 'không hợp lệ';
  }
}

/** Every problem of a candidate template, in Vietnamese, each starting with the field's path. */
export function parseTemplate(input: unknown): ParseResult {
  const r = TemplateSchema.safeParse(input);
  if (r.success) return { ok: true, template: r.data };
  return { ok: false, errors: r.error.issues.map((i) => `${pathText(i.path)}: ${issueWords(i, input)}`) };
}

/** JSON text read, or why not in Vietnamese (where the syntax breaks, by line and column): for every JSON file thidua takes. */
export function readJsonText(text: string): { ok: true; data: unknown } | { ok: false; error: string } {
  const json = text.replace(/^\uFEFF/, ''); // Notepad saves UTF-8 with a byte-order mark
  try {
    return { ok: true, data: JSON.parse(json) };
  } catch (e) {
    const at = /position (\d+)/.exec((e as Error).message);
    if (!at) return { ok: false, error: 'không phải JSON hợp lệ (tệp bị cắt cụt hoặc rỗng?)' };
    const before = json.slice(0, Number(at[1])).split('\n');
    return { ok: false, error: `không phải JSON hợp lệ: lỗi cú pháp ở dòng ${before.length}, cột ${before[before.length - 1].length + 1}` };
  }
}

/** Reads JSON text; a syntax error is told in Vietnamese as well. */
export function parseTemplateJson(text: string): ParseResult {
  const read = readJsonText(text);
  return read.ok ? parseTemplate(read.data) : { ok: false, errors: [read.error] };
}

/** Pretty JSON, two spaces, trailing newline: the form templates are written and shared in. */
export function templateToJson(t: Template): string {
  return `${JSON.stringify(t, null, 2)}\n`;
}

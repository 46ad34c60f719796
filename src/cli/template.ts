/** The CLI's side of criteria templates: load one (built-in or file), write one inferred from a sheet. */
import { promises as fs } from 'fs';
import * as path from 'path';
import {
  BUILTIN_PREFIX,
  builtinTemplate,
  inferTemplate,
  isUserError,
  listBuiltinTemplates,
  parseTemplateJson,
  SheetReport,
  Template,
  templateToJson,
  UserError,
} from '../engine';
import { saveFile, SaveOptions } from '../xlsx/workbook';
import { readJsonFile } from './json-file';

/** "builtin:quang-ngai-2022" or a path to a template .json; anything wrong is a UserError naming the field. */
export async function loadTemplate(ref: string): Promise<Template> {
  if (ref === '') throw new UserError('bad-input', '--template cần tên mẫu có sẵn (builtin:…) hoặc đường dẫn tệp mẫu .json.');
  if (ref.startsWith(BUILTIN_PREFIX)) {
    const t = builtinTemplate(ref);
    if (t) return t;
    const names = listBuiltinTemplates()
      .flatMap((b) => [b.id, ...b.aliases])
      .map((n) => `${BUILTIN_PREFIX}${n}`)
      .join(', ');
    throw new UserError('bad-input', `Không có mẫu có sẵn “${ref}”. Các mẫu có sẵn: ${names}.`);
  }
  return readJsonFile(ref, 'tệp mẫu', (text) => {
    const r = parseTemplateJson(text);
    return r.ok ? { ok: true, value: r.template } : r;
  });
}

export interface TemplateFlags {
  bloc?: string;
  year?: string;
}

/** The template of the one sheet checked; with several, the user names one. */
export function templateFromReports(file: string, reports: SheetReport[], flags: TemplateFlags): Template {
  if (reports.length > 1) {
    const names = reports.map((r) => `“${r.sheet}”`).join(', ');
    throw new UserError(
      'bad-input',
      `Tệp “${path.basename(file)}” có ${reports.length} trang có bảng chấm điểm (${names}): hãy chọn một bằng --sheet.`,
    );
  }
  let year: number | undefined;
  if (flags.year !== undefined) {
    year = Number(flags.year);
    if (!Number.isInteger(year) || year < 2000 || year > 2100)
      throw new UserError('bad-input', `--year cần một năm như 2022, không phải “${flags.year}”.`);
  }
  try {
    return inferTemplate(reports[0], { bloc: flags.bloc, year });
  } catch (e) {
    if (isUserError(e) && e.code === 'missing-year') throw new UserError('missing-year', `${e.message} Ví dụ: --year 2022.`);
    throw e;
  }
}

/** Writes the template as JSON, atomically, never over the workbook it came from. */
export async function writeTemplate(out: string, input: string, template: Template, options: SaveOptions = {}): Promise<void> {
  await saveFile(out, input, (tmp) => fs.writeFile(tmp, templateToJson(template), 'utf8'), options);
}

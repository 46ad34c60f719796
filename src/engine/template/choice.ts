/**
 * The template a workbook is checked against, as the pane keeps it in the workbook (one settings string): a built-in
 * by id, or a template the user loaded, whole, so the workbook carries it wherever it is sent.
 */
import { builtinTemplate, BUILTIN_PREFIX } from './builtin';
import { parseTemplate, ParseResult } from './parse';
import { Template } from './schema';

export type TemplateChoice = { builtin: string } | { custom: Template };

/** The settings string for a choice: "builtin:ID", or the template's JSON. */
export function encodeChoice(choice: TemplateChoice): string {
  return 'builtin' in choice ? `${BUILTIN_PREFIX}${choice.builtin}` : JSON.stringify(choice.custom);
}

/** The template a settings string names, or Vietnamese reasons it names none (a built-in gone, a file damaged). */
export function decodeChoice(setting: string): ParseResult {
  if (setting.startsWith(BUILTIN_PREFIX)) {
    const t = builtinTemplate(setting);
    return t ? { ok: true, template: t } : { ok: false, errors: [`không còn mẫu có sẵn “${setting.slice(BUILTIN_PREFIX.length)}”`] };
  }
  let data: unknown;
  try {
    data = JSON.parse(setting);
  } catch {
    return { ok: false, errors: ['mẫu lưu trong bảng tính bị hỏng (không đọc được JSON)'] };
  }
  return parseTemplate(data);
}

/** Templates shipped with the add-in, chosen by "builtin:ID" in the CLI and by name in the pane. */
import quangNgai2022 from './builtin/quang-ngai-tham-muu-tong-hop-2022.json';
import { parseTemplate } from './parse';
import { Template } from './schema';

export const BUILTIN_PREFIX = 'builtin:';

interface Entry {
  /** Shorter names that also select it. */
  aliases: string[];
  data: unknown;
  parsed?: Template;
}

const ENTRIES: Entry[] = [{ aliases: ['quang-ngai-2022'], data: quangNgai2022 }];

function templateOf(e: Entry): Template {
  if (!e.parsed) {
    const r = parseTemplate(e.data);
    // A built-in is checked by a test; reaching this means the shipped file was edited by hand and broken.
    if (!r.ok) throw new Error(`Mẫu có sẵn bị hỏng: ${r.errors.join('; ')}`);
    e.parsed = r.template;
  }
  return e.parsed;
}

export interface BuiltinInfo {
  /** What selects it: "builtin:" + id. */
  id: string;
  aliases: string[];
  bloc: string;
  year: number;
  /** "Khối … — năm 2022": how a picker lists it. */
  title: string;
}

export function listBuiltinTemplates(): BuiltinInfo[] {
  return ENTRIES.map((e) => {
    const t = templateOf(e);
    return { id: t.id, aliases: e.aliases, bloc: t.bloc, year: t.year, title: `${t.bloc} — năm ${t.year}` };
  });
}

/** The built-in template with this id or alias ("quang-ngai-2022", with or without "builtin:"). */
export function builtinTemplate(name: string): Template | undefined {
  const key = name.startsWith(BUILTIN_PREFIX) ? name.slice(BUILTIN_PREFIX.length) : name;
  const e = ENTRIES.find((x) => x.aliases.includes(key) || templateOf(x).id === key);
  return e && templateOf(e);
}

/**
 * LibreOffice, headless, as the check that a workbook thidua writes opens and computes as thidua says: it converts a
 * .xlsx to a new .xlsx with every formula recalculated on load (a private profile whose registrymodifications.xcu sets
 * OOXMLRecalcMode to 0, "always recalculate"), so the copy's cached results are LibreOffice's own.
 */
import { execFileSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { centralDirectory, entryData } from '../../src/xlsx/zip';

const RECALC_ALWAYS = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

export const hasSoffice = (): boolean => ['/usr/bin/soffice', '/usr/local/bin/soffice'].some((p) => existsSync(p));

/** Converts `file` with LibreOffice (recalculating every formula) into `outDir`; returns the converted file's path. */
export function recalcWithLibreOffice(file: string, outDir: string): string {
  const profile = mkdtempSync(path.join(tmpdir(), 'thidua-lo-'));
  mkdirSync(path.join(profile, 'user'), { recursive: true });
  writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), RECALC_ALWAYS);
  mkdirSync(outDir, { recursive: true });
  execFileSync(
    'soffice',
    [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', outDir, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  const out = path.join(outDir, path.basename(file).replace(/\.xlsx$/i, '.xlsx'));
  if (!existsSync(out)) throw new Error(`LibreOffice wrote nothing for ${file}`);
  return out;
}

/** A formula cell as the file stores it: its formula and cached result (number, or text; "" for an empty text). */
export interface StoredFormula {
  formula: string;
  value: number | string | boolean;
}

const decode = (s: string) =>
  s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&#(\d+);/g, (_, n) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/**
 * Every formula cell of every sheet with its cached result, read from the XML itself: ExcelJS's reader drops a cached
 * 0 or "" (it tests the text for truth), which is exactly what this check must see.
 */
export function storedFormulas(file: string): Map<string, Map<string, StoredFormula>> {
  const data = readFileSync(file);
  const entries = new Map(centralDirectory(data).map((e) => [e.name, e]));
  const part = (name: string) => {
    const e = entries.get(name);
    if (!e) throw new Error(`${file} has no ${name}`);
    const raw = entryData(data, e);
    return (e.method === 8 ? inflateRawSync(raw) : raw).toString('utf8');
  };
  const rels = new Map([...part('xl/_rels/workbook.xml.rels').matchAll(/<Relationship\b[^>]*>/g)].map((m) => [/Id="([^"]+)"/.exec(m[0])![1], /Target="([^"]+)"/.exec(m[0])![1]]));
  const out = new Map<string, Map<string, StoredFormula>>();
  for (const m of part('xl/workbook.xml').matchAll(/<sheet\b[^>]*>/g)) {
    const name = decode(/name="([^"]*)"/.exec(m[0])![1]);
    const target = rels.get(/r:id="([^"]+)"/.exec(m[0])![1])!.replace(/^\/?(xl\/)?/, '');
    const xml = part(`xl/${target}`);
    const cells = new Map<string, StoredFormula>();
    for (const c of xml.matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const body = c[2] ?? '';
      const f = /<f\b[^>]*>([\s\S]*?)<\/f>/.exec(body);
      if (!f) continue;
      const ref = /\br="([A-Z]+\d+)"/.exec(c[1])![1];
      const t = /\bt="(\w+)"/.exec(c[1])?.[1];
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1] ?? '';
      const value = t === 'str' || t === 'e' ? decode(v) : t === 'b' ? v === '1' : v === '' ? '' : Number(v);
      cells.set(ref, { formula: decode(f[1]), value });
    }
    out.set(name, cells);
  }
  return out;
}

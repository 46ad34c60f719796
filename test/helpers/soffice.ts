/**
 * LibreOffice for tests: opens files thidua wrote in a real spreadsheet application nobody here wrote, headless, with a
 * private profile that makes it recalculate every formula on load (Tools › Options › Calc › Formula › "Recalculation
 * on file load": Excel 2007 and newer = Always, the OOXMLRecalcMode setting), and saves what it computed.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { local, Node, nodes, openPackage, textOf, tree } from './package';

/** Where soffice is, or undefined. With THIDUA_REQUIRE_SOFFICE=1 (CI), a missing soffice is an error, not a skip. */
export function soffice(): string | undefined {
  const found = ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'].find((p) => existsSync(p));
  if (found) return found;
  const which = spawnSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return which.stdout.trim();
  if (process.env.THIDUA_REQUIRE_SOFFICE === '1')
    throw new Error('THIDUA_REQUIRE_SOFFICE=1 but soffice is not installed (apt-get install libreoffice-calc-nogui)');
  return undefined;
}

/** `describe` when LibreOffice is there; otherwise a loud skip (never on CI, where soffice() throws). */
export function describeWithSoffice(name: string, body: () => void): void {
  if (soffice()) {
    describe(name, body);
    return;
  }

  console.warn(`\n*** SKIPPED “${name}”: LibreOffice (soffice) is not installed here. CI installs it and runs these. ***\n`);
  describe.skip(name, body);
}

const PROFILE_XCU = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** A fresh private profile that recalculates on load; as a file: URL for -env:UserInstallation. */
export function recalcProfile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'thidua-lo-'));
  mkdirSync(path.join(dir, 'user'), { recursive: true });
  writeFileSync(path.join(dir, 'user', 'registrymodifications.xcu'), PROFILE_XCU);
  return `file://${dir}`;
}

/**
 * Converts each file with LibreOffice (read through `infilter` when given, e.g. "CSV:44,34,76,1": comma, quote, UTF-8, line 1) (one process for all: it is slow to start) into `outDir`, as `format`
 * ("xlsx", "ods", "csv"…). Returns the output paths in the order given; throws with LibreOffice's own words if any
 * file did not convert.
 */
export function convert(files: string[], outDir: string, format: string, options: { infilter?: string; profile?: string } = {}): string[] {
  const profile = options.profile ?? recalcProfile();
  const bin = soffice();
  if (!bin) throw new Error('soffice is not installed');
  mkdirSync(outDir, { recursive: true });
  const out = execFileSync(
    bin,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--norestore',
      ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
      '--convert-to',
      format,
      '--outdir',
      outDir,
      ...files,
    ],
    {
      encoding: 'utf8',
      timeout: 240_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const ext = format.split(':')[0];
  const made = files.map((f) => path.join(outDir, `${path.basename(f).replace(/\.[^.]+$/, '')}.${ext}`));
  const missing = made.filter((m) => !existsSync(m));
  if (missing.length > 0)
    throw new Error(`LibreOffice did not convert ${missing.join(', ')}: ${out} (in ${readdirSync(outDir).join(', ')})`);
  return made;
}

/** LibreOffice is there to open what thidua writes (on CI, where THIDUA_REQUIRE_SOFFICE=1, its absence throws). */
export const hasSoffice = (): boolean => soffice() !== undefined;

/** Converts `file` with LibreOffice, recalculating every formula on load, into `outDir`; returns the copy's path. */
export function recalcWithLibreOffice(file: string, outDir: string): string {
  return convert([file], outDir, 'xlsx:Calc MS Excel 2007 XML')[0];
}

/** A formula cell as the file stores it: its formula and cached result (number, or text; "" for an empty text). */
export interface StoredFormula {
  formula: string;
  value: number | string | boolean;
}

/**
 * Every formula cell of every sheet with its cached result, read from the parts themselves (ExcelJS's reader drops a
 * cached 0 or "", which is exactly what this check must see).
 */
export function storedFormulas(file: string): Map<string, Map<string, StoredFormula>> {
  const pkg = openPackage(file);
  const out = new Map<string, Map<string, StoredFormula>>();
  for (const sheet of pkg.workbook().sheets) {
    if (!sheet.part) continue;
    const cells = new Map<string, StoredFormula>();
    for (const c of nodes(tree(pkg.text(sheet.part)))) {
      if (local(c) !== 'c') continue;
      const kids = c.children.filter((k): k is Node => typeof k !== 'string');
      const f = kids.find((k) => local(k) === 'f');
      if (!f) continue;
      const v = kids.find((k) => local(k) === 'v');
      const raw = v ? textOf(v) : '';
      const t = c.attrs.t;
      const value = t === 'str' || t === 'e' ? raw : t === 'b' ? raw === '1' : raw === '' ? '' : Number(raw);
      cells.set(c.attrs.r, { formula: textOf(f), value });
    }
    out.set(sheet.name, cells);
  }
  return out;
}

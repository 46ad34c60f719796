/** The manifest's offline check passes on manifest.xml and catches each kind of mistake it is meant to catch. */
import { readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { removeDir, tempDir } from '../helpers/xlsx';
import { KIEM_TRA_ACTION } from '../../src/commands/ids';

const { checkManifest } = require('../../scripts/validate-manifest.js') as {
  checkManifest: (file?: string, ids?: string) => Promise<string[]>;
};

const MANIFEST = readFileSync(path.join(__dirname, '../../manifest.xml'), 'utf8');
let dir: string;
beforeAll(() => {
  dir = tempDir();
});
afterAll(() => removeDir(dir));

async function problemsOf(xml: string): Promise<string[]> {
  const file = path.join(dir, 'manifest.xml');
  writeFileSync(file, xml);
  return checkManifest(file);
}

test('manifest.xml passes the offline check', async () => {
  expect(await checkManifest()).toEqual([]);
  expect(MANIFEST).toContain(`<FunctionName>${KIEM_TRA_ACTION}</FunctionName>`);
  // The function file's fall-back for too old a webview answers the same button.
  expect(readFileSync(path.join(__dirname, '../../src/commands/commands.html'), 'utf8')).toContain(`data-action="${KIEM_TRA_ACTION}"`);
});

test.each([
  ['malformed XML', (x: string) => x.replace('</Hosts>', ''), /not well-formed/],
  [
    'a resource id over 32 characters',
    (x: string) => x.split('KiemTra.Tooltip').join('KiemTra.Tooltip.Rat.Dai.Qua.Muc.Cho.Phep'),
    /longer than 32/,
  ],
  ['an unresolved resid', (x: string) => x.replace('resid="Taskpane.Url"', 'resid="Taskpane.Missing"'), /not defined/],
  ['a missing 80px icon', (x: string) => x.replace(/\s*<bt:Image size="80" resid="Icon.80x80"\/>/, ''), /lacks the 80px/],
  ['an http URL', (x: string) => x.replace('https://localhost:3000/commands.html', 'http://localhost:3000/commands.html'), /not https/],
  [
    'a FunctionName other than the associated id',
    (x: string) => x.replace(`>${KIEM_TRA_ACTION}<`, '>kiemTraKhac<'),
    /differs from the associated id/,
  ],
  [
    'a newer minimum than the code needs (Office 2019 volume would lose the add-in)',
    (x: string) => x.replace('MinVersion="1.4"', 'MinVersion="1.8"'),
    /ExcelApi 1\.4 \(MIN_API/,
  ],
  ['an older minimum than the code needs', (x: string) => x.replace('MinVersion="1.4"', 'MinVersion="1.1"'), /ExcelApi 1\.4 \(MIN_API/],
  [
    'a string without its English override',
    (x: string) => x.replace('<bt:Override Locale="en-US" Value="Check"/>', ''),
    /no en-US override/,
  ],
])('the check catches %s', async (_what, mutate, expected) => {
  const problems = await problemsOf(mutate(MANIFEST));
  expect(problems.join('\n')).toMatch(expected);
});

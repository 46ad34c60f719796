/**
 * *Tổng hợp khối* in the production pane (dist/web) in headless Chromium, the test host standing in for Excel with a
 * workbook of several unit sheets; then again with unit files chosen in the pane. Leaves test/artifacts/tonghop.png.
 */
import { mkdirSync } from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { SheetGrid } from '../../src/engine';
import { BLOC, CLEAN, seed, withChanges, writeBloc } from '../helpers/bloc';
import { grid } from '../helpers/grid';
import { removeDir, tempDir } from '../helpers/xlsx';
import { ARTIFACTS, bundleHost, launchChromium, serveWeb } from './support';

let browser: Browser;
let web: { base: string; close: () => Promise<void> };
let hostScript: string;
let sheets: SheetGrid[];
let dir: string;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  dir = tempDir();
  const base = await seed();
  // Units 1–5 of the test bloc as sheets, and a cover page that is no unit.
  sheets = [
    grid([['Danh sách các đơn vị']], { name: 'Bìa' }),
    ...BLOC.slice(0, 5).map((u) => withChanges(base, { ...CLEAN, ...u.changes, A2: `Đơn vị: ${u.name}` }, u.name!.replace('Sở ', ''))),
  ];
  [hostScript, web, browser] = await Promise.all([bundleHost('test/host/browser-bloc.ts'), serveWeb(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
  removeDir(dir);
});

async function openPane(): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 360, height: 1100 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => (new URL(route.request().url()).origin !== web.base ? route.abort() : route.fallback()));
  await page.route('**/office/office.js', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: hostScript }),
  );
  await page.addInitScript((s) => ((window as unknown as { __THIDUA_SHEETS__: unknown }).__THIDUA_SHEETS__ = s), sheets);
  await page.goto(`${web.base}/taskpane.html`);
  await page.waitForSelector('body[data-ready="true"]');
  expect(errors).toEqual([]);
  return page;
}

const names = (page: Page) => page.evaluate(() => (window as unknown as { __thiduaHost: { names(): string[] } }).__thiduaHost.names());
const cell = (page: Page, sheet: string, a: string) =>
  page.evaluate(
    ([s, x]) =>
      (window as unknown as { __thiduaHost: { cell(s: string, a: string): { value: unknown } | null } }).__thiduaHost.cell(s, x)?.value,
    [sheet, a] as const,
  );

async function runAndWait(page: Page): Promise<string> {
  await page.click('#tonghop-run');
  await page.waitForFunction(
    () =>
      /^(Đã tổng hợp|Đã dừng|Không)/.test(document.querySelector('#tonghop-status')?.textContent ?? '') ||
      !document.querySelector<HTMLElement>('#tonghop-question')!.hidden,
  );
  return (await page.textContent('#tonghop-status')) ?? '';
}

test('sums the unit sheets of the open workbook into Tổng hợp and Theo tiêu chí, asks before replacing them', async () => {
  const page = await openPane();
  const jsBefore: string[] = [];
  page.on('request', (r) => jsBefore.push(new URL(r.url()).pathname));
  await page.click('#tonghop summary');
  await page.evaluate(() => (window as unknown as { __thiduaHost: { resetCounters(): void } }).__thiduaHost.resetCounters());
  expect(await runAndWait(page)).toBe('Đã tổng hợp 5 đơn vị vào trang “Tổng hợp” và “Theo tiêu chí”.');
  // One sync reads the list and every sheet, one writes both summary sheets.
  expect(await page.evaluate(() => (window as unknown as { __thiduaHost: { syncs(): number } }).__thiduaHost.syncs())).toBe(2);
  expect(await names(page)).toEqual(['Bìa', 'Nội vụ', 'Tài chính', 'Tư pháp', 'Kế hoạch và Đầu tư', 'Y tế', 'Tổng hợp', 'Theo tiêu chí']);
  expect(await cell(page, 'Tổng hợp', 'B5')).toBe('Sở Nội vụ');
  expect(await cell(page, 'Tổng hợp', 'E8')).toBe(983);
  const items = await page.locator('#tonghop-list li').allTextContents();
  expect(items[0]).toBe('1 (đồng hạng). Sở Nội vụ: 993 điểm (tự chấm 993, lên 2 bậc)');
  // The summary's code came in its own chunk; the file reader (ExcelJS) was never fetched: no file was chosen.
  expect(jsBefore).toContain('/tonghop.js');
  expect(jsBefore).not.toContain('/doc-tep.js');

  // Again: the pane asks; keeping them changes nothing.
  await page.click('#tonghop-run');
  await page.waitForSelector('#tonghop-question:not([hidden])');
  expect(await page.textContent('#tonghop-question p')).toMatch(/Các trang “Tổng hợp”, “Theo tiêu chí” do lần tổng hợp trước tạo ra/);
  await page.click('#tonghop-keep');
  await page.waitForFunction(() => /Đã dừng/.test(document.querySelector('#tonghop-status')?.textContent ?? ''));
  expect(await names(page)).toHaveLength(8);
  await page.close();
});

test('with unit files chosen in the pane (read inside the pane), and one that is no workbook', async () => {
  const files = await writeBloc(path.join(dir, 'tep'), BLOC.slice(5, 7), { broken: true });
  const page = await openPane();
  await page.click('#tonghop summary');
  await page.setInputFiles('#tonghop-files', files);
  const said = await runAndWait(page);
  expect(said).toBe('Đã tổng hợp 7 đơn vị vào trang “Tổng hợp” và “Theo tiêu chí”. 1 tệp không đọc được (ghi trong trang Tổng hợp).');
  const items = await page.locator('#tonghop-list li').allTextContents();
  expect(items.map((t) => t.replace(/:.*/, ''))).toEqual([
    '1 (đồng hạng). Sở Nội vụ',
    '1 (đồng hạng). Sở Tư pháp',
    '3. Sở Xây dựng',
    '4. Sở Kế hoạch và Đầu tư',
    '5 (đồng hạng). Sở Tài chính',
    '5 (đồng hạng). Sở Y tế',
    '7. Sở Giáo dục và Đào tạo',
  ]);
  await page.screenshot({ path: path.join(ARTIFACTS, 'tonghop.png'), fullPage: true });
  await page.close();
});

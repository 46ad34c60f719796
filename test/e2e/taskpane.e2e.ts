/**
 * The production task pane (dist/web, built by `npm run build`) in headless Debian Chromium, with the test host
 * standing in for Excel: office.js requests get the host bundle, every request off the local server is refused.
 */
import { mkdirSync } from 'fs';
import * as path from 'path';
import { Browser, Page } from 'playwright-core';
import { builtinTemplate, checkSheet, listBuiltinTemplates, parseTemplateJson, SheetGrid } from '../../src/engine';
import { TEMPLATE_KEY } from '../../src/excel/template';
import { FILL } from '../../src/excel/write';
import { readGrids } from '../helpers/xlsx';
import { table, validBody } from '../helpers/grid';
import { TEMPLATE_RULES } from '../helpers/template';
import { ARTIFACTS, bundleHost, launchChromium, ROOT, serveWeb } from './support';

let browser: Browser;
let web: { base: string; close: () => Promise<void> };
let base: string;
let hostScript: string;
let seed: SheetGrid;
const external: string[] = [];

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  [hostScript, web, seed, browser] = await Promise.all([
    bundleHost(),
    serveWeb(),
    readGrids(path.join(ROOT, 'test/fixtures/seed-2022-typed.xlsx')).then((g) => g.find((s) => s.name === 'Chấm điểm')!),
    launchChromium(),
  ]);
  base = web.base;
});

afterAll(async () => {
  await browser?.close();
  await web?.close();
});

/** The pane at 320 px, with `grid` as the active sheet of the stand-in Excel (and `settings` as saved in the file). */
async function openPane(grid: SheetGrid, settings?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 320, height: 900 } });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== base) {
      external.push(u.href);
      return route.abort();
    }
    return route.fallback();
  });
  await page.route('**/office/office.js', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: hostScript }),
  );
  await page.addInitScript(
    ([g, s]) => {
      const w = window as unknown as { __THIDUA_SHEET__: unknown; __THIDUA_SETTINGS__?: string };
      w.__THIDUA_SHEET__ = g;
      if (s) w.__THIDUA_SETTINGS__ = s;
    },
    [grid, settings] as const,
  );
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('body[data-ready="true"]');
  expect(errors).toEqual([]);
  return page;
}

type HostView = {
  cell(a: string): { value: unknown; formula: string | null; fill: string | null; note: string | null };
  snapshot(): string;
  selection: string;
  book: { savedSettings?: string };
};

function host<T>(page: Page, f: (h: HostView) => T): Promise<T> {
  return page.evaluate(`(${f.toString()})(window.__thiduaHost)`) as Promise<T>;
}

async function status(page: Page, starts: string): Promise<string> {
  await page.waitForFunction((s) => document.getElementById('status')?.textContent?.startsWith(s), starts);
  return (await page.textContent('#status')) ?? '';
}

test('Kiểm tra, then Xóa đánh dấu and Hoàn tác, on the seed sheet', async () => {
  const page = await openPane(seed);
  const expected = checkSheet(seed);
  const before = await host(page, (h) => h.snapshot());

  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  expect(await status(page, 'Đã kiểm tra')).toMatch(/^Đã kiểm tra trang “Chấm điểm”: \d+ lỗi/);

  // The findings list: every finding, grouped by severity, in the engine's order.
  const listed = await page.$$eval('#findings-groups button.item', (bs) =>
    bs.map((b) => `${(b as HTMLElement).dataset.rule}@${(b as HTMLElement).dataset.cell}`),
  );
  expect(listed).toEqual(expected.findings.map((f) => `${f.rule}@${f.cell}`));
  expect(await page.textContent('#findings-groups')).toContain('Nội dung 2 ghi 200 điểm tự chấm, cộng các mục được 195.');
  const headings = await page.$$eval('#findings-groups h3', (hs) => hs.map((h) => h.textContent));
  expect(headings[0]).toBe(`Lỗi (${expected.counts.error})`);

  // The summary per Nội dung, with its bar.
  const summary = await page.$$eval('#summary-list li', (lis) => lis.map((li) => li.textContent));
  expect(summary.length).toBe(expected.summary.length);
  expect(summary.find((s) => s?.startsWith('Nội dung 2'))).toContain('Tự chấm 195');
  expect(await page.$$('#summary-list .bar')).toHaveLength(expected.summary.filter((s) => s.diemChuan && s.tuCham !== undefined).length);

  // The cells: coloured by severity with their notes, totals written up to TỔNG CỘNG.
  for (const m of expected.plan.marks) {
    const c = await host(page, new Function('h', `return h.cell(${JSON.stringify(m.cell)})`) as (h: HostView) => unknown);
    expect(c).toMatchObject({ fill: FILL[m.severity] });
    expect((c as { note: string }).note).toContain(m.messages[0]);
  }
  expect(await host(page, (h) => [h.cell('E22').value, h.cell('F22').value, h.cell('E40').value, h.cell('F40').value])).toEqual([
    195, 17, 945, 57,
  ]);

  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-after-check.png'), fullPage: true });

  // A finding selects its cell, by mouse and by keyboard.
  await page.click('#findings-groups button[data-cell="F25"]');
  await page.waitForFunction(() => (window as unknown as { __thiduaHost: HostView }).__thiduaHost.selection === 'F25');
  await page.focus('#findings-groups button[data-cell="E22"]');
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => (window as unknown as { __thiduaHost: HostView }).__thiduaHost.selection === 'E22');

  // Documents cited, when the engine found any: each selects its first citing cell.
  if (expected.documents.length > 0) {
    expect(await page.isVisible('#documents')).toBe(true);
    expect(await page.$$('#documents-list button')).toHaveLength(expected.documents.length);
    await page.click('#documents-list button >> nth=0');
    await page.waitForFunction(
      (cell) => (window as unknown as { __thiduaHost: HostView }).__thiduaHost.selection === cell,
      expected.documents[0].cells[0],
    );
  }

  // Xóa đánh dấu: no fill, no note left; Hoàn tác: every value back; the sheet is as it was.
  await page.getByRole('button', { name: 'Xóa đánh dấu' }).click();
  await status(page, 'Đã xóa đánh dấu');
  for (const m of expected.plan.marks) {
    expect(await host(page, new Function('h', `return h.cell(${JSON.stringify(m.cell)})`) as (h: HostView) => unknown)).toMatchObject({
      fill: null,
      note: null,
    });
  }
  await page.getByRole('button', { name: 'Hoàn tác' }).click();
  await status(page, 'Đã hoàn tác');
  expect(await host(page, (h) => h.snapshot())).toBe(before);
  expect(external).toEqual([]);
  await page.close();
});

test('cell text is shown as text: markup in a sheet runs nothing', async () => {
  const IMG = '<img src=x onerror=window.__pwned=1>';
  const SCRIPT = '<script>window.__pwned=2</script>';
  const body = validBody().map((r) => [...r]);
  body[2][1] = `${IMG} Lãnh đạo, chỉ đạo`;
  body[2][6] = `${IMG} ${SCRIPT}`; // evidence citing no document: a finding quotes it
  body[3][4] = 12; // over the standard 10: a finding names the criterion
  const page = await openPane(table(body, { name: `Trang ${IMG}` }));
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await status(page, 'Đã kiểm tra');
  await page.waitForTimeout(200);
  expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
  expect(await page.$$('img')).toHaveLength(0);
  expect(await page.$$('#findings-groups script, #summary script, #status script')).toHaveLength(0);
  const text = (await page.textContent('#findings-groups')) ?? '';
  expect(text).toContain('<img src=x');
  expect(await page.textContent('#status')).toContain(`Trang <img src=x`);
  await page.close();
});

test('the bloc’s template: chosen, kept in the workbook, used by Kiểm tra; Tạo mẫu từ bảng này writes nothing', async () => {
  const info = listBuiltinTemplates()[0];
  const expected = checkSheet(seed, { template: builtinTemplate(info.id)! });
  const page = await openPane(seed);
  // A step that cannot happen fails with its own name, well inside the test's time.
  page.setDefaultTimeout(5000);
  await page.click('.options:not(.infer) summary');
  const picker = page.getByLabel('Bảng tiêu chí của khối');
  expect(await picker.inputValue()).toBe('');
  await picker.selectOption(`builtin:${info.id}`);
  await page.waitForFunction(() => document.getElementById('template-name')?.textContent?.startsWith('Đang dùng'));
  expect(await page.textContent('#template-name')).toContain(info.bloc);

  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
  await status(page, 'Đã kiểm tra');
  // The check held the seed against the built-in it was made from: the engine's findings, none of them a template error.
  const listed = await page.$$eval('#findings-groups button.item', (bs) =>
    bs.map((b) => `${(b as HTMLElement).dataset.rule}@${(b as HTMLElement).dataset.cell}`),
  );
  expect(listed).toEqual(expected.findings.map((f) => `${f.rule}@${f.cell}`));
  const errorRules = await page.$$eval('#findings-groups .group.error button.item', (bs) =>
    bs.map((b) => (b as HTMLElement).dataset.rule ?? ''),
  );
  expect(errorRules.length).toBe(expected.counts.error);
  expect(errorRules.filter((r) => TEMPLATE_RULES.includes(r))).toEqual([]);
  const t = expected.template!;
  expect(await page.textContent('#summary-template')).toBe(
    `Đối chiếu với ${t.bloc} — năm ${t.year}: ${t.matches.length} mục khớp, thiếu ${t.missing.length}, thừa ${t.extra.length}.`,
  );
  const settings = (await host(page, (h) => h.book.savedSettings)) as string;
  expect(JSON.parse(settings)[TEMPLATE_KEY]).toBe(`builtin:${info.id}`);

  // Tạo mẫu từ bảng này: the sheet (already checked) stays exactly as it is; the JSON is offered as a file and as text.
  const before = await host(page, (h) => h.snapshot());
  await page.click('.infer summary');
  expect(await page.getByLabel('Tên khối thi đua').inputValue()).toBe('Khối thi đua');
  await page.getByLabel('Tên khối thi đua').fill('Khối Tham mưu - Tổng hợp');
  await page.getByRole('button', { name: 'Tạo mẫu từ bảng này' }).click();
  expect(await status(page, 'Đã tạo mẫu')).toContain('Bảng tính không bị thay đổi.');
  expect(await host(page, (h) => h.snapshot())).toBe(before);
  const json = await page.inputValue('#infer-json');
  const parsed = parseTemplateJson(json);
  expect(parsed.ok && parsed.template.bloc).toBe('Khối Tham mưu - Tổng hợp');
  expect(await page.getAttribute('#infer-download', 'download')).toBe('mau-tieu-chi-2022.json');
  expect(await page.getAttribute('#infer-download', 'href')).toMatch(/^blob:/);
  await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-template.png') });

  // A damaged file is refused with its reasons; the inferred one is taken and kept whole in the workbook.
  await page.setInputFiles('#template-file', {
    name: 'sai.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"version": 1, "id": "x"}'),
  });
  await page.waitForSelector('#template-errors:not([hidden])');
  expect(await page.textContent('#template-errors')).toMatch(
    /^Tệp “sai\.json” không dùng được làm bảng tiêu chí:.*thiếu \(bắt buộc phải có\)/,
  );
  expect(await picker.inputValue()).toBe(`builtin:${info.id}`);
  await page.setInputFiles('#template-file', { name: 'mau.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await page.waitForFunction(() => (document.getElementById('template') as HTMLSelectElement).value === 'custom');
  expect(await page.isHidden('#template-errors')).toBe(true);
  const kept = (await host(page, (h) => h.book.savedSettings)) as string;
  expect(JSON.parse(JSON.parse(kept)[TEMPLATE_KEY]).bloc).toBe('Khối Tham mưu - Tổng hợp');
  expect(external).toEqual([]);
  await page.close();

  // Opened again, the pane shows the choice the workbook holds.
  const again = await openPane(seed, kept);
  expect(await again.inputValue('#template')).toBe('custom');
  expect(await again.textContent('#template-name')).toContain('Khối Tham mưu - Tổng hợp');
  await again.close();
}, 30000);

test('the office.js the add-in ships starts under the pane’s Content-Security-Policy', async () => {
  const page = await browser.newPage();
  const errors: string[] = [];
  const refused: string[] = [];
  const off: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.route('**/*', (route) => {
    const u = new URL(route.request().url());
    if (u.origin !== base) {
      off.push(u.href);
      return route.abort();
    }
    return route.fallback();
  });
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${base}/taskpane.html`);
  // dist/web/office/office.js, not the test host: Office is defined and onReady answers (outside Office, with no host).
  const ready = await page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const O = (window as unknown as { Office?: { onReady?: () => Promise<{ host: unknown }> } }).Office;
        if (!O || typeof O.onReady !== 'function') return resolve('no Office');
        O.onReady().then((i) => resolve(`ready:${String(i?.host ?? null)}`));
        setTimeout(() => resolve('onReady pending'), 8000);
      }),
  );
  expect(ready).toMatch(/^ready:|^onReady pending$/);
  expect(await page.evaluate(() => typeof (window as unknown as { Office?: unknown }).Office)).toBe('object');
  expect(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)).toEqual([]);
  expect(refused).toEqual([]);
  expect(errors).toEqual([]);
  expect(await page.isHidden('#too-old')).toBe(true);
  await page.close();
}, 30000);

test.each([
  ['a built-in the bundle needs is missing', () => ({ init: 'delete Object.fromEntries;' })],
  ['the bundle does not parse', () => ({ bundle: 'const broken = ;' })],
])('where the webview is too old (%s), the pane says so instead of staying blank', async (_what, how) => {
  const { init, bundle } = how() as { init?: string; bundle?: string };
  const page = await browser.newPage({ viewport: { width: 320, height: 600 } });
  await page.route('**/office/office.js', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: hostScript }),
  );
  if (bundle)
    await page.route('**/taskpane.js', (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: bundle }));
  if (init) await page.addInitScript(init);
  await page.addInitScript(
    ([g]) => {
      (window as unknown as { __THIDUA_SHEET__: unknown }).__THIDUA_SHEET__ = g;
    },
    [seed] as const,
  );
  await page.goto(`${base}/taskpane.html`);
  await page.waitForSelector('#too-old:not([hidden])', { timeout: 5000 });
  expect(await page.textContent('#too-old')).toContain('quá cũ');
  expect(await page.isVisible('#check')).toBe(false);
  await page.close();
});

test('where the webview is too old, the ribbon’s Kiểm tra says so in its result window', async () => {
  const page = await browser.newPage();
  await page.route('**/office/office.js', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: hostScript }),
  );
  await page.route('**/commands.js', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: 'const broken = ;' }),
  );
  await page.goto(`${base}/commands.html`);
  const dialogs = await page.evaluate(async () => {
    const h = (window as unknown as { __thiduaHost: { actions: Map<string, (e: { completed: () => void }) => void>; dialogs: string[] } })
      .__thiduaHost;
    for (let i = 0; i < 50 && !h.actions.get('thiduaKiemTra'); i++) await new Promise((r) => setTimeout(r, 50));
    await new Promise<void>((resolve) => h.actions.get('thiduaKiemTra')!({ completed: resolve }));
    return h.dialogs;
  });
  expect(dialogs).toHaveLength(1);
  expect(dialogs[0]).toMatch(/quá cũ/);
  await page.close();
});

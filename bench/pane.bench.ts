/** Task pane: the production bundle's size (all JS the pane loads) and the time to its first render in headless Chromium. */
import { existsSync, readFileSync } from 'fs';
import * as path from 'path';
import { gzipSync } from 'zlib';
import { ARTIFACTS, bundleHost, launchChromium, serveWeb, WEB } from '../test/e2e/support';
import { Bench } from './table';
import { kb, ms, timings } from './measure';

const RUNS = 7;
const BUDGET_GZIP_KB = 150;

function size(file: string): [number, number] {
  const buf = readFileSync(path.join(WEB, file));
  return [buf.length, gzipSync(buf, { level: 9 }).length];
}

export const run: Bench = async () => {
  if (!existsSync(path.join(WEB, 'taskpane.html'))) throw new Error('dist/web is missing: run `npm run build` first.');
  const html = readFileSync(path.join(WEB, 'taskpane.html'), 'utf8');
  // The built page is minified: attribute values may come without quotes.
  const scripts = [...html.matchAll(/<script[^>]*\bsrc=["']?([^"' >]+)/g)].map((m) => m[1]);
  const rows: (string | number)[][] = [];
  let ownGzip = 0;
  for (const s of scripts) {
    const [raw, gz] = size(s);
    if (!s.startsWith('office/')) ownGzip += gz;
    rows.push([
      s,
      kb(raw),
      kb(gz),
      s.startsWith('office/') ? "Microsoft's office.js, served from the add-in's origin" : 'the pane: engine, adapter, page',
    ]);
  }
  const [cssRaw, cssGz] = size('taskpane.css');
  rows.push(['taskpane.css', kb(cssRaw), kb(cssGz), 'hand-written, Fluent 2 tokens']);

  // Time to first render: navigation start to the pane's buttons enabled (Office.onReady done, the page's own
  // performance mark "thidua-ready"), the host standing in for Excel.
  const [host, web, browser] = await Promise.all([bundleHost(), serveWeb(), launchChromium()]);
  const samples: number[] = [];
  try {
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage({ viewport: { width: 320, height: 800 } });
      await page.route('**/office/office.js', (r) => r.fulfill({ status: 200, contentType: 'application/javascript', body: host }));
      await page.goto(`${web.base}/taskpane.html`);
      await page.waitForSelector('body[data-ready="true"]');
      samples.push(await page.evaluate(() => performance.getEntriesByName('thidua-ready')[0]?.startTime ?? NaN));
      await page.close();
    }
  } finally {
    await browser.close();
    await web.close();
  }
  const t = timings(samples.slice(1)); // the first load fills the browser's caches
  rows.push(['first render', '', '', `${ms(t.median)} ms median (min ${ms(t.min)}, ${t.runs} loads, localhost)`]);
  return {
    title: 'Task pane: bundle and first render',
    columns: ['file', 'raw KB', 'gzip KB', 'note'],
    rows,
    notes: [
      `The pane's own JS: ${kb(ownGzip)} KB gzip (budget ${BUDGET_GZIP_KB} KB): ${ownGzip / 1024 <= BUDGET_GZIP_KB ? 'met' : 'MISSED'}.`,
      'office.js then loads the Excel host file for the platform (excel-win32-16.01.js, excel-web-16.00.js…) from the same folder; in the test the host stands in for it.',
      `Built by npm run build; artefacts of the measurement in ${path.relative(path.join(ARTIFACTS, '..', '..'), ARTIFACTS)}/host.`,
    ],
  };
};

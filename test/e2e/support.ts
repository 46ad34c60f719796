/** Shared by the browser test and the pane benchmark: the host bundle, a static server for dist/web, Debian Chromium. */
import { existsSync, mkdirSync, readFileSync } from 'fs';
import * as http from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { Browser, chromium } from 'playwright-core';
import webpack from 'webpack';

export const ROOT = [path.resolve(__dirname, '..', '..'), path.resolve(__dirname, '..', '..', '..')].find((d) =>
  existsSync(path.join(d, 'package.json')),
)!;
export const WEB = path.join(ROOT, 'dist', 'web');
export const ARTIFACTS = path.join(ROOT, 'test', 'artifacts');
export const CHROMIUM = '/usr/bin/chromium';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
};

/** test/host/browser.ts (or another entry) bundled for the page, as the text that replaces office.js. */
export function bundleHost(entry = 'test/host/browser.ts'): Promise<string> {
  const name = entry === 'test/host/browser.ts' ? 'office-host.js' : `${path.basename(entry, '.ts')}-office-host.js`;
  const out = path.join(ARTIFACTS, 'host');
  mkdirSync(out, { recursive: true });
  const compiler = webpack({
    mode: 'none',
    target: 'web',
    devtool: false,
    entry: path.join(ROOT, entry),
    output: { path: out, filename: name },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, loader: 'ts-loader', options: { configFile: path.join(ROOT, 'tsconfig.web.json'), transpileOnly: true } }],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats!.toString('errors-only')));
      else compiler.close(() => resolve(readFileSync(path.join(out, name), 'utf8')));
    }),
  );
}

/** A static server for dist/web on 127.0.0.1 (http: the test needs no certificate); resolves with its base URL. */
export async function serveWeb(): Promise<{ base: string; close: () => Promise<void> }> {
  if (!existsSync(path.join(WEB, 'taskpane.html'))) throw new Error('dist/web is missing: run `npm run build` first.');
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.join(WEB, path.normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, ''));
    if (!file.startsWith(WEB) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get update && apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    // playwright gives each launch a fresh temporary profile (its own --user-data-dir).
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

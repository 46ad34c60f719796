/**
 * The built bundle parses in the oldest engine the add-in targets (webpack.config.js): ES2017 syntax with ES2018
 * regular expressions, and no regex lookbehind anywhere, neither in a literal nor in a string given to RegExp
 * (Safari before 16.4, the webview of older Macs, cannot parse one and the whole pane would stay blank).
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { parse, Node } from 'acorn';
import { WEB } from './support';

const ECMA = 2018;
const LOOKBEHIND = /\(\?<[=!]/;

function scripts(): string[] {
  const files = readdirSync(WEB).filter((f) => f.endsWith('.js'));
  if (!files.includes('taskpane.js')) throw new Error('dist/web is missing: run `npm run build` first.');
  return files;
}

/** Every regular expression literal and every string that could become one, with where it is. */
function lookbehinds(code: string): string[] {
  const found: string[] = [];
  const visit = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(visit);
    const node = n as Node & { regex?: { pattern: string }; value?: unknown; cooked?: string };
    if (node.type === 'Literal' && node.regex && LOOKBEHIND.test(node.regex.pattern))
      found.push(`/${node.regex.pattern}/ at ${node.start}`);
    else if (node.type === 'Literal' && typeof node.value === 'string' && LOOKBEHIND.test(node.value))
      found.push(`"${node.value.slice(0, 60)}" at ${node.start}`);
    else if (node.type === 'TemplateElement' && LOOKBEHIND.test((node as unknown as { value: { cooked: string } }).value.cooked ?? ''))
      found.push(`template at ${node.start}`);
    for (const [k, v] of Object.entries(node)) if (k !== 'loc' && v && typeof v === 'object') visit(v);
  };
  visit(parse(code, { ecmaVersion: ECMA, sourceType: 'script' }));
  return found;
}

test.each(scripts())(`dist/web/%s parses as ES${ECMA} and holds no regex lookbehind`, (file) => {
  const code = readFileSync(path.join(WEB, file), 'utf8');
  expect(() => parse(code, { ecmaVersion: ECMA, sourceType: 'script' })).not.toThrow();
  expect(lookbehinds(code)).toEqual([]);
});

test('the check catches what it is meant to catch', () => {
  expect(lookbehinds('var a = /(?<![a-z])x/u;')).toHaveLength(1);
  expect(lookbehinds('var a = new RegExp("(?<=a)b");')).toHaveLength(1);
  expect(lookbehinds('var a = new RegExp(`(?<!${x})b`);')).toHaveLength(1);
  expect(lookbehinds('var a = /(?:^|[^a-z])x/u;')).toEqual([]);
  expect(() => parse('var a = b?.c;', { ecmaVersion: ECMA, sourceType: 'script' })).toThrow();
});

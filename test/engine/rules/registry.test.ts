/**
 * The one registry holds: every rule file is in RULES under its own code, every rule has its test and its
 * Vietnamese doc, and a rule's meta and messages are complete. Adding a rule is one file, one line in
 * src/engine/rules/index.ts, its test and its doc; this test names whichever is missing.
 */
import * as fs from 'fs';
import * as path from 'path';
import { RULES } from '../../../src/engine';
import { defineRule } from '../../../src/engine/rules/rule';

const ROOT = path.join(__dirname, '../../..');
/** The rules folder's shared pieces: the declaration, the registry, and the helpers several rules build on. */
const NOT_RULES = new Set(['rule.ts', 'index.ts', 'cap.ts', 'scope.ts']);
const names = (dir: string, suffix: string) =>
  fs
    .readdirSync(path.join(ROOT, dir))
    .filter((f) => f.endsWith(suffix) && !NOT_RULES.has(f))
    .map((f) => f.slice(0, -suffix.length))
    .sort();
const codes = RULES.map((r) => r.meta.code);

describe('the rule registry', () => {
  it('lists every rule file, under the file’s name, once', () => {
    expect([...codes].sort()).toEqual(names('src/engine/rules', '.ts'));
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('has a test file for every rule, and no test for a rule that is gone', () => {
    expect(names('test/engine/rules', '.test.ts').filter((n) => n !== 'registry')).toEqual([...codes].sort());
  });

  it('has a Vietnamese doc for every rule', () => {
    expect(names('docs/rules', '.md').filter((n) => n !== 'README')).toEqual([...codes].sort());
  });

  it.each(RULES.map((r) => [r.meta.code, r] as const))('%s: kebab-case code, Vietnamese title and description, messages', (code, r) => {
    expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(['error', 'warning', 'info']).toContain(r.meta.severity);
    for (const words of [r.meta.title, r.meta.description]) expect(words).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳýạ-ỹ]/i);
    expect(r.meta.tags.length).toBeGreaterThan(0);
    expect(r.messageIds.length).toBeGreaterThan(0);
  });
});

describe('defineRule', () => {
  const rule = defineRule<{ above: { self: number; cap: number }; below: { self: number } }>()({
    meta: { code: 'probe', severity: 'warning', title: 'Thử', description: 'Quy tắc thử.', tags: ['scores'] },
    messages: {
      above: (d, say) => `${say.label()} tự chấm ${say.n(d.self)}, vượt ${say.n(d.cap)}.`,
      below: (d, say) => `tự chấm ${say.n(d.self)}.`,
    },
    check(ctx, report) {
      report({ row: 4, col: 4 }, 'above', { self: 19.5, cap: 18 });
      // Only the rule's own ids, each with its own data, compile:
      // @ts-expect-error an id the rule does not have
      if (ctx.layout.headerRow < 0) report({ row: 0, col: 0 }, 'nope', { self: 1 });
      // @ts-expect-error a field the message needs is missing
      if (ctx.layout.headerRow < 0) report({ row: 0, col: 0 }, 'above', { self: 1 });
    },
  });

  it('words a finding from its data by the rule’s own message, without the cell', () => {
    const say = (own?: string) => ({
      n: (x: number) => String(x).replace('.', ','),
      list: (xs: readonly number[]) => xs.join('; '),
      date: (iso: string) => iso,
      column: (c: string) => c,
      label: (id = own) => (id === undefined ? '' : `Mục ${id}`),
      templateLabel: (id: string) => id,
    });
    const [f] = rule.run({ layout: { headerRow: 0 } } as never, say);
    expect(f).toEqual({
      rule: 'probe',
      messageId: 'above',
      severity: 'warning',
      cell: 'E5',
      row: 4,
      col: 4,
      data: { self: 19.5, cap: 18 },
      message: ' tự chấm 19,5, vượt 18.',
    });
    expect(rule.messageIds).toEqual(['above', 'below']);
  });
});

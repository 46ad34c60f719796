/**
 * The parser against the seed report: every citation in its text was listed by hand once (test/fixtures/seed-citations.json);
 * the parser must read at least 95% of them exactly (kind, number and symbol, date, and the issuer where one is named).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { isoDate, parseCitations } from '../../../src/engine/evidence';

interface Listed {
  line: number;
  kind: string;
  key: string;
  date: string | null;
  issuer?: string;
}

const FIXTURES = path.join(__dirname, '..', '..', 'fixtures');
const listed = (JSON.parse(readFileSync(path.join(FIXTURES, 'seed-citations.json'), 'utf8')) as { citations: Listed[] }).citations;
/** The report as it is stored: Markdown with a little HTML (<i>, <p>) in the scoring table; tags are not part of the text. */
const lines = readFileSync(path.join(FIXTURES, 'bao-cao-thi-dua-khen-thuong-2022.md'), 'utf8')
  .split('\n')
  .map((l) => l.replace(/<[^>]+>/g, ' '));

function describeListed(c: Listed): string {
  return `dòng ${c.line}: ${c.kind} số ${c.key}${c.date ? ` ngày ${c.date}` : ''}${c.issuer ? ` của ${c.issuer}` : ''}`;
}

describe('the seed report’s citations', () => {
  const parsed = new Map<number, ReturnType<typeof parseCitations>>();
  for (const line of new Set(listed.map((c) => c.line))) parsed.set(line, parseCitations(lines[line - 1]));

  const misses: string[] = [];
  for (const c of listed) {
    const onLine = parsed.get(c.line)!;
    const i = onLine.findIndex(
      (p) => p.key === c.key && p.kind === c.kind && (p.date ? isoDate(p.date) : null) === c.date && p.issuer === c.issuer,
    );
    if (i < 0) {
      const near = onLine
        .filter((p) => p.key === c.key)
        .map((p) => JSON.stringify({ kind: p.kind, date: p.date && isoDate(p.date), issuer: p.issuer }));
      misses.push(`${describeListed(c)} — đọc được: ${near.join(', ') || 'không có'}`);
    } else onLine.splice(i, 1); // each listed citation takes one parsed citation
  }

  it('the hand-made list holds about a hundred citations', () => {
    expect(listed.length).toBeGreaterThanOrEqual(100);
  });

  it('reads at least 95% of them exactly, and prints those it misses', () => {
    const rate = (listed.length - misses.length) / listed.length;
    if (misses.length > 0) console.log(`Không đọc đúng ${misses.length}/${listed.length}:\n${misses.join('\n')}`);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it('finds nothing on those lines that is not on the list', () => {
    const extra = [...parsed.entries()].flatMap(([line, rest]) => rest.map((p) => `dòng ${line}: ${p.key}`));
    expect(extra).toEqual([]);
  });
});

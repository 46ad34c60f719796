/**
 * A fixture's *.expected.json, and how a list of findings is held against it: the same semantics as
 * shared/tools/expect.js (mustFind by cell or anyOf, mustNotFind by cells, rows or '*', optional severity and sheet).
 */
import { readFileSync } from 'fs';
import * as path from 'path';

export interface Expected {
  header?: string;
  mustFind?: { rule: string; cell?: string; anyOf?: string[]; sheet?: string }[];
  mustNotFind?: { rule: string; cells?: string[]; rows?: number[]; severity?: string; sheet?: string }[];
  totalsAfterFix?: Record<string, number>;
}

export interface FoundItem {
  rule: string;
  cell: string;
  severity?: string;
  sheet?: string;
}

/** Rules still being built, whose expected findings are skipped; put a code here only while its rule is unregistered. */
export const NOT_YET_BUILT: readonly string[] = [];

export const FIXTURES = path.join(__dirname, '..', 'fixtures');
export const FIXTURE_NAMES = ['seed-2022-converted', 'seed-2022-typed'] as const;

export function loadExpected(name: string): Expected {
  return JSON.parse(readFileSync(path.join(FIXTURES, `${name}.expected.json`), 'utf8')) as Expected;
}

const norm = (c: string) => c.replace(/^.*!/, '').replace(/\$/g, '').toUpperCase();
const rowOf = (c: string) => Number((norm(c).match(/\d+/) ?? ['0'])[0]);

/** What is missing and what is found wrongly, as "rule@cell" strings: both empty when the findings meet the expectations. */
export function compare(
  exp: Expected,
  findings: FoundItem[],
  skip: readonly string[] = NOT_YET_BUILT,
): { misses: string[]; falses: string[] } {
  const misses: string[] = [];
  for (const m of exp.mustFind ?? []) {
    if (skip.includes(m.rule)) continue;
    const cells = (m.anyOf ?? [m.cell!]).map(norm);
    const hit = findings.some((f) => f.rule === m.rule && cells.includes(norm(f.cell)) && (!m.sheet || !f.sheet || f.sheet === m.sheet));
    if (!hit) misses.push(`${m.rule}@${cells.join('|')}`);
  }
  const falses = new Set<string>();
  for (const n of exp.mustNotFind ?? []) {
    for (const f of findings) {
      if (n.rule !== '*' && f.rule !== n.rule) continue;
      if (n.severity && f.severity !== n.severity) continue;
      if (n.sheet && f.sheet && f.sheet !== n.sheet) continue;
      const c = norm(f.cell);
      const inCells = n.cells && (n.cells.includes('*') || n.cells.map(norm).includes(c));
      const inRows = n.rows && n.rows.includes(rowOf(c));
      if (inCells || inRows) falses.add(`${f.rule}@${c}`);
    }
  }
  return { misses, falses: [...falses] };
}

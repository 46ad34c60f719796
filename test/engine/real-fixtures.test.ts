/**
 * Every real table of test/fixtures/real (other bodies' layouts, issue 10): the correct version gives no error, each
 * injected fault is found at its cell, and a fix leaves the totals as the expected file says. A unit's sheet on the
 * Bình Định issued table is held against the template learned from that issued table.
 */
import { readdirSync, statSync } from 'fs';
import * as path from 'path';
import { checkSheet, hasScoringTable, inferTemplate, parseA1, ScoreColumn, SheetReport, Template } from '../../src/engine';
import { compare, Expected } from '../helpers/expected';
import { readGrids } from '../helpers/xlsx';

const REAL = path.join(__dirname, '..', 'fixtures', 'real');

type RealExpected = Expected & { template?: { from: string; year: number } };

function fixtures(): [string, string][] {
  const out: [string, string][] = [];
  for (const d of readdirSync(REAL).sort()) {
    const dir = path.join(REAL, d);
    if (!statSync(dir).isDirectory()) continue;
    for (const f of readdirSync(dir).sort()) {
      if (f.endsWith('.expected.json'))
        out.push([`${d}/${f.replace('.expected.json', '')}`, path.join(dir, f.replace('.expected.json', '.xlsx'))]);
    }
  }
  return out;
}

/**
 * Misses known and explained, each with its reason. ptit-drl-2024-faults: its faults make up for each other in
 * Tiêu chí 1 and 2 (D7 −1, D19 +1, D22 +1), so the items add up to the TỔNG CỘNG typed (88,5); the fault is told where
 * it truly is, at D21 (Tiêu chí 2 typed 24, its items give 25). Reported to the fixtures' author.
 */
const KNOWN_MISSES: Record<string, string[]> = {};

async function reportsOf(file: string, template?: Template): Promise<SheetReport[]> {
  const grids = await readGrids(file);
  return grids.filter(hasScoringTable).map((g) => checkSheet(g, template ? { template } : {}));
}

describe.each(fixtures())('real table %s', (name, file) => {
  const exp = require(file.replace(/\.xlsx$/, '.expected.json')) as RealExpected;
  let reports: SheetReport[];

  beforeAll(async () => {
    let template: Template | undefined;
    if (exp.template) {
      const [issued] = await reportsOf(path.join(path.dirname(file), exp.template.from));
      template = inferTemplate(issued, { year: exp.template.year });
    }
    reports = await reportsOf(file, template);
  });

  it('is read as one scoring table, with the header where expected', () => {
    expect(reports).toHaveLength(1);
    if (exp.header) expect(reports[0].table.headerRange).toBe(exp.header);
  });

  it('finds each fault at its cell, and no error where there is none', () => {
    const findings = reports.flatMap((r) => r.findings.map((f) => ({ ...f, sheet: r.sheet })));
    const { misses, falses } = compare(exp, findings, []);
    expect({ misses, falses }).toEqual({ misses: KNOWN_MISSES[name] ?? [], falses: [] });
  });

  it('plans totals equal to the expected totals after fixing', () => {
    const r = reports[0];
    // A cell the plan does not write keeps what it holds (a parent scored as a whole is no total line at all).
    const held = (cell: string) => {
      const { row, col } = parseA1(cell);
      const role = (Object.entries(r.table.columns) as [ScoreColumn, number][]).find(([, c]) => c === col)?.[0];
      const s = role ? r.criteria.find((c) => c.row === row)?.scores[role] : undefined;
      return s?.kind === 'number' ? s.value : undefined;
    };
    const after = (cell: string) => r.plan.writes.find((w) => w.cell === cell)?.value ?? held(cell);
    const want = exp.totalsAfterFix ?? {};
    expect(Object.fromEntries(Object.keys(want).map((c) => [c, after(c)]))).toEqual(want);
  });
});

/** Shortcuts for reading a report in tests. */
import { checkSheet, CheckOptions, Finding, RuleCode, SheetGrid, SheetReport } from '../../src/engine';
import { Row, table } from './grid';

export function check(g: SheetGrid, options?: CheckOptions): SheetReport {
  return checkSheet(g, options);
}

/** Checks a `table()` body. */
export function checkBody(body: Row[], options?: CheckOptions & { merges?: string[] }): SheetReport {
  return checkSheet(table(body, { merges: options?.merges }), options);
}

export function findingsOf(report: SheetReport, rule: RuleCode): Finding[] {
  return report.findings.filter((f) => f.rule === rule);
}

/** "rule@cell" for every finding: compact to compare. */
export function found(report: SheetReport): string[] {
  return report.findings.map((f) => `${f.rule}@${f.cell}`);
}

export function criterion(report: SheetReport, id: string) {
  const c = report.criteria.find((x) => x.id === id);
  if (!c) throw new Error(`no criterion ${id} in ${report.criteria.map((x) => x.id).join(', ')}`);
  return c;
}

/** The one finding of `rule`; fails the test when there are none or several. */
export function onlyFinding(report: SheetReport, rule: RuleCode): Finding {
  const list = findingsOf(report, rule);
  expect(list.map((f) => f.cell)).toHaveLength(1);
  return list[0];
}

/**
 * The engine's entry points: a grid of cells in, a report out (`checkSheet`); every sheet of a workbook, with the rules
 * that hold sheets together (`checkWorkbook`). Pure: no Office, no ExcelJS, no DOM, and no input is changed.
 */
import { mapCriteria } from './criteria';
import { GridView, SheetGrid } from './grid';
import { isUserError, noTable } from './errors';
import { documentsOf, sheetConflicts, sheetEvidence } from './evidence';
import { workbookConflicts } from './evidence/workbook';
import { byFindingOrder, CheckOptions, Criterion, Finding, SCORE_COLUMNS, SectionSummary, Severity, SheetReport } from './model';
import { planMarks, planWrites } from './plan';
import { RULES, RuleContext, ScoreCells } from './rules';
import { allowedRanges } from './range';
import { findTable } from './table';
import { matchTemplate, summariseMatch } from './template/match';
import { computeTotals, positionsOf, Totals } from './totals';
import { Say, sayer } from './wording';

const DEFAULTS: Required<Omit<CheckOptions, 'template'>> = { totals: 'formulas', year: null };

/** True when the sheet holds something that looks like a scoring table. */
export function hasScoringTable(grid: SheetGrid): boolean {
  return findTable(new GridView(grid)) !== undefined;
}

function summarise(criteria: Criterion[], totals: Totals): SectionSummary[] {
  const columns = SCORE_COLUMNS.map((column) => totals.column(column));
  const out: SectionSummary[] = [];
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i];
    if (c.kind !== 'section' && c.kind !== 'total') continue;
    const s: SectionSummary = { criterion: c.id, label: c.label };
    for (let j = 0; j < SCORE_COLUMNS.length; j++) {
      const v = columns[j].value(i);
      if (v !== undefined) s[SCORE_COLUMNS[j]] = v;
    }
    out.push(s);
  }
  return out;
}

/** One sheet read and checked by its own rules: everything a report is assembled from. */
export interface SheetCheck {
  ctx: RuleContext;
  findings: Finding[];
  say: (criterion?: string) => Say;
}

function optionsOf(options: CheckOptions): RuleContext['options'] {
  // An option given as undefined keeps its default: `{ totals: undefined }` must not switch formulas off.
  const given = Object.fromEntries(Object.entries(options).filter(([k, v]) => v !== undefined && k !== 'template'));
  return { ...DEFAULTS, ...given };
}

/** Reads one sheet into the rule context and runs every rule whose needs the check meets. */
export function analyseSheet(grid: SheetGrid, options: CheckOptions = {}): SheetCheck {
  const opts = optionsOf(options);
  const view = new GridView(grid);
  const layout = findTable(view);
  if (!layout) throw noTable(grid.name);
  const map = mapCriteria(view, layout);
  const positions = positionsOf(map.criteria, map.byId);
  const totals = computeTotals(map.criteria, layout, positions);

  // The review column is the bloc's, not the unit's: its words ("không chấm") are the reviewer's to write.
  const unitColumns = SCORE_COLUMNS.flatMap((column) => {
    const col = layout.columns[column];
    return column === 'khoiCham' || col === undefined ? [] : [{ column, col }];
  });
  // Body rows come in the criteria's order, each criterion's row before its continuation rows: the criterion at
  // hand, or the next one, is nearly always the row's, and a look-up by id is only the fallback.
  const scoreCells = new ScoreCells(map.rows.length * unitColumns.length);
  let at = -1;
  let criterion: Criterion | undefined;
  // Index loops, not for…of: this runs once a check, mostly before it is optimised, and each iterator step allocates.
  const { rows } = map;
  for (let k = 0; k < rows.length; k++) {
    const r = rows[k];
    // Option and rule rows belong to their item but hold none of its scores: their cells are rates and alternatives.
    if (
      !r.criterion ||
      (r.kind !== undefined && r.kind !== 'item' && r.kind !== 'total' && r.kind !== 'subtotal' && r.kind !== 'continuation')
    )
      continue;
    if (criterion?.id !== r.criterion) {
      const next = map.criteria[at + 1];
      if (next?.id === r.criterion) criterion = map.criteria[++at];
      else {
        criterion = map.byId.get(r.criterion);
        at = positions.of(criterion) ?? -1;
      }
    }
    for (let u = 0; u < unitColumns.length; u++) {
      const { column, col } = unitColumns[u];
      const score = r.continuation ? view.score(r.row, col) : criterion!.scores[column];
      if (score.kind !== 'empty') scoreCells.push(r.row, col, column, score, criterion);
    }
  }

  const template = options.template ? matchTemplate(map.criteria, options.template) : undefined;
  const read = sheetEvidence({ view, layout, map, options: opts });
  const evidence = { ...read, conflicts: sheetConflicts(read.citations) };
  const ranges = allowedRanges(map, layout, positions);
  const ctx: RuleContext = { view, layout, map, totals, ranges, scoreCells, options: opts, template, evidence };
  const templateLabels = new Map(template?.nodes.map((n) => [n.id, n.label]));
  const say = sayer(
    (id) => map.byId.get(id)?.label,
    (id) => templateLabels.get(id),
  );
  // A rule that needs a template is skipped without one: no rule tests for it.
  const runs = RULES.filter((rule) => !(rule.meta as { requires?: readonly string[] }).requires?.includes('template') || template);
  const findings = runs.flatMap((rule) => rule.run(ctx, say));
  return { ctx, findings, say };
}

/** The report of one checked sheet, with findings the workbook's rules added to it. */
export function assembleReport(check: SheetCheck, added: Finding[] = [], conflicting: ReadonlySet<string> = new Set()): SheetReport {
  const { ctx } = check;
  const { view, layout, map, totals, options, template, evidence } = ctx;
  const findings = [...check.findings, ...added].sort(byFindingOrder);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  const conflicts = new Set([...evidence.conflicts.map((c) => c.at.citation.id), ...conflicting]);
  return {
    sheet: view.grid.name,
    year: evidence.year,
    table: { ...layout, lastRow: map.lastRow },
    criteria: map.criteria,
    findings,
    totals: totals.lines,
    summary: summarise(map.criteria, totals),
    plan: { writes: planWrites(view, totals, options), marks: planMarks(findings) },
    counts,
    documents: documentsOf(evidence.citations, conflicts),
    ...(template ? { template: summariseMatch(template) } : {}),
  };
}

export function checkSheet(grid: SheetGrid, options: CheckOptions = {}): SheetReport {
  return assembleReport(analyseSheet(grid, options));
}

export interface WorkbookReport {
  reports: SheetReport[];
  /** Sheets that hold no scoring table (a cover page, a list of units): passed over, by name. */
  skipped: string[];
}

/**
 * Every sheet that holds a scoring table, checked on its own, then held together: a document cited with one date on
 * one sheet and another date on another is told on the later sheet. Throws `no-table` when no sheet has a table.
 */
export function checkWorkbook(grids: readonly SheetGrid[], options: CheckOptions = {}): WorkbookReport {
  const checks: SheetCheck[] = [];
  const skipped: string[] = [];
  for (const grid of grids) {
    try {
      checks.push(analyseSheet(grid, options));
    } catch (e) {
      if (!(isUserError(e) && e.code === 'no-table')) throw e;
      skipped.push(grid.name);
    }
  }
  if (checks.length === 0) throw noTable(grids.map((g) => g.name).join('”, “'));
  const cross = workbookConflicts(checks.map((c) => ({ sheet: c.ctx.view.grid.name, evidence: c.ctx.evidence, say: c.say })));
  return { reports: checks.map((c, i) => assembleReport(c, cross.findings[i], cross.conflicting[i])), skipped };
}

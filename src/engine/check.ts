/** The engine's entry point: a grid of cells in, a report out. Pure: no Office, no ExcelJS, no DOM. */
import { mapCriteria } from './criteria';
import { GridView, SheetGrid } from './grid';
import { documentsOf, sheetConflicts, sheetEvidence } from './evidence';
import { byFindingOrder, CheckOptions, Criterion, Finding, SCORE_COLUMNS, SectionSummary, Severity, SheetReport } from './model';
import { readScore } from './numbers';
import { planMarks, planWrites } from './plan';
import { RULES, RuleContext, ScoreCell } from './rules';
import { findTable } from './table';
import { matchTemplate, summariseMatch } from './template/match';
import { computeTotals, Totals } from './totals';

/** A sheet that cannot be checked; the message is Vietnamese and meant for the user. */
export class NoTableError extends Error {
  constructor(readonly sheet: string) {
    super(
      `Trang “${sheet}” không có bảng chấm điểm: không tìm thấy dòng tiêu đề có các cột TT, Tiêu chí, Điểm chuẩn, Điểm tự chấm.`,
    );
    this.name = 'NoTableError';
  }
}

const DEFAULTS: Required<Omit<CheckOptions, 'template'>> = { totals: 'formulas', year: null };

/** True when the sheet holds something that looks like a scoring table. */
export function hasScoringTable(grid: SheetGrid): boolean {
  return findTable(new GridView(grid)) !== undefined;
}

function summarise(criteria: Criterion[], totals: Totals): SectionSummary[] {
  return criteria
    .filter((c) => c.kind === 'section' || c.kind === 'total')
    .map((c) => {
      const s: SectionSummary = { criterion: c.id, label: c.label };
      for (const column of SCORE_COLUMNS) {
        const v = totals.value(c.id, column);
        if (v !== undefined) s[column] = v;
      }
      return s;
    });
}

export function checkSheet(grid: SheetGrid, options: CheckOptions = {}): SheetReport {
  // An option given as undefined keeps its default: `{ totals: undefined }` must not switch formulas off.
  const given = Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined));
  const opts = { ...DEFAULTS, ...given };
  const view = new GridView(grid);
  const layout = findTable(view);
  if (!layout) throw new NoTableError(grid.name);
  const map = mapCriteria(view, layout);
  const totals = computeTotals(map.criteria, layout);

  const scoreCells: ScoreCell[] = [];
  for (const r of map.rows) {
    if (!r.criterion) continue;
    const criterion = map.byId.get(r.criterion);
    for (const column of SCORE_COLUMNS) {
      const col = layout.columns[column];
      if (col === undefined) continue;
      const score = r.continuation ? readScore(view.cell(r.row, col).value) : criterion!.scores[column];
      if (score.kind !== 'empty') scoreCells.push({ row: r.row, col, column, score, criterion, continuation: r.continuation });
    }
  }

  const template = options.template ? matchTemplate(map.criteria, options.template) : undefined;
  const read = sheetEvidence({ view, layout, map, options: opts });
  const evidence = { ...read, conflicts: sheetConflicts(read.citations) };
  const ctx: RuleContext = { view, layout, map, totals, scoreCells, options: opts, template, evidence };
  const findings: Finding[] = RULES.flatMap((rule) => rule.check(ctx)).sort(byFindingOrder);
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;

  return {
    sheet: grid.name,
    year: evidence.year,
    table: layout,
    criteria: map.criteria,
    findings,
    totals: totals.lines,
    summary: summarise(map.criteria, totals),
    plan: { writes: planWrites(view, totals, opts), marks: planMarks(findings) },
    counts,
    documents: documentsOf(evidence.citations, new Set(evidence.conflicts.map((c) => c.at.citation.id))),
    ...(template ? { template: summariseMatch(template) } : {}),
  };
}

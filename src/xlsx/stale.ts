/**
 * Which formulas of the workbook read a cell the fix writes, directly, through a range, a defined name, a table, or
 * through another such formula: their cached results are stale once the totals change. Conservative: a reference
 * that might reach a written cell counts.
 */
import { Area, contains, tokenize } from './formula';
import type { FormulaCell } from './sheet';

export interface DefinedName {
  name: string;
  text: string;
}

export interface TableArea {
  sheet: string;
  name: string;
  area: Area;
}

/** Past this many stale formulas the scan stops widening: the workbook recalculates on load anyway. */
const MAX_STALE = 20_000;

/**
 * The formula cells whose cached result goes stale, by sheet (lower-cased name) and "row,col". `written` holds the
 * cells the fix writes, by sheet name; those are never stale themselves (their results are written with them).
 */
export function staleFormulas(
  written: Map<string, { row: number; col: number }[]>,
  formulas: FormulaCell[],
  names: DefinedName[],
  tables: TableArea[],
): Map<string, Set<string>> {
  const lower = (s: string) => s.toLowerCase();
  const changed = new Map<string, { row: number; col: number }[]>();
  for (const [sheet, cells] of written) changed.set(lower(sheet), [...cells]);
  const writtenKeys = new Set([...written].flatMap(([sheet, cells]) => cells.map((c) => `${lower(sheet)}!${c.row},${c.col}`)));
  const hits = (sheet: string, area: Area) => (changed.get(lower(sheet)) ?? []).some((c) => contains(area, c.row, c.col));

  const taintedNames = new Set<string>();
  const taintedTables = () => new Set(tables.filter((t) => hits(t.sheet, t.area)).map((t) => lower(t.name)));
  // What each formula reads, tokenized once: areas by sheet, names, tables. External books never reach this one.
  type Read = { sheet: string; area: Area } | { name: string } | { table: string };
  const readsOf = (text: string, own: string | undefined): Read[] =>
    tokenize(text).flatMap((t): Read[] => {
      if (t.kind === 'ref')
        return t.book === undefined && (t.sheet ?? own) !== undefined ? [{ sheet: (t.sheet ?? own)!, area: t.area }] : [];
      if (t.kind === 'name') return [t.table ? { table: lower(t.text) } : { name: lower(t.text) }];
      return [];
    });
  const reads = (list: Read[], tablesHit: Set<string>) =>
    list.some((r) => ('area' in r ? hits(r.sheet, r.area) : 'name' in r ? taintedNames.has(r.name) : tablesHit.has(r.table)));
  const nameReads = names.map((n) => ({ name: lower(n.name), reads: readsOf(n.text, undefined) }));

  const stale = new Map<string, Set<string>>();
  const pending = formulas
    .filter((f) => !writtenKeys.has(`${lower(f.sheet)}!${f.row},${f.col}`))
    .map((f) => ({ f, reads: readsOf(f.text, f.sheet) }))
    .filter((p) => p.reads.length > 0);
  let count = 0;
  for (let grew = true; grew && count < MAX_STALE;) {
    grew = false;
    const tablesHit = taintedTables();
    for (const n of nameReads) {
      if (!taintedNames.has(n.name) && reads(n.reads, tablesHit)) {
        taintedNames.add(n.name);
        grew = true;
      }
    }
    for (let i = pending.length - 1; i >= 0; i--) {
      const { f, reads: fReads } = pending[i];
      if (!reads(fReads, tablesHit)) continue;
      pending.splice(i, 1);
      const set = stale.get(lower(f.sheet)) ?? new Set<string>();
      set.add(`${f.row},${f.col}`);
      stale.set(lower(f.sheet), set);
      const list = changed.get(lower(f.sheet)) ?? [];
      list.push({ row: f.row, col: f.col });
      changed.set(lower(f.sheet), list);
      grew = true;
      if (++count >= MAX_STALE) break;
    }
  }
  return stale;
}

/**
 * *Tổng hợp khối* in Excel: every sheet of the open workbook that holds a scoring table is one unit (a leader often
 * collects every unit as a sheet of one workbook); units read from chosen files may be added. The engine ranks them and
 * plans the summary (src/engine/bloc); this file applies the plan's *Tổng hợp* and *Theo tiêu chí* sheets thinly.
 *
 *   sync 1  READ   (ExcelApi 1.5) the sheet list, the marker, and every visible sheet's used range (values, text,
 *                  formulas, merges), walked from getFirst along getNextOrNullObject without knowing a name, up to
 *                  CHAIN_LIMIT sheets: a workbook with more has the rest read by id in one more sync. On ExcelApi 1.4
 *                  (the manifest's minimum) or a host that refuses the walk: one sync to list the sheets, one to read
 *                  them, as Office.js cannot name a sheet before a sync.
 *           engine  checkSheet → unitScores → rankBloc → planSummary (names clear of the other sheets)
 *           ask     if the summary sheets made before are still there, the pane asks before they are replaced
 *   sync 2  WRITE  delete only those sheets (named in the add-in's workbook setting, src/excel/settings.ts), add the
 *                  new ones, write cells, formats, merges, print setup, and the setting naming them, in one batch
 * No other sheet is touched.
 */
import { a1, checkSheet, isUserError, SheetGrid, Template } from '../engine';
import {
  BlocInput,
  BlocRules,
  PlanSheet,
  planSummary,
  rankBloc,
  STYLES,
  StyleName,
  SummaryPlan,
  unitScores,
  BlocRanking,
} from '../engine/bloc';
import { MESSAGES, refusal } from './errors';
import { Capabilities, capabilities, MIN_API, supports } from './host';
import { QueuedRead, queueRead, toGrid } from './read';
import { KEYS, queueSettingRead, queueSettingWrite } from './settings';
import { StoredTemplate, TEMPLATE_KEY, templateFrom, usableTemplate } from './template';

/**
 * The add-in's workbook setting naming the sheets it made. By name, not id: worksheet ids are not documented to survive
 * a reopen (https://learn.microsoft.com/en-us/javascript/api/excel/excel.worksheet#excel-excel-worksheet-id-member),
 * and the names are known before the write batch, so the setting goes in that batch. A summary sheet the user renamed
 * is no longer ours: it is left alone, never deleted.
 */
export const BLOC_KEY = KEYS.bloc;

export interface BlocMarker {
  sheets: { name: string; role: PlanSheet['role'] }[];
}

export interface WorkbookSheet {
  id: string;
  name: string;
  visible: boolean;
  /** Made by an earlier Tổng hợp khối (its id is in the marker). */
  ours: boolean;
}

function markerOf(v: unknown): BlocMarker {
  return v && typeof v === 'object' && Array.isArray((v as BlocMarker).sheets) ? (v as BlocMarker) : { sheets: [] };
}

/** The sheets from a loaded collection, those made by an earlier summary (named in the marker) marked. */
function sheetsOf(items: Excel.Worksheet[], marker: unknown): WorkbookSheet[] {
  const ours = new Set(markerOf(marker).sheets.map((s) => s.name));
  return items.map((s) => ({ id: s.id, name: s.name, visible: s.visibility === 'Visible', ours: ours.has(s.name) }));
}

/** The sheets a unit may be on: visible, not made by us. */
const candidates = (sheets: WorkbookSheet[]) => sheets.filter((s) => s.visible && !s.ours);

/** The check reads no fills: the summary's reads leave them out (fewer bytes, and no call on a range that may be null). */
const readCaps = (): Capabilities => ({ ...capabilities(), areas: false });

/**
 * How far the first batch walks (getFirst → getNextOrNullObject): a bloc is some tens of units, one sheet each. Excel
 * itself sets no number of sheets (memory only, https://support.microsoft.com/en-us/office/excel-specifications-and-limits-1672b34d-7043-467e-8e27-269d656771c3);
 * every step past the last sheet is a null object, so the limit also bounds that waste.
 */
export const CHAIN_LIMIT = 60;

interface SheetsRead {
  sheets: WorkbookSheet[];
  grids: SheetGrid[];
  /** The criteria template chosen for the workbook (its setting, read in the same sync). */
  template: StoredTemplate;
}

/** Queues a read of each sheet by id; `grids()` after the sync. */
function queueById(context: Excel.RequestContext, sheets: WorkbookSheet[], caps: Capabilities): () => SheetGrid[] {
  const reads = sheets.map((s) => ({ sheet: s, q: queueRead(context.workbook.worksheets.getItem(s.id).getUsedRange(true), caps) }));
  return () => reads.map(({ sheet, q }) => toGrid(sheet.name, q));
}

/** What every read queues first: the sheet list, the bloc's marker and the template choice. */
function queueListing(context: Excel.RequestContext) {
  const all = context.workbook.worksheets;
  all.load('items/id,items/name,items/visibility');
  return { all, marker: queueSettingRead(context, BLOC_KEY), template: queueSettingRead(context, TEMPLATE_KEY) };
}

/** ExcelApi 1.4: sync 1 lists the sheets, sync 2 reads every candidate. */
async function readNamedFirst(): Promise<SheetsRead> {
  const caps = readCaps();
  return Excel.run(async (context) => {
    const { all, marker, template } = queueListing(context);
    await context.sync();
    const sheets = sheetsOf(all.items, marker());
    const grids = queueById(context, candidates(sheets), caps);
    await context.sync();
    return { sheets, grids: grids(), template: templateFrom(template()) };
  });
}

/** ExcelApi 1.5: the list, the marker and the visible sheets' cells in one sync (more than CHAIN_LIMIT: one more). */
async function readWalking(): Promise<SheetsRead> {
  const caps = readCaps();
  return Excel.run(async (context) => {
    const { all, marker, template } = queueListing(context);
    const walk: { ws: Excel.Worksheet; q: QueuedRead }[] = [];
    let ws = all.getFirst(true);
    for (let i = 0; i < CHAIN_LIMIT; i++) {
      if (i > 0) ws = ws.getNextOrNullObject(true);
      ws.load('id');
      walk.push({ ws, q: queueRead(ws.getUsedRange(true), caps) });
    }
    await context.sync();
    const sheets = sheetsOf(all.items, marker());
    const read = new Map(walk.filter((w) => !w.ws.isNullObject).map((w) => [w.ws.id, w.q]));
    const rest = candidates(sheets).filter((s) => !read.has(s.id));
    const more = rest.length > 0 ? queueById(context, rest, caps) : undefined;
    if (more) await context.sync();
    const moreGrids = new Map((more?.() ?? []).map((g, i) => [rest[i].id, g]));
    return {
      sheets,
      template: templateFrom(template()),
      grids: candidates(sheets).map((s) => (read.has(s.id) ? toGrid(s.name, read.get(s.id)!) : moreGrids.get(s.id)!)),
    };
  });
}

/**
 * The workbook's sheets and the cells of every candidate, in two syncs' worth of work done in one where the host can
 * walk its sheets (ExcelApi 1.5). A refusal of the walk (a host treating calls on a null object otherwise than
 * office.js does, see test/host/bloc-host.ts) falls back to naming the sheets first: nothing was written yet.
 */
export async function readWorkbookSheets(): Promise<SheetsRead> {
  if (!supports(MIN_API)) throw refusal(MESSAGES.oldHost);
  if (!supports(WALK_API)) return readNamedFirst();
  try {
    return await readWalking();
  } catch (e) {
    // Only Excel's own refusals (they carry a code); a fault of ours is not hidden behind a second attempt.
    if (isUserError(e) || typeof (e as { code?: unknown } | undefined)?.code !== 'string') throw e;
    return readNamedFirst();
  }
}

/** getFirst and getNextOrNullObject. */
export const WALK_API = '1.5';

/** Each grid holding a scoring table is one unit; a cover page or a list of units is not. */
export function unitsOf(grids: SheetGrid[], template?: Template): BlocInput[] {
  return grids.flatMap((grid) => {
    try {
      const report = checkSheet(grid, { template });
      return [{ kind: 'unit' as const, unit: unitScores(report, grid, { template }) }];
    } catch (e) {
      if (isUserError(e) && e.code === 'no-table') return [];
      throw e;
    }
  });
}

export interface TonghopOutcome {
  ranking: BlocRanking;
  plan: SummaryPlan;
  /** Names of the sheets written, and of those they replaced. */
  written: string[];
  replaced: string[];
}

export interface TonghopRequest {
  /** The criteria template; without one, the workbook's own choice (read in the first sync). */
  template?: Template;
  rules?: BlocRules;
  /** Units read from chosen files (src/taskpane/tonghop-files.ts) with the template, summed with the workbook's own. */
  extra?(template: Template | undefined): Promise<BlocInput[]>;
  /** Asked when summary sheets made before exist: true to replace them, false to stop with nothing written. */
  confirmReplace(names: string[]): Promise<boolean>;
}

/** Text Excel would turn into something else when entered (a number, a date, a formula): entered as text. */
const CONVERTED = /^[=+\-@']|^\s*[\d.,/:\s%-]+\s*$/;

/** A plan cell as Range.formulas takes it: a formula, a number, or text (with the apostrophe that keeps it text). */
function entry(value: string | number | null, formula?: string): string | number {
  if (formula) return formula;
  if (value === null) return '';
  if (typeof value === 'string' && CONVERTED.test(value)) return `'${value}`;
  return value;
}

/** Points per character of width: Excel's default font is about 7 pixels (5.25 pt) a character, plus padding. */
const POINTS_PER_CHAR = 6;
/** Office caps the length of a RangeAreas address; groups of this many cells stay well within it. */
const AREA_CHUNK = 200;

/** Queues one plan sheet onto a new worksheet. */
function queueSheet(context: Excel.RequestContext, sheet: PlanSheet, caps: { areas: boolean }): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(sheet.name);
  const rows = Math.max(...sheet.cells.map((c) => c.row)) + 1;
  const cols = Math.max(...sheet.cells.map((c) => c.col), sheet.widths.length - 1) + 1;
  const formulas: (string | number)[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => ''));
  const formats: string[][] = Array.from({ length: rows }, () => Array.from({ length: cols }, () => 'General'));
  for (const c of sheet.cells) {
    formulas[c.row][c.col] = entry(c.value, c.formula);
    const f = c.style ? STYLES[c.style].numFmt : undefined;
    if (f) formats[c.row][c.col] = f;
  }
  const all = ws.getRange(`A1:${a1(rows - 1, cols - 1)}`);
  all.numberFormat = formats;
  all.formulas = formulas;
  all.format.font.name = 'Times New Roman';
  all.format.verticalAlignment = 'Center';

  // One formatting call per style and chunk of cells, not one per cell (per cell on ExcelApi 1.8).
  const byStyle = new Map<StyleName, string[]>();
  for (const c of sheet.cells) if (c.style) byStyle.set(c.style, [...(byStyle.get(c.style) ?? []), a1(c.row, c.col)]);
  for (const [name, cells] of byStyle) {
    const s = STYLES[name];
    const groups = caps.areas ? chunk(cells, AREA_CHUNK).map((g) => ws.getRanges(g.join(','))) : cells.map((c) => ws.getRange(c));
    for (const r of groups) {
      if (s.bold) r.format.font.bold = true;
      if (s.italic) r.format.font.italic = true;
      if (s.size) r.format.font.size = s.size;
      if (s.fill) r.format.fill.color = `#${s.fill.slice(2)}`;
      if (s.wrap) r.format.wrapText = true;
      if (s.align) r.format.horizontalAlignment = s.align === 'center' ? 'Center' : s.align === 'right' ? 'Right' : 'Left';
    }
  }
  for (const m of sheet.merges) ws.getRange(`${a1(m.top, m.left)}:${a1(m.bottom, m.right)}`).merge(false);
  // Setting one cell's columnWidth sets its whole column (RangeFormat.columnWidth, ExcelApi 1.2).
  sheet.widths.forEach((w, i) => (ws.getRange(a1(0, i)).format.columnWidth = w * POINTS_PER_CHAR));
  if (sheet.freezeRows) ws.freezePanes.freezeRows(sheet.freezeRows);
  // Page layout is ExcelApi 1.9; on 1.8 the sheet is written all the same, printed with Excel's defaults.
  if (caps.areas) {
    ws.pageLayout.orientation = 'Landscape';
    ws.pageLayout.zoom = { horizontalFitToPages: sheet.print.fitToWidth, verticalFitToPages: sheet.print.fitToHeight };
    if (sheet.print.repeatRows) ws.pageLayout.setPrintTitleRows(`$${sheet.print.repeatRows.first + 1}:$${sheet.print.repeatRows.last + 1}`);
  }
  ws.load('id,name');
  return ws;
}

function chunk<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

/** The last sync: the old summary sheets (ours only) out, the new ones in; the marker saved with the workbook. */
export async function writeSummary(plan: SummaryPlan, previous: WorkbookSheet[]): Promise<string[]> {
  const caps = capabilities();
  const written = await Excel.run(async (context) => {
    for (const p of previous) context.workbook.worksheets.getItem(p.id).delete();
    const sheets = plan.sheets.map((s) => ({ role: s.role, name: s.name, ws: queueSheet(context, s, caps) }));
    sheets[0]?.ws.activate();
    queueSettingWrite(context, BLOC_KEY, { sheets: sheets.map(({ name, role }) => ({ name, role })) } satisfies BlocMarker);
    await context.sync();
    return sheets.map(({ name }) => name);
  });
  return written;
}

/** The whole action: list, read, rank, ask, write. Nothing is written when the user declines or no unit is found. */
export async function runTonghop(request: TonghopRequest): Promise<TonghopOutcome> {
  const read = await readWorkbookSheets();
  const { sheets } = read;
  const template = request.template ?? usableTemplate(read.template);
  const own = unitsOf(read.grids, template);
  const inputs = [...own, ...((await request.extra?.(template)) ?? [])];
  if (!inputs.some((i) => i.kind === 'unit')) {
    throw refusal(
      'Không có trang nào có bảng chấm điểm (cột TT, Tiêu chí, Điểm chuẩn, Điểm tự chấm), và chưa chọn tệp đơn vị nào. Bảng tính chưa bị thay đổi.',
    );
  }
  const ranking = rankBloc(inputs, request.rules);
  const previous = sheets.filter((s) => s.ours);
  // Names clear of every sheet that stays; ours are about to go, so their names are free.
  const taken = sheets.filter((s) => !s.ours).map((s) => s.name);
  const years = inputs.flatMap((i) => (i.kind === 'unit' && i.unit.year !== undefined ? [i.unit.year] : []));
  const plan = planSummary(ranking, { rules: request.rules, template, year: request.rules?.nam ?? years[0], unitSheets: false }, taken);
  if (previous.length > 0 && !(await request.confirmReplace(previous.map((p) => p.name)))) {
    throw refusal('Đã dừng: các trang tổng hợp cũ được giữ nguyên, bảng tính chưa bị thay đổi.');
  }
  const written = await writeSummary(plan, previous);
  return { ranking, plan, written, replaced: previous.map((p) => p.name) };
}

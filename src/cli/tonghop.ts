/**
 * `thidua tonghop FILES… | DIR -o TONG-HOP.xlsx [--template MẪU] [--quy-che KHOI.json] [--force]`: the bloc leader's
 * summary. Every sheet that holds a scoring table is one unit; a file that cannot be read is listed as not read and the
 * others are still summed. Input files are only read; the summary is a new workbook.
 */
import { promises as fs, statSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { checkWorkbook, formatNumber, isUserError, Template, UserError } from '../engine';
import { BlocInput, BlocRanking, BlocRules, changeText, parseBlocRulesJson, planSummary, rankBloc, unitScores } from '../engine/bloc';
import { openBook } from '../xlsx/book';
import { summaryFile } from '../xlsx/summary';
import { saveFile, writeChunks } from '../xlsx/workbook';
import { readJsonFile } from './json-file';

/** The summary workbook says so in its properties: a later run over the same folder passes it over. */
const SUMMARY_MARKER = 'thidua-tong-hop';

export interface TonghopOptions {
  inputs: string[];
  out: string;
  force: boolean;
  template?: Template;
  rulesFile?: string;
  bloc?: string;
  year?: number;
}

/** Reads and checks a rules file; a bad one is a UserError naming the field. */
export async function loadBlocRules(file: string): Promise<{ rules: BlocRules; warnings: string[] }> {
  return readJsonFile(file, 'tệp quy chế', (text) => {
    const r = parseBlocRulesJson(text);
    return r.ok ? { ok: true, value: { rules: r.rules, warnings: r.warnings } } : r;
  });
}

/** The .xlsx files named, a folder's .xlsx files (by name, lock files "~$…" and hidden files left out), the output excepted. */
async function listFiles(inputs: string[], out: string): Promise<string[]> {
  const files: string[] = [];
  for (const input of inputs) {
    let stat;
    try {
      stat = await fs.stat(input);
    } catch {
      files.push(input); // listed as not read, with the reason openWorkbook gives
      continue;
    }
    if (stat.isDirectory()) {
      const names = (await fs.readdir(input))
        .filter((n) => /\.xlsx$/i.test(n) && !n.startsWith('~$') && !n.startsWith('.'))
        .sort((a, b) => a.localeCompare(b, 'vi'));
      if (names.length === 0) throw new UserError('bad-input', `Thư mục “${input}” không có tệp .xlsx nào.`);
      files.push(...names.map((n) => path.join(input, n)));
    } else files.push(input);
  }
  const target = path.resolve(out);
  return files.filter((f, i) => path.resolve(f) !== target && files.indexOf(f) === i);
}

/** One file's units, or the file as not read; an earlier summary (its properties say so) is no unit and gives none. */
export async function readUnitFile(file: string, template: Template | undefined): Promise<BlocInput[]> {
  let book;
  let grids;
  try {
    book = await openBook(file);
    if (book.pkg.subject() === SUMMARY_MARKER) return [];
    grids = book.sheets.filter((s) => s.state === 'visible' && s.part !== undefined).map((s) => book!.grid(s));
  } catch (e) {
    if (isUserError(e)) return [{ kind: 'unread', file, reason: e.message }];
    throw e;
  }
  let checked: { grid: (typeof grids)[number]; report: ReturnType<typeof checkWorkbook>['reports'][number] }[] = [];
  try {
    const { reports } = checkWorkbook(grids, { template });
    checked = reports.map((report) => ({ grid: grids.find((g) => g.name === report.sheet)!, report }));
  } catch (e) {
    if (!(isUserError(e) && e.code === 'no-table')) throw e;
  }
  if (checked.length === 0) {
    return [
      {
        kind: 'unread',
        file,
        reason: `Tệp “${path.basename(file)}” không có bảng chấm điểm (không trang nào có dòng tiêu đề với các cột TT, Tiêu chí, Điểm chuẩn, Điểm tự chấm).`,
      },
    ];
  }
  return checked.map(({ grid, report }) => ({
    kind: 'unit' as const,
    unit: unitScores(report, grid, { file, onlySheetOfFile: checked.length === 1, template }),
  }));
}

/** Below this many files, starting a worker costs more than it saves. */
const MIN_FILES_FOR_WORKERS = 8;

/**
 * Nor below this much input (the files' sizes on disk): a worker loads the engine again and warms its own JIT, some
 * 0.5 s of CPU, about what the main thread alone spends reading and checking 50 units of 200 rows (0.8 MB): there one
 * worker made the summary 0.2–0.4 s slower on two cores (docs/PERFORMANCE.md). It can pay on blocs of long tables.
 */
const MIN_BYTES_FOR_WORKERS = 4 * 1024 * 1024;

/**
 * Workers beside the main thread, for a large bloc: one per idle core (cores less the last minute's load), at most
 * three; on a machine already busy they made the summary slower, so there they are not started. Only when running as
 * compiled JavaScript (the worker is dist/cli/tonghop-worker.js). THIDUA_WORKERS sets the count (0: none).
 */
function workerCount(files: string[]): number {
  if (!__filename.endsWith('.js')) return 0;
  const asked = process.env.THIDUA_WORKERS;
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), files.length);
  if (files.length < MIN_FILES_FOR_WORKERS || inputBytes(files) < MIN_BYTES_FOR_WORKERS) return 0;
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const idle = Math.floor(cores - os.loadavg()[0]) - 1; // less the main thread's own core
  return Math.max(0, Math.min(idle, 3));
}

/** The files' sizes on disk (one that cannot be read counts nothing: it is reported when read). */
function inputBytes(files: string[]): number {
  let n = 0;
  for (const f of files) {
    try {
      n += statSync(f).size;
    } catch {
      // listed as not read by readUnitFile
    }
  }
  return n;
}

export interface WorkerJob {
  files: string[];
  template?: Template;
  /** One Int32: the index of the next file to read, shared by the main thread and the workers. */
  next: SharedArrayBuffer;
}

export type WorkerReply = { i: number; inputs: BlocInput[] } | { done: true } | { error: string };

/** Reads files off the shared counter until none are left, handing each file's units to `put`. */
export async function pull(job: WorkerJob, put: (i: number, inputs: BlocInput[]) => void): Promise<void> {
  const next = new Int32Array(job.next);
  for (;;) {
    const i = Atomics.add(next, 0, 1);
    if (i >= job.files.length) return;
    put(i, await readUnitFile(job.files[i], job.template));
  }
}

/** Every unit of every file, in the files' order, read by the main thread and (for a large bloc) workers together. */
export async function readBloc(files: string[], template: Template | undefined): Promise<BlocInput[]> {
  const results: BlocInput[][] = files.map(() => []);
  const job: WorkerJob = { files, template, next: new SharedArrayBuffer(4) };
  const workers = Array.from(
    { length: workerCount(files) },
    () => new Worker(path.join(__dirname, 'tonghop-worker.js'), { workerData: job }),
  );
  const finished = workers.map(
    (w) =>
      new Promise<void>((resolve, reject) => {
        w.on('message', (m: WorkerReply) => {
          if ('i' in m) results[m.i] = m.inputs;
          else if ('error' in m) reject(new Error(m.error));
          else resolve();
        });
        w.on('error', reject);
        w.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`worker exited with ${code}`))));
      }),
  );
  try {
    await pull(job, (i, inputs) => (results[i] = inputs));
    await Promise.all(finished);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results.flat();
}

const num = (v: number | undefined) => (v === undefined ? '–' : formatNumber(v));

/** The ranking as the terminal shows it: one line per unit, aligned. */
export function formatRanking(ranking: BlocRanking): string {
  const head = ['Hạng', 'Đơn vị', 'Tự chấm', 'Sau KT', 'Khối chấm', 'Hạng TC', 'Thay đổi', 'Xếp loại', 'Đề nghị'];
  const rows = ranking.units.map((r) => [
    `${r.rank}${r.tiedWith.length > 0 ? '=' : ''}`,
    r.unit.name,
    num(r.unit.tuCham),
    num(r.unit.checked),
    num(r.unit.khoiCham),
    String(r.selfRank),
    changeText(r.change),
    r.band ?? (r.outsideBands ? '(ngoài mức)' : ''),
    r.award ?? r.notProposed ?? '',
  ]);
  const width = head.map((h, i) => Math.max(h.length, ...rows.map((r) => [...r[i]].length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c + ' '.repeat(width[i] - [...c].length))
      .join('  ')
      .trimEnd();
  const out = [line(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)];
  if (ranking.units.some((r) => r.tiedWith.length > 0)) out.push('(= đồng hạng)');
  for (const r of ranking.units)
    if (r.brokenBy) out.push(`  “${r.unit.name}”: đồng hạng ${r.rank}, thứ tự xét ${r.place} theo ${r.brokenBy}.`);
  for (const a of ranking.awards) {
    out.push(
      `${a.name}: chỉ tiêu ${a.quotaText}; đề nghị ${a.awarded.length > 0 ? a.awarded.join(', ') : 'không có'}${a.open > 0 ? `; còn ${a.open} suất (đồng hạng ở ngưỡng)` : ''}.`,
    );
  }
  for (const u of ranking.unread) out.push(`Không đọc được: ${path.basename(u.file)}${u.sheet ? ` › ${u.sheet}` : ''}: ${u.reason}`);
  for (const n of ranking.notes) out.push(`Lưu ý: ${n}`);
  return out.join('\n');
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch {
    return false;
  }
}

/** The year the units' titles name most often. */
function commonYear(inputs: BlocInput[]): number | undefined {
  const count = new Map<number, number>();
  for (const i of inputs) if (i.kind === 'unit' && i.unit.year !== undefined) count.set(i.unit.year, (count.get(i.unit.year) ?? 0) + 1);
  return [...count.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

export async function tonghop(o: TonghopOptions, io: { out(t: string): void; err(t: string): void }): Promise<number> {
  if (o.inputs.length === 0)
    throw new UserError('bad-input', 'Thiếu tệp hoặc thư mục của các đơn vị. Ví dụ: thidua tonghop bang-cac-don-vi/ -o TONG-HOP.xlsx');
  const rules = o.rulesFile !== undefined ? await loadBlocRules(o.rulesFile) : undefined;
  const files = await listFiles(o.inputs, o.out);
  const target = path.resolve(o.out);
  // Told before fifty files are read, not after; saveFile holds the same line when it writes.
  if ((await exists(o.out)) && !o.force) {
    throw new UserError('bad-input', `Tệp “${o.out}” đã có: thêm --force để ghi đè, hoặc chọn tên khác với -o.`);
  }
  for (const f of files)
    if (path.resolve(f) === target) throw new UserError('bad-input', 'Tệp ra phải khác các tệp vào: hãy chọn tên khác với -o.');
  const inputs = await readBloc(files, o.template);
  if (!inputs.some((i) => i.kind === 'unit')) {
    const why = inputs
      .flatMap((i) => (i.kind === 'unread' ? [i.reason] : []))
      .slice(0, 2)
      .join(' ');
    throw new UserError('bad-input', `Không đọc được bảng chấm điểm của đơn vị nào. ${why}`.trim());
  }
  const ranking = rankBloc(inputs, rules?.rules);
  const year = o.year ?? rules?.rules.nam ?? commonYear(inputs);
  const plan = planSummary(ranking, { rules: rules?.rules, template: o.template, bloc: o.bloc, year });
  const chunks = summaryFile(plan);
  await saveFile(o.out, files[0] ?? o.out, (tmp) => writeChunks(tmp, chunks), { force: o.force });
  for (const w of rules?.warnings ?? []) io.err(`thidua: lưu ý: ${w}`);
  const units = ranking.units.length;
  io.out(
    `${plan.title}${plan.sheets[0] && (o.bloc ?? rules?.rules.khoi ?? o.template?.bloc) ? ` — ${o.bloc ?? rules?.rules.khoi ?? o.template?.bloc}` : ''}`,
  );
  io.out(
    `${units} đơn vị${ranking.unread.length > 0 ? `, ${ranking.unread.length} tệp không đọc được` : ''}. Xếp hạng theo điểm sau kiểm tra (điểm Khối chấm nếu có).`,
  );
  io.out('');
  io.out(formatRanking(ranking));
  io.out('');
  io.out(`Đã ghi “${o.out}”: trang Tổng hợp, Theo tiêu chí và ${units} trang kết quả của từng đơn vị. Các tệp của đơn vị giữ nguyên.`);
  return 0;
}

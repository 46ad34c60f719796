/**
 * `npm run bench [-- NAME…] [-- --write]`: runs every bench/*.bench.ts (or those named), prints each table, and with
 * --write puts the results into docs/PERFORMANCE.md with the machine and the date. Never part of the tests.
 *
 * The npm script compiles bench/ (and what it imports) with tsconfig.bench.json into .bench-build/, and the CLI into
 * dist/, then runs this file from .bench-build/bench/run.js: the code measured is the code tsc emits, as shipped.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT } from './measure';
import { Bench, BenchTable } from './table';

const SOURCE = path.join(ROOT, 'bench');
const DOC = path.join(ROOT, 'docs', 'PERFORMANCE.md');
/** The issue's order; any other bench comes after these, by name. */
const ORDER = ['engine', 'addin', 'pane', 'cli', 'fix'];

interface Result {
  name: string;
  table?: BenchTable;
  error?: string;
  seconds: number;
}

function benchNames(): string[] {
  const names = readdirSync(SOURCE)
    .filter((f) => f.endsWith('.bench.ts'))
    .map((f) => f.slice(0, -'.bench.ts'.length));
  const rank = (n: string) => (ORDER.includes(n) ? ORDER.indexOf(n) : ORDER.length);
  return names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

export function machine(): string {
  const cpus = os.cpus();
  const gib = (os.totalmem() / 1024 ** 3).toFixed(1);
  return `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${gib} GiB RAM, Node ${process.version}, ${os.type()} ${os.release()} ${os.arch()}`;
}

const isNumeric = (v: string | number) => typeof v === 'number' || /^[-+]?[\d.,]+\s*(ms|µs|s|KB|MB|%|×)?$/.test(v);

export function formatText(t: BenchTable): string {
  const cells = [t.columns, ...t.rows.map((r) => r.map(String))];
  const widths = t.columns.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[], raw?: (string | number)[]) =>
    r
      .map((c, i) => (raw && isNumeric(raw[i]) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  const out = [t.title, '='.repeat(t.title.length), line(t.columns), widths.map((w) => '-'.repeat(w)).join('  ')];
  t.rows.forEach((r) => out.push(line(r.map(String), r)));
  for (const n of t.notes ?? []) out.push(`  * ${n}`);
  return out.join('\n');
}

export function formatMarkdown(t: BenchTable): string {
  const esc = (v: string | number) => String(v).replace(/\|/g, '\\|');
  const out = [
    `| ${t.columns.map(esc).join(' | ')} |`,
    `| ${t.columns.map((_, i) => (t.rows.length > 0 && t.rows.every((r) => isNumeric(r[i] ?? '')) ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((r) => `| ${r.map(esc).join(' | ')} |`),
  ];
  if (t.notes?.length) out.push('', ...t.notes.map((n) => `- ${n}`));
  return out.join('\n');
}

const START = (name: string) => `<!-- bench:${name}:start -->`;
const END = (name: string) => `<!-- bench:${name}:end -->`;

const PREAMBLE = `# Performance

Measured by \`npm run bench\`; this file is rewritten by \`npm run bench -- --write\`. Each section says when and on
which machine it was measured. Targets are the issue's; the benchmarks never run in the tests.
`;

/** Replaces each bench's section between its markers (or appends it), leaving the rest of the file as it is. */
function writeDoc(results: Result[], when: string): void {
  let doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : PREAMBLE;
  for (const r of results) {
    const body = r.table
      ? `## ${r.table.title}\n\n_Measured ${when} on ${machine()}. Rerun: \`npm run bench -- ${r.name}\`._\n\n${formatMarkdown(r.table)}`
      : `## ${r.name}\n\n_Failed ${when}: ${r.error}_`;
    const section = `${START(r.name)}\n${body}\n${END(r.name)}`;
    const a = doc.indexOf(START(r.name));
    const b = doc.indexOf(END(r.name));
    doc = a >= 0 && b > a ? doc.slice(0, a) + section + doc.slice(b + END(r.name).length) : `${doc.trimEnd()}\n\n${section}\n`;
  }
  writeFileSync(DOC, doc);
}

async function main(argv: string[]): Promise<number> {
  const write = argv.includes('--write');
  const wanted = argv.filter((a) => !a.startsWith('-'));
  const all = benchNames();
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length > 0) {
    console.error(`bench: no bench/${unknown[0]}.bench.ts. Benches: ${all.join(', ')}`);
    return 2;
  }
  const names = wanted.length > 0 ? all.filter((n) => wanted.includes(n)) : all;
  console.log(`Machine: ${machine()}\nDate: ${new Date().toISOString()}\nBenches: ${names.join(', ')}\n`);

  const results: Result[] = [];
  for (const name of names) {
    const t0 = performance.now();
    let result: Result;
    try {
      const compiled = path.join(__dirname, `${name}.bench.js`);

      const mod = require(compiled) as { run?: Bench };
      if (typeof mod.run !== 'function') throw new Error(`bench/${name}.bench.ts exports no run()`);
      result = { name, table: await mod.run(), seconds: 0 };
    } catch (e) {
      result = { name, error: (e as Error).stack ?? String(e), seconds: 0 };
    }
    result.seconds = (performance.now() - t0) / 1000;
    results.push(result);
    console.log(result.table ? formatText(result.table) : `${name}: FAILED\n${result.error}`);
    console.log(`  (${result.seconds.toFixed(1)} s)\n`);
  }

  if (write) {
    const ok = results.filter((r) => r.table);
    writeDoc(ok, new Date().toISOString().slice(0, 10));
    console.log(`Wrote ${ok.length} section(s) to ${path.relative(ROOT, DOC)}.`);
  }
  return results.some((r) => r.error) ? 1 : 0;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (e) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}

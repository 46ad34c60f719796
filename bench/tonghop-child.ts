/**
 * Where `thidua tonghop`'s time goes, in a new process on the main thread: `node tonghop-child.js DIR RULES OUT`.
 * The phases the command runs, each timed apart (readUnitFile does the first three file by file). Prints one JSON
 * line of milliseconds: { load, read, check, units, rankPlan, write, writeExcelJs }; `load` is from the process's start
 * (Node's own start-up included) to the first phase, modules loaded; `writeExcelJs` is the old writer on the same plan
 * (bench/exceljs-summary.ts), loading ExcelJS included, for comparison: it is not part of the command.
 */
import { readdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../src/engine';
import { BlocInput, parseBlocRulesJson, planSummary, rankBloc, unitScores } from '../src/engine/bloc';
import { tuneV8ForShortRuns } from '../src/cli/v8-tuning';
import { openBook } from '../src/xlsx/book';
import { summaryFile } from '../src/xlsx/summary';
import { writeChunks } from '../src/xlsx/workbook';

async function main(): Promise<void> {
  const [dir, rulesFile, out] = process.argv.slice(2);
  tuneV8ForShortRuns(); // as the command does
  const load = performance.now(); // performance's origin is the process's start
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.xlsx'))
    .sort()
    .map((n) => path.join(dir, n));
  const lap = (() => {
    let t = performance.now();
    return () => {
      const now = performance.now();
      const d = now - t;
      t = now;
      return d;
    };
  })();
  const books = [];
  for (const f of files) books.push(await openBook(f));
  const grids = books.map((b) => b.sheets.filter((s) => s.state === 'visible' && s.part).map((s) => b.grid(s)));
  const read = lap();
  const reports = grids.map((g) => checkWorkbook(g).reports);
  const check = lap();
  const inputs: BlocInput[] = reports.flatMap((rs, i) =>
    rs.map((r) => ({
      kind: 'unit' as const,
      unit: unitScores(
        r,
        grids[i].find((g) => g.name === r.sheet)!,
        { file: files[i], onlySheetOfFile: rs.length === 1 },
      ),
    })),
  );
  const units = lap();
  const parsed = parseBlocRulesJson(readFileSync(rulesFile, 'utf8'));
  if (!parsed.ok) throw new Error('rules file does not parse');
  const plan = planSummary(rankBloc(inputs, parsed.rules), { rules: parsed.rules });
  const rankPlan = lap();
  await writeChunks(out, summaryFile(plan));
  const write = lap();
  // Loaded here, so that loading ExcelJS is timed with its writer.
  const old = require('./exceljs-summary') as typeof import('./exceljs-summary');
  await old.summaryWorkbook(plan).xlsx.writeFile(`${out}.exceljs.xlsx`, old.SUMMARY_ZIP as never);
  const writeExcelJs = lap();
  process.stdout.write(`${JSON.stringify({ load, read, check, units, rankPlan, write, writeExcelJs })}\n`);
}

main().catch((e) => {
  process.stderr.write(`${(e as Error).message}\n`);
  process.exit(2);
});

/**
 * A test bloc: eight member units made from the seed's scoring table (test/fixtures/seed-2022-typed.xlsx), each with
 * self-scores and review scores of our own, some with faults. The expected numbers live in the tests, worked out by
 * hand from the changes listed here.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { CellValue, SheetGrid, parseA1 } from '../../src/engine';
import { readGrids, writeXlsx } from './xlsx';

export const SEED = path.join(__dirname, '..', 'fixtures', 'seed-2022-typed.xlsx');

/** Cell changes, A1 → value. */
export type Changes = Record<string, CellValue>;

/**
 * The seed made clean: Nội dung 2's self-score total put right (195, not 200), mục 3's bonus held to its cap (1, not 10)
 * and Nội dung 2's bonus total made 8. Then: main items 945, bonus items 48, TỔNG CỘNG 945 + 48 = 993.
 */
export const CLEAN: Changes = { E22: 195, F25: 1, F22: 8 };

export interface UnitSpec {
  file: string;
  /** Sheet name in the file. */
  sheet?: string;
  /** "Đơn vị: …" in A2; null leaves the line out (the unit is then named by its sheet or file). */
  name: string | null;
  changes: Changes;
}

/** Applies changes to a copy of a grid (cells beyond its rows or columns are added). */
export function withChanges(g: SheetGrid, changes: Changes, name?: string): SheetGrid {
  const cells = g.cells.map((r) => r.map((c) => ({ ...c })));
  for (const [at, value] of Object.entries(changes)) {
    const { row, col } = parseA1(at);
    while (cells.length <= row) cells.push([]);
    while (cells[row].length <= col) cells[row].push({ value: null });
    cells[row][col] = { value };
  }
  return { ...g, name: name ?? g.name, cells };
}

/** The seed's grid, once. */
let seedGrid: SheetGrid | undefined;
export async function seed(): Promise<SheetGrid> {
  seedGrid ??= (await readGrids(SEED))[0];
  return seedGrid;
}

/** The eight units of the test bloc; U7 and U8 share one workbook, and U8 has no "Đơn vị:" line. */
export const BLOC: UnitSpec[] = [
  { file: 'so-noi-vu.xlsx', name: 'Sở Nội vụ', changes: {} },
  { file: 'so-tai-chinh.xlsx', name: 'Sở Tài chính', changes: { E8: 90, E7: 390, E6: 640, E40: 935 } },
  // Over cap: 1.2 self-scored 60 of 50, totals following the 60.
  { file: 'so-tu-phap.xlsx', name: 'Sở Tư pháp', changes: { E9: 60, E7: 410, E6: 660, E40: 955 } },
  // 2.1 gives up 5 (items 940), but TỔNG CỘNG still says 960.
  { file: 'so-ke-hoach.xlsx', name: 'Sở Kế hoạch và Đầu tư', changes: { E12: 10, E11: 45, E6: 645, E40: 960 } },
  // Bonus over cap: mục 4 bonus 5 of 2, totals following; and 1.3 gives up 10.
  { file: 'so-y-te.xlsx', name: 'Sở Y tế', changes: { F19: 5, F6: 33, F40: 51, E10: 240, E7: 390, E6: 640, E40: 935 } },
  // Reviewed by the bloc: 930 + 45.
  {
    file: 'so-giao-duc.xlsx',
    name: 'Sở Giáo dục và Đào tạo',
    changes: { H5: 'Điểm Khối chấm', I5: 'Điểm thưởng Khối chấm', H40: 930, I40: 45 },
  },
  // ND2 mục 1 gives up 10; reviewed by the bloc: 990.
  {
    file: 'so-xd-ct.xlsx',
    sheet: 'Xây dựng',
    name: 'Sở Xây dựng',
    changes: { E23: 10, E22: 185, E40: 935, H5: 'Điểm Khối chấm', H40: 990 },
  },
  // Text in a score cell: 2.2 counts 0 (items 935), totals still say 50 / 650 / 945.
  { file: 'so-xd-ct.xlsx', sheet: 'Sở Công Thương', name: null, changes: { E13: 'Cử công chức tham gia' } },
];

/** Writes the bloc's workbooks into `dir` (and a file that is not a workbook), returning every path written. */
export async function writeBloc(dir: string, units: UnitSpec[] = BLOC, options: { broken?: boolean } = {}): Promise<string[]> {
  mkdirSync(dir, { recursive: true });
  const base = await seed();
  const byFile = new Map<string, SheetGrid[]>();
  for (const u of units) {
    const changes: Changes = { ...CLEAN, ...u.changes, A2: u.name === null ? null : `Đơn vị: ${u.name}` };
    const g = withChanges(base, changes, u.sheet ?? base.name);
    if (u.name === null) g.merges = (g.merges ?? []).filter((m) => m.top !== 1);
    byFile.set(u.file, [...(byFile.get(u.file) ?? []), g]);
  }
  const files: string[] = [];
  for (const [file, grids] of byFile)
    files.push(
      await writeXlsx(
        path.join(dir, file),
        grids.map((grid) => ({ grid })),
      ),
    );
  if (options.broken) {
    const broken = path.join(dir, 'so-van-hoa.xlsx');
    writeFileSync(broken, 'đây không phải tệp Excel');
    files.push(broken);
  }
  return files;
}

/** The example rules file of samples/, read as text (the tests hold it against the schema too). */
export function sampleRules(): string {
  return readFileSync(path.join(__dirname, '..', '..', 'samples', 'quy-che-khoi-vi-du.json'), 'utf8');
}

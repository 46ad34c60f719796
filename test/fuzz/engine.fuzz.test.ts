/**
 * Property-based fuzzing of the engine: random grids, and generated tables with faults injected. Runs FUZZ_RUNS cases
 * per property (default 60: a few seconds in CI); `npm run fuzz` runs many more. FUZZ_SEED replays a failing run.
 */
import fc from 'fast-check';
import { a1, checkSheet, GridCell, isUserError, SheetGrid, SheetReport, shownMessage } from '../../src/engine';
import { faultArb, layoutArb, renderTable, tableSpecArb } from '../helpers/generate';
import { HEADER } from '../helpers/grid';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const params = { numRuns: RUNS, ...(SEED !== undefined ? { seed: SEED } : {}) };
/** Generous: a bounded run takes a few seconds; the long run scales with its count. */
const TIMEOUT = 20_000 + RUNS * 200;

/** Checks a grid; a grid without a scoring table may throw isUserError, and nothing else may be thrown. */
function tryCheck(g: SheetGrid): SheetReport | undefined {
  try {
    return checkSheet(g);
  } catch (e) {
    if (isUserError(e) && e.code === 'no-table') return undefined;
    throw e;
  }
}

/** Every cell the report names (findings, writes, marks, totals) lies inside the grid it was given. */
function expectInside(g: SheetGrid, r: SheetReport): void {
  const lastRow = g.origin.row + g.cells.length - 1;
  const lastCol = g.origin.col + g.cells.reduce((m, row) => Math.max(m, row.length), 0) - 1;
  const places = [...r.findings, ...r.plan.writes, ...r.plan.marks, ...r.totals];
  for (const p of places) {
    const where = `${p.cell} (${p.row}, ${p.col}) in rows ${g.origin.row}–${lastRow}, cols ${g.origin.col}–${lastCol}`;
    expect({ where, inside: p.row >= g.origin.row && p.row <= lastRow && p.col >= g.origin.col && p.col <= lastCol }).toEqual({
      where,
      inside: true,
    });
    expect(p.cell).toBe(a1(p.row, p.col));
  }
}

/** The grid as it will be once the plan's writes are applied: the formula's result as the value, and the formula. */
function applyWrites(g: SheetGrid, r: SheetReport): SheetGrid {
  const cells = g.cells.map((row) => [...row]);
  for (const w of r.plan.writes) {
    const row = (cells[w.row - g.origin.row] ??= []);
    while (row.length <= w.col - g.origin.col) row.push({ value: null });
    row[w.col - g.origin.col] = { value: w.value, ...(w.formula ? { formula: w.formula } : {}) };
  }
  return { ...g, cells };
}

/** Once the plan's writes are applied, checking again finds no total-mismatch. */
function expectFixed(g: SheetGrid, r: SheetReport): void {
  const again = checkSheet(applyWrites(g, r));
  expect(again.findings.filter((f) => f.rule === 'total-mismatch').map(shownMessage)).toEqual([]);
}

/** The properties every grid must have: no throw but isUserError, cells inside, fixed totals. True when it held a table. */
function sound(g: SheetGrid): boolean {
  const r = tryCheck(g);
  if (!r) return false;
  expectInside(g, r);
  expectFixed(g, r);
  return true;
}

// ---- random grids: cells that look like parts of a scoring table, in any order ----

const words = fc.constantFrom(
  ...HEADER,
  'STT',
  'Nội dung',
  'Điểm',
  'Nội dung 1: Công tác chuyên môn',
  'NỘI DUNG 2',
  'Phần II',
  'I',
  'II',
  'XL',
  'C',
  'D',
  'A',
  'a',
  'b)',
  'đ',
  '1',
  '1.',
  '1.2',
  '1.2.3',
  '-',
  '+ Công đoàn',
  '•',
  'TỔNG CỘNG',
  'Tổng điểm',
  'T\u00d4\u0309NG C\u00d4\u0323NG',
  '02',
  '19,5',
  '1.5',
  '1,000',
  '1.000',
  '60 20 20',
  '10 điểm',
  '5đ',
  '–',
  '...',
  'Hoàn thành xuất sắc (20 điểm); hoàn thành tốt (15 điểm); hoàn thành (10 điểm)',
  'Tạm tính',
  'Chờ kết quả',
  'Báo cáo số 12/BC-VP ngày 10/12/2022',
  'Điểm tự\nchấm',
  'Đie\u0302\u0309m chua\u0302\u0309n',
  '',
  '   \n ',
  '(1)',
  '(2)',
  'BẢNG CHẤM ĐIỂM THI ĐUA NĂM 2022',
);

const valueArb: fc.Arbitrary<GridCell['value']> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: words },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 300 }) },
  { weight: 1, arbitrary: fc.integer({ min: -20, max: 200 }).map((n) => n / 2) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 1e308, Number.MAX_SAFE_INTEGER) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
);

const cellArb: fc.Arbitrary<GridCell> = fc.oneof(
  { weight: 8, arbitrary: valueArb.map((value) => ({ value })) },
  {
    weight: 1,
    arbitrary: fc.tuple(valueArb, fc.constantFrom('=SUM(C4:C9)', '=C4+C5', '=#REF!', '=')).map(([value, formula]) => ({ value, formula })),
  },
  { weight: 1, arbitrary: fc.tuple(valueArb, fc.constantFrom('02', '', '1.234,5')).map(([value, text]) => ({ value, text })) },
);

const randomGridArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    origin: fc.record({ row: fc.nat(70), col: fc.nat(30) }),
    cells: fc.array(fc.array(cellArb, { maxLength: 10 }), { maxLength: 40 }),
    /** Where to drop a proper header, so that many grids do hold a table. */
    header: fc.option(fc.nat(40), { nil: undefined }),
    merges: fc.array(
      fc.record({ top: fc.nat(110), left: fc.nat(40), h: fc.integer({ min: -1, max: 3 }), w: fc.integer({ min: -1, max: 4 }) }),
      {
        maxLength: 6,
      },
    ),
  })
  .map(({ origin, cells, header, merges }) => {
    if (header !== undefined)
      cells.splice(
        Math.min(header, cells.length),
        0,
        HEADER.map((value) => ({ value })),
      );
    return {
      name: 'Chấm điểm',
      origin,
      cells,
      merges: merges.map((m) => ({ top: m.top, left: m.left, bottom: m.top + m.h, right: m.left + m.w })),
    };
  });

const ttArb = fc.constantFrom(
  null,
  '',
  'I',
  'II',
  'IV',
  'A',
  'B',
  'C',
  '1',
  '2',
  '3',
  '1.1',
  '1.2',
  '2.1',
  '1.1.1',
  'a',
  'b',
  'đ',
  '-',
  '+',
  'Nội dung 1',
  'Nội dung 2',
  'TỔNG CỘNG',
  'x',
);
const scoreArb: fc.Arbitrary<GridCell> = fc.oneof(
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 60 }).map((value) => ({ value })) },
  { weight: 2, arbitrary: fc.constant({ value: null }) },
  { weight: 1, arbitrary: fc.constantFrom('02', '19,5', '1.5', '60 20 20', '-', 'Tạm tính', 'đạt').map((value) => ({ value })) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200 }).map((value) => ({ value, formula: '=SUM(C4:C9)' })) },
);
/** Rows shaped like a table under a proper header (TT, text, four scores, evidence), their contents random. */
const shapedGridArb: fc.Arbitrary<SheetGrid> = fc
  .record({
    rows: fc.array(
      fc.tuple(
        ttArb,
        fc.constantFrom(
          null,
          'Công tác chuyên môn',
          'TỔNG CỘNG',
          'Nội dung 3: Khác',
          '- Công đoàn',
          'Hoàn thành (20 điểm), hoàn thành tốt (15 điểm)',
        ),
        fc.array(scoreArb, { minLength: 4, maxLength: 4 }),
        fc.constantFrom(null, 'Báo cáo số 1/BC', 'Tạm tính'),
      ),
      { maxLength: 30 },
    ),
    merged: fc.array(fc.nat(32), { maxLength: 4 }),
  })
  .map(({ rows, merged }) => ({
    name: 'Chấm điểm',
    origin: { row: 0, col: 0 },
    cells: [
      HEADER.map((value) => ({ value })),
      ...rows.map(([tt, text, scores, ev]) => [{ value: tt }, { value: text }, ...scores, { value: ev }]),
    ],
    merges: merged.map((r) => ({ top: r + 1, left: 0, bottom: r + 1, right: 1 })),
  }));

/** A generated table with a few cells overwritten by random ones: faults the generator did not plan. */
const damagedTableArb = fc
  .record({
    spec: tableSpecArb,
    layout: layoutArb,
    damage: fc.array(fc.record({ row: fc.nat(200), col: fc.nat(12), cell: cellArb }), { maxLength: 5 }),
  })
  .map(({ spec, layout, damage }) => {
    const { grid } = renderTable(spec, layout);
    for (const d of damage) {
      const row = grid.cells[d.row % grid.cells.length];
      row[d.col % row.length] = d.cell;
    }
    return grid;
  });

describe('engine fuzz', () => {
  it(
    'never throws on a random grid (only isUserError, where there is no table), and names only cells inside the sheet',
    () => {
      let tables = 0;
      fc.assert(
        fc.property(randomGridArb, (g) => {
          if (sound(g)) tables++;
        }),
        params,
      );
      // Not vacuous: a good share of the random grids do hold a table the engine reads.
      expect(tables).toBeGreaterThan(RUNS / 10);
    },
    TIMEOUT,
  );

  it(
    'never throws on random rows under a header, names only cells inside them, and leaves no total-mismatch once fixed',
    () => {
      fc.assert(
        fc.property(shapedGridArb, (g) => {
          expect(sound(g)).toBe(true); // the header is whole: there is always a table
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'never throws on a damaged table, names only cells inside it, and leaves no total-mismatch once fixed',
    () => {
      let tables = 0;
      fc.assert(
        fc.property(damagedTableArb, (g) => {
          if (sound(g)) tables++; // no table only where the damage hit the header
        }),
        params,
      );
      expect(tables).toBeGreaterThan(RUNS / 2);
    },
    TIMEOUT,
  );

  it(
    'finds every injected cap and total fault',
    () => {
      fc.assert(
        fc.property(tableSpecArb, layoutArb, fc.array(faultArb, { minLength: 1, maxLength: 6 }), (spec, layout, faults) => {
          const { grid, expected } = renderTable(spec, layout, faults);
          const r = checkSheet(grid);
          expectInside(grid, r);
          const found = new Set(r.findings.map((f) => `${f.rule}@${f.cell}`));
          expect(expected.map((e) => `${e.rule}@${e.cell}`).filter((k) => !found.has(k))).toEqual([]);
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'gives no error on a correct table',
    () => {
      fc.assert(
        fc.property(tableSpecArb, layoutArb, (spec, layout) => {
          const { grid } = renderTable(spec, layout);
          const r = checkSheet(grid);
          expect(r.findings.filter((f) => f.severity === 'error').map((f) => `${f.rule}@${f.cell}: ${f.message}`)).toEqual([]);
        }),
        params,
      );
    },
    TIMEOUT,
  );

  it(
    'leaves no total-mismatch after fix, on a table with faults',
    () => {
      fc.assert(
        fc.property(tableSpecArb, layoutArb, fc.array(faultArb, { maxLength: 6 }), (spec, layout, faults) => {
          const { grid } = renderTable(spec, layout, faults);
          expectFixed(grid, checkSheet(grid));
        }),
        params,
      );
    },
    TIMEOUT,
  );
});

import { checkSheet, SheetReport } from '../../src/engine';
import { sumFormula } from '../../src/engine/plan';
import { formula, Row, set, table, validBody, validTable } from '../helpers/grid';

const writes = (r: SheetReport) => r.plan.writes.map((w) => `${w.cell} ${w.formula ?? ''} ${w.value}`.replace('  ', ' '));

describe('plan: writes', () => {
  it('writes every total as a SUM formula carrying its result, consecutive rows as ranges', () => {
    const r = checkSheet(validTable());
    expect(writes(r)).toEqual([
      'C4 =SUM(C5:C6) 30',
      'E4 =SUM(E5:E6) 30',
      'C3 =SUM(C4,C7) 50',
      'D3 =SUM(D4,D7) 5',
      'E3 =SUM(E4,E7) 50',
      'F3 =SUM(F4,F7) 5',
      'C8 =SUM(C9) 20',
      'D8 =SUM(D9) 2',
      'E8 =SUM(E9) 20',
      'F8 =SUM(F9) 2',
      'C10 =SUM(C3,C8) 70',
      'D10 =SUM(D3,D8) 7',
      'E10 =SUM(E3,E8) 70',
      'F10 =SUM(F3,F8) 7',
    ]);
  });

  it('keeps what each write replaces, for undo', () => {
    const r = checkSheet(table(set(validBody(), 3, 'E', '45')));
    expect(r.plan.writes.find((w) => w.cell === 'E3')).toEqual({
      cell: 'E3',
      row: 2,
      col: 4,
      value: 50,
      formula: '=SUM(E4,E7)',
      previous: { value: '45' },
      criterion: '1',
      column: 'tuCham',
    });
    const f = checkSheet(table(set(validBody(), 3, 'E', formula('=E4+E7+1', 51))));
    expect(f.plan.writes.find((w) => w.cell === 'E3')?.previous).toEqual({ value: 51, formula: '=E4+E7+1' });
  });

  it('writes only total cells', () => {
    const body = set(set(set(validBody(), 5, 'E', 25), 9, 'F', 'đạt'), 3, 'C', 1);
    const r = checkSheet(table(body));
    const totalCells = new Set(r.totals.map((t) => t.cell));
    expect(r.plan.writes.length).toBeGreaterThan(0);
    for (const w of r.plan.writes) expect(totalCells.has(w.cell)).toBe(true);
  });

  it('leaves a total the user keeps as a right formula alone, whatever its shape', () => {
    const r = checkSheet(table(set(validBody(), 3, 'E', formula('=E4+E7', 50))));
    expect(r.plan.writes.map((w) => w.cell)).not.toContain('E3');
  });

  it('rewrites a formula whose result is wrong, even when it is the formula it would write', () => {
    // A stale cached result (saved without recalculation): the output must carry the right result.
    const r = checkSheet(table(set(validBody(), 3, 'E', formula('=SUM(E4,E7)', 40))));
    expect(r.plan.writes.find((w) => w.cell === 'E3')).toMatchObject({ value: 50, formula: '=SUM(E4,E7)' });
  });

  describe('values mode', () => {
    it('writes values, only where a total is wrong, empty or not a number', () => {
      let body = set(validBody(), 3, 'E', 45);
      body = set(body, 8, 'C', null);
      body = set(body, 10, 'D', '7');
      const r = checkSheet(table(body), { totals: 'values' });
      expect(r.plan.writes.map((w) => [w.cell, w.value, w.formula])).toEqual([
        ['E3', 50, undefined],
        ['C8', 20, undefined],
        ['D10', 7, undefined],
      ]);
    });

    it('replaces a formula by its value when asked for values and the formula is wrong', () => {
      const r = checkSheet(table(set(validBody(), 3, 'E', formula('=SUM(E4)', 30))), { totals: 'values' });
      expect(r.plan.writes).toEqual([expect.objectContaining({ cell: 'E3', value: 50, previous: { value: 30, formula: '=SUM(E4)' } })]);
      expect(r.plan.writes[0].formula).toBeUndefined();
    });

    it('writes nothing for a right table', () => {
      expect(checkSheet(validTable(), { totals: 'values' }).plan.writes).toEqual([]);
    });
  });

  it('writes a value, not a formula, where SUM would skip a number stored as text', () => {
    const r = checkSheet(table(set(set(validBody(), 6, 'E', '10'), 4, 'E', 29)));
    const w = r.plan.writes.find((x) => x.cell === 'E4');
    expect(w).toMatchObject({ value: 30 });
    expect(w?.formula).toBeUndefined();
    // The section above still sums E4 and E7, which hold numbers: a formula there is right.
    expect(r.plan.writes.find((x) => x.cell === 'E3')?.formula).toBe('=SUM(E4,E7)');
  });
});

describe('sumFormula', () => {
  const totalLine = (childRows: number[], col = 4) => ({
    criterion: 'x',
    column: 'tuCham' as const,
    cell: 'E1',
    row: 0,
    col,
    computed: 0,
    childRows,
  });

  it('joins consecutive rows into ranges, in sheet order', () => {
    expect(sumFormula(totalLine([11, 7, 8, 9]))).toBe('=SUM(E8:E10,E12)');
    expect(sumFormula(totalLine([4]))).toBe('=SUM(E5)');
    expect(sumFormula(totalLine([1, 3, 5], 27))).toBe('=SUM(AB2,AB4,AB6)');
  });

  it('splits more than 255 arguments into several SUMs added together', () => {
    const rows = Array.from({ length: 300 }, (_, i) => 10 + 2 * i);
    const f = sumFormula(totalLine(rows))!;
    expect(f.startsWith('=SUM(E11,E13,')).toBe(true);
    const sums = f.slice(1).split('+');
    expect(sums).toHaveLength(2);
    expect(sums.map((s) => s.slice(4, -1).split(',').length)).toEqual([255, 45]);
  });

  it('gives no formula beyond the length Excel accepts', () => {
    const rows = Array.from({ length: 2000 }, (_, i) => 10 + 2 * i);
    expect(sumFormula(totalLine(rows))).toBeUndefined();
  });

  it('writes a total of more than 255 scattered items through the whole plan', () => {
    const body: Row[] = [['Nội dung 1: Nhiều mục', null, 300, null, 300]];
    for (let i = 1; i <= 300; i++) {
      body.push([String(i), `Mục ${i}`, 1, null, 1, null, `Báo cáo số ${i}/BC`]);
      body.push([null, 'dòng tiếp theo']);
    }
    const r = checkSheet(table(body));
    expect(r.findings).toEqual([]);
    const w = r.plan.writes.find((x) => x.cell === 'E3')!;
    expect(w.value).toBe(300);
    expect(w.formula?.split('SUM(')).toHaveLength(3);
  });
});

describe('plan: marks', () => {
  it('marks each cell once, with its worst severity and every message', () => {
    // E5: over the standard (error) and written "25,5" (no warning) — and 1.5 somewhere for a warning.
    let body = set(validBody(), 5, 'E', '25 5');
    body = set(body, 5, 'C', 20);
    const r = checkSheet(table(body));
    const m = r.plan.marks.find((x) => x.cell === 'E5')!;
    expect(m.severity).toBe('error');
    expect(m.rules.sort()).toEqual(['multiple-numbers', 'over-cap']);
    expect(m.messages).toHaveLength(2);
    expect(new Set(r.plan.marks.map((x) => x.cell)).size).toBe(r.plan.marks.length);
    expect(new Set(r.plan.marks.map((x) => x.cell))).toEqual(new Set(r.findings.map((f) => f.cell)));
  });

  it('marks nothing in a right table', () => {
    expect(checkSheet(validTable()).plan.marks).toEqual([]);
  });
});

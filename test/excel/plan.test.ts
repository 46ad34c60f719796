/** planSheetUpdate without any host: plain objects in, the backup and the operations out. */
import { CellMark, CellWrite } from '../../src/engine';
import { SheetBackup } from '../../src/excel/backup';
import { Captured, Intent, planSheetUpdate } from '../../src/excel/plan';
import { FILL, NOTE_HEAD } from '../../src/excel/write';

const AREA = { top: 0, left: 0, bottom: 39, right: 6 };
const NOTES = { notes: true, prompts: true };

function mark(cell: string, severity: CellMark['severity'] = 'error', messages = [`${cell}: sai`]): CellMark {
  return { cell, row: 0, col: 0, severity, messages, rules: ['over-cap'] };
}
function write(cell: string, formula: string, value: number, previous: CellWrite['previous']): CellWrite {
  return { cell, row: 0, col: 0, value, formula, previous, criterion: '1', column: 'tuCham' };
}
function check(marks: CellMark[], writes: CellWrite[] = []): Intent {
  return { kind: 'check', key: 'k1', name: 'Chấm điểm', area: AREA, marks, writes };
}

describe('a check', () => {
  test('backs up each new cell’s own fill and note, never thidua’s colour or note, and fills per colour', () => {
    const captured: Captured = {
      cells: {
        F25: { value: 3, fill: { color: '#00B050' }, note: 'Ghi chú của tôi' },
        E22: { value: 200, fill: { color: FILL.error }, note: `Của tôi\n\n${NOTE_HEAD}\nE22: cũ` }, // left by a lost backup
        F26: { value: 1, fill: { color: null }, note: null },
      },
    };
    const u = planSheetUpdate(check([mark('F25'), mark('E22'), mark('F26', 'warning')]), undefined, captured, NOTES);
    expect(u.backup!.marks.F25.own).toEqual({ fill: { color: '#00B050' }, note: 'Ghi chú của tôi' });
    expect(u.backup!.marks.E22.own).toEqual({ fill: { color: null }, note: 'Của tôi' });
    expect(u.ops.filter((o) => o.op === 'fill')).toEqual([
      { op: 'fill', cells: ['F25', 'E22'], fill: { color: FILL.error } },
      { op: 'fill', cells: ['F26'], fill: { color: FILL.warning } },
    ]);
    expect(u.ops.find((o) => o.op === 'note' && o.cell === 'F25')).toEqual({
      op: 'note',
      cell: 'F25',
      content: `Ghi chú của tôi\n\n${NOTE_HEAD}\nF25: sai`,
      exists: true,
    });
    expect(u.ops.find((o) => o.op === 'note' && o.cell === 'F26')).toMatchObject({ exists: false });
  });

  test('a total formatted as Text gets General before its formula; Text is what the backup keeps', () => {
    const u = planSheetUpdate(
      check([], [write('E3', '=SUM(E4,E7)', 50, { value: '49' })]),
      undefined,
      { cells: { E3: { value: '49', numberFormat: '@' } } },
      NOTES,
    );
    expect(u.ops).toEqual([
      { op: 'format', cell: 'E3', numberFormat: 'General' },
      { op: 'write', cell: 'E3', content: { value: 50, formula: '=SUM(E4,E7)' } },
    ]);
    expect(u.backup!.writes.E3).toEqual({ own: { value: '49', numberFormat: '@' }, ours: { value: 50, formula: '=SUM(E4,E7)' } });
  });

  test('a total the user retyped since the last check: what they typed is the new original', () => {
    const before: SheetBackup = {
      key: 'k1',
      name: 'Chấm điểm',
      anchor: AREA,
      marks: {},
      writes: { E3: { own: { value: 49, numberFormat: 'General' }, ours: { value: 50, formula: '=SUM(E4,E7)' } } },
    };
    const u = planSheetUpdate(
      check([], [write('E3', '=SUM(E4,E7)', 50, { value: 48 })]),
      before,
      { cells: { E3: { value: 48, numberFormat: 'General' } } },
      NOTES,
    );
    expect(u.backup!.writes.E3.own).toEqual({ value: 48, numberFormat: 'General' });
  });

  test('a cell no longer wrong gets its own fill and note back, unless the user changed them', () => {
    const before: SheetBackup = {
      key: 'k1',
      name: 'Chấm điểm',
      anchor: AREA,
      marks: {
        F25: { via: 'note', own: { fill: { color: null }, note: null }, ours: { fill: FILL.error, note: `${NOTE_HEAD}\nF25: sai` } },
        F26: {
          via: 'note',
          own: { fill: { color: '#00B050' }, note: 'Của tôi' },
          ours: { fill: FILL.error, note: `Của tôi\n\n${NOTE_HEAD}\nF26: sai` },
        },
      },
      writes: {},
    };
    const captured: Captured = {
      cells: {
        F25: { value: 1, fill: { color: FILL.error }, note: `${NOTE_HEAD}\nF25: sai` },
        F26: { value: 1, fill: { color: '#FFFF00' }, note: `Của tôi\n\n${NOTE_HEAD}\nF26: sai` },
      },
    };
    const u = planSheetUpdate(check([]), before, captured, NOTES);
    expect(u.backup).toBeNull();
    expect(u.leftAlone).toEqual(['F26']);
    expect(u.ops).toEqual([
      { op: 'fill', cells: ['F25'], fill: { color: null } },
      { op: 'note', cell: 'F25', content: null, exists: true },
      { op: 'note', cell: 'F26', content: 'Của tôi', exists: true },
    ]);
  });
});

describe('Hoàn tác and Xóa đánh dấu', () => {
  const backup: SheetBackup = {
    key: 'k1',
    name: 'Chấm điểm',
    anchor: AREA,
    marks: {
      F25: {
        via: 'prompt',
        own: { fill: { color: '#4472C4', tintAndShade: 0.6 }, prompt: null },
        ours: { fill: FILL.error, prompt: { title: 'Thi đua: lỗi', message: 'x', showPrompt: true } },
      },
    },
    writes: {
      E3: { own: { value: '19,5', numberFormat: 'General' }, ours: { value: 50, formula: '=SUM(E4,E7)' } },
      E8: { own: { value: 20, numberFormat: 'General' }, ours: { value: 22, formula: '=SUM(E9)' } },
    },
  };

  test('text comes back through the Text format; a total the user changed is named and left', () => {
    const captured: Captured = { cells: { E3: { value: 50, formula: '=SUM(E4,E7)' }, E8: { value: 99 } } };
    const u = planSheetUpdate({ kind: 'undo' }, backup, captured, NOTES);
    expect(u.ops).toEqual([
      { op: 'format', cell: 'E3', numberFormat: '@' },
      { op: 'write', cell: 'E3', content: { value: '19,5' } },
      { op: 'format', cell: 'E3', numberFormat: 'General' },
    ]);
    expect(u.restored).toEqual(['E3']);
    expect(u.leftAlone).toEqual(['E8']);
    expect(u.backup!.writes).toEqual({});
    expect(u.backup!.marks.F25).toBeDefined();
  });

  test('a tinted fill and no prompt come back; then nothing is left to keep', () => {
    const u = planSheetUpdate(
      { kind: 'clear' },
      { ...backup, writes: {} },
      { cells: { F25: { value: 3, fill: { color: FILL.error } } } },
      { notes: false, prompts: true },
    );
    expect(u.ops).toEqual([
      { op: 'fill', cells: ['F25'], fill: { color: '#4472C4', tintAndShade: 0.6 } },
      { op: 'prompt', cell: 'F25', prompt: null },
    ]);
    expect(u.backup).toBeNull();
  });
});

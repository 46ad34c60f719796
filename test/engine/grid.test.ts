import { GridView, SheetGrid } from '../../src/engine/grid';

const grid: SheetGrid = {
  name: 'Chấm điểm',
  origin: { row: 3, col: 2 },
  // Ragged: the first row is shorter than the second.
  cells: [[{ value: ' Điểm\ntự chấm ' }], [{ value: '19,5' }, { value: 2, text: '02' }, { value: 'ĐIỂM THƯỞNG' }]],
};

describe('GridView', () => {
  const view = new GridView(grid);

  it('reads a cell by absolute coordinates as text, folded text and score', () => {
    expect(view.text(3, 2)).toBe('Điểm tự chấm');
    expect(view.folded(3, 2)).toBe('diem tu cham');
    expect(view.score(4, 2)).toEqual({ kind: 'number', value: 19.5, asText: true, text: '19,5' });
    // The text Excel shows, where the adapter knows it; the stored number for the score.
    expect(view.text(4, 3)).toBe('02');
    expect(view.score(4, 3)).toEqual({ kind: 'number', value: 2, asText: false });
    expect(view.folded(4, 4)).toBe('diem thuong');
  });

  it('gives the same answer the second time, from its memo', () => {
    expect(view.text(3, 2)).toBe(view.text(3, 2));
    expect(view.score(4, 2)).toBe(view.score(4, 2));
  });

  it('reads cells outside the grid, and beyond a short row, as empty', () => {
    for (const [row, col] of [
      [0, 0],
      [3, 1],
      [2, 2],
      [3, 3],
      [5, 2],
      [4, 5],
    ]) {
      expect(view.text(row, col)).toBe('');
      expect(view.folded(row, col)).toBe('');
      expect(view.score(row, col)).toEqual({ kind: 'empty' });
    }
  });

  it('keeps cells apart in a grid wider than one memo block', () => {
    const wide: SheetGrid = {
      name: 'Rộng',
      origin: { row: 0, col: 0 },
      cells: [Array.from({ length: 5000 }, (_, i) => ({ value: `ô ${i}` })), [{ value: 'cuối' }]],
    };
    const v = new GridView(wide);
    expect(v.text(0, 4999)).toBe('ô 4999');
    expect(v.text(1, 0)).toBe('cuối');
    expect(v.text(0, 4096)).toBe('ô 4096');
    expect(v.text(1, 4999)).toBe('');
  });
});

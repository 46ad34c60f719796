import { readScore } from '../../src/engine';
import { scoreValue } from '../../src/engine/numbers';

describe('readScore: numbers as Vietnamese sheets write them', () => {
  it.each([
    [20, 20, false],
    [19.5, 19.5, false],
    [0, 0, false],
    ['02', 2, true],
    ['20', 20, true],
    ['19,5', 19.5, true],
    ['1.000', 1000, true],
    ['12.500', 12500, true],
    ['20 điểm', 20, true],
    ['20 ĐIỂM', 20, true],
    ['20đ', 20, true],
    ['15 đ.', 15, true],
    ['  20\n', 20, true],
    ['\u00a020\u00a0', 20, true],
    ['-5', -5, true],
    ['+5', 5, true],
  ])('%p is the number %p', (input, value, asText) => {
    const s = readScore(input);
    expect(s).toMatchObject({ kind: 'number', value, asText });
    if (s.kind === 'number') {
      expect(s.ambiguous).toBeUndefined();
      expect(s.all).toBeUndefined();
    }
  });

  it('keeps the text as written for a number stored as text', () => {
    expect(readScore('02')).toEqual({ kind: 'number', value: 2, asText: true, text: '02' });
  });

  it.each([
    ['1.5', 1.5],
    ['10.25', 10.25],
    ['1,000', 1],
  ])('%p is read as %p and marked ambiguous', (input, value) => {
    expect(readScore(input)).toMatchObject({ kind: 'number', value, ambiguous: true });
  });

  it.each([
    ['60 20 20', [60, 20, 20]],
    ['60; 20; 20', [60, 20, 20]],
    ['15+5', [15, 5]],
    ['10,5 9,5', [10.5, 9.5]],
    ['20\n20\n20', [20, 20, 20]],
  ])('%p holds several numbers; the first counts', (input, all) => {
    expect(readScore(input)).toMatchObject({ kind: 'number', value: all[0], all, asText: true });
  });

  it('marks several numbers ambiguous when one of them is', () => {
    expect(readScore('1.5 2')).toMatchObject({ kind: 'number', value: 1.5, all: [1.5, 2], ambiguous: true });
  });

  it.each([null, '', '   ', '-', '–', '—', '--', '.', '\n'])('%p is no score', (input) => {
    expect(readScore(input)).toEqual({ kind: 'empty' });
    expect(scoreValue(readScore(input))).toBeUndefined();
  });

  it.each([NaN, Infinity, -Infinity])('%p is no score (never a number that poisons a sum)', (input) => {
    expect(readScore(input)).toEqual({ kind: 'empty' });
  });

  it.each([
    ['đạt', 'đạt'],
    ['Tạm tính', 'Tạm tính'],
    ['đạt 20', 'đạt 20'],
    ['20 điểm 10 việc', '20 điểm 10 việc'],
    ['1.2.3', '1.2.3'],
    ['#VALUE!', '#VALUE!'],
    ['  Hoàn\nthành  ', 'Hoàn thành'],
  ])('%p is text', (input, text) => {
    expect(readScore(input)).toEqual({ kind: 'text', text });
  });

  it('reads booleans as text, never as 1 or 0', () => {
    expect(readScore(true)).toEqual({ kind: 'text', text: 'TRUE' });
    expect(readScore(false)).toEqual({ kind: 'text', text: 'FALSE' });
  });

  it('reads decomposed Unicode units', () => {
    expect(readScore('20 điểm'.normalize('NFD'))).toMatchObject({ kind: 'number', value: 20 });
  });
});

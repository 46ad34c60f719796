import { clean, fold, foldedCodeAt, foldLetters, foldWhole, VARIANTS, wordsPattern } from '../../src/engine/text';

/** The slow, obvious fold: decompose, drop the marks, đ → d. */
const reference = (s: string) =>
  [...s]
    .map((ch) => {
      const lower = ch.toLowerCase();
      if (lower.length !== 1) return ch;
      const bare = lower.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
      return lower === 'đ' ? 'd' : bare.length === 1 ? bare : lower;
    })
    .join('');

describe('foldLetters', () => {
  it('folds every Vietnamese letter, in both cases, to its bare lower-case letter', () => {
    const letters = 'aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵdđ';
    const all = letters + letters.toUpperCase();
    expect(foldLetters(all)).toBe(reference(all));
    expect(foldLetters('ĐIỂM TỰ CHẤM')).toBe('diem tu cham');
  });

  it('keeps one character for one, so offsets carry over, also past its buffer and chunk sizes', () => {
    const long = 'Thực hiện các chủ trương của Đảng; 100/QĐ-UBND ngày 1/2/2022. '.repeat(400);
    expect(long.length).toBeGreaterThan(5000);
    const f = foldLetters(long);
    expect(f.length).toBe(long.length);
    expect(f).toBe(reference(long));
    expect(f.indexOf('qd-ubnd')).toBe(long.indexOf('QĐ-UBND'));
  });

  it('keeps one character for a letter whose lower case is two (İ → i, not i̇)', () => {
    expect(foldLetters('İ Đ')).toBe('i d');
  });

  it('returns ASCII text lower-cased and leaves letters outside Latin as they are', () => {
    expect(foldLetters('TT 1.2')).toBe('tt 1.2');
    expect(foldLetters('Ωμέγα 中文')).toBe('Ωμέγα 中文'.toLowerCase());
  });
});

describe('clean', () => {
  it('composes, collapses odd white space to one space and trims', () => {
    expect(clean(' Đi\u00ea\u0309m  tự\nchấm\u00a0\u200b ')).toBe('Điểm tự chấm'.normalize('NFC'));
    expect(clean('\tA\u2028B\u3000C')).toBe('A B C');
  });

  it('returns clean text as it is', () => {
    const s = 'Điểm tự chấm';
    expect(clean(s)).toBe(s);
  });

  it('passes text over only where the full clean would leave it as it is, for every code unit', () => {
    // The full clean, as `clean` does it when its one-scan test finds something to change (composing only where a
    // combining mark is, as ever).
    const full = (s: string) => (/[\u0300-\u036f]/.test(s) ? s.normalize('NFC') : s).replace(/[\s\u00a0\u200b\u2028\u2029]+/g, ' ').trim();
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      for (const s of [`a${ch}b`, `${ch}b`, `a${ch}`, `a${ch}${ch}b`, `ê${ch}`]) if (clean(s) !== full(s)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('fold is clean, then foldLetters', () => {
    expect(fold('  ĐIỂM\n THƯỞNG ')).toBe('diem thuong');
  });
});

describe('foldLetters and the whole-string fold', () => {
  it('agree on every code unit of the Basic Multilingual Plane outside the surrogates', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const ch = String.fromCharCode(c);
      if (foldLetters(ch) !== foldWhole(ch)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
  });

  it('fold one code unit as foldLetters folds the text it starts (foldedCodeAt)', () => {
    const differ: string[] = [];
    for (let c = 0; c < 0x10000; c++) {
      if (c === 0x03a3 || (c >= 0xd800 && c <= 0xdfff)) continue;
      const s = `${String.fromCharCode(c)}ÊN Tiêu`;
      if (foldedCodeAt(s, 0) !== foldLetters(s).charCodeAt(0)) differ.push(c.toString(16));
    }
    expect(differ).toEqual([]);
    // Letters cased by their neighbours are left as they are: never mistaken for a bare letter.
    expect(foldedCodeAt('Σ', 0)).toBe(0x03a3);
  });

  it('take the whole-string path where case depends on the neighbours', () => {
    expect(foldLetters('ΟΔΟΣ Đường')).toBe('οδος duong');
    expect(foldLetters('ΟΔΟΣ')).toBe('ΟΔΟΣ'.toLowerCase());
    expect(foldLetters('𐐀 Ấ')).toBe('𐐨 a');
  });
});

describe('wordsPattern', () => {
  const words = ['tam tinh', 'du kien', 'cho ket qua', 'tam xep loai'];
  const matcher = wordsPattern(words);
  // What it must answer: the same letters as one Unicode pattern with case-insensitive classes (the costly way to compile).
  const loose = (w: string) => [...w].map((ch) => (ch === ' ' ? '\\s+' : VARIANTS[ch] ? `[${VARIANTS[ch]}]` : ch)).join('');
  const reference = new RegExp(`(?:^|[^\\p{L}\\p{N}])(?:${words.map(loose).join('|')})(?![\\p{L}\\p{N}])`, 'iu');

  it('finds the words in any case and with or without marks, as whole words only', () => {
    expect(matcher.test('Điểm TẠM TÍNH theo kết quả')).toBe(true);
    expect(matcher.test('(dự  kiến)')).toBe(true);
    expect(matcher.test('Chờ kết quả.')).toBe(true);
    expect(matcher.test('tam tinhx')).toBe(false);
    expect(matcher.test('xtam tinh')).toBe(false);
    expect(matcher.test('2tam tinh')).toBe(false);
    expect(matcher.test('Đã có kết quả')).toBe(false);
    // The Kelvin sign folds to k, a letter of another script touches the word, a mark does not.
    expect(matcher.test('du \u212aien')).toBe(true);
    expect(matcher.test('𝐀tam tinh')).toBe(false);
    expect(matcher.test('\u0301tam tinh')).toBe(true);
  });

  it('answers as the Unicode pattern does on random text around the words', () => {
    const pieces = [
      'tam tinh',
      'TẠM TÍNH',
      'tạm  tính',
      'du kiến',
      'DỰ KIẾN',
      'du \u212aien',
      'chờ kết quả',
      'tam xep loai',
      'tam',
      ' ',
      ',',
      '(',
      'x',
      'Đ',
      '9',
      '𝐀',
      '\u0301',
      'ı',
      'İ',
      'ſ',
      'é',
      '中',
    ];
    const differ: string[] = [];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (let n = 0; n < 4000; n++) {
      let s = '';
      for (let k = next() % 5; k >= 0; k--) s += pieces[next() % pieces.length];
      if (matcher.test(s) !== reference.test(s)) differ.push(s);
    }
    expect(differ).toEqual([]);
  });
});

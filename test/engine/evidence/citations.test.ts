import fc from 'fast-check';
import { Citation, citationId, docDate, isoDate, parseCitations } from '../../../src/engine/evidence';
import { clean, foldLetters } from '../../../src/engine/text';

/** A citation as a line: "Kế hoạch 2153/KH-VP 2021-12-31 | issuer". */
function brief(c: Citation): string {
  return `${c.kind} ${c.key}${c.date ? ` ${isoDate(c.date)}${c.date.valid ? '' : '!'}` : ''}${c.issuer ? ` | ${c.issuer}` : ''}`;
}
const parse = (s: string) => parseCitations(s).map(brief);

describe('parseCitations', () => {
  it('reads kind, number and symbol, date and issuer', () => {
    expect(parse('Kết luận số 01-KL/TW ngày 18/5/2021 của Bộ Chính trị về tiếp tục thực hiện')).toEqual([
      'Kết luận 01-KL/TW 2021-05-18 | Bộ Chính trị',
    ]);
  });

  it.each([
    ['Kế hoạch số 2153/KH-VP ngày 31/12/2021', 'Kế hoạch 2153/KH-VP 2021-12-31'],
    ['Kế hoạch số 274-KH/ĐU ngày 31/3/2022', 'Kế hoạch 274-KH/ĐU 2022-03-31'],
    ['Quyết định số 20/2022/QĐ-UBND ngày 01/6/2022', 'Quyết định 20/2022/QĐ-UBND 2022-06-01'],
    ['Quyết định số 94/QĐ-CDVC ngày 05/12/2022', 'Quyết định 94/QĐ-CDVC 2022-12-05'],
    ['Công văn số 1028/TMTH ngày 10/11/2022', 'Công văn 1028/TMTH 2022-11-10'],
    ['Tờ trình số 1495/TTr-VP ngày 31/8/2022', 'Tờ trình 1495/TTr-VP 2022-08-31'],
    ['Nghị quyết số 11/2022/NQ-HĐND ngày 07/7/2022', 'Nghị quyết 11/2022/NQ-HĐND 2022-07-07'],
    ['Thông tư số 12/2019/TT-BNV ngày 04/11/2019', 'Thông tư 12/2019/TT-BNV 2019-11-04'],
    ['Nghị định số 161/2018/NĐ-CP', 'Nghị định 161/2018/NĐ-CP'],
    ['Quy chế phối hợp số 3815/QCPH ngày 24/9/2016', 'Quy chế 3815/QCPH 2016-09-24'],
    ['Thông báo số 08-TB/ĐTN ngày 24/10/2022', 'Thông báo 08-TB/ĐTN 2022-10-24'],
    ['Báo cáo số 1979/BC-VP ngày 11/11/2022', 'Báo cáo 1979/BC-VP 2022-11-11'],
  ])('%s', (text, want) => {
    expect(parse(text)).toEqual([want]);
  });

  it('reads every way of writing a date', () => {
    expect(parse('Quyết định số 02/QĐ-VP ngày 04/01/2022')).toEqual(['Quyết định 02/QĐ-VP 2022-01-04']);
    expect(parse('Quyết định số 02/QĐ-VP ngày 4/1/2022')).toEqual(['Quyết định 02/QĐ-VP 2022-01-04']);
    expect(parse('Quyết định số 02/QĐ-VP ngày 04 tháng 01 năm 2022')).toEqual(['Quyết định 02/QĐ-VP 2022-01-04']);
    expect(parse('Quyết định số 02/QĐ-VP, ngày 4-1-2022')).toEqual(['Quyết định 02/QĐ-VP 2022-01-04']);
    expect(parse('Quyết định số 02/QĐ-VP ngày 04.01.2022')).toEqual(['Quyết định 02/QĐ-VP 2022-01-04']);
  });

  it('reads the kind from the symbol when the text names it earlier or not at all', () => {
    expect(parse('Kế hoạch cải cách hành chính năm 2022 (số 2153/KH-VP ngày 31/12/2021)')).toEqual(['Kế hoạch 2153/KH-VP 2021-12-31']);
    expect(parse('theo 07/CT-TTg ngày 19/3/2014')).toEqual(['Chỉ thị 07/CT-TTg 2014-03-19']);
    expect(parse('Các Quyết định: số 269/QĐ-UBND ngày 07/3/2022; số 661/QĐ-UBND ngày 24/5/2022')).toEqual([
      'Quyết định 269/QĐ-UBND 2022-03-07',
      'Quyết định 661/QĐ-UBND 2022-05-24',
    ]);
  });

  it('takes "số" as optional', () => {
    expect(parse('theo Chỉ thị 07/CT-TTg ngày 19/3/2014 của Thủ tướng Chính phủ về đẩy mạnh')).toEqual([
      'Chỉ thị 07/CT-TTg 2014-03-19 | Thủ tướng Chính phủ',
    ]);
  });

  it('reads several citations in one cell, and two documents under one number in one sentence', () => {
    const cs = parseCitations(
      'Quyết định số 111/QĐ-VP ngày 31/8/2021 và 111/QĐ-VP ngày 19/10/2022. Kế hoạch số 1975/KH-TKT48 ngày 10/11/2022',
    );
    expect(cs.map(brief)).toEqual([
      'Quyết định 111/QĐ-VP 2021-08-31',
      'Quyết định 111/QĐ-VP 2022-10-19',
      'Kế hoạch 1975/KH-TKT48 2022-11-10',
    ]);
    expect(cs.map((c) => c.sentence)).toEqual([0, 0, 1]);
  });

  it('reads decomposed Unicode and text broken over lines', () => {
    const text = 'Ban hành Kế hoạch số\n2025/KH-VP ngày\n17/11/2022 của Văn phòng UBND tỉnh.'.normalize('NFD');
    expect(parse(text)).toEqual(['Kế hoạch 2025/KH-VP 2022-11-17 | Văn phòng UBND tỉnh']);
  });

  it('reads a word between the symbol and the date, and an issuer named before the date', () => {
    expect(parse('Thông báo số 74/TB-UBND tỉnh ngày 24/02/2022 Kết luận của Phó Chủ tịch')).toEqual(['Thông báo 74/TB-UBND 2022-02-24']);
    expect(parse('Quyết định số 5/QĐ-UBND của UBND tỉnh ngày 10/01/2022')).toEqual(['Quyết định 5/QĐ-UBND 2022-01-10 | UBND tỉnh']);
  });

  it('keeps a date the calendar lacks, marked invalid; 29/02 of a leap year is valid', () => {
    expect(parse('Kế hoạch số 5/KH-VP ngày 31/02/2022')).toEqual(['Kế hoạch 5/KH-VP 2022-02-31!']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 29/02/2023')).toEqual(['Kế hoạch 5/KH-VP 2023-02-29!']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 32/1/2022')).toEqual(['Kế hoạch 5/KH-VP 2022-01-32!']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 15/13/2022')).toEqual(['Kế hoạch 5/KH-VP 2022-13-15!']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 29/02/2024')).toEqual(['Kế hoạch 5/KH-VP 2024-02-29']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 29/02/2000')).toEqual(['Kế hoạch 5/KH-VP 2000-02-29']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 29/02/1900')).toEqual(['Kế hoạch 5/KH-VP 1900-02-29!']);
  });

  it('finds nothing in text that cites no document', () => {
    for (const text of [
      'Đảm bảo theo quy định',
      'ban hành hơn 12.400 văn bản, trong đó: 47 Quyết định QPPL; 1.420 Quyết định của UBND tỉnh',
      'từ ngày 01/6/2022, giai đoạn 2021-2025, phòng chống Covid-19, đạt 99,8%',
      'Báo cáo sơ kết thi đua 6 tháng đầu năm 2022',
      'Hội CCB: 20 điểm',
    ]) {
      expect(parse(text)).toEqual([]);
    }
  });

  it('tells one document written two ways', () => {
    const [a, b] = parseCitations('Kết luận số 01-KL/TW; Kết luận 1-kl/TW');
    expect(a.id).toBe(b.id);
  });

  // The reader scans numeric dates by hand for speed; the pattern it stands for is the reference.
  it('reads a numeric date as the pattern (\\d{1,2})\\s*([/.-])\\s*(\\d{1,2})\\s*\\2\\s*(\\d{4})(?!\\d) does', () => {
    const PATTERN = /(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})(?!\d)/y;
    const prefix = 'Kế hoạch số 5/KH-VP ngày ';
    const unit = fc.constantFrom('0', '1', '2', '3', '9', '/', '.', '-', ' ', '\u00a0', '\t', '\u2003', 'x', ',');
    const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom('0', '1', '2', '9'), minLength: min, maxLength: max });
    const white = fc.string({ unit: fc.constantFrom(' ', '\u00a0', '\t', '\u2003'), maxLength: 2 });
    const sep = fc.constantFrom('/', '.', '-', ',');
    // Near-dates, part by part, with each part sometimes wrong; and any string of the characters dates are made of.
    const nearDate = fc
      .tuple(digits(1, 3), white, sep, white, digits(0, 3), white, sep, white, digits(3, 5), fc.string({ unit, maxLength: 2 }))
      .map((parts) => parts.join(''));
    const written = fc.oneof(
      nearDate,
      fc.tuple(fc.constantFrom('0', '1', '4', '9'), fc.string({ unit, maxLength: 16 })).map(([a, b]) => a + b),
    );
    fc.assert(
      fc.property(written, (written) => {
        const folded = foldLetters(clean(prefix + written));
        PATTERN.lastIndex = folded.indexOf('ngay ') + 'ngay '.length;
        const m = PATTERN.exec(folded);
        const c = parseCitations(prefix + written)[0];
        if (!m) return c.date === undefined && c.dateText === undefined;
        expect([c.date, c.dateText]).toEqual([docDate(Number(m[1]), Number(m[3]), Number(m[4])), `${m[1]}/${m[3]}/${m[4]}`]);
        return true;
      }),
      { numRuns: 3000 },
    );
    // Examples of each branch, so that the property is seen to test something.
    expect(parse('Kế hoạch số 5/KH-VP ngày 4 . 1 . 2022')).toEqual(['Kế hoạch 5/KH-VP 2022-01-04']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 4/1-2022')).toEqual(['Kế hoạch 5/KH-VP']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 4/1/20221')).toEqual(['Kế hoạch 5/KH-VP']);
    expect(parse('Kế hoạch số 5/KH-VP ngày 114/1/2022')).toEqual(['Kế hoạch 5/KH-VP']);
  });

  // citationId spares most keys the normalisation and the upper-casing; the plain definition is the reference.
  it('gives a key the id its NFC, upper-cased form without leading zeros is', () => {
    const unit = fc.constantFrom('0', '1', '7', '/', '-', 'K', 'H', 'k', 'h', 'Đ', 'đ', 'D\u0323', 'Ư', 'ư', 'U\u031b', 'ß', 'ǆ');
    fc.assert(
      fc.property(fc.string({ unit, minLength: 1, maxLength: 12 }), (key) => {
        expect(citationId(key)).toBe(
          key
            .normalize('NFC')
            .toUpperCase()
            .replace(/^0+(?=\d)/, ''),
        );
      }),
      { numRuns: 2000 },
    );
    expect([citationId('01-KL/TW'), citationId('1-kl/tw'), citationId('5/QĐ-UBND'), citationId('5/qđ-ubnd')]).toEqual([
      '1-KL/TW',
      '1-KL/TW',
      '5/QĐ-UBND',
      '5/QĐ-UBND',
    ]);
  });
});

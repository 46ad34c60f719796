import { inferTemplate, matchTemplate, similarity, wordingOf } from '../../../src/engine';
import { check, checkBody } from '../../helpers/check';
import { Row, validBody, VALID_MERGES, table } from '../../helpers/grid';
import { validTemplate } from './helpers';

function matchOf(body: Row[]) {
  const r = check(table(body, { merges: VALID_MERGES }), { template: validTemplate() });
  return { report: r, pairs: Object.fromEntries(r.criteria.map((c) => [c.id, c.template ?? null])) };
}

describe('matching a sheet to a template', () => {
  it('pairs every criterion of the sheet the template was made from, and reports the pairs', () => {
    const { report, pairs } = matchOf(validBody());
    expect(pairs).toEqual({
      '1': '1',
      '1.1': '1.1',
      '1.1.1': '1.1.1',
      '1.1.2': '1.1.2',
      '1.2': '1.2',
      '2': '2',
      '2.1': '2.1',
      total: null,
    });
    expect(report.template).toMatchObject({ id: 'khoi-thu-nghiem-2022', missing: [], extra: [] });
    expect(report.template!.matches).toContainEqual({ criterion: '1.1.2', row: 5, template: '1.1.2', similarity: 1 });
  });

  it('follows the text, not the numbering, when items are swapped and renumbered', () => {
    const body = validBody();
    // Nội dung 1's mục 1 and 2 swap places and numbers: the text still finds its template row.
    const swapped: Row[] = [
      body[0],
      ['1', 'Công tác cải cách hành chính', 20, null, 20, null, 'KH số 56/KH-VP'],
      ['2', ...body[1].slice(1)],
      ['2.1', ...body[2].slice(1)],
      ['2.2', ...body[3].slice(1)],
      ...body.slice(5),
    ];
    const { report, pairs } = matchOf(swapped);
    expect(pairs['1.1']).toBe('1.2');
    expect(pairs['1.2']).toBe('1.1');
    expect(pairs['1.2.1']).toBe('1.1.1');
    expect(report.template).toMatchObject({ missing: [], extra: [] });
  });

  it('survives a small change of wording', () => {
    const body = validBody();
    body[2] = ['1.1', 'Lãnh đạo, chỉ đạo triển khai các nhiệm vụ', 20, null, 20, null, 'BC số 12/BC-VP'];
    expect(matchOf(body).pairs['1.1.1']).toBe('1.1.1');
  });

  it('uses numbering to break a tie between two rows of the same wording', () => {
    const template = validTemplate();
    template.sections[0].criteria[1].text = 'Công tác chung';
    template.sections[0].criteria[0].text = 'Công tác chung';
    const r = checkBody(
      [
        ['Nội dung 1: Thực hiện nhiệm vụ chuyên môn', null, 50, 5, 50, 5],
        ['2', 'Công tác chung', 20, null, 20, null, 'KH 1'],
        ['1', 'Công tác chung', 30, 5, 30, 5, 'KH 2'],
      ],
      { template },
    );
    expect(r.criteria.filter((c) => c.kind === 'item').map((c) => [c.tt, c.template])).toEqual([
      ['2', '1.2'],
      ['1', '1.1'],
    ]);
  });

  it('scores similarity on folded words and compares wording without spacing, case or punctuation', () => {
    expect(similarity('Công tác  THI ĐUA, khen thưởng', 'cong tac thi dua khen thuong')).toBe(1);
    expect(similarity('Công tác thi đua', 'Quốc phòng an ninh')).toBe(0);
    // A text cut short still resembles the whole, a little less than the same words would.
    expect(similarity('Xếp loại tổ chức đảng', 'Xếp loại tổ chức đảng: Xuất sắc (20 điểm); Tốt (15 điểm); Đạt (10 điểm)')).toBe(0.8);
    expect(similarity('Công tác', 'Công tác thi đua khen thưởng năm nay')).toBeLessThan(0.5);
    expect(wordingOf('Công tác:  THI ĐUA – khen thưởng.')).toBe(wordingOf('công tác thi đua khen thưởng'));
    expect(wordingOf('hòa')).not.toBe(wordingOf('hoa'));
  });

  it('leaves criteria unmatched when nothing in their section is alike', () => {
    const m = matchTemplate(checkBody([['1', 'Một việc hoàn toàn khác', 20, null, 20, null, 'x']]).criteria, validTemplate());
    expect(m.extra.map((c) => c.id)).toEqual(['1']);
    expect(m.missing.length).toBe(7);
  });
});

describe('matching a long sheet', () => {
  it('still pairs every reworded row with its own when there are too many pairs to compare all', () => {
    const topics = [
      'quản lý',
      'thi đua',
      'khen thưởng',
      'cải cách',
      'hành chính',
      'phòng chống',
      'tham nhũng',
      'dân vận',
      'an ninh',
      'quốc phòng',
    ];
    const body = (suffix: string): Row[] => [
      ['Nội dung 1: Công tác chung', null, 6000, 0, 6000, 0],
      ...Array.from({ length: 600 }, (_, i): Row => [
        String(i + 1),
        `Công tác ${topics[i % 10]} ${topics[(i * 3) % 10]} đợt ${i + 1}${suffix}`,
        10,
        null,
        10,
        null,
        'QĐ số 1/QĐ',
      ]),
    ];
    const template = inferTemplateFrom(body(''));
    const r = checkBody(body(' trong năm'), { template }); // 600 × 600 pairs, all reworded
    expect(r.template).toMatchObject({ missing: [], extra: [] });
    expect(r.criteria.filter((c) => c.kind === 'item').every((c) => c.template === c.id)).toBe(true);
  });
});

function inferTemplateFrom(body: Row[]) {
  return inferTemplate(checkBody(body), { year: 2022 });
}

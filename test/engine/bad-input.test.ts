import { checkSheet, hasScoringTable, sayer, UserError } from '../../src/engine';
import { QUOTE_MAX } from '../../src/engine/text';
import { defineRule } from '../../src/engine/rules/rule';
import { grid, HEADER, Row, set, table, validBody } from '../helpers/grid';

describe('bad input', () => {
  it('refuses an empty sheet with a Vietnamese message naming the sheet', () => {
    const g = grid([], { name: 'Trang trống' });
    expect(hasScoringTable(g)).toBe(false);
    expect(() => checkSheet(g)).toThrow(UserError);
    expect(() => checkSheet(g)).toThrow(
      'Trang “Trang trống” không có bảng chấm điểm: không tìm thấy dòng tiêu đề có các cột TT, Tiêu chí, Điểm chuẩn, Điểm tự chấm.',
    );
  });

  it('refuses a sheet without a header row', () => {
    const g = grid([['Danh sách cán bộ'], ['1', 'Nguyễn Văn A', 20], ['2', 'Trần Thị B', 30]]);
    expect(() => checkSheet(g)).toThrow(UserError);
  });

  it('refuses a header without a criterion column, or without any score column', () => {
    expect(() =>
      checkSheet(
        grid([
          ['TT', 'Điểm chuẩn', 'Điểm tự chấm', 'Ghi chú'],
          ['1', 20, 20],
        ]),
      ),
    ).toThrow(UserError);
    expect(() =>
      checkSheet(
        grid([
          ['TT', 'Tiêu chí', 'Ghi chú', 'Giải trình'],
          ['1', 'Chuyên môn'],
        ]),
      ),
    ).toThrow(UserError);
  });

  it('refuses a header further down than the first 60 rows', () => {
    const rows: Row[] = [...Array.from({ length: 70 }, () => ['ghi chú'] as Row), HEADER, ...validBody()];
    expect(() => checkSheet(grid(rows))).toThrow(UserError);
  });

  it('checks a 10,000-row sheet to the end', () => {
    const body: Row[] = [['Nội dung 1: Rất nhiều mục', null, 10000, null, 9999]];
    for (let i = 1; i <= 10000; i++) body.push([String(i), `Tiêu chí số ${i}`, 1, null, i === 5000 ? 0 : 1, null, `Báo cáo số ${i}/BC`]);
    body.push(['TỔNG CỘNG', null, 10000, null, 9999]);
    const r = checkSheet(table(body));
    expect(r.criteria).toHaveLength(10002);
    expect(r.findings).toEqual([]);
    expect(r.summary.map((s) => s.tuCham)).toEqual([9999, 9999]);
    expect(checkSheet(table(set(body, 10004, 'E', 9998))).findings.map((f) => f.cell)).toEqual(['E10004']);
  });

  it('copes with a 5,000-character cell: messages stay short and name the cell', () => {
    const long = 'Ban hành kế hoạch và triển khai thực hiện nhiệm vụ '.repeat(100).slice(0, 5000);
    expect(long).toHaveLength(5000);
    let body = set(validBody(), 5, 'F', long);
    body = set(body, 6, 'B', long);
    body = set(body, 7, 'G', long);
    const r = checkSheet(table(body));
    const f = r.findings.find((x) => x.rule === 'not-a-number')!;
    expect(f.cell).toBe('F5');
    expect(f.message.length).toBeLessThan(200);
    expect(r.criteria.map((c) => c.id)).toContain('1.1.2');
    for (const x of r.findings) expect(x.message.length).toBeLessThan(300);
  });

  it('takes a 5,000-character cell in the header row for text, not for a header', () => {
    const long = 'Nội dung '.repeat(600);
    const rows: Row[] = [[long], HEADER, ...validBody()];
    expect(checkSheet(grid(rows)).table.headerRow).toBe(1);
  });

  it('reads ragged rows, numbers where text is expected and error values', () => {
    const body: Row[] = [
      [1, 'Chuyên môn', 20, null, '#REF!', null, 'Báo cáo số 1/BC'],
      [2, 42, 10, null, 10],
      ['TỔNG CỘNG', null, 30, null, 10],
    ];
    const r = checkSheet(table(body));
    expect(r.criteria.map((c) => c.id)).toEqual(['1', '2', 'total']);
    expect(r.findings.map((f) => `${f.rule}@${f.cell}`)).toEqual(['not-a-number@E3', 'missing-evidence@G4']);
  });
});

describe('messages quote a cell at most QUOTE_MAX characters', () => {
  it('a rule’s message quotes any text of its data cut short, and the data keeps it whole', () => {
    const text = `Báo cáo ${'rất dài '.repeat(100)}`;
    const rule = defineRule<{ quote: { text: string } }>()({
      meta: { code: 'probe', severity: 'info', title: 'Thử', description: 'Quy tắc thử.', tags: ['evidence'] },
      messages: { quote: (d) => `“${d.text}”.` },
      check: () => undefined,
    });
    const f = rule.finding({ row: 4, col: 4 }, 'quote', { text }, sayer(() => undefined)());
    expect(f.data.text).toBe(text);
    const quoted = /“(.*)”/.exec(f.message)![1];
    expect(quoted.length).toBeLessThanOrEqual(QUOTE_MAX + 1);
    expect(quoted.endsWith('…')).toBe(true);
    expect(text.startsWith(quoted.slice(0, -1))).toBe(true);
  });

  it('long texts in the criterion, score and evidence columns are never quoted whole', () => {
    const long = (head: string) => `${head} ${'các nhiệm vụ được giao trong năm theo kế hoạch của khối '.repeat(30)}`;
    const body = validBody();
    body[1][1] = long('Tiêu chí');
    body[1][4] = long('1.5');
    body[2][4] = long('Tạm tính');
    body[2][6] = long('Đảm bảo theo quy định');
    body[3][5] = long('60 20 20');
    const r = checkSheet(table(body));
    expect(r.findings.length).toBeGreaterThan(3);
    const texts = body.flat().filter((v): v is string => typeof v === 'string' && v.length > QUOTE_MAX);
    for (const f of r.findings) {
      for (const t of texts) {
        for (let i = 0; i + QUOTE_MAX + 1 <= t.length; i += 7) {
          expect([f.rule, f.message.includes(t.slice(i, i + QUOTE_MAX + 1))]).toEqual([f.rule, false]);
        }
      }
    }
  });
});

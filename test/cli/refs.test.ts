import { readFileSync } from 'fs';
import * as path from 'path';
import { set, table, validBody } from '../helpers/grid';
import { FIXTURES } from '../helpers/expected';
import { expectRefused, run } from '../helpers/cli';
import { useTempDir, writeXlsx } from '../helpers/xlsx';

const dir = useTempDir();
const fixture = (name: string) => path.join(FIXTURES, `${name}.xlsx`);

describe('thidua refs', () => {
  it('lists the documents of the converted seed by kind, with dates, issuers and cells, the conflict marked; exit 0', async () => {
    const r = await run('refs', fixture('seed-2022-converted'));
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    const lines = r.out.split('\n');
    expect(lines[0]).toBe(`Tệp: ${fixture('seed-2022-converted')}`);
    expect(r.out).toMatch(/Trang “Chấm điểm”: \d+ văn bản được dẫn ở \d+ chỗ trong cột giải trình, năm 2022\./);
    expect(lines).toContain('  Kế hoạch (12):');
    expect(lines).toContain(
      '    số 2153/KH-VP: ngày 31/12/2021 (G11); ngày 29/12/2022 (G22)  ⚠ cùng số, ký hiệu nhưng ghi ngày khác nhau [citation-conflict]',
    );
    expect(lines).toContain(
      '    số 111/QĐ-VP: ngày 31/08/2021 (F14); ngày 19/10/2022 (F14)  (hai văn bản cùng số, ký hiệu, được nêu cùng một câu)',
    );
    expect(lines).toContain('    số 01-KL/TW: ngày 18/05/2021 (G28) — Bộ Chính trị');
    expect(lines).toContain('    ! G22: Kế hoạch số 2153/KH-VP ghi ngày 29/12/2022, nhưng ở G11 ghi ngày 31/12/2021.');
    expect(lines[lines.length - 1]).toMatch(/^Tổng: \d+ văn bản, 1 văn bản ghi ngày khác nhau\.$/);
  });

  it('gives JSON: per sheet its documents and its conflicts', async () => {
    const r = await run('refs', fixture('seed-2022-typed'), '--format', 'json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.file).toBe(fixture('seed-2022-typed'));
    const [sheet] = json.sheets;
    expect(sheet.name).toBe('Chấm điểm');
    expect(sheet.documents.find((d: { key: string }) => d.key === '2153/KH-VP')).toEqual({
      kind: 'Kế hoạch',
      key: '2153/KH-VP',
      dates: ['2021-12-31', '2022-12-29'],
      issuer: null,
      cells: ['G10', 'G19'],
      mentions: [
        { cell: 'G10', date: '2021-12-31' },
        { cell: 'G19', date: '2022-12-29' },
      ],
      conflict: true,
    });
    expect(sheet.conflicts.map((c: { cell: string }) => c.cell)).toEqual(['G19']);
  });

  it('says so when the evidence cites nothing, and never changes the file', async () => {
    const body = validBody().map((row) => row.slice(0, 6));
    const file = await writeXlsx(path.join(dir(), 'khong-van-ban.xlsx'), [{ grid: table(body) }]);
    const before = readFileSync(file);
    const r = await run('refs', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Cột giải trình không dẫn văn bản nào (số, ký hiệu, ngày ban hành).');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('checks across sheets: one document with another date on another sheet', async () => {
    const file = await writeXlsx(path.join(dir(), 'hai-trang.xlsx'), [
      { grid: table(set(validBody(), 6, 'G', 'Kế hoạch số 2153/KH-VP ngày 31/12/2021'), { name: 'Đơn vị A' }) },
      { grid: table(set(validBody(), 6, 'G', 'Kế hoạch số 2153/KH-VP ngày 29/12/2022'), { name: 'Đơn vị B' }) },
    ]);
    const refs = await run('refs', file);
    expect(refs.out).toContain('    ! G6: Kế hoạch số 2153/KH-VP ghi ngày 29/12/2022, nhưng ở trang “Đơn vị A”, ô G6 ghi ngày 31/12/2021.');
    const check = JSON.parse((await run('check', file, '--format', 'json')).out);
    expect(
      check.findings
        .filter((f: { rule: string }) => f.rule === 'citation-conflict')
        .map((f: { sheet: string; cell: string }) => `${f.sheet}!${f.cell}`),
    ).toEqual(['Đơn vị B!G6']);
  });

  it('takes --year over the title, for refs and for check', async () => {
    const file = await writeXlsx(path.join(dir(), 'nam.xlsx'), [{ grid: table(validBody()) }]);
    const json = JSON.parse((await run('refs', file, '--year', '2023', '--format', 'json')).out);
    expect(json.sheets[0].year).toBe(2023);
    const check = JSON.parse((await run('check', file, '--year', '2023', '--format', 'json')).out);
    expect(
      check.findings.filter((f: { rule: string }) => f.rule === 'citation-out-of-period').map((f: { cell: string }) => f.cell),
    ).toEqual(['G6', 'G7']);
  });

  it('refuses a bad --year or --format, and a missing sheet, with exit 2', async () => {
    expectRefused(await run('refs', fixture('seed-2022-typed'), '--year', '22'), /--year nhận một năm bốn chữ số/);
    expectRefused(await run('refs', fixture('seed-2022-typed'), '--format', 'csv'), /--format nhận “text” hoặc “json”/);
    expectRefused(await run('refs', fixture('seed-2022-typed'), '--sheet', 'Không có'), /không có trang “Không có”/);
    expectRefused(await run('refs', fixture('seed-2022-typed'), '--values'), /Lệnh “refs” không có tuỳ chọn “--values”/);
  });

  it('is in the help', async () => {
    const r = await run('--help');
    expect(r.out).toContain('thidua refs TỆP.xlsx [--sheet TÊN] [--format text|json] [--year NĂM]');
  });
});

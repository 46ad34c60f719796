import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { parseTemplateJson, Template } from '../../src/engine';
import { expectRefused, run } from '../helpers/cli';
import { compare, FIXTURE_NAMES, FIXTURES, FoundItem, loadExpected } from '../helpers/expected';
import { TEMPLATE_RULES } from '../helpers/template';
import { useTempDir } from '../helpers/xlsx';

const dir = useTempDir();
const fixture = (name: string) => path.join(FIXTURES, `${name}.xlsx`);

interface JsonReport {
  findings: (FoundItem & { messageId: string; message: string; data: Record<string, unknown> })[];
  sheets: { template: { matches: { criterion: string; template: string }[]; missing: string[]; extra: string[] } | null }[];
}

async function checkJson(file: string, template: string): Promise<{ code: number; report: JsonReport }> {
  const r = await run('check', file, '--template', template, '--format', 'json');
  expect(r.err).toBe('');
  return { code: r.code, report: JSON.parse(r.out) as JsonReport };
}

const templateFindings = (report: JsonReport) =>
  report.findings.filter((f) => TEMPLATE_RULES.includes(f.rule)).map((f) => `${f.rule}@${f.cell}`);

/** A copy of the typed fixture, changed by `edit` on its one sheet. */
async function changedCopy(name: string, source: string, edit: (ws: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(fixture(source));
  edit(wb.worksheets[0]);
  const out = path.join(dir(), `${name}.xlsx`);
  await wb.xlsx.writeFile(out);
  return out;
}

describe('thidua template, then check --template', () => {
  let templateFile: string;

  beforeAll(async () => {
    templateFile = path.join(dir(), 'mau.json');
    const r = await run(
      'template',
      fixture('seed-2022-typed'),
      '-o',
      templateFile,
      '--bloc',
      'Khối các cơ quan Tham mưu - Tổng hợp tỉnh Quảng Ngãi',
    );
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Khối các cơ quan Tham mưu - Tổng hợp tỉnh Quảng Ngãi — năm 2022, 3 nội dung, 31 tiêu chí');
  });

  it('writes a template that parses, with the seed’s caps, tiers and mục 7 composite', () => {
    const parsed = parseTemplateJson(readFileSync(templateFile, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
    const t: Template = parsed.template;
    expect(t.year).toBe(2022);
    expect(t.sections.map((s) => [s.diemChuan, s.diemThuong])).toEqual([
      [650, 30],
      [200, 10],
      [100, 10],
    ]);
    expect(t.sections[1].criteria[5].tiers).toEqual([20, 15, 10, 0]);
    expect(t.sections[1].criteria[6].composite?.parts.map((p) => p.name)).toEqual(['Công đoàn', 'Đoàn thanh niên', 'Hội Cựu chiến binh']);
  });

  it.each(FIXTURE_NAMES)('finds in %s what the fixture expects, and no template finding', async (name) => {
    for (const ref of [templateFile, 'builtin:quang-ngai-2022']) {
      const { code, report } = await checkJson(fixture(name), ref);
      expect(code).toBe(1);
      expect(compare(loadExpected(name), report.findings)).toEqual({ misses: [], falses: [] });
      expect(templateFindings(report)).toEqual([]);
      expect(report.sheets[0].template).toMatchObject({ missing: [], extra: [] });
      expect(report.sheets[0].template!.matches).toHaveLength(34); // 3 sections and 31 criteria
    }
  });

  it('finds standard-changed where mục 1.3’s standard was raised to 300', async () => {
    const file = await changedCopy('chuan-300', 'seed-2022-typed', (ws) => {
      ws.getCell('C10').value = 300;
    });
    const { report } = await checkJson(file, templateFile);
    expect(templateFindings(report)).toEqual(['standard-changed@C10']);
    const f = report.findings.find((x) => x.rule === 'standard-changed')!;
    expect(f.data).toMatchObject({ sheet: 300, template: 250, node: '1.1.3' });
    expect(f.message).toContain('mẫu (Nội dung 1, mục 1.3) quy định 250');
  });

  it('finds criterion-missing where a criterion was deleted', async () => {
    const file = await changedCopy('xoa-muc', 'seed-2022-typed', (ws) => ws.spliceRows(13, 1)); // mục 2.2 of Nội dung 1
    const { report } = await checkJson(file, templateFile);
    expect(templateFindings(report)).toEqual(['criterion-missing@B11']);
    expect(report.findings.find((x) => x.rule === 'criterion-missing')!.data.template).toBe('1.2.2');
  });

  it.each(FIXTURE_NAMES)('finds no template finding in %s with the items of Nội dung 3 renumbered backwards', async (name) => {
    const rows = name === 'seed-2022-typed' ? [32, 39] : [37, 46];
    const file = await changedCopy(`danh-so-lai-${name}`, name, (ws) => {
      let n = 8;
      for (let r = rows[0]; r <= rows[1]; r++) if (ws.getCell(`A${r}`).value !== null) ws.getCell(`A${r}`).value = n--;
      expect(n).toBe(0);
    });
    const { report } = await checkJson(file, templateFile);
    expect(templateFindings(report)).toEqual([]);
    const pairs = report.sheets[0].template!.matches.filter((m) => m.template.startsWith('3.'));
    // The item now numbered 8 is the template's mục 1, by its words.
    expect(pairs).toContainEqual(expect.objectContaining({ criterion: '3.8', template: '3.1' }));
  });
});

describe('thidua template and --template refuse bad input', () => {
  it('refuses a malformed template with the bad field’s path, exit 2', async () => {
    const t = JSON.parse(
      readFileSync(path.join(__dirname, '../../src/engine/template/builtin/quang-ngai-tham-muu-tong-hop-2022.json'), 'utf8'),
    );
    t.sections[1].criteria[3].diemChuan = 'hai mươi';
    const bad = path.join(dir(), 'hong.json');
    writeFileSync(bad, JSON.stringify(t));
    expectRefused(
      await run('check', fixture('seed-2022-typed'), '--template', bad),
      /“hong\.json” không hợp lệ: sections\[1\]\.criteria\[3\]\.diemChuan: phải là số/,
    );
  });

  it('refuses a template that is not JSON, one that does not exist, and an unknown built-in', async () => {
    const notJson = path.join(dir(), 'khong-phai.json');
    writeFileSync(notJson, '{ "version": 1, ');
    expectRefused(await run('check', fixture('seed-2022-typed'), '--template', notJson), /không phải JSON hợp lệ/);
    expectRefused(
      await run('check', fixture('seed-2022-typed'), '--template', path.join(dir(), 'khong-co.json')),
      /Không tìm thấy tệp mẫu/,
    );
    expectRefused(
      await run('check', fixture('seed-2022-typed'), '--template', 'builtin:ha-noi-2030'),
      /Các mẫu có sẵn: builtin:quang-ngai/,
    );
  });

  it('never writes the template over the workbook, and needs -o', async () => {
    expectRefused(await run('template', fixture('seed-2022-typed'), '-o', fixture('seed-2022-typed')), /không bao giờ ghi đè tệp gốc/);
    expectRefused(await run('template', fixture('seed-2022-typed')), /Thiếu tệp mẫu ra/);
  });

  it('refuses a year that is not one', async () => {
    const out = path.join(dir(), 'nam.json');
    expectRefused(await run('template', fixture('seed-2022-typed'), '-o', out, '--year', 'hai nghìn'), /--year cần một năm/);
    expect(existsSync(out)).toBe(false);
  });
});

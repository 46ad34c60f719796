import { copyFileSync, mkdirSync, writeFileSync } from 'fs';
import * as path from 'path';
import { set, table, validBody, validTable } from '../helpers/grid';
import { compare, FIXTURE_NAMES, FIXTURES, loadExpected } from '../helpers/expected';
import { expectRefused, run } from '../helpers/cli';
import { useTempDir, writeXlsx } from '../helpers/xlsx';

const dir = useTempDir();

const fixture = (name: string) => path.join(FIXTURES, `${name}.xlsx`);

describe.each(FIXTURE_NAMES)('thidua check %s', (name) => {
  const exp = loadExpected(name);

  it('prints a Vietnamese report and exits 1 (the fixture has errors)', async () => {
    const r = await run('check', fixture(name));
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toContain('Trang “Chấm điểm”: bảng ở A5:G5');
    expect(r.out).toMatch(/Lỗi \(\d+\):/);
    expect(r.out).toContain('Nội dung 2 ghi 200 điểm tự chấm, cộng các mục được 195. [total-mismatch]');
    expect(r.out).toContain('TỔNG CỘNG: 950 / 50 / 945 / 57');
    expect(r.out).toMatch(/Kết quả: \d+ lỗi, \d+ cảnh báo, \d+ lưu ý\.$/);
  });

  it('prints JSON that meets the expected findings, and exits 1', async () => {
    const r = await run('check', fixture(name), '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.file).toBe(fixture(name));
    expect(report.sheets.map((s: { name: string; header: string }) => [s.name, s.header])).toEqual([['Chấm điểm', exp.header]]);
    expect(compare(exp, report.findings)).toEqual({ misses: [], falses: [] });
    for (const f of report.findings)
      expect(f).toEqual(
        expect.objectContaining({
          sheet: 'Chấm điểm',
          rule: expect.any(String),
          messageId: expect.any(String),
          data: expect.any(Object),
          message: expect.any(String),
        }),
      );
  });

  it('tells no totals will be values with --values', async () => {
    const r = await run('check', fixture(name), '--values', '--format', 'json');
    expect(JSON.parse(r.out).findings.filter((f: { rule: string }) => f.rule === 'total-as-value')).toEqual([]);
  });

  it('takes --format=json and --sheet NAME', async () => {
    const r = await run('check', fixture(name), '--format=json', '--sheet', 'Chấm điểm');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).sheets).toHaveLength(1);
  });
});

describe('thidua check on sheets of its own', () => {
  it('exits 0 on a clean sheet', async () => {
    const file = await writeXlsx(path.join(dir(), 'sach.xlsx'), [{ grid: validTable() }]);
    const r = await run('check', file);
    expect(r).toMatchObject({ code: 0, err: '' });
    expect(r.out).toContain('Không thấy lỗi nào.');
    expect(r.out).toContain('Kết quả: 0 lỗi, 0 cảnh báo, 0 lưu ý.');
  });

  it('exits 0 when there are only warnings', async () => {
    const file = await writeXlsx(path.join(dir(), 'canh-bao.xlsx'), [{ grid: table(set(validBody(), 5, 'G', 'Tạm tính')) }]);
    const r = await run('check', file);
    expect(r.code).toBe(0);
    expect(r.out).toContain('[provisional]');
  });

  it('checks every sheet with a table, skips the others, and reports each', async () => {
    const file = await writeXlsx(path.join(dir(), 'nhieu-trang.xlsx'), [
      { grid: { name: 'Hướng dẫn', origin: { row: 0, col: 0 }, cells: [[{ value: 'Cách chấm điểm' }]] } },
      { grid: validTable({ name: 'Phòng A' }) },
      { grid: table(set(validBody(), 5, 'E', 25), { name: 'Phòng B' }) },
      { grid: table(set(validBody(), 5, 'E', 99), { name: 'Ẩn' }), state: 'hidden' },
    ]);
    const r = await run('check', file, '--format', 'json');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.out);
    expect(report.sheets.map((s: { name: string }) => s.name)).toEqual(['Phòng A', 'Phòng B']);
    expect(report.findings.filter((f: { rule: string }) => f.rule === 'over-cap')).toEqual([
      expect.objectContaining({ sheet: 'Phòng B', cell: 'E5' }),
    ]);
    const onlyA = await run('check', file, '--sheet', 'Phòng A');
    expect(onlyA.code).toBe(0);
    expect(onlyA.out).toContain('Trang “Phòng A”');
    expect(onlyA.out).not.toContain('Phòng B');
  });

  it('prints its usage for --help and exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('thidua check TỆP.xlsx');
  });
});

describe('thidua refuses bad input: exit 2, one Vietnamese line, no stack', () => {
  it('a missing file', async () => {
    expectRefused(await run('check', path.join(dir(), 'khong-co.xlsx')), /Không tìm thấy tệp “.*khong-co\.xlsx”\./);
  });

  it('a .csv renamed to .xlsx', async () => {
    const file = path.join(dir(), 'bang.xlsx');
    writeFileSync(file, 'TT,Tiêu chí,Điểm chuẩn\n1,Chuyên môn,20\n');
    expectRefused(await run('check', file), /không phải tệp Excel \.xlsx/);
  });

  it('a corrupt zip', async () => {
    const file = path.join(dir(), 'hong.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 7)]));
    expectRefused(await run('check', file), /bị hỏng hoặc không phải \.xlsx hợp lệ/);
  });

  it('an old .xls (or a password-protected workbook)', async () => {
    const file = path.join(dir(), 'cu.xlsx');
    writeFileSync(file, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(200)]));
    expectRefused(await run('check', file), /bảng tính Excel cũ \(\.xls\) hoặc đã đặt mật khẩu/);
  });

  it('a directory', async () => {
    const d = path.join(dir(), 'thu-muc.xlsx');
    mkdirSync(d, { recursive: true });
    expectRefused(await run('check', d), /là một thư mục/);
  });

  it('a workbook with no scoring table', async () => {
    const file = await writeXlsx(path.join(dir(), 'khong-bang.xlsx'), [
      {
        grid: {
          name: 'Danh sách',
          origin: { row: 0, col: 0 },
          cells: [
            [{ value: 'Họ tên' }, { value: 'Đơn vị' }],
            [{ value: 'Nguyễn Văn A' }, { value: 'Phòng 1' }],
          ],
        },
      },
    ]);
    expectRefused(await run('check', file), /không có bảng chấm điểm/);
  });

  it('a named sheet with no scoring table', async () => {
    const file = await writeXlsx(path.join(dir(), 'ten-trang.xlsx'), [
      { grid: { name: 'Ghi chú', origin: { row: 0, col: 0 }, cells: [[{ value: 'ghi chú' }]] } },
      { grid: validTable() },
    ]);
    expectRefused(await run('check', file, '--sheet', 'Ghi chú'), /Trang “Ghi chú” không có bảng chấm điểm/);
  });

  it('an unknown sheet, listing the sheets there are', async () => {
    expectRefused(
      await run('check', fixture('seed-2022-typed'), '--sheet', 'Trang 9'),
      /không có trang “Trang 9”\. Các trang: “Chấm điểm”\./,
    );
  });

  it('an unknown flag', async () => {
    expectRefused(await run('check', fixture('seed-2022-typed'), '--nhanh'), /không có tuỳ chọn “--nhanh”/);
  });

  it('an unknown --format', async () => {
    expectRefused(await run('check', fixture('seed-2022-typed'), '--format', 'xml'), /--format nhận “text” hoặc “json”/);
  });

  it('an unknown command, and no file', async () => {
    expectRefused(await run('kiem', 'a.xlsx'), /Không có lệnh “kiem”/);
    expectRefused(await run('check'), /Thiếu tên tệp \.xlsx/);
  });

  it('fix without -o', async () => {
    const input = path.join(dir(), 'vao.xlsx');
    copyFileSync(fixture('seed-2022-typed'), input);
    expectRefused(await run('fix', input), /Thiếu tệp ra/);
  });
});

/**
 * `thidua tonghop` on a test bloc of eight units (test/helpers/bloc.ts). Every expected number below is worked out by
 * hand from the changes each unit makes to the clean seed (main items 945, bonus items 48, TỔNG CỘNG 993):
 *
 * | unit                   | self (stated TỔNG CỘNG)      | checked (items, held to caps)          | Khối chấm | ranked on |
 * | Sở Nội vụ              | 945 + 48 = 993               | 993                                    |           | 993       |
 * | Sở Tài chính           | 935 + 48 = 983               | 945 − 10 = 935, + 48 = 983             |           | 983       |
 * | Sở Tư pháp             | 955 + 48 = 1003              | 1.2: 60 held to 50 → 945 + 48 = 993    |           | 993       |
 * | Sở Kế hoạch và Đầu tư  | 960 (stated) + 48 = 1008     | 945 − 5 = 940, + 48 = 988              |           | 988       |
 * | Sở Y tế                | 935 + 51 = 986               | 935 + (bonus 5 held to 2) 48 = 983     |           | 983       |
 * | Sở Giáo dục và Đào tạo | 993                          | 993                                    | 930 + 45  | 975       |
 * | Sở Xây dựng            | 935 + 48 = 983               | 983                                    | 990       | 990       |
 * | Sở Công Thương         | 945 (stated) + 48 = 993      | 2.2 is text → 0: 935 + 48 = 983        |           | 983       |
 *
 * Ranks on the ranked score (competition ranking): 993 ×2 → 1, 990 → 3, 988 → 4, 983 ×3 → 5, 975 → 8.
 * Ranks on self-scores: 1008 → 1, 1003 → 2, 993 ×3 → 3, 986 → 6, 983 ×2 → 7.
 */
import { execFile } from 'child_process';
import ExcelJS from 'exceljs';
import { existsSync, readFileSync, writeFileSync } from 'fs';
import * as path from 'path';
import { promisify } from 'util';
import { builtinTemplate, flattenTemplate } from '../../src/engine';
import { writeBloc } from '../helpers/bloc';
import { expectRefused, run } from '../helpers/cli';
import { hasSoffice, recalcWithLibreOffice, storedFormulas } from '../helpers/soffice';
import { readWorkbook, shown, useTempDir } from '../helpers/xlsx';

const RULES = path.join(__dirname, '..', '..', 'samples', 'quy-che-khoi-vi-du.json');

interface Row {
  stt: unknown;
  donVi: unknown;
  diemChuan: unknown;
  tuCham: unknown;
  checked: unknown;
  khoiCham: unknown;
  score: unknown;
  chenhLech: unknown;
  loi: unknown;
  rank: unknown;
  dongHang: unknown;
  selfRank: unknown;
  change: unknown;
  xepLoai: unknown;
  deNghi: unknown;
  ghiChu: unknown;
}

/** The unit rows of *Tổng hợp* (header on row 4), as shown. */
function rowsOf(ws: ExcelJS.Worksheet): Row[] {
  const rows: Row[] = [];
  for (let r = 5; ; r++) {
    const stt = shown(ws.getCell(r, 1));
    if (typeof stt !== 'number') break;
    const v = (c: number) => shown(ws.getCell(r, c));
    rows.push({
      stt,
      donVi: v(2),
      diemChuan: v(3),
      tuCham: v(4),
      checked: v(5),
      khoiCham: v(6),
      score: v(7),
      chenhLech: v(8),
      loi: v(9),
      rank: v(11),
      dongHang: v(12),
      selfRank: v(13),
      change: v(14),
      xepLoai: v(15),
      deNghi: v(16),
      ghiChu: v(17),
    });
  }
  return rows;
}

describe('thidua tonghop on a bloc of eight units', () => {
  const dir = useTempDir();
  let files: string[] = [];
  let out = '';
  let result: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    files = await writeBloc(path.join(dir(), 'khoi'), undefined, { broken: true });
    out = path.join(dir(), 'TONG-HOP.xlsx');
    result = await run('tonghop', path.join(dir(), 'khoi'), '-o', out, '--quy-che', RULES);
  });

  test('writes the summary and prints the ranking', () => {
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(result.out).toMatch(/BẢNG TỔNG HỢP KẾT QUẢ CHẤM ĐIỂM THI ĐUA NĂM 2022/);
    expect(result.out).toMatch(/^1=\s+Sở Nội vụ\s+993\s+993\s+–\s+3\s+lên 2 bậc\s+Xuất sắc\s+Cờ thi đua của UBND tỉnh$/m);
    expect(result.out).toMatch(/^8\s+Sở Giáo dục và Đào tạo\s+993\s+993\s+975\s+3\s+xuống 5 bậc\s+Tốt\s*$/m);
    expect(result.out).toMatch(/Không đọc được: so-van-hoa\.xlsx/);
  });

  test('checked scores, ranks, ties, rank changes, bands and awards, as worked out by hand', async () => {
    const ws = (await readWorkbook(out)).getWorksheet('Tổng hợp')!;
    const rows = rowsOf(ws);
    // Final order: by rank, ties split by the rules' "fewer errors": Sở Nội vụ (0) before Sở Tư pháp (4: E9 over
    // its cap, and E7, E6, E40 that add it up over theirs); Sở Tài chính (0), Sở Y tế (3), Sở Công Thương (4: E13 text, and
    // the three totals that no longer add up).
    expect(rows.map((r) => [r.donVi, r.tuCham, r.checked, r.khoiCham, r.score, r.rank, r.selfRank, r.change])).toEqual([
      ['Sở Nội vụ', 993, 993, null, 993, 1, 3, 'lên 2 bậc'],
      ['Sở Tư pháp', 1003, 993, null, 993, 1, 2, 'lên 1 bậc'],
      ['Sở Xây dựng', 983, 983, 990, 990, 3, 7, 'lên 4 bậc'],
      ['Sở Kế hoạch và Đầu tư', 1008, 988, null, 988, 4, 1, 'xuống 3 bậc'],
      ['Sở Tài chính', 983, 983, null, 983, 5, 7, 'lên 2 bậc'],
      ['Sở Y tế', 986, 983, null, 983, 5, 6, 'lên 1 bậc'],
      ['Sở Công Thương', 993, 983, null, 983, 5, 3, 'xuống 2 bậc'],
      ['Sở Giáo dục và Đào tạo', 993, 993, 975, 975, 8, 3, 'xuống 5 bậc'],
    ]);
    // ExcelJS reads a cached "" as no result: these come from the file's XML.
    const stored = storedFormulas(out).get('Tổng hợp')!;
    expect([5, 6, 7, 8, 9, 10, 11, 12].map((r) => stored.get(`L${r}`)!.value)).toEqual([
      'đồng hạng',
      'đồng hạng',
      '',
      '',
      'đồng hạng',
      'đồng hạng',
      'đồng hạng',
      '',
    ]);
    expect([5, 6, 7, 8, 9, 10, 11, 12].map((r) => stored.get(`H${r}`)!.value)).toEqual([0, -10, 7, -20, 0, -3, -10, -18]);
    expect(rows.every((r) => r.diemChuan === 1000)).toBe(true);
    expect(rows.map((r) => r.loi)).toEqual([0, 4, 0, 2, 0, 3, 4, 0]);
    // Bands of the example rules: Xuất sắc ≥ 990, Tốt [970, 990).
    expect(rows.map((r) => r.xepLoai)).toEqual(['Xuất sắc', 'Xuất sắc', 'Xuất sắc', 'Tốt', 'Tốt', 'Tốt', 'Tốt', 'Tốt']);
    // Cờ: 1, Xuất sắc only → Sở Nội vụ. Bằng khen: 30% of 8 = 2.4, rounded down: 2 → Sở Tư pháp, then Sở Xây dựng is
    // not eligible (a gate), so Sở Kế hoạch và Đầu tư.
    expect(rows.map((r) => r.deNghi)).toEqual([
      'Cờ thi đua của UBND tỉnh',
      'Bằng khen của Chủ tịch UBND tỉnh',
      expect.stringMatching(/^Không đủ điều kiện: có cá nhân bị kỷ luật.*Biên bản ví dụ số 02\/BB-KTĐ ngày 10\/12\/2022/),
      'Bằng khen của Chủ tịch UBND tỉnh',
      '',
      '',
      '',
      '',
    ]);
    // The tie-break says which rule broke the tie.
    expect(rows[0].ghiChu).toMatch(
      /Đồng hạng 1 với “Sở Tư pháp”; thứ tự xét 1 phân định theo: ít lỗi hơn \(Quy chế ví dụ số 01\/QC-KTĐ, Điều 6 ngày 15\/01\/2022\)/,
    );
    expect(rows[1].ghiChu).toMatch(/thứ tự xét 2 phân định theo: ít lỗi hơn/);
    expect(rows[1].ghiChu).toMatch(/1 ô vượt điểm chuẩn hoặc âm được tính lại/);
    // The file that is not a workbook is listed as not read, below the units.
    const below = [];
    for (let r = 5 + rows.length; r < 5 + rows.length + 3; r++) below.push([shown(ws.getCell(r, 2)), shown(ws.getCell(r, 16))]);
    expect(below).toContainEqual(['so-van-hoa.xlsx', 'Không đọc được']);
  });

  test('the unit named by neither title nor file takes its sheet name; the input files are not changed', async () => {
    const before = files.map((f) => readFileSync(f));
    await run('tonghop', ...files, '-o', path.join(dir(), 'lan-2.xlsx'));
    files.forEach((f, i) => expect(readFileSync(f).equals(before[i])).toBe(true));
    const ws = (await readWorkbook(path.join(dir(), 'lan-2.xlsx'))).getWorksheet('Tổng hợp')!;
    expect(rowsOf(ws).map((r) => r.donVi)).toContain('Sở Công Thương');
  });

  test('the compiled command, with workers reading beside the main thread, gives the same summary', async () => {
    const bin = path.join(__dirname, '..', '..', 'bin', 'thidua.js');
    const viaWorkers = path.join(dir(), 'song-song.xlsx');
    const r = await promisify(execFile)(
      process.execPath,
      [bin, 'tonghop', path.join(dir(), 'khoi'), '-o', viaWorkers, '--quy-che', RULES],
      {
        env: { ...process.env, THIDUA_WORKERS: '2' },
      },
    );
    expect(r.stdout.trimEnd().replace(/“[^”]*song-song\.xlsx”/, '')).toBe(result.out.replace(/“[^”]*TONG-HOP\.xlsx”/, ''));
    const a = rowsOf((await readWorkbook(out)).getWorksheet('Tổng hợp')!);
    const b = rowsOf((await readWorkbook(viaWorkers)).getWorksheet('Tổng hợp')!);
    expect(b).toEqual(a);
  });

  test('an earlier summary left in the folder is not taken for a unit', async () => {
    const folder = path.join(dir(), 'khoi-va-tong-hop-cu');
    await writeBloc(folder);
    writeFileSync(path.join(folder, 'tong-hop-nam-truoc.xlsx'), readFileSync(out));
    const again = path.join(dir(), 'lan-3.xlsx');
    const r = await run('tonghop', folder, '-o', again);
    expect(r.code).toBe(0);
    expect(rowsOf((await readWorkbook(again)).getWorksheet('Tổng hợp')!)).toHaveLength(8);
  });

  test('without a rules file: ranks only, ties left as đồng hạng in the order given', async () => {
    const plain = path.join(dir(), 'khong-quy-che.xlsx');
    const r = await run('tonghop', path.join(dir(), 'khoi'), '-o', plain);
    expect(r.code).toBe(0);
    const rows = rowsOf((await readWorkbook(plain)).getWorksheet('Tổng hợp')!);
    expect(rows.map((x) => [x.donVi, x.rank])).toEqual([
      ['Sở Nội vụ', 1],
      ['Sở Tư pháp', 1],
      ['Sở Xây dựng', 3],
      ['Sở Kế hoạch và Đầu tư', 4],
      ['Sở Tài chính', 5],
      ['Sở Công Thương', 5], // so-xd-ct.xlsx comes before so-y-te.xlsx
      ['Sở Y tế', 5],
      ['Sở Giáo dục và Đào tạo', 8],
    ]);
    expect(rows.every((x) => x.deNghi === '' && x.xepLoai === null)).toBe(true);
  });

  test('a quota that falls inside a tie is not split: the tied units are left to the bloc', async () => {
    const rules = JSON.parse(readFileSync(RULES, 'utf8'));
    delete rules.phaHoa;
    const file = path.join(dir(), 'khong-pha-hoa.json');
    writeFileSync(file, JSON.stringify(rules));
    const outFile = path.join(dir(), 'nguong.xlsx');
    const r = await run('tonghop', path.join(dir(), 'khoi'), '-o', outFile, '--quy-che', file);
    expect(r.code).toBe(0);
    const rows = rowsOf((await readWorkbook(outFile)).getWorksheet('Tổng hợp')!);
    // Cờ (1): Sở Nội vụ and Sở Tư pháp tie at 1 → neither; Bằng khen (2): Sở Xây dựng not eligible, Sở Kế hoạch và Đầu tư
    // gets one, then three units tie at 5 for the one slot left → none of them.
    expect(rows.map((x) => x.deNghi)).toEqual([
      expect.stringMatching(/^Đồng hạng 1 ở ngưỡng chỉ tiêu “Cờ thi đua của UBND tỉnh” \(2 đơn vị, còn 1 suất\)/),
      expect.stringMatching(/^Đồng hạng 1 ở ngưỡng chỉ tiêu “Cờ thi đua/),
      expect.stringMatching(/^Không đủ điều kiện/),
      'Bằng khen của Chủ tịch UBND tỉnh',
      expect.stringMatching(/^Đồng hạng 5 ở ngưỡng chỉ tiêu “Bằng khen của Chủ tịch UBND tỉnh” \(3 đơn vị, còn 1 suất\)/),
      expect.stringMatching(/^Đồng hạng 5 ở ngưỡng/),
      expect.stringMatching(/^Đồng hạng 5 ở ngưỡng/),
      '',
    ]);
  });

  test('Theo tiêu chí lines the units up by criterion and marks the over-cap cells', async () => {
    const ws = (await readWorkbook(out)).getWorksheet('Theo tiêu chí')!;
    const header = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11].map((c) => shown(ws.getCell(4, c)));
    expect(header.slice(0, 4)).toEqual(['TT', 'Tiêu chí', 'Điểm chuẩn', 'Sở Nội vụ']);
    // Row of criterion 1.2 (Nội dung 1, mục 1.2): cap 50, Sở Tư pháp (second unit) 60, marked red.
    let row = 0;
    for (let r = 5; r < 60; r++) if (shown(ws.getCell(r, 1)) === '1.2') row = r;
    expect(row).toBeGreaterThan(0);
    expect(shown(ws.getCell(row, 3))).toBe(50);
    expect(shown(ws.getCell(row, 5))).toBe(60);
    expect((ws.getCell(row, 5).fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    expect((ws.getCell(row, 4).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).not.toBe('FFFFC7CE');
  });

  test('with the bloc’s template, Theo tiêu chí follows the template’s rows; the checked scores hold', async () => {
    const withTemplate = path.join(dir(), 'mau.xlsx');
    const r = await run('tonghop', path.join(dir(), 'khoi'), '-o', withTemplate, '--template', 'builtin:quang-ngai-2022');
    expect(r.code).toBe(0);
    const wb = await readWorkbook(withTemplate);
    expect(rowsOf(wb.getWorksheet('Tổng hợp')!).map((x) => x.checked)).toEqual([993, 993, 983, 988, 983, 983, 983, 993]);
    const ws = wb.getWorksheet('Theo tiêu chí')!;
    expect(String(shown(ws.getCell('A3')))).toMatch(/ghép theo mẫu tiêu chí của khối/);
    const template = flattenTemplate(builtinTemplate('builtin:quang-ngai-2022')!);
    const texts: unknown[] = [];
    for (let row = 5; shown(ws.getCell(row, 2)) !== null && shown(ws.getCell(row, 2)) !== undefined; row++)
      texts.push(shown(ws.getCell(row, 2)));
    // Every template row, in the template's order, then TỔNG CỘNG.
    expect(texts.slice(0, template.length)).toEqual(template.map((n) => n.text));
    expect(texts).toHaveLength(template.length + 1);
  });

  test('one sheet per unit with its findings; names within Excel’s limits; print-ready', async () => {
    const wb = await readWorkbook(out);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 2)).toEqual(['Tổng hợp', 'Theo tiêu chí']);
    expect(names).toHaveLength(2 + 8);
    for (const n of names) {
      expect([...n].length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    const tuPhap = wb.getWorksheet('Sở Tư pháp')!;
    const texts: string[] = [];
    tuPhap.eachRow((r) => texts.push((r.values as unknown[]).map((v) => String(shown({ value: v } as ExcelJS.Cell) ?? '')).join(' | ')));
    expect(texts.join('\n')).toMatch(/E9 \| over-cap \| Lỗi/);
    expect(texts.join('\n')).toMatch(/E9 \| Nội dung 1, mục 1\.2 \| 60 → 50 \| vượt điểm chuẩn/);
    for (const w of wb.worksheets) {
      expect(w.pageSetup.orientation).toBe('landscape');
      expect(w.pageSetup.fitToWidth).toBe(1);
      expect(w.pageSetup.fitToHeight).toBe(0);
      expect(w.pageSetup.printTitlesRow).toMatch(/^\d+:\d+$/);
    }
    expect(shown(wb.getWorksheet('Tổng hợp')!.getCell('A2'))).toBe('Khối thi đua ví dụ (các sở, ngành)');
  });

  (hasSoffice() ? test : test.skip)('LibreOffice recalculates every formula to the value thidua cached', () => {
    const converted = recalcWithLibreOffice(out, path.join(dir(), 'lo'));
    const mine = storedFormulas(out);
    const theirs = storedFormulas(converted);
    const differ: string[] = [];
    let formulas = 0;
    for (const [sheet, cells] of mine) {
      for (const [ref, f] of cells) {
        formulas++;
        const lo = theirs.get(sheet)?.get(ref);
        const same =
          lo !== undefined &&
          (typeof f.value === 'number' ? typeof lo.value === 'number' && Math.abs(f.value - lo.value) < 1e-9 : lo.value === f.value);
        if (!same)
          differ.push(`${sheet}!${ref} =${f.formula}: thidua ${JSON.stringify(f.value)}, LibreOffice ${JSON.stringify(lo?.value)}`);
      }
    }
    expect(differ).toEqual([]);
    // Every unit row has its score, difference, two ranks, đồng hạng, change and band as formulas; and six averages.
    expect(formulas).toBe(8 * 7 + 6);
  });

  (hasSoffice() ? test : test.skip)('the check can fail: a wrong cached value is recalculated by LibreOffice', async () => {
    const wb = await readWorkbook(out);
    const cell = wb.getWorksheet('Tổng hợp')!.getCell('K5');
    cell.value = { formula: (cell.value as ExcelJS.CellFormulaValue).formula, result: 7 };
    const wrong = path.join(dir(), 'sai-cache.xlsx');
    await wb.xlsx.writeFile(wrong);
    const lo = storedFormulas(recalcWithLibreOffice(wrong, path.join(dir(), 'lo2')));
    expect(storedFormulas(wrong).get('Tổng hợp')!.get('K5')!.value).toBe(7);
    expect(lo.get('Tổng hợp')!.get('K5')!.value).toBe(1);
  });
});

describe('thidua tonghop refuses bad input', () => {
  const dir = useTempDir();

  test('a bad rules file exits 2 naming the field, in Vietnamese', async () => {
    await writeBloc(path.join(dir(), 'khoi'), undefined);
    const rules = JSON.parse(readFileSync(RULES, 'utf8'));
    rules.khenThuong[1].tyLe = 'ba mươi';
    delete rules.xepLoai.nguon;
    const bad = path.join(dir(), 'sai.json');
    writeFileSync(bad, JSON.stringify(rules));
    const r = await run('tonghop', path.join(dir(), 'khoi'), '-o', path.join(dir(), 'x.xlsx'), '--quy-che', bad);
    expectRefused(r, /quy chế “sai\.json” không hợp lệ: .*xepLoai\.nguon: thiếu \(bắt buộc phải có\).*khenThuong\[1\]\.tyLe: phải là số/);
    expect(existsSync(path.join(dir(), 'x.xlsx'))).toBe(false);
  });

  test('overlapping bands are refused, naming both', async () => {
    const rules = JSON.parse(readFileSync(RULES, 'utf8'));
    rules.xepLoai.muc[1].max = 995;
    const bad = path.join(dir(), 'chong.json');
    writeFileSync(bad, JSON.stringify(rules));
    const r = await run('tonghop', path.join(dir(), 'khoi'), '-o', path.join(dir(), 'x.xlsx'), '--quy-che', bad);
    expectRefused(r, /xepLoai\.muc\[1\]: mức “Tốt” chồng lên mức “Xuất sắc” \(xepLoai\.muc\[0\]\) ở khoảng 990–995/);
  });

  test('an existing output needs --force', async () => {
    const target = path.join(dir(), 'co-roi.xlsx');
    writeFileSync(target, 'cũ');
    const r = await run('tonghop', path.join(dir(), 'khoi'), '-o', target);
    expectRefused(r, /đã có: thêm --force/);
    expect(readFileSync(target, 'utf8')).toBe('cũ');
    const forced = await run('tonghop', path.join(dir(), 'khoi'), '-o', target, '--force');
    expect(forced.code).toBe(0);
  });

  test('no readable unit at all exits 2', async () => {
    const junk = path.join(dir(), 'rac.xlsx');
    writeFileSync(junk, 'không phải excel');
    expectRefused(await run('tonghop', junk, '-o', path.join(dir(), 'y.xlsx')), /Không đọc được bảng chấm điểm của đơn vị nào/);
  });
});

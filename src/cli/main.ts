/** `thidua`: checks and totals Bảng chấm điểm thi đua in .xlsx files. Exit 0 clean, 1 errors found, 2 bad input. */
import { checkSheet, CheckOptions, checkWorkbook, isUserError, SheetReport, templateSize, templateTitle, UserError } from '../engine';
import { openBook, XlsxBook } from '../xlsx/book';
import { parseArgs, ParsedArgs } from './args';
import { formatJson, formatText } from './format';
import { formatRefsJson, formatRefsText } from './refs';
import { loadTemplate, templateFromReports, writeTemplate } from './template';
import { tuneV8ForShortRuns } from './v8-tuning';

export const USAGE = `thidua: kiểm tra Bảng chấm điểm thi đua

Cách dùng:
  thidua check TỆP.xlsx [--sheet TÊN] [--format text|json] [--template MẪU] [--year NĂM] [--verbose]
      Kiểm tra mọi trang có bảng chấm điểm (hoặc trang được nêu), in lỗi, cảnh báo và các tổng;
      bảng chưa có cột tự chấm (bảng như khi ban hành) được kiểm các tổng của chính nó.
      Lưu ý được gộp thành một dòng đếm cho mỗi quy tắc; --verbose in từng lưu ý.
      --year: năm được chấm, khi tiêu đề bảng không ghi “NĂM …” hoặc ghi sai.
      Với --template, đối chiếu điểm chuẩn, điểm thưởng và các tiêu chí với bảng tiêu chí của khối:
      MẪU là tệp mẫu .json hoặc mẫu có sẵn, ví dụ builtin:quang-ngai-2022.
  thidua fix TỆP.xlsx -o TỆP-RA.xlsx [--sheet TÊN] [--values] [--template MẪU] [--force]
      Ghi một bản sao: các ô tổng được tính lại (công thức, hoặc giá trị với --values),
      ô có vấn đề được tô màu và ghi chú; mọi phần khác của tệp giữ nguyên từng byte.
      Tệp gốc không bao giờ bị thay đổi; TỆP-RA đã có chỉ bị ghi đè khi có --force.
  thidua refs TỆP.xlsx [--sheet TÊN] [--format text|json] [--year NĂM]
      Liệt kê các văn bản được dẫn trong cột giải trình: loại, số và ký hiệu, ngày, cơ quan ban hành,
      các ô dẫn văn bản đó; nêu rõ văn bản nào bị ghi hai ngày khác nhau.
  thidua template TỆP.xlsx -o MẪU.json [--sheet TÊN] [--bloc "TÊN KHỐI"] [--year NĂM] [--force]
      Tạo mẫu tiêu chí từ bảng: điểm chuẩn, điểm thưởng, các mức “(N điểm)”, các mục con.
  thidua tonghop TỆP.xlsx… | THƯ-MỤC -o TONG-HOP.xlsx [--template MẪU] [--quy-che KHOI.json] [--force]
      Bảng tổng hợp của khối: mỗi trang có bảng chấm điểm là một đơn vị; xếp hạng theo điểm sau kiểm tra
      (điểm Khối chấm nếu có), đồng hạng khi bằng điểm; với --quy-che: xếp loại, phá hòa, chỉ tiêu khen.
      Tệp không đọc được được ghi là “không đọc được”, các tệp khác vẫn được tổng hợp.

Mã thoát: 0 không có lỗi, 1 có lỗi, 2 không dùng được tệp hoặc tuỳ chọn đã cho, 3 lỗi của chính thidua.`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

const KNOWN_FLAGS: Record<string, string[]> = {
  check: ['--sheet', '--format', '--values', '--template', '--year', '--verbose'],
  fix: ['--sheet', '-o', '--output', '--values', '--template', '--year', '--force', '--verbose'],
  refs: ['--sheet', '--format', '--year'],
  template: ['--sheet', '-o', '--output', '--bloc', '--year', '--force'],
  tonghop: ['-o', '--output', '--template', '--quy-che', '--force', '--bloc', '--year'],
};

function flag(args: ParsedArgs, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** The sheets to check: the one named, or every visible sheet that holds a scoring table, held together. */
function checkFile(book: XlsxBook, sheet: string | undefined, options: CheckOptions): SheetReport[] {
  if (sheet !== undefined) {
    const entry = book.sheet(sheet);
    if (!entry) {
      const names = book.sheets.map((w) => `“${w.name}”`).join(', ');
      throw new UserError('no-sheet', `Tệp “${book.fileName}” không có trang “${sheet}”. Các trang: ${names || '(không có)'}.`);
    }
    return [checkSheet(book.grid(entry), options)];
  }
  // Every visible worksheet is checked; one without a scoring table (a cover page, a list of units) is passed over.
  const grids = book.sheets.filter((s) => s.state === 'visible' && s.part !== undefined).map((s) => book.grid(s));
  try {
    return checkWorkbook(grids, options).reports;
  } catch (e) {
    if (!(isUserError(e) && e.code === 'no-table')) throw e;
    throw new UserError(
      'no-table',
      `Tệp “${book.fileName}” không có bảng chấm điểm: không trang nào có dòng tiêu đề với các cột TT, Tiêu chí, Điểm chuẩn, Điểm tự chấm.`,
    );
  }
}

async function run(args: ParsedArgs, io: Io): Promise<number> {
  const command = args.command;
  if (command === undefined || args.flags.has('--help') || args.flags.has('-h') || command === 'help') {
    io.out(USAGE);
    return command === undefined && !args.flags.has('--help') && !args.flags.has('-h') ? 2 : 0;
  }
  const known = KNOWN_FLAGS[command];
  if (!known)
    throw new UserError('bad-input', `Không có lệnh “${command}”. Các lệnh: ${Object.keys(KNOWN_FLAGS).join(', ')}. Xem: thidua --help`);
  for (const f of args.flags.keys()) {
    if (!known.includes(f)) throw new UserError('bad-input', `Lệnh “${command}” không có tuỳ chọn “${f}”. Xem: thidua --help`);
  }
  if (command === 'tonghop') {
    const out = flag(args, '-o') ?? flag(args, '--output');
    if (!out) throw new UserError('bad-input', 'Thiếu tệp tổng hợp ra: thidua tonghop THƯ-MỤC -o TONG-HOP.xlsx');
    const templateRef = flag(args, '--template');
    const year = flag(args, '--year');
    if (year !== undefined && !/^\d{4}$/.test(year.trim()))
      throw new UserError('bad-input', `--year nhận một năm bốn chữ số, ví dụ --year 2022, không phải “${year}”.`);
    // Each command's own modules are loaded when it runs: a check loads no writer, a summary no in-place editor.
    const { tonghop } = await import('./tonghop');
    return tonghop(
      {
        inputs: args.positional,
        out,
        force: args.flags.has('--force'),
        template: templateRef !== undefined ? await loadTemplate(templateRef) : undefined,
        rulesFile: flag(args, '--quy-che'),
        bloc: flag(args, '--bloc'),
        year: year !== undefined ? Number(year.trim()) : undefined,
      },
      io,
    );
  }
  const file = args.positional[0];
  if (!file) throw new UserError('bad-input', `Thiếu tên tệp .xlsx. Ví dụ: thidua ${command} bang-cham-diem.xlsx`);
  const options: CheckOptions = { totals: args.flags.has('--values') ? 'values' : 'formulas' };
  const sheet = flag(args, '--sheet');
  const templateRef = flag(args, '--template');
  if (templateRef !== undefined) options.template = await loadTemplate(templateRef);
  const year = flag(args, '--year');
  if (year !== undefined && command !== 'template') {
    if (!/^\d{4}$/.test(year.trim()))
      throw new UserError('bad-input', `--year nhận một năm bốn chữ số, ví dụ --year 2022, không phải “${year}”.`);
    options.year = Number(year.trim());
  }

  if (command === 'template') {
    const out = flag(args, '-o') ?? flag(args, '--output');
    if (!out) throw new UserError('bad-input', 'Thiếu tệp mẫu ra: thidua template TỆP.xlsx -o mau.json');
    const book = await openBook(file);
    const template = templateFromReports(file, checkFile(book, sheet, options), { bloc: flag(args, '--bloc'), year: flag(args, '--year') });
    await writeTemplate(out, file, template, { force: args.flags.has('--force') });
    io.out(`Đã ghi mẫu “${out}”: ${templateTitle(template)}, ${templateSize(template)}.`);
    io.out('Hãy đọc lại tệp mẫu (tên khối, các mức điểm, quy tắc tổng hợp) trước khi gửi cho các đơn vị.');
    return 0;
  }

  if (command === 'refs') {
    const format = flag(args, '--format') ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new UserError('bad-input', `--format nhận “text” hoặc “json”, không phải “${format}”.`);
    const reports = checkFile(await openBook(file), sheet, options);
    io.out(format === 'json' ? formatRefsJson(file, reports) : formatRefsText(file, reports));
    return 0;
  }

  if (command === 'check') {
    const format = flag(args, '--format') ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new UserError('bad-input', `--format nhận “text” hoặc “json”, không phải “${format}”.`);
    const reports = checkFile(await openBook(file), sheet, options);
    io.out(format === 'json' ? formatJson(file, reports) : formatText(file, reports, { verbose: args.flags.has('--verbose') }));
    return reports.some((r) => r.counts.error > 0) ? 1 : 0;
  }

  const out = flag(args, '-o') ?? flag(args, '--output');
  if (!out) throw new UserError('bad-input', 'Thiếu tệp ra: thidua fix TỆP.xlsx -o TỆP-RA.xlsx (tệp gốc không bao giờ bị ghi đè).');
  const book = await openBook(file);
  const reports = checkFile(book, sheet, options);
  const { fixFile } = await import('../xlsx/fix');
  const fixed = await fixFile(book, reports, out, { force: args.flags.has('--force') });
  io.out(formatText(file, reports, { verbose: args.flags.has('--verbose') }));
  const writes = reports.reduce((k, r) => k + r.plan.writes.length, 0);
  io.out(`\nĐã ghi “${out}”: ${writes} ô tổng được tính lại, ${fixed.marks} ô được đánh dấu. Tệp gốc giữ nguyên.`);
  if (fixed.summary.stale > 0) {
    io.out(`${fixed.summary.stale} công thức khác đọc các ô tổng này: Excel và LibreOffice sẽ tính lại khi mở tệp.`);
  }
  return reports.some((r) => r.counts.error > 0) ? 1 : 0;
}

/** Exit codes: 0 no error found, 1 errors found in the table, 2 the user's input cannot be used, 3 a bug in thidua. */
export const EXIT = { clean: 0, findings: 1, userError: 2, bug: 3 } as const;

/** Runs the CLI; returns the exit code. Neither bad input nor a bug reaches the user as a stack trace. */
export async function main(argv: string[], io: Io = { out: (t) => console.log(t), err: (t) => console.error(t) }): Promise<number> {
  tuneV8ForShortRuns();
  try {
    return await run(parseArgs(argv), io);
  } catch (e) {
    if (isUserError(e)) {
      io.err(`thidua: ${e.message}`);
      return EXIT.userError;
    }
    io.err(`thidua: lỗi không mong đợi trong thidua (${(e as Error)?.message ?? String(e)}). Xin báo lỗi này kèm tệp, nếu được phép.`);
    return EXIT.bug;
  }
}

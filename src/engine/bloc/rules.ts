/**
 * The bloc's own rules (*quy chế*, `--quy-che KHOI.json`): classification bands, award quotas, a tie-break chain and
 * eligibility gates, as data. Every rule names its source (document number and date): thidua ships no legal numbers of
 * its own, because they differ by province and year and change with the decrees. This schema is the format's
 * documentation; a bad file is refused with messages that name the field ("xepLoai.muc[1].min: phải là số").
 */
import { z } from 'zod';
import { issueWords, pathText, readJsonText } from '../template/parse';

const VN_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Where a rule comes from: "Quyết định số 12/QĐ-UBND", "15/01/2022". Required on every rule. */
export const SourceSchema = z
  .strictObject({
    vanBan: z.string().trim().min(1).describe('Số và ký hiệu văn bản quy định, ví dụ “Quyết định số 12/2022/QĐ-UBND”.'),
    ngay: z
      .string()
      .regex(VN_DATE, 'phải là ngày dạng ngày/tháng/năm, ví dụ 15/01/2022')
      .refine((s) => {
        const m = VN_DATE.exec(s);
        if (!m) return true;
        const [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
        const date = new Date(Date.UTC(y, mo - 1, d));
        return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
      }, 'không phải ngày có thật')
      .describe('Ngày ban hành văn bản, dạng ngày/tháng/năm.'),
    dieu: z.string().optional().describe('Điều, khoản quy định, nếu muốn ghi rõ.'),
  })
  .describe('Nguồn của quy định: văn bản và ngày ban hành.');

export const BandSchema = z
  .strictObject({
    ten: z.string().trim().min(1).describe('Tên mức xếp loại, ví dụ “Xuất sắc”.'),
    min: z.number().finite().optional().describe('Cận dưới (điểm); bỏ trống: không có cận dưới.'),
    max: z.number().finite().optional().describe('Cận trên (điểm); bỏ trống: không có cận trên.'),
    gomMin: z.boolean().default(true).describe('true: điểm bằng cận dưới thuộc mức này (mặc định true).'),
    gomMax: z.boolean().default(false).describe('true: điểm bằng cận trên thuộc mức này (mặc định false).'),
  })
  .describe('Một mức xếp loại theo điểm.');

export const ClassificationSchema = z
  .strictObject({
    muc: z.array(BandSchema).min(1).describe('Các mức xếp loại, theo bất kỳ thứ tự nào; không được chồng lên nhau.'),
    nguon: SourceSchema,
  })
  .describe('Xếp loại theo điểm (điểm dùng để xếp hạng).');

export const AwardSchema = z
  .strictObject({
    ten: z.string().trim().min(1).describe('Tên danh hiệu hoặc hình thức khen, ví dụ “Cờ thi đua của UBND tỉnh”.'),
    soLuong: z.number().int().nonnegative().optional().describe('Chỉ tiêu: số đơn vị được đề nghị.'),
    tyLe: z.number().positive().max(100).optional().describe('Chỉ tiêu: tỷ lệ % số đơn vị của khối.'),
    lamTron: z
      .enum(['xuong', 'len', 'gan-nhat'])
      .default('xuong')
      .describe('Làm tròn chỉ tiêu theo tỷ lệ: "xuong" (mặc định), "len", "gan-nhat" (0,5 làm tròn lên).'),
    xepLoai: z.array(z.string().trim().min(1)).optional().describe('Chỉ xét đơn vị thuộc các mức xếp loại này.'),
    diemToiThieu: z.number().finite().optional().describe('Chỉ xét đơn vị có điểm từ mức này trở lên.'),
    nguon: SourceSchema,
  })
  .superRefine((a, ctx) => {
    if ((a.soLuong === undefined) === (a.tyLe === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['soLuong'], message: 'cần đúng một trong hai: soLuong hoặc tyLe' });
    }
  })
  .describe('Một hình thức khen với chỉ tiêu, xét theo thứ hạng trên điểm đã kiểm tra.');

export const TieBreakSchema = z
  .strictObject({
    theo: z
      .enum(['it-loi-hon', 'it-canh-bao-hon', 'diem-tieu-chi', 'tu-cham-thap-hon'])
      .describe(
        'Cách phá hòa: "it-loi-hon" (ít lỗi hơn đứng trên), "it-canh-bao-hon", "diem-tieu-chi" (điểm đã kiểm tra cao hơn ở tiêu chí nêu ở “tieuChi”), "tu-cham-thap-hon" (tự chấm sát hơn, tức thấp hơn, đứng trên).',
      ),
    tieuChi: z.string().trim().min(1).optional().describe('Mã tiêu chí (theo mẫu, hoặc theo bảng), với "diem-tieu-chi".'),
    nguon: SourceSchema,
  })
  .superRefine((t, ctx) => {
    if (t.theo === 'diem-tieu-chi' && t.tieuChi === undefined) {
      ctx.addIssue({ code: 'custom', path: ['tieuChi'], message: 'thiếu (bắt buộc với "diem-tieu-chi")' });
    }
  })
  .describe('Một bước phá hòa, dùng khi các bước trước vẫn hòa.');

export const GateSchema = z
  .strictObject({
    donVi: z.string().trim().min(1).describe('Tên đơn vị, như ghi trong bảng chấm điểm (“Đơn vị: …”).'),
    lyDo: z.string().trim().min(1).describe('Lý do không đủ điều kiện đề nghị khen.'),
    nguon: SourceSchema,
  })
  .describe('Một đơn vị không đủ điều kiện đề nghị khen: vẫn được xếp hạng, nhưng không được đề nghị.');

export const BLOC_RULES_VERSION = 1;

export const BlocRulesSchema = z
  .strictObject({
    version: z.literal(BLOC_RULES_VERSION).describe('Phiên bản định dạng quy chế; hiện là 1.'),
    khoi: z.string().trim().min(1).describe('Tên khối thi đua.'),
    nam: z.number().int().min(2000).max(2100).describe('Năm xét thi đua.'),
    ghiChu: z.string().optional().describe('Ghi chú tự do (ví dụ: “Tệp ví dụ, không phải quy định thật”).'),
    xepLoai: ClassificationSchema.optional(),
    khenThuong: z
      .array(AwardSchema)
      .optional()
      .describe('Các hình thức khen, xét lần lượt theo thứ tự này; mỗi đơn vị nhận nhiều nhất một.'),
    phaHoa: z.array(TieBreakSchema).optional().describe('Chuỗi phá hòa, theo thứ tự; không có: các đơn vị bằng điểm là đồng hạng.'),
    khongDuDieuKien: z.array(GateSchema).optional().describe('Các đơn vị không đủ điều kiện đề nghị khen.'),
  })
  .superRefine((r, ctx) => {
    const bands = r.xepLoai?.muc ?? [];
    for (let i = 0; i < bands.length; i++) {
      const b = bands[i];
      if (b.min !== undefined && b.max !== undefined && (b.min > b.max || (b.min === b.max && !(b.gomMin && b.gomMax)))) {
        ctx.addIssue({ code: 'custom', path: ['xepLoai', 'muc', i, 'max'], message: `cận trên ${b.max} không lớn hơn cận dưới ${b.min}` });
      }
      for (let j = 0; j < i; j++) {
        const o = overlap(bands[j], b);
        if (o !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['xepLoai', 'muc', i],
            message: `mức “${b.ten}” chồng lên mức “${bands[j].ten}” (xepLoai.muc[${j}]) ở ${o}`,
          });
        }
      }
    }
    const names = new Set(bands.map((b) => b.ten));
    (r.khenThuong ?? []).forEach((a, i) =>
      (a.xepLoai ?? []).forEach((n, k) => {
        if (!names.has(n))
          ctx.addIssue({
            code: 'custom',
            path: ['khenThuong', i, 'xepLoai', k],
            message: `không có mức xếp loại “${n}” trong xepLoai.muc`,
          });
      }),
    );
  })
  .describe('Quy chế xét thi đua của khối: xếp loại, chỉ tiêu khen, phá hòa, điều kiện.');

export type BlocRules = z.infer<typeof BlocRulesSchema>;
export type Band = z.infer<typeof BandSchema>;
export type Award = z.infer<typeof AwardSchema>;
export type TieBreak = z.infer<typeof TieBreakSchema>;
export type Source = z.infer<typeof SourceSchema>;

const lowOf = (b: Band) => b.min ?? -Infinity;
const highOf = (b: Band) => b.max ?? Infinity;

/** True when `x` falls in the band. */
export function inBand(b: Band, x: number): boolean {
  const lo = lowOf(b);
  const hi = highOf(b);
  return (x > lo || (x === lo && b.gomMin)) && (x < hi || (x === hi && b.gomMax));
}

/** Where two bands overlap, in words ("điểm 90", "khoảng 85–90"); undefined when they do not. */
function overlap(a: Band, b: Band): string | undefined {
  const lo = Math.max(lowOf(a), lowOf(b));
  const hi = Math.min(highOf(a), highOf(b));
  if (lo < hi) return `khoảng ${fmt(lo)}–${fmt(hi)}`;
  if (lo === hi && Number.isFinite(lo) && inBand(a, lo) && inBand(b, lo)) return `điểm ${fmt(lo)}`;
  return undefined;
}

const fmt = (n: number) => (Number.isFinite(n) ? String(n).replace('.', ',') : n > 0 ? '+∞' : '−∞');

/** Scores no band holds, in words, lowest first ("dưới 50", "từ 70 đến dưới 80", "đúng 90"): reported, never guessed. */
export function bandGaps(bands: Band[]): string[] {
  const bounds = [...new Set(bands.flatMap((b) => [b.min, b.max]).filter((x): x is number => x !== undefined))].sort((x, y) => x - y);
  // The line cut at every bound: open stretches between bounds and the bounds themselves, each tested at one point.
  type Piece = { lo: number; hi: number; loIn: boolean; hiIn: boolean; at: number };
  const pieces: Piece[] = [];
  const edges = [-Infinity, ...bounds, Infinity];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [lo, hi] = [edges[i], edges[i + 1]];
    const at = !Number.isFinite(lo) ? (Number.isFinite(hi) ? hi - 1 : 0) : !Number.isFinite(hi) ? lo + 1 : (lo + hi) / 2;
    pieces.push({ lo, hi, loIn: false, hiIn: false, at });
    if (Number.isFinite(hi)) pieces.push({ lo: hi, hi, loIn: true, hiIn: true, at: hi });
  }
  const covered = (x: number) => bands.some((b) => inBand(b, x));
  const gaps: string[] = [];
  let open: Piece | undefined;
  const close = () => {
    if (!open) return;
    const g = open;
    if (g.lo === g.hi) gaps.push(`đúng ${fmt(g.lo)}`);
    else if (!Number.isFinite(g.lo)) gaps.push(`${g.hiIn ? 'đến' : 'dưới'} ${fmt(g.hi)}`);
    else if (!Number.isFinite(g.hi)) gaps.push(`${g.loIn ? 'từ' : 'trên'} ${fmt(g.lo)}`);
    else gaps.push(`${g.loIn ? 'từ' : 'trên'} ${fmt(g.lo)} đến ${g.hiIn ? '' : 'dưới '}${fmt(g.hi)}`);
    open = undefined;
  };
  for (const p of pieces) {
    if (p.hi < 0 || (p.hi === 0 && !p.hiIn)) continue; // scores are never negative: no gap worth telling there
    if (covered(p.at)) close();
    else if (open) open = { ...open, hi: p.hi, hiIn: p.hiIn };
    else open = { ...p };
  }
  close();
  return bands.length === 0 ? [] : gaps;
}

/** The band a score falls in, or undefined (a gap). */
export function bandOf(bands: Band[], x: number): Band | undefined {
  return bands.find((b) => inBand(b, x));
}

export type RulesParse = { ok: true; rules: BlocRules; warnings: string[] } | { ok: false; errors: string[] };

/** Every problem of a candidate rules file, in Vietnamese, each starting with the field's path; gaps as warnings. */
export function parseBlocRules(input: unknown): RulesParse {
  const r = BlocRulesSchema.safeParse(input);
  if (!r.success) return { ok: false, errors: r.error.issues.map((i) => `${pathText(i.path)}: ${issueWords(i, input, 'quy chế')}`) };
  const gaps = bandGaps(r.data.xepLoai?.muc ?? []);
  const warnings =
    gaps.length > 0 ? [`xepLoai.muc: không mức nào chứa điểm ${gaps.join('; ')}: đơn vị có điểm này không được xếp loại`] : [];
  return { ok: true, rules: r.data, warnings };
}

export function parseBlocRulesJson(text: string): RulesParse {
  const read = readJsonText(text);
  return read.ok ? parseBlocRules(read.data) : { ok: false, errors: [read.error] };
}

/** "Quyết định số 12/QĐ-UBND ngày 15/01/2022": how the summary cites a rule. */
export function sourceText(s: Source): string {
  return `${s.vanBan}${s.dieu ? `, ${s.dieu}` : ''} ngày ${s.ngay}`;
}

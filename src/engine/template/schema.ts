/**
 * The criteria template ("mẫu tiêu chí"): the bloc's official scoring table for one year, held as data. This schema is
 * the format's documentation: every field carries a Vietnamese description, and a bad file is refused with messages
 * that name the field's path ("sections[1].criteria[3].diemChuan: phải là số").
 */
import { z } from 'zod';

const score = (what: string) => z.number().finite().nonnegative().describe(what);

/** One organisation (or other part) of a composite criterion, with the tiers it can score. */
export const TemplatePartSchema = z
  .strictObject({
    name: z.string().trim().min(1).describe('Tên phần, ví dụ “Công đoàn”, “Đoàn thanh niên”, “Hội Cựu chiến binh”.'),
    tiers: z
      .array(score('Một mức điểm của phần này'))
      .min(1)
      .describe('Các mức điểm phần này được nhận, ví dụ [20, 15]: mỗi phần chỉ được chấm đúng một mức.'),
    required: z
      .boolean()
      .optional()
      .describe('true: đơn vị nào cũng có phần này, không được tính thay bằng trung bình cộng (mặc định: false).'),
  })
  .describe('Một phần của tiêu chí tổng hợp (một tổ chức đoàn thể…).');

/**
 * A criterion scored as the sum of its parts, each part one of its own tiers. With `missing: "average"`, a part the
 * unit does not have (an organisation dissolved or never founded) takes the average of the parts it has.
 */
export const CompositeSchema = z
  .strictObject({
    parts: z.array(TemplatePartSchema).min(2).describe('Các phần cộng lại thành điểm của tiêu chí.'),
    missing: z
      .enum(['average', 'zero'])
      .describe('Phần đơn vị không có: "average" tính bằng trung bình cộng các phần hiện có, "zero" tính 0 điểm.'),
  })
  .describe('Quy tắc tiêu chí tổng hợp: điểm là tổng các phần, mỗi phần đúng một mức của nó.');

export interface TemplateCriterion {
  id: string;
  tt: string;
  text: string;
  diemChuan: number;
  diemThuong: number;
  tiers?: number[];
  composite?: z.infer<typeof CompositeSchema>;
  evidenceRequired: boolean;
  children: TemplateCriterion[];
}

export const TemplateCriterionSchema: z.ZodType<TemplateCriterion> = z
  .strictObject({
    id: z.string().trim().min(1).describe('Mã tiêu chí, duy nhất trong mẫu: "1.1.3" là Nội dung 1, mục 1.3.'),
    tt: z.string().describe('Số thứ tự như in trong bảng: "1.3", "7", "a".'),
    text: z.string().trim().min(1).describe('Nội dung tiêu chí, đúng lời của bảng chính thức.'),
    diemChuan: score('Điểm chuẩn (điểm tối đa) của tiêu chí.'),
    diemThuong: score('Điểm thưởng tối đa; 0 khi tiêu chí không có điểm thưởng.'),
    tiers: z
      .array(score('Một mức điểm'))
      .min(2)
      .optional()
      .describe('Các mức điểm cố định, ví dụ [20, 15, 10, 0]: điểm tự chấm phải là một trong các mức này.'),
    composite: CompositeSchema.optional(),
    evidenceRequired: z.boolean().describe('Có bắt buộc ghi giải trình / tài liệu kiểm chứng hay không.'),
    get children() {
      return z.array(TemplateCriterionSchema).describe('Các mục con; điểm chuẩn của chúng cộng lại bằng điểm chuẩn của mục này.');
    },
  })
  .describe('Một tiêu chí (mục) của bảng chấm điểm.');

export const TemplateSectionSchema = z
  .strictObject({
    id: z.string().trim().min(1).describe('Mã nội dung: "1", "2", "3".'),
    label: z.string().trim().min(1).describe('Tên gọi ngắn: "Nội dung 1".'),
    text: z.string().trim().min(1).describe('Tiêu đề đầy đủ của nội dung.'),
    diemChuan: score('Điểm chuẩn của cả nội dung.'),
    diemThuong: score('Điểm thưởng tối đa của cả nội dung.'),
    criteria: z.array(TemplateCriterionSchema).min(1).describe('Các mục của nội dung, theo thứ tự.'),
  })
  .describe('Một nội dung (phần) của bảng chấm điểm.');

export const TEMPLATE_VERSION = 1;

export const TemplateSchema = z
  .strictObject({
    version: z.literal(TEMPLATE_VERSION).describe('Phiên bản định dạng mẫu; hiện là 1.'),
    id: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]*$/, 'chỉ gồm chữ thường không dấu, số và dấu gạch ngang')
      .describe('Mã ngắn của mẫu, ví dụ "quang-ngai-tham-muu-tong-hop-2022".'),
    bloc: z.string().trim().min(1).describe('Tên khối thi đua ban hành bảng tiêu chí.'),
    year: z.number().int().min(2000).max(2100).describe('Năm áp dụng bảng tiêu chí.'),
    title: z.string().optional().describe('Tên văn bản ban hành bảng tiêu chí, nếu có.'),
    sections: z.array(TemplateSectionSchema).min(1).describe('Các nội dung của bảng, theo thứ tự.'),
  })
  .superRefine((t, ctx) => {
    const seen = new Map<string, string>();
    const visit = (c: TemplateCriterion, path: (string | number)[]) => {
      const where = path
        .map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`))
        .join('')
        .replace(/^\./, '');
      if (seen.has(c.id)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'id'], message: `mã “${c.id}” đã dùng ở ${seen.get(c.id)}` });
      } else seen.set(c.id, where);
      if (c.tiers && c.tiers.some((x) => x > c.diemChuan)) {
        ctx.addIssue({ code: 'custom', path: [...path, 'tiers'], message: `có mức lớn hơn điểm chuẩn ${c.diemChuan}` });
      }
      if (c.composite) {
        const top = c.composite.parts.reduce((k, p) => k + Math.max(...p.tiers), 0);
        if (Math.abs(top - c.diemChuan) > 1e-6) {
          ctx.addIssue({
            code: 'custom',
            path: [...path, 'composite', 'parts'],
            message: `mức cao nhất của các phần cộng được ${top}, khác điểm chuẩn ${c.diemChuan}`,
          });
        }
      }
      sumOfChildren(c.children, c.diemChuan, [...path, 'children']);
      c.children.forEach((k, i) => visit(k, [...path, 'children', i]));
    };
    const sumOfChildren = (children: TemplateCriterion[], diemChuan: number, path: (string | number)[]) => {
      if (children.length === 0) return;
      const sum = children.reduce((k, c) => k + c.diemChuan, 0);
      if (Math.abs(sum - diemChuan) > 1e-6) {
        ctx.addIssue({ code: 'custom', path, message: `điểm chuẩn các mục con cộng được ${sum}, khác ${diemChuan}` });
      }
    };
    t.sections.forEach((s, i) => {
      sumOfChildren(s.criteria, s.diemChuan, ['sections', i, 'criteria']);
      s.criteria.forEach((c, j) => visit(c, ['sections', i, 'criteria', j]));
    });
  })
  .describe('Mẫu tiêu chí: bảng tiêu chí chính thức của một khối thi đua trong một năm.');

export type Template = z.infer<typeof TemplateSchema>;
export type TemplateSection = z.infer<typeof TemplateSectionSchema>;
export type TemplatePart = z.infer<typeof TemplatePartSchema>;
export type Composite = z.infer<typeof CompositeSchema>;

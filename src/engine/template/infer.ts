/**
 * Infers a template from a checked sheet: caps from the Điểm chuẩn and Điểm thưởng columns, tiers from the "(N điểm)"
 * text, children from the numbering, and a composite rule where the standard is several times the top tier.
 */
import { UserError } from '../errors';
import { Criterion, SheetReport } from '../model';
import { clean, fold } from '../text';
import { tierRule } from '../tiers';
import { Composite, Template, TemplateCriterion, TemplatePart, TemplateSection, TEMPLATE_VERSION } from './schema';

export interface InferOptions {
  bloc?: string;
  year?: number;
  id?: string;
  title?: string;
}

/** The sheet's title names no year ("… NĂM 2022") and none was given: a template needs one. */
function missingYear(sheet: string): UserError {
  return new UserError('missing-year', `Trang “${sheet}” không ghi năm (“… NĂM 2022”) ở tiêu đề: hãy cho biết năm của mẫu.`);
}

export const UNNAMED_BLOC = 'Khối thi đua (chưa đặt tên)';

/** "Khối Tham mưu - Tổng hợp", 2022 → "khoi-tham-muu-tong-hop-2022". */
export function templateId(bloc: string, year: number): string {
  const slug = fold(bloc)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'mau'}-${year}`;
}

const numberOf = (c: Criterion, column: 'diemChuan' | 'diemThuong') => (c.scores[column].kind === 'number' ? c.scores[column].value : 0);

const QUOTE_OR_PAREN = /[“"«(]/;
const TIER_IN = /\(\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*\)/iu;

/**
 * The parts a composite text names: "- Tổ chức Công đoàn “Hoàn thành xuất sắc” (20 điểm) - Tổ chức Công đoàn “…”
 * (15 điểm) - Tổ chức Đoàn thanh niên …": each bullet's words before the quoted grade name the part, and the bullets
 * sharing a name give that part its tiers. Undefined unless exactly `count` parts come out.
 */
function namedParts(text: string, count: number): TemplatePart[] | undefined {
  const byName = new Map<string, TemplatePart>();
  for (const bullet of clean(text).split(/(?:^|\s)[-–•+]\s+/)) {
    const tier = TIER_IN.exec(bullet);
    if (!tier) continue;
    const cut = bullet.search(QUOTE_OR_PAREN);
    const name = clean(bullet.slice(0, cut < 0 ? undefined : cut))
      .replace(/^tổ chức\s+/iu, '')
      .replace(/[:;,.]$/, '');
    if (!name) return undefined;
    const key = fold(name);
    const part = byName.get(key) ?? { name, tiers: [] };
    const value = Number(tier[1].replace(',', '.'));
    if (!part.tiers.includes(value)) part.tiers.push(value);
    byName.set(key, part);
  }
  const parts = [...byName.values()];
  if (parts.length !== count) return undefined;
  for (const p of parts) p.tiers.sort((a, b) => b - a);
  return parts;
}

/** A composite rule where the standard is a whole number (2–6) of top tiers: one part per organisation. */
export function inferComposite(c: Criterion): Composite | undefined {
  if (c.tiers.length === 0) return undefined;
  const standard = c.scores.diemChuan.kind === 'number' ? c.scores.diemChuan.value : undefined;
  const rule = tierRule(c.tiers, standard, c.text);
  if (rule.parts < 2) return undefined;
  const parts =
    namedParts(c.text, rule.parts) ?? Array.from({ length: rule.parts }, (_, i) => ({ name: `Phần ${i + 1}`, tiers: [...rule.tiers] }));
  return { parts, missing: rule.averageForMissing ? 'average' : 'zero' };
}

function criterionOf(c: Criterion, byId: Map<string, Criterion>): TemplateCriterion {
  const children = c.children
    .map((id) => byId.get(id)!)
    .filter((k) => k.kind === 'item')
    .map((k) => criterionOf(k, byId));
  const composite = children.length === 0 ? inferComposite(c) : undefined;
  const t: TemplateCriterion = {
    id: c.id,
    tt: c.tt,
    text: clean(c.text),
    // A parent's standard is what its children add up to, so the template always holds together.
    diemChuan: children.length > 0 ? children.reduce((k, x) => k + x.diemChuan, 0) : numberOf(c, 'diemChuan'),
    diemThuong: numberOf(c, 'diemThuong'),
    evidenceRequired: children.length === 0,
    children,
  };
  if (composite) t.composite = composite;
  else if (children.length === 0 && c.tiers.length > 0) t.tiers = [...c.tiers];
  return t;
}

/** A template from a checked sheet. Sections come from the sheet's sections; a sheet without any gets one. */
export function inferTemplate(report: SheetReport, options: InferOptions = {}): Template {
  const byId = new Map(report.criteria.map((c) => [c.id, c]));
  const sections: TemplateSection[] = [];
  const heads = report.criteria.filter((c) => c.kind === 'section');
  for (const s of heads) {
    const criteria = s.children
      .map((id) => byId.get(id)!)
      .filter((k) => k.kind === 'item')
      .map((k) => criterionOf(k, byId));
    if (criteria.length === 0) continue;
    sections.push({
      id: s.id,
      label: s.label,
      text: clean(s.text),
      diemChuan: criteria.reduce((k, x) => k + x.diemChuan, 0),
      diemThuong: numberOf(s, 'diemThuong'),
      criteria,
    });
  }
  const loose = report.criteria.filter((c) => c.kind === 'item' && (c.parent === undefined || byId.get(c.parent)?.kind === 'total'));
  if (loose.length > 0) {
    const criteria = loose.map((k) => criterionOf(k, byId));
    sections.push({
      id: String(sections.length + 1),
      label: `Nội dung ${sections.length + 1}`,
      text: 'Các tiêu chí',
      diemChuan: criteria.reduce((k, x) => k + x.diemChuan, 0),
      diemThuong: criteria.reduce((k, x) => k + x.diemThuong, 0),
      criteria,
    });
  }
  // An empty template would be written only for check --template to refuse it: refuse it here, saying why.
  if (sections.length === 0) {
    throw new UserError(
      'bad-template',
      `Trang “${report.sheet}” không cho ra tiêu chí nào để làm mẫu: không đọc được mục nào có điểm chuẩn dưới dòng tiêu đề ${report.table.headerRange}.`,
    );
  }
  const bloc = clean(options.bloc ?? '') || UNNAMED_BLOC;
  const year = options.year ?? report.year;
  if (year === undefined) throw missingYear(report.sheet);
  return {
    version: TEMPLATE_VERSION,
    id: options.id ?? templateId(bloc, year),
    bloc,
    year,
    ...(options.title ? { title: options.title } : {}),
    sections,
  };
}

/**
 * The bloc's ranking: on checked scores, ties shown as đồng hạng (competition ranking 1, 2, 2, 4), broken only by the
 * bloc's own tie-break chain and then said so; the rank on self-scores beside it; classification bands and award
 * quotas applied in rank order. Pure data in, data out.
 */
import { BlocRules, bandOf, sourceText, TieBreak } from './rules';
import { round, unitKey, UnitScores } from './unit';

/** One row of the bloc: a unit read from a sheet, or a file (or sheet) that could not be read. */
export type BlocInput = { kind: 'unit'; unit: UnitScores } | { kind: 'unread'; file: string; sheet?: string; reason: string };

export interface RankedUnit {
  unit: UnitScores;
  /**
   * The score the bloc ranks on: the review total (Điểm Khối chấm…) where the sheet carries one, since that is the
   * bloc's own reading of the sheet; else Điểm sau kiểm tra. Never the self-score.
   */
  score: number;
  /** Competition rank on `score`: equal scores share a rank, the next rank skips (1, 2, 2, 4). */
  rank: number;
  /** The other units sharing `rank` (đồng hạng), by name. */
  tiedWith: string[];
  /** Place after the bloc's tie-break chain; equal to `rank` without one. Still shared where the chain cannot split. */
  place: number;
  /** Which tie-break rule set this unit apart from those it tied with, in words with its source. */
  brokenBy?: string;
  /** Competition rank on the self-score (Tự chấm). */
  selfRank: number;
  /** selfRank − rank: positive, the unit rises on checked scores ("lên 2 bậc"). */
  change: number;
  band?: string;
  /** Set when bands exist and the score falls in none of them. */
  outsideBands?: boolean;
  /** The award proposed, if any. */
  award?: string;
  /** Why the unit is not proposed although it would be by rank: not eligible, or claimed twice, or a tie at the quota. */
  notProposed?: string;
  /** Other rows claiming the same unit (by name): reported, not merged. */
  duplicates: string[];
}

export interface UnreadRow {
  file: string;
  sheet?: string;
  reason: string;
}

export interface AwardOutcome {
  name: string;
  quota: number;
  /** How the quota was reached: "3 đơn vị", "30% của 8 = 2,4, làm tròn xuống: 2". */
  quotaText: string;
  source: string;
  awarded: string[];
  /** Slots left open by a tie at the quota's edge: the bloc decides. */
  open: number;
}

export interface BlocRanking {
  /** In final order: by place, then the order the units were given. */
  units: RankedUnit[];
  unread: UnreadRow[];
  awards: AwardOutcome[];
  /** Things the bloc must look at: duplicates, gates naming no unit, band gaps hit. */
  notes: string[];
}

const EPS = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) < EPS;

/** Competition ranking (1, 2, 2, 4) of `values`, higher first. */
export function competitionRanks(values: number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v + EPS).length);
}

export const TIE_BREAK_WORDS: Record<TieBreak['theo'], string> = {
  'it-loi-hon': 'ít lỗi hơn',
  'it-canh-bao-hon': 'ít cảnh báo hơn',
  'diem-tieu-chi': 'điểm cao hơn ở tiêu chí',
  'tu-cham-thap-hon': 'tự chấm sát hơn (thấp hơn)',
};

/** A tie-break's key: lower is better. Undefined when the unit has no value for it (the rule then cannot split). */
function tieKey(t: TieBreak, u: UnitScores): number | undefined {
  switch (t.theo) {
    case 'it-loi-hon':
      return u.errors;
    case 'it-canh-bao-hon':
      return u.warnings;
    case 'tu-cham-thap-hon':
      return u.tuCham;
    case 'diem-tieu-chi': {
      const c = u.criteria.find((x) => x.key === t.tieuChi) ?? u.criteria.find((x) => x.id === t.tieuChi);
      return c === undefined ? undefined : -c.checked;
    }
  }
}

function tieWords(t: TieBreak): string {
  return `${TIE_BREAK_WORDS[t.theo]}${t.theo === 'diem-tieu-chi' ? ` ${t.tieuChi}` : ''} (${sourceText(t.nguon)})`;
}

function quotaOf(count: number | undefined, percent: number | undefined, rounding: string, n: number): { quota: number; text: string } {
  if (count !== undefined) return { quota: count, text: `${count} đơn vị` };
  const exact = round(((percent ?? 0) * n) / 100);
  const quota = rounding === 'len' ? Math.ceil(exact) : rounding === 'gan-nhat' ? Math.floor(exact + 0.5) : Math.floor(exact);
  const how = rounding === 'len' ? 'làm tròn lên' : rounding === 'gan-nhat' ? 'làm tròn gần nhất' : 'làm tròn xuống';
  const show = (x: number) => String(x).replace('.', ',');
  return { quota, text: `${show(percent ?? 0)}% của ${n} = ${show(exact)}, ${how}: ${quota}` };
}

export function rankBloc(inputs: BlocInput[], rules?: BlocRules): BlocRanking {
  const units = inputs.flatMap((i) => (i.kind === 'unit' ? [i.unit] : []));
  const unread = inputs.flatMap((i) =>
    i.kind === 'unread' ? [{ file: i.file, ...(i.sheet ? { sheet: i.sheet } : {}), reason: i.reason }] : [],
  );
  const notes: string[] = [];

  const scores = units.map((u) => u.khoiCham ?? u.checked);
  const ranks = competitionRanks(scores);
  const selfRanks = competitionRanks(units.map((u) => u.tuCham));

  // Tie-break: within a group of equal scores, each rule in turn splits the group; what it cannot split goes on.
  const chain = rules?.phaHoa ?? [];
  const place = [...ranks];
  const brokenBy: (string | undefined)[] = units.map(() => undefined);
  const groups = new Map<number, number[]>();
  ranks.forEach((r, i) => groups.set(r, [...(groups.get(r) ?? []), i]));
  for (const [start, members] of groups) {
    if (members.length < 2 || chain.length === 0) continue;
    const split = (idx: number[], first: number, level: number): void => {
      if (idx.length < 2 || level >= chain.length) {
        for (const i of idx) place[i] = first;
        return;
      }
      const rule = chain[level];
      const keys = idx.map((i) => tieKey(rule, units[i]));
      if (keys.some((k) => k === undefined) || keys.every((k) => same(k!, keys[0]!))) {
        split(idx, first, level + 1);
        return;
      }
      const distinct = [...new Set(keys.map((k) => k!))].sort((a, b) => a - b);
      let at = first;
      for (const k of distinct) {
        const sub = idx.filter((_, j) => same(keys[j]!, k));
        for (const i of sub) brokenBy[i] ??= tieWords(rule);
        split(sub, at, level + 1);
        at += sub.length;
      }
    };
    split(members, start, 0);
  }

  // Two rows claiming one unit: both kept, both told, neither proposed until the bloc settles it.
  const byKey = new Map<string, number[]>();
  units.forEach((u, i) => byKey.set(unitKey(u.name), [...(byKey.get(unitKey(u.name)) ?? []), i]));
  const where = (u: UnitScores) => `${u.file ? `${u.file.replace(/^.*[\\/]/, '')} › ` : ''}${u.sheet}`;
  for (const list of byKey.values()) {
    if (list.length > 1)
      notes.push(
        `Đơn vị “${units[list[0]].name}” có ${list.length} bảng: ${list.map((i) => where(units[i])).join('; ')}. Không cộng gộp: Khối cần xác định bảng nào đúng.`,
      );
  }

  const gates = new Map((rules?.khongDuDieuKien ?? []).map((g) => [unitKey(g.donVi), g]));
  for (const g of rules?.khongDuDieuKien ?? []) {
    if (!byKey.has(unitKey(g.donVi)))
      notes.push(`Quy chế nêu đơn vị “${g.donVi}” không đủ điều kiện, nhưng khối không có bảng nào của đơn vị này.`);
  }
  const bands = rules?.xepLoai?.muc ?? [];

  const ranked: RankedUnit[] = units.map((u, i) => {
    const tied = (groups.get(ranks[i]) ?? []).filter((j) => j !== i).map((j) => units[j].name);
    const band = bands.length > 0 ? bandOf(bands, scores[i]) : undefined;
    const dupes = (byKey.get(unitKey(u.name)) ?? []).filter((j) => j !== i).map((j) => where(units[j]));
    const gate = gates.get(unitKey(u.name));
    const r: RankedUnit = {
      unit: u,
      score: scores[i],
      rank: ranks[i],
      tiedWith: tied,
      place: place[i],
      selfRank: selfRanks[i],
      change: selfRanks[i] - ranks[i],
      duplicates: dupes,
    };
    if (brokenBy[i] && tied.length > 0) r.brokenBy = brokenBy[i];
    if (band) r.band = band.ten;
    if (bands.length > 0 && !band) r.outsideBands = true;
    if (dupes.length > 0) r.notProposed = 'Trùng đơn vị với bảng khác: chưa đề nghị';
    else if (gate) r.notProposed = `Không đủ điều kiện: ${gate.lyDo} (${sourceText(gate.nguon)})`;
    return r;
  });
  const order = ranked.map((_, i) => i).sort((a, b) => ranked[a].place - ranked[b].place || a - b);

  const outside = ranked.filter((r) => r.outsideBands).map((r) => `“${r.unit.name}” (${String(r.score).replace('.', ',')})`);
  if (outside.length > 0) notes.push(`Điểm không thuộc mức xếp loại nào của quy chế: ${outside.join(', ')}.`);

  // Awards in the file's order; each unit at most one. A group tied at the edge of a quota is not split by us.
  const awards: AwardOutcome[] = [];
  const settled = new Set<number>();
  for (const a of rules?.khenThuong ?? []) {
    const { quota, text } = quotaOf(a.soLuong, a.tyLe, a.lamTron, units.length);
    const candidates = order.filter(
      (i) =>
        !settled.has(i) &&
        ranked[i].notProposed === undefined &&
        (a.xepLoai === undefined || (ranked[i].band !== undefined && a.xepLoai.includes(ranked[i].band!))) &&
        (a.diemToiThieu === undefined || ranked[i].score >= a.diemToiThieu - EPS),
    );
    const outcome: AwardOutcome = { name: a.ten, quota, quotaText: text, source: sourceText(a.nguon), awarded: [], open: 0 };
    let left = quota;
    for (let k = 0; k < candidates.length && left > 0;) {
      const p = ranked[candidates[k]].place;
      const group = candidates.filter((i) => ranked[i].place === p);
      k += group.length;
      if (group.length <= left) {
        for (const i of group) {
          ranked[i].award = a.ten;
          settled.add(i);
          outcome.awarded.push(ranked[i].unit.name);
        }
        left -= group.length;
      } else {
        for (const i of group) {
          ranked[i].notProposed = `Đồng hạng ${p} ở ngưỡng chỉ tiêu “${a.ten}” (${group.length} đơn vị, còn ${left} suất): Khối xem xét`;
          settled.add(i);
        }
        outcome.open = left;
        left = 0;
      }
    }
    awards.push(outcome);
  }

  return { units: order.map((i) => ranked[i]), unread, awards, notes };
}

/** "lên 2 bậc", "xuống 1 bậc", "giữ nguyên": the place change from self-scores to checked scores. */
export function changeText(change: number): string {
  if (change > 0) return `lên ${change} bậc`;
  if (change < 0) return `xuống ${-change} bậc`;
  return 'giữ nguyên';
}

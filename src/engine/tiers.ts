/** Fixed tiers a criterion's text offers: "Hoàn thành xuất sắc nhiệm vụ (20 điểm) … Hoàn thành tốt (15 điểm)". */
import { clean, fold } from './text';

const TIER = /\(\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*\)/giu;

/** The distinct tier scores named in a text, largest first; empty when it names fewer than two. */
export function tiersOf(text: string): number[] {
  const found = new Set<number>();
  for (const m of clean(text).matchAll(TIER)) found.add(Number(m[1].replace(',', '.')));
  return found.size >= 2 ? [...found].sort((a, b) => b - a) : [];
}

/** Beyond this many parts the sums are not enumerated (no real criterion has that many organisations). */
const MAX_PARTS = 6;

export interface TierRule {
  tiers: number[];
  /** How many parts the score is made of: 3 where the standard is 60 and the top tier 20 (three organisations). */
  parts: number;
  /** The text lets a missing part take the average of the others ("trung bình cộng"). */
  averageForMissing: boolean;
}

export function tierRule(tiers: number[], standard: number | undefined, text: string): TierRule {
  const top = tiers[0];
  const ratio = standard !== undefined && top > 0 ? standard / top : 1;
  const parts = Number.isInteger(ratio) && ratio >= 1 && ratio <= MAX_PARTS ? ratio : 1;
  return { tiers, parts, averageForMissing: /trung binh/.test(fold(text)) };
}

/** Every score the rule allows: the sums of `parts` tiers, and, where allowed, the scores averaged over missing parts. */
export function allowedScores(rule: TierRule): number[] {
  const sums: Set<number>[] = [new Set([0])];
  for (let n = 1; n <= rule.parts; n++) {
    const next = new Set<number>();
    for (const s of sums[n - 1]) for (const t of rule.tiers) next.add(Math.round((s + t) * 1e6) / 1e6);
    sums.push(next);
  }
  const allowed = new Set(sums[rule.parts]);
  if (rule.averageForMissing) {
    // With m of the parts present, each missing one scores their average: total = parts × (sum of m) / m.
    for (let m = 1; m < rule.parts; m++) {
      for (const s of sums[m]) allowed.add(Math.round(((rule.parts * s) / m) * 1e6) / 1e6);
    }
  }
  return [...allowed].sort((a, b) => b - a);
}

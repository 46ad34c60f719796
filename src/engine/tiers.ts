/** Fixed tiers a criterion's text offers: "Hoàn thành xuất sắc nhiệm vụ (20 điểm) … Hoàn thành tốt (15 điểm)". */
import { compositeTotals } from './template/composite';
import type { Composite } from './template/schema';
import { clean, fold } from './text';

const TIER = /\(\s*(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)\s*\)/giu;

/** The distinct tier scores named in a text, largest first; empty when it names fewer than two. */
export function tiersOf(text: string): number[] {
  if (!text.includes('(')) return []; // tiers are written in brackets: most texts have none
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

/** The same rule as a composite: `parts` alike parts, each at one tier; a missing one averaged where the text allows. */
export function tierComposite(rule: TierRule): Composite {
  const part = { name: '', tiers: rule.tiers, required: !rule.averageForMissing };
  return { parts: Array.from({ length: rule.parts }, () => part), missing: rule.averageForMissing ? 'average' : 'zero' };
}

/** Every score the rule allows, largest first: one arithmetic with composite criteria (template/composite.ts). */
export function allowedScores(rule: TierRule): number[] {
  return compositeTotals(tierComposite(rule));
}

/**
 * The arithmetic of a composite criterion (Nội dung 2, mục 7 of the seed): the score is the sum of its parts, each
 * part one of its own tiers; a part the unit does not have takes the average of the parts it has (or 0).
 */
import { roundScore as round, sameScore as near } from '../numbers';
import { Composite } from './schema';

/** Every total the rule allows, largest first: each part at one of its tiers or missing, at least one present. */
export function compositeTotals(rule: Composite): number[] {
  const out = new Set<number>();
  const walk = (i: number, sum: number, present: number, missing: number) => {
    if (i === rule.parts.length) {
      if (present === 0) return;
      out.add(round(sum + (rule.missing === 'average' ? (sum / present) * missing : 0)));
      return;
    }
    for (const t of rule.parts[i].tiers) walk(i + 1, sum + t, present + 1, missing);
    if (!rule.parts[i].required) walk(i + 1, sum, present, missing + 1);
  };
  walk(0, 0, 0, 0);
  return [...out].sort((a, b) => b - a);
}

export interface PartReading {
  /** Index in the rule's parts. */
  index: number;
  value: number;
  /** One of the part's tiers. */
  tier: boolean;
  /** Not a tier, but what a missing part takes: the average of the present ones (or 0). */
  missing: boolean;
}

/**
 * Reads the parts a sheet gives, in the rule's order; parts it leaves out are missing. A part is "present" when it is
 * one of its tiers; one that is not is accepted as missing when it equals what a missing part takes.
 */
export function readParts(rule: Composite, given: number[]): { parts: PartReading[]; fill: number; sum: number } {
  const isTier = given.map((v, i) => rule.parts[i].tiers.some((t) => near(t, v)));
  const present = given.filter((_, i) => isTier[i]);
  const fill = rule.missing === 'average' && present.length > 0 ? present.reduce((k, v) => k + v, 0) / present.length : 0;
  const parts = given.map((value, index) => ({
    index,
    value,
    tier: isTier[index],
    missing: !isTier[index] && !rule.parts[index].required && near(value, fill),
  }));
  const unwritten = rule.parts.length - given.length;
  return { parts, fill: round(fill), sum: round(given.reduce((k, v) => k + v, 0) + fill * unwritten) };
}

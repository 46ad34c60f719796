/** The one shape of every "self-score above its cap" rule: a self column held to the cap column of the same row. */
import type { ScoreColumn } from '../model';
import { scoreValue, sameScore } from '../numbers';
import { defineRule, MessageFn, RuleMeta, RuleTag } from './rule';

export interface CapData {
  self: number;
  cap: number;
  column: ScoreColumn;
}

/** A rule that finds `self` above `cap` on any criterion row. */
export function capRule<const Code extends string>(spec: {
  code: Code;
  title: string;
  description: string;
  self: ScoreColumn;
  cap: ScoreColumn;
  message: MessageFn<CapData>;
  tags?: readonly RuleTag[];
}) {
  const meta: RuleMeta<Code> = {
    code: spec.code,
    severity: 'error',
    title: spec.title,
    description: spec.description,
    tags: spec.tags ?? ['scores'],
  };
  return defineRule<{ overCap: CapData }>()({
    meta,
    messages: { overCap: spec.message },
    check({ map, layout }, report) {
      const col = layout.columns[spec.self];
      if (col === undefined) return;
      for (const c of map.criteria) {
        const self = scoreValue(c.scores[spec.self]);
        const cap = scoreValue(c.scores[spec.cap]);
        if (self === undefined || cap === undefined || self <= cap || sameScore(self, cap)) continue;
        report({ row: c.row, col, criterion: c }, 'overCap', { self, cap, column: spec.self });
      }
    },
  });
}

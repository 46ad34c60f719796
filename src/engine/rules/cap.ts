/**
 * The shape the template's cap rules share: a cap column held to the template's value.
 */
import { sameScore, scoreValue } from '../numbers';
import { defineRule, MessageFn } from './rule';

export interface TemplateValueData {
  sheet: number;
  template: number;
  /** The template criterion it was matched to. */
  node: string;
}

/**
 * A rule that finds a cap column (Điểm chuẩn, Điểm thưởng) that differs from the template's. `emptyIsZero`: an empty
 * cell is a cap of 0 (a bonus column left blank offers no bonus); otherwise an empty cell is not compared.
 */
export function templateValueRule<const Code extends string>(spec: {
  code: Code;
  title: string;
  description: string;
  column: 'diemChuan' | 'diemThuong';
  emptyIsZero: boolean;
  message: MessageFn<TemplateValueData>;
}) {
  return defineRule<{ changed: TemplateValueData }>()({
    meta: {
      code: spec.code,
      severity: 'error',
      title: spec.title,
      description: spec.description,
      requires: ['template'],
      tags: ['template', 'scores'],
    },
    messages: { changed: spec.message },
    check({ map, layout, template }, report) {
      const col = layout.columns[spec.column];
      if (!template || col === undefined) return;
      for (const c of map.criteria) {
        const node = template.bySheet.get(c.id);
        const s = c.scores[spec.column];
        // Text in a cap column is not-a-number's to tell; it is no cap to compare.
        if (!node || s.kind === 'text' || (s.kind === 'empty' && !spec.emptyIsZero)) continue;
        const sheet = scoreValue(s) ?? 0;
        if (sameScore(sheet, node[spec.column])) continue;
        report({ row: c.row, col, criterion: c }, 'changed', { sheet, template: node[spec.column], node: node.id });
      }
    },
  });
}

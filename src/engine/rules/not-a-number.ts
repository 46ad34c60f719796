import type { ScoreColumn } from '../model';
import { excerpt } from '../text';
import { defineRule } from './rule';

/** Long text in a score column is most often evidence that slid one column left. */
const LOOKS_LIKE_EVIDENCE = 25;

interface TextData {
  column: ScoreColumn;
  text: string;
}

/** Text in a score column that is no number at all. */
export const notANumber = defineRule<{ text: TextData; slid: TextData }>()({
  meta: {
    code: 'not-a-number',
    severity: 'error',
    title: 'Chữ trong cột điểm',
    description: 'Một ô trong cột điểm ghi chữ thay vì số; chữ dài thường là giải trình bị lệch cột.',
    tags: ['numbers'],
  },
  messages: {
    text: (d, say) => `cột ${say.column(d.column)} ghi chữ “${d.text}” thay vì số điểm.`,
    slid: (d, say) => `cột ${say.column(d.column)} ghi chữ “${d.text}” thay vì số điểm (có lẽ giải trình bị lệch sang cột này).`,
  },
  check({ scoreCells }, report) {
    // By index, each cell's score first: a cell is made only when told (for…of would also allocate per step).
    for (let k = 0; k < scoreCells.length; k++) {
      const score = scoreCells.score(k);
      if (score.kind !== 'text') continue;
      const column = scoreCells.column(k);
      report(scoreCells.cell(k), score.text.length > LOOKS_LIKE_EVIDENCE ? 'slid' : 'text', { column, text: excerpt(score.text, 50) });
    }
  },
});

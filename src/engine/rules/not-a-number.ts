import { excerpt } from '../text';
import { COLUMN_WORDS, finding, Rule } from './rule';

/** Long text in a score column is most often evidence that slid one column left. */
const LOOKS_LIKE_EVIDENCE = 25;

/** Text in a score column that is no number at all. */
export const notANumber: Rule = {
  code: 'not-a-number',
  severity: 'error',
  title: 'Chữ trong cột điểm',
  message: (p) =>
    `${p.cell}: cột ${p.column} ghi chữ “${p.text}” thay vì số điểm` +
    (p.slid === 'yes' ? ' (có lẽ giải trình bị lệch sang cột này).' : '.'),
  check({ scoreCells }) {
    return scoreCells.flatMap((s) =>
      s.score.kind === 'text'
        ? [
            finding(notANumber, s.row, s.col, s.criterion, {
              column: COLUMN_WORDS[s.column],
              text: excerpt(s.score.text, 50),
              slid: s.score.text.length > LOOKS_LIKE_EVIDENCE ? 'yes' : 'no',
            }),
          ]
        : [],
    );
  },
};

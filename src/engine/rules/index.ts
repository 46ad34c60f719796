/** Every rule the engine runs, in the order their findings are listed. */
import { ambiguousNumber } from './ambiguous-number';
import { bonusCapChanged } from './bonus-cap-changed';
import { bonusOverCap } from './bonus-over-cap';
import { citationConflict } from './citation-conflict';
import { citationDateInvalid } from './citation-date-invalid';
import { citationOutOfPeriod } from './citation-out-of-period';
import { compositeMismatch } from './composite-mismatch';
import { criterionExtra } from './criterion-extra';
import { criterionMissing } from './criterion-missing';
import { missingEvidence } from './missing-evidence';
import { missingScore } from './missing-score';
import { multipleNumbers } from './multiple-numbers';
import { negativeScore } from './negative-score';
import { notANumber } from './not-a-number';
import { notATier } from './not-a-tier';
import { overCap } from './over-cap';
import { provisional } from './provisional';
import { Rule } from './rule';
import { standardChanged } from './standard-changed';
import { textChanged } from './text-changed';
import { totalAsValue } from './total-as-value';
import { totalMismatch } from './total-mismatch';
import { weakEvidence } from './weak-evidence';

export const RULES: readonly Rule[] = [
  overCap,
  bonusOverCap,
  notATier,
  negativeScore,
  notANumber,
  totalMismatch,
  multipleNumbers,
  ambiguousNumber,
  missingScore,
  missingEvidence,
  weakEvidence,
  citationDateInvalid,
  citationConflict,
  citationOutOfPeriod,
  provisional,
  totalAsValue,
  // Against a template (they find nothing without one).
  standardChanged,
  bonusCapChanged,
  criterionMissing,
  criterionExtra,
  compositeMismatch,
  textChanged,
];

export type { Rule, RuleContext, ScoreCell } from './rule';

/** Every rule the engine runs, in the order their findings are listed. */
import { ambiguousNumber } from './ambiguous-number';
import { bonusOverCap } from './bonus-over-cap';
import { missingEvidence } from './missing-evidence';
import { missingScore } from './missing-score';
import { multipleNumbers } from './multiple-numbers';
import { negativeScore } from './negative-score';
import { notANumber } from './not-a-number';
import { notATier } from './not-a-tier';
import { overCap } from './over-cap';
import { provisional } from './provisional';
import { Rule } from './rule';
import { totalAsValue } from './total-as-value';
import { totalMismatch } from './total-mismatch';

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
  provisional,
  totalAsValue,
];

export type { Rule, RuleContext, ScoreCell } from './rule';

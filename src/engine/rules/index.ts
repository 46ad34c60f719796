/**
 * The one registry: every rule the engine runs, in the order their findings are listed. A rule is one file named by
 * its code; adding it here is the only other place it is named (test/engine/rules/registry.test.ts holds the two,
 * the tests and docs/rules/ together).
 */
import { ambiguousNumber } from './ambiguous-number';
import { bonusCapChanged } from './bonus-cap-changed';
import { bonusOverCap } from './bonus-over-cap';
import { bonusUncapped } from './bonus-uncapped';
import { citationConflict } from './citation-conflict';
import { citationDateInvalid } from './citation-date-invalid';
import { citationOutOfPeriod } from './citation-out-of-period';
import { compositeMismatch } from './composite-mismatch';
import { criterionExtra } from './criterion-extra';
import { criterionMissing } from './criterion-missing';
import { deductionOverCap } from './deduction-over-cap';
import { missingEvidence } from './missing-evidence';
import { missingScore } from './missing-score';
import { multipleNumbers } from './multiple-numbers';
import { negativeScore } from './negative-score';
import { notANumber } from './not-a-number';
import { notATier } from './not-a-tier';
import { overCap } from './over-cap';
import { provisional } from './provisional';
import { reviewOverCap } from './review-over-cap';
import { reviewWithoutReason } from './review-without-reason';
import { standardChanged } from './standard-changed';
import { textChanged } from './text-changed';
import { totalAsValue } from './total-as-value';
import { totalMismatch } from './total-mismatch';
import { weakEvidence } from './weak-evidence';

export const RULES = [
  overCap,
  bonusOverCap,
  deductionOverCap,
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
  reviewOverCap,
  reviewWithoutReason,
  totalAsValue,
  standardChanged,
  bonusCapChanged,
  criterionMissing,
  criterionExtra,
  compositeMismatch,
  textChanged,
  bonusUncapped,
] as const;

/** Every rule's stable code. */
export type RuleCode = (typeof RULES)[number]['meta']['code'];

export type { At, RuleContext, RuleDefinition, RuleMeta, RuleTag, ScoreCell } from './rule';
export { ScoreCells } from './rule';
export { citationConflict };

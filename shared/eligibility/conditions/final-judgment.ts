/**
 * The judgment is final (ETS 112 Art. 3(1)(b)), under the rule-set's definition:
 * - `per-sentencing-law`: as recorded (`judgment.final`);
 * - `no-ordinary-appeal-and-period-expired`: Inter-American Art. I(3); derivable from the
 *   appeal period when `final` is not recorded;
 * - `no-appeal-or-collateral-attack`: US practice (CRM 732 (4)); `appealPending` must be known.
 * An appeal pending always fails. Where the only obstacle is an appeal period still running,
 * the condition clears the day after its last day.
 */
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { parseIsoDate, type DayNumber } from '../../sentence/calendar.ts';
import { notApplicable, result } from './result.ts';

/** Not final: because the appeal period is still running on the reference date (it clears the day after), or as recorded. */
function notFinal(ctx: AssessmentContext, periodEnds: DayNumber | null): ConditionResult {
  const rule = ctx.ruleSet.finality;
  const running = ctx.case.judgment.appealPending === false && periodEnds != null && periodEnds >= ctx.reference;
  return running
    ? result('final-judgment', 'not_met', rule, 'cond.final.periodRunning', { ends: { day: periodEnds } }, { clearsOn: periodEnds + 1 })
    : result('final-judgment', 'not_met', rule, 'cond.final.notFinal');
}

export function evaluateFinalJudgment(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.finality;
  if (!rule.value.required) return notApplicable('final-judgment', rule);
  const j = ctx.case.judgment;
  const definition = rule.value.definition;
  if (j.appealPending === true) return result('final-judgment', 'not_met', rule, 'cond.final.appealPending');

  const periodEnds = j.appealPeriodEnds != null ? parseIsoDate(j.appealPeriodEnds) : null;
  // Inter-American Art. I(3) defines finality by the appeal period: once it has expired with no appeal, the judgment is final.
  if (definition === 'no-ordinary-appeal-and-period-expired' && j.appealPending === false && periodEnds != null && periodEnds < ctx.reference) {
    return result('final-judgment', 'met', rule, 'cond.final.periodExpired', { ends: { day: periodEnds } });
  }
  if (j.final === false) return notFinal(ctx, periodEnds);
  if (definition === 'no-appeal-or-collateral-attack' && j.appealPending == null) {
    return result('final-judgment', 'unknown', rule, 'cond.final.unknownAppeal', {}, { missing: ['judgment.appealPending'] });
  }
  if (j.final === true) return result('final-judgment', 'met', rule, `cond.final.met.${definition}`);
  if (definition === 'no-ordinary-appeal-and-period-expired' && j.appealPending === false && periodEnds != null) return notFinal(ctx, periodEnds);
  return result('final-judgment', 'unknown', rule, 'cond.final.unknown', {}, { missing: ['judgment.final'] });
}

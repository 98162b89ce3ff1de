/**
 * A national of the sentencing State as well (US–Thailand Art. II(7)(b): transfer may be
 * refused; a bar where configured). The rule may differ by sentencing State (Hong Kong's own
 * side, rule-set `dualNationality.bySentencingState`). For a sentencing place that is not a
 * State, the nationality is the one its people hold: Chinese for Hong Kong and Macao.
 */
import type { MessageParams } from '../../messages.ts';
import { dualNationalityRuleFor } from '../../treaties/schema.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result } from './result.ts';

/**
 * The nationality of a place that has none of its own. Hong Kong and Macao are parts of the
 * People's Republic of China (Basic Laws, Art. 1); the Security Bureau said in January 2026
 * that Hong Kong's transfer arrangements do not apply to Chinese citizens, the PRC not
 * recognising dual nationality (as reported by Yahoo News HK, 21 Jan 2026). A case file may
 * also record the place's own code as a nationality: both count.
 */
const NATIONALITY_OF_PLACE: Readonly<Record<string, string>> = { HK: 'CN', MO: 'CN' };

export function evaluateDualNationality(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.dualNationality;
  const state = ctx.case.sentencingState;
  const value = dualNationalityRuleFor(rule.value, state);
  if (value === 'allow') return notApplicable('dual-nationality', rule);
  const effect = value === 'bar' ? 'mandatory' : 'discretionary_refusal';
  const nationality = NATIONALITY_OF_PLACE[state];
  // A place's own nationality reads "a national of CN, the nationality of HK"; a State's reads as before.
  const suffix = nationality === undefined ? '' : '.place';
  const params: MessageParams = nationality === undefined ? { state } : { state, nationality };
  const nationalities = ctx.case.person.nationalities;
  if (nationalities == null) {
    return result('dual-nationality', 'unknown', rule, `cond.dualNationality.unknown${suffix}`, params, { effect, missing: ['person.nationalities'] });
  }
  const holds = nationalities.includes(state) || (nationality !== undefined && nationalities.includes(nationality));
  if (!holds) return result('dual-nationality', 'met', rule, `cond.dualNationality.met${suffix}`, params, { effect });
  return result('dual-nationality', 'not_met', rule, `cond.dualNationality.${effect === 'mandatory' ? 'bar' : 'discretionary'}${suffix}`, params, {
    effect,
    flags: effect === 'mandatory' ? [] : ['discretionary_refusal:dual_national'],
  });
}

/**
 * The personal link with the administering State: nationality (ETS 112 Art. 3(1)(a)),
 * permanent residence (Italy–Brazil Art. 3(1)(a); Hong Kong arrangements), or the
 * forwarding criteria of 2008/909 Art. 4(1).
 */
import type { LinkBasis } from '../../treaties/schema.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { result, type Tri } from './result.ts';

function both(a: Tri, b: Tri): Tri {
  if (a === 'no' || b === 'no') return 'no';
  return a === 'yes' && b === 'yes' ? 'yes' : 'unknown';
}

function listHas(list: readonly string[] | null | undefined, code: string): Tri {
  if (list == null) return 'unknown';
  return list.includes(code) ? 'yes' : 'no';
}

export function linkFacts(ctx: AssessmentContext, basis: LinkBasis): { value: Tri; missing: string[] } {
  const { person, expulsion } = ctx.case;
  const state = ctx.case.administeringState;
  const national = listHas(person.nationalities, state);
  const nationalMissing = person.nationalities == null ? ['person.nationalities'] : [];
  switch (basis) {
    case 'nationality':
      return { value: national, missing: nationalMissing };
    case 'permanent-residence':
      return { value: listHas(person.permanentResidence, state), missing: person.permanentResidence == null ? ['person.permanentResidence'] : [] };
    case 'lives-in':
      return { value: person.livesIn == null ? 'unknown' : person.livesIn === state ? 'yes' : 'no', missing: person.livesIn == null ? ['person.livesIn'] : [] };
    case 'nationality-and-lives-in': {
      const lives = linkFacts(ctx, 'lives-in');
      return { value: both(national, lives.value), missing: [...nationalMissing, ...lives.missing] };
    }
    case 'nationality-and-deportation':
      // An expulsion recorded as null means none is known: the route is not open (consent stays required).
      return { value: both(national, expulsion != null ? 'yes' : 'no'), missing: nationalMissing };
    case 'consenting-state':
      return { value: ctx.case.events.statesAgreed != null ? 'yes' : 'no', missing: [] };
  }
}

export function evaluateNationality(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.link;
  const state = ctx.case.administeringState;
  const bases = rule.value.byAdministeringState[state] ?? rule.value.default;
  const missing: string[] = [];
  let consentingStateRoute = false;
  for (const basis of bases) {
    if (basis === 'consenting-state') consentingStateRoute = true;
    const fact = linkFacts(ctx, basis);
    if (fact.value === 'yes') return result('nationality', 'met', rule, `cond.nationality.met.${basis}`, { state });
    if (fact.value === 'unknown') missing.push(...fact.missing);
  }
  if (missing.length > 0) {
    return result('nationality', 'unknown', rule, 'cond.nationality.unknown', { state, bases: bases.join(', ') }, { missing: [...new Set(missing)] });
  }
  if (consentingStateRoute) {
    // 2008/909 Art. 4(1)(c): any other Member State may take the case if its authority consents.
    return result('nationality', 'waived', rule, 'cond.nationality.consentingState', { state });
  }
  return result('nationality', 'not_met', rule, 'cond.nationality.notMet', { state, bases: bases.join(', ') });
}

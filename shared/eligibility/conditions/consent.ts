/**
 * Consent of the sentenced person or, where a State considers it necessary in view of age or
 * physical or mental condition, of the legal representative (ETS 112 Art. 3(1)(d)); the
 * routes that dispense with it (ETS 167 Arts. 2-3, 2008/909 Art. 6(2)), with the person's
 * opinion where the route asks for it; and the point after which it can no longer be withdrawn.
 *
 * `person.representativeNeeded` absent means no State has found a representative necessary:
 * the person's own consent is then the one expected (the Convention's default).
 */
import { ageOn, parseIsoDate } from '../../sentence/calendar.ts';
import { declarationsOf } from '../../treaties/map/relations.ts';
import type { ConsentException } from '../../treaties/schema.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { notApplicable, result, type Tri } from './result.ts';
import { MAP_ENTRY } from './treaty-basis.ts';

function exceptionFacts(ctx: AssessmentContext, kind: ConsentException['kind']): { value: Tri; missing: string[] } {
  const c = ctx.case;
  const state = c.administeringState;
  const nationalities = c.person.nationalities;
  const national: Tri = nationalities == null ? 'unknown' : nationalities.includes(state) ? 'yes' : 'no';
  const nationalMissing = nationalities == null ? ['person.nationalities'] : [];
  const left = c.leftSentencingState;
  const expulsion = c.expulsion;
  const leftTo = (when: 'after-final-judgment' | 'during-proceedings' | null, needsNational: boolean): { value: Tri; missing: string[] } => {
    if (left == null) return { value: 'no', missing: [] };
    if (left.to == null) return { value: 'unknown', missing: ['leftSentencingState.to'] };
    if (left.to !== state) return { value: 'no', missing: [] };
    if (when !== null) {
      if (left.when == null) return { value: 'unknown', missing: ['leftSentencingState.when'] };
      if (left.when !== when) return { value: 'no', missing: [] };
    }
    return needsNational ? { value: national, missing: nationalMissing } : { value: 'yes', missing: [] };
  };
  switch (kind) {
    case 'fled-after-final-judgment':
    case 'left-aware-of-judgment':
      return leftTo('after-final-judgment', true);
    case 'left-aware-of-proceedings':
      return leftTo('during-proceedings', true);
    case 'fled-to-executing':
      return leftTo(null, false);
    case 'expulsion-in-sentence':
      return { value: expulsion?.kind === 'in-sentence' ? 'yes' : 'no', missing: [] };
    case 'expulsion-administrative-consequential':
      if (expulsion?.kind === 'administrative-consequential') return { value: 'yes', missing: [] };
      // An administrative order not shown to follow from the sentence: proof is needed (ETS 167 Art. 3(1) original).
      if (expulsion?.kind === 'administrative') return { value: 'unknown', missing: ['expulsion.kind (is the order consequential to the sentence?)'] };
      return { value: 'no', missing: [] };
    case 'expulsion-administrative-any':
      return { value: expulsion?.kind === 'administrative' || expulsion?.kind === 'administrative-consequential' ? 'yes' : 'no', missing: [] };
    case 'national-living-in-executing': {
      if (national === 'no') return { value: 'no', missing: [] };
      const lives: Tri = c.person.livesIn == null ? 'unknown' : c.person.livesIn === state ? 'yes' : 'no';
      if (lives === 'no') return { value: 'no', missing: [] };
      if (national === 'yes' && lives === 'yes') return { value: 'yes', missing: [] };
      return { value: 'unknown', missing: [...nationalMissing, ...(lives === 'unknown' ? ['person.livesIn'] : [])] };
    }
    case 'deported-to-executing':
      return { value: expulsion != null ? 'yes' : 'no', missing: [] };
  }
}

export function evaluateConsent(ctx: AssessmentContext): ConditionResult {
  const rule = ctx.ruleSet.consent;
  const { required, representativeTriggers, minorAge, minorAgeAt, irrevocableAfter } = rule.value;
  if (!required) return notApplicable('consent', rule);
  // US: a parent's or guardian's consent for an offender under 18 "at the time of transfer" (the planned date, else the earliest: the reference).
  const ageDay = minorAgeAt === 'transfer' && ctx.transferOn !== null ? Math.max(ctx.transferOn, ctx.reference) : ctx.reference;
  const c = ctx.case;
  const consent = c.consent ?? null;

  // Does a representative have to consent?
  let representative: Tri = 'no';
  let representativeMissing: string[] = [];
  if (representativeTriggers.length > 0 && c.person.representativeNeeded === true) representative = 'yes';
  else if (minorAge !== null && representativeTriggers.includes('age')) {
    if (c.person.dateOfBirth == null) {
      representative = 'unknown';
      representativeMissing = ['person.dateOfBirth'];
    } else if (ageOn(parseIsoDate(c.person.dateOfBirth), ageDay) < minorAge) representative = 'yes';
  }

  // Consent as given (a withdrawal after the point of irrevocability leaves it standing).
  let standing: ConditionResult | null = null;
  let withdrawalUnknown: string[] = [];
  let status = consent?.status ?? null;
  let irrevocable = false;
  if (status === 'withdrawn' && irrevocableAfter === 'states-agreement' && c.events.statesAgreed != null) {
    if (consent?.withdrawnOn == null) withdrawalUnknown = ['consent.withdrawnOn'];
    // On the day the States agreed, the dates cannot tell whether the withdrawal came before the agreement or after it.
    else if (consent.withdrawnOn === c.events.statesAgreed) withdrawalUnknown = ['consent.withdrawnOn (before or after the States agreed that day?)'];
    else if (consent.withdrawnOn > c.events.statesAgreed) {
      status = 'given';
      irrevocable = true;
    }
  } else if (status === 'withdrawn' && irrevocableAfter === 'verification' && consent?.verified === true) {
    withdrawalUnknown = ['consent.withdrawnOn (before or after verification?)'];
  }
  if (status === 'given') {
    const params = { by: consent?.by ?? 'person', agreed: c.events.statesAgreed != null ? { day: parseIsoDate(c.events.statesAgreed) } : '' };
    if (consent?.by === 'representative') {
      if (representative === 'yes') standing = result('consent', 'met', rule, irrevocable ? 'cond.consent.irrevocable' : 'cond.consent.representative', params);
      else if (representative === 'unknown') standing = result('consent', 'unknown', rule, 'cond.consent.minorUnknown', { age: minorAge ?? 0 }, { missing: representativeMissing });
      else standing = result('consent', 'unknown', rule, 'cond.consent.representativeNotNeeded', params, { missing: ['person.representativeNeeded'] });
    } else if (representative === 'yes') {
      standing = result('consent', 'unknown', rule, 'cond.consent.representativeRequired', params, { missing: ['consent.by (legal representative)'] });
    } else if (representative === 'unknown') {
      standing = result('consent', 'unknown', rule, 'cond.consent.minorUnknown', { age: minorAge ?? 0 }, { missing: representativeMissing });
    } else {
      standing = result('consent', 'met', rule, irrevocable ? 'cond.consent.irrevocable' : 'cond.consent.given', params);
    }
    if (standing.status === 'met') return standing;
  }

  // Routes without consent, less those the administering State declared it will not take
  // (ETS 167 Art. 3(6), in the rule-set or the treaty map); a declaration whose content the
  // map lacks leaves an open route unknown.
  const exceptionMissing: string[] = [];
  let dispensed: { exception: ConsentException } | null = null;
  const optedOut = declarationsOf(ctx.map, ctx.ruleSet.id, c.administeringState, 'consent-route-opt-out', ctx.reference).flatMap((d) => d.routes);
  const unread = declarationsOf(ctx.map, ctx.ruleSet.id, c.administeringState, 'unread', ctx.reference).some((d) => d.mayConcern.includes('consent-route-opt-out'));
  for (const exception of ctx.ruleSet.consentExceptions) {
    if (exception.notForAdministeringStates.includes(c.administeringState) || optedOut.includes(exception.kind)) continue;
    const fact = exceptionFacts(ctx, exception.kind);
    if (fact.value === 'yes' && unread) {
      exceptionMissing.push(MAP_ENTRY);
      continue;
    }
    if (fact.value === 'yes' && (dispensed === null || (dispensed.exception.opinionRequired && !exception.opinionRequired))) dispensed = { exception };
    if (fact.value === 'unknown') exceptionMissing.push(...fact.missing);
  }
  if (dispensed !== null) {
    const { exception } = dispensed;
    const params = { route: exception.kind, source: exception.source };
    if (!exception.opinionRequired) return result('consent', 'met', exception, 'cond.consent.dispensed', params);
    return consent?.opinionRecorded === true
      ? result('consent', 'met', exception, 'cond.consent.dispensedOpinion', params)
      : result('consent', 'unknown', exception, 'cond.consent.opinionNeeded', params, { missing: ['consent.opinionRecorded'] });
  }
  if (standing !== null) return standing;
  if (withdrawalUnknown.length > 0) return result('consent', 'unknown', rule, 'cond.consent.withdrawalTiming', {}, { missing: withdrawalUnknown });
  if (exceptionMissing.length > 0 && status !== 'given') {
    return result('consent', 'unknown', rule, 'cond.consent.routeUnknown', {}, { missing: [...new Set(exceptionMissing)] });
  }
  switch (status) {
    case 'refused':
      return result('consent', 'not_met', rule, 'cond.consent.refused');
    case 'withdrawn':
      return result('consent', 'not_met', rule, 'cond.consent.withdrawn', { on: consent?.withdrawnOn ? { day: parseIsoDate(consent.withdrawnOn) } : '?' });
    case 'not-asked':
      return result('consent', 'unknown', rule, 'cond.consent.notAsked', {}, { missing: ['consent.status'] });
    default:
      return result('consent', 'unknown', rule, 'cond.consent.unknown', {}, { missing: ['consent.status'] });
  }
}

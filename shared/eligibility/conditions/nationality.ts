/**
 * The personal link with the administering State: nationality (ETS 112 Art. 3(1)(a)),
 * permanent residence (Italy–Brazil Art. 3(1)(a); Hong Kong arrangements), or the
 * forwarding criteria of 2008/909 Art. 4(1).
 */
import type { Confidence } from '../../treaties/confidence.ts';
import { declarationsOf } from '../../treaties/map/relations.ts';
import type { NationalExtension } from '../../treaties/map/schema.ts';
import type { LinkBasis } from '../../treaties/schema.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { result, type Tri } from './result.ts';
import { MAP_ENTRY } from './treaty-basis.ts';

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

/** Whether the person falls in a category a State's definition of "national" adds (ETS 112 Art. 3(4)). */
function categoryFact(ctx: AssessmentContext, category: NationalExtension): { value: Tri; missing: string[] } {
  const { person } = ctx.case;
  const resident = linkFacts(ctx, 'permanent-residence');
  const lives = linkFacts(ctx, 'lives-in');
  switch (category) {
    case 'permanent-residents':
      return resident;
    case 'habitual-residents':
      return lives;
    case 'stateless-permanent-residents': {
      const stateless: Tri = person.nationalities == null ? 'unknown' : person.nationalities.length === 0 ? 'yes' : 'no';
      return { value: both(stateless, resident.value), missing: [...(person.nationalities == null ? ['person.nationalities'] : []), ...resident.missing] };
    }
    case 'close-ties':
      // The State judges close ties: someone who lives there may qualify (never decided here), anyone else is not shown to.
      return { value: resident.value === 'yes' || lives.value === 'yes' ? 'unknown' : 'no', missing: [] };
  }
}

const WEAKER: Record<Confidence, number> = { C: 0, S: 1, U: 2 };
const weaker = (a: Confidence, b: Confidence): Confidence => (WEAKER[a] >= WEAKER[b] ? a : b);

/**
 * The administering State's own definition of "national" under the instrument (treaty map):
 * a declaration whose category the person falls in makes the link; an unconfirmed one, or a
 * declaration whose content the map lacks while the person lives there, leaves it unknown.
 */
function declaredLink(ctx: AssessmentContext, rule: { source: string; confidence: Confidence }): ConditionResult | null {
  const state = ctx.case.administeringState;
  let unknown: ConditionResult | null = null;
  for (const d of declarationsOf(ctx.map, ctx.ruleSet.id, state, 'national-definition', ctx.reference)) {
    for (const category of d.includes) {
      const fact = categoryFact(ctx, category);
      const source = { source: `${rule.source}; ${state}'s declaration under Art. ${d.article}: ${d.source}`, confidence: weaker(rule.confidence, d.confidence) };
      const params = { state, article: d.article, category };
      if (fact.value === 'yes' && d.confidence !== 'U') return result('nationality', 'met', source, 'cond.nationality.met.declaration', params);
      if (fact.value !== 'no') unknown ??= result('nationality', 'unknown', source, 'cond.nationality.unknown.declaration', params, { missing: fact.missing.length > 0 ? fact.missing : [MAP_ENTRY] });
    }
  }
  if (unknown !== null) return unknown;
  const tie = categoryFact(ctx, 'permanent-residents').value === 'yes' || categoryFact(ctx, 'habitual-residents').value === 'yes' || categoryFact(ctx, 'stateless-permanent-residents').value === 'yes';
  if (!tie) return null;
  for (const d of declarationsOf(ctx.map, ctx.ruleSet.id, state, 'unread', ctx.reference)) {
    if (!d.mayConcern.includes('national-definition')) continue;
    return result('nationality', 'unknown', { source: `${rule.source}; ${d.source}`, confidence: 'U' }, 'cond.nationality.unknown.unreadDeclaration', { state, article: d.article }, { missing: [MAP_ENTRY] });
  }
  return null;
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
  if (bases.includes('nationality')) {
    const declared = declaredLink(ctx, rule);
    if (declared !== null && (declared.status === 'met' || missing.length === 0)) return declared;
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

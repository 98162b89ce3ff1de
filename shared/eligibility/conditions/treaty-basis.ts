/**
 * Treaty basis: the instrument the rule-set applies binds both States on the reference date
 * and, when one is planned, on the transfer date (the treaty map: parties, entry into force
 * for each, denunciations, replacement by a later instrument and transitional declarations).
 * Not bound yet -> not met, with the date it will be where the map knows one; an unconfirmed
 * map entry -> unknown, never assumed.
 */
import { parseIsoDate, type DayNumber } from '../../sentence/calendar.ts';
import type { MessageParams } from '../../messages.ts';
import type { Confidence } from '../../treaties/confidence.ts';
import { instrumentOfRuleSet, noArrangementBetween, relationOn, type Evidence, type Relation } from '../../treaties/map/relations.ts';
import type { AssessmentContext, ConditionResult } from '../types.ts';
import { result } from './result.ts';

const ID = 'treaty-basis';
/** What to find out when the map does not know: its entry (shown as "the treaty map entry"). */
export const MAP_ENTRY = 'treatyMap';

export function evaluateTreatyBasis(ctx: AssessmentContext): ConditionResult {
  const { ruleSet, case: c } = ctx;
  const a = c.sentencingState;
  const b = c.administeringState;
  if (ruleSet.kind === 'ad-hoc-arrangement') {
    // Cap. 513 arrangements may be made for a particular prisoner (docs/treaties.md "Arrangements for one case"): the arrangement is the basis,
    // except between places the map records as having none and able to have none (Hong Kong and the Mainland: Cap. 513 s. 2).
    const none = noArrangementBetween(ctx.map, a, b);
    if (none !== null) return result(ID, 'not_met', { source: `Treaty map: ${none.source}`, confidence: none.confidence }, 'cond.treatyBasis.notMet.noArrangement', { a, b });
    const rule = { source: `Arrangement for this case: ${ruleSet.title}`, confidence: ruleSet.referenceEvent.confidence };
    return result(ID, 'met', rule, 'cond.treatyBasis.arrangement', { a, b, from: { day: parseIsoDate(ruleSet.effectiveFrom) } });
  }
  const instrument = instrumentOfRuleSet(ctx.map, ruleSet.id);
  if (instrument === undefined) {
    return result(ID, 'unknown', { source: 'Treaty map: no entry for this rule-set', confidence: 'U' }, 'cond.treatyBasis.noMapEntry', { ruleSet: ruleSet.id }, { missing: [MAP_ENTRY] });
  }
  const judgment = c.judgment.date == null ? null : parseIsoDate(c.judgment.date);
  const onReference = relationOn(ctx.map, instrument.id, { a, b, on: ctx.reference, judgment });
  const transfer = ctx.transferOn;
  const onTransfer = transfer === null || transfer === ctx.reference ? null : relationOn(ctx.map, instrument.id, { a, b, on: transfer, judgment });
  const params: MessageParams = { instrument: instrument.id, a, b, reference: { day: ctx.reference } };
  // The reference date decides first; a planned transfer date can only add a failure.
  const first = statusOf(onReference);
  if (first !== 'met' || onTransfer === null || statusOf(onTransfer) === 'met') return explain(onReference, 'reference', ctx.reference, params);
  return explain(onTransfer, 'transfer', transfer as DayNumber, params);
}

function statusOf(r: Relation): 'met' | 'not_met' | 'unknown' {
  return r.status === 'applies' ? 'met' : r.status === 'unknown' ? 'unknown' : 'not_met';
}

/** The condition's source for each set of map rows, written once. */
const RULES = new WeakMap<Evidence, { source: string; confidence: Confidence }>();

function ruleOf(e: Evidence): { source: string; confidence: Confidence } {
  let rule = RULES.get(e);
  if (rule === undefined) {
    rule = { source: e.sources.length > 0 ? `Treaty map: ${e.sources.join('; ')}` : 'Treaty map', confidence: e.confidence };
    RULES.set(e, rule);
  }
  return rule;
}

function explain(r: Relation, moment: 'reference' | 'transfer', on: DayNumber, base: MessageParams): ConditionResult {
  const rule = ruleOf(r.evidence);
  // Keys added to a copy, not spread into a literal with new keys: V8 (Node 20) makes a new hidden class for every such literal, ~1.5 µs a key.
  const params: MessageParams = Object.assign({}, base);
  params.on = { day: on };
  params.moment = moment;
  if (r.status === 'applies') {
    if (r.via === null) return result(ID, 'met', rule, 'cond.treatyBasis.met', params);
    if (r.via.startsWith('transitional:')) {
      params.state = r.via.slice('transitional:'.length);
      return result(ID, 'met', rule, 'cond.treatyBasis.met.transitional', params);
    }
    params.via = r.via;
    return result(ID, 'met', rule, 'cond.treatyBasis.met.via', params);
  }
  if (r.state !== null) params.state = r.state;
  if (r.instead !== null) params.instead = r.instead;
  if (r.status === 'unknown') {
    const missing = r.reason === 'judgment-date-unknown' ? ['judgment.date'] : [MAP_ENTRY];
    return result(ID, 'unknown', rule, `cond.treatyBasis.unknown.${r.reason}`, params, { missing });
  }
  if (r.opensOn !== null) params.opens = { day: r.opensOn };
  const key = `cond.treatyBasis.notMet.${r.reason}${r.reason === 'not-yet' && r.opensOn === null ? '.noDate' : ''}`;
  return result(ID, 'not_met', rule, key, params, { clearsOn: r.opensOn });
}

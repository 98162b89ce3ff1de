/**
 * Where could this person go? Every (instrument, administering State) pair open for the person
 * of a case — from each nationality, permanent residence and the place they live — assessed in
 * full, and ranked: eligible first, then by the earliest day a transfer could happen, then by
 * the longest window. Routes that open later (an instrument entering into force, a minimum to
 * be served) are listed with their date; routes an instrument no longer offers (not a party,
 * denounced, replaced by another instrument between the two States) are not.
 *
 * The case's own route (its rule-set and administering State) is assessed on its own reference
 * event; any other route has no request yet, so it is assessed as if the request were made on
 * the day asked (`on`, else today), and, to another State, without the facts the case records
 * about its own administering State (`routeCaseFor`).
 */
import type { CaseFile } from '../domain/case.ts';
import { parseIsoDate, type DayNumber } from '../sentence/calendar.ts';
import type { JurisdictionProfile } from '../sentence/profile.ts';
import { relationOn, type TreatyMapIndex } from '../treaties/map/relations.ts';
import type { RuleSet } from '../treaties/schema.ts';
import { assess, sentenceDates } from './engine.ts';
import type { Assessment } from './types.ts';

/** The law a route is assessed under: the rule-set version in force, the sentencing State's profile, the map. */
export interface RouteLaw {
  ruleSet: RuleSet;
  profile: JurisdictionProfile;
  map: TreatyMapIndex;
}

/** The law for a rule-set id and a case (with the route's administering State); undefined: no such rule-set. */
export type RouteLawLookup = (ruleSetId: string, c: CaseFile, on: DayNumber | null) => RouteLaw | undefined;

export type RouteLink = 'nationality' | 'permanent-residence' | 'lives-in';

export interface Route {
  ruleSetId: string;
  /** The map's instrument for the rule-set (null: an arrangement for this case). */
  instrumentId: string | null;
  administeringState: string;
  /** How the person is tied to the administering State. */
  links: RouteLink[];
  /** True for the case's own rule-set and administering State. */
  current: boolean;
  assessment: Assessment;
  /** The first day a transfer could happen on this route (the transfer window's start), if any. */
  opensOn: DayNumber | null;
  /** The last day the remaining-time condition holds (null: no end, or no window). */
  closesOn: DayNumber | null;
  /** Eligible now, by exception, to be found out, or opening on a known later day. */
  open: boolean;
}

export interface RouteOptions {
  map: TreatyMapIndex;
  law: RouteLawLookup;
  today: DayNumber;
  /** Assess the routes other than the case's own as if the request were received on this day (default today). */
  on?: DayNumber | null;
  /** Arrangements made for this case alone (ad hoc rule-sets bound to it), with their administering State. */
  arrangements?: readonly { ruleSetId: string; administeringState: string }[];
}

/** The places the person is tied to, other than the sentencing State, with how. */
export function tiesOf(c: CaseFile): Map<string, RouteLink[]> {
  const ties = new Map<string, RouteLink[]>();
  for (const s of c.person.nationalities ?? []) addTie(ties, c.sentencingState, s, 'nationality');
  for (const s of c.person.permanentResidence ?? []) addTie(ties, c.sentencingState, s, 'permanent-residence');
  addTie(ties, c.sentencingState, c.person.livesIn, 'lives-in');
  return ties;
}

// A module function, not a closure made for every case: the route finder runs once per case of a store.
function addTie(ties: Map<string, RouteLink[]>, sentencingState: string, state: string | null | undefined, link: RouteLink): void {
  if (state == null || state === sentencingState) return;
  const list = ties.get(state);
  if (list === undefined) ties.set(state, [link]);
  else if (!list.includes(link)) list.push(link);
}

/**
 * Whether an instrument is worth assessing between the two States on the day: it applies, will
 * apply from a known or unknown day, or the map cannot tell. An instrument one of them left, is
 * not party to, or that another replaced between them is no route (the replacing one is).
 */
function offered(map: TreatyMapIndex, instrumentId: string, a: string, b: string, on: DayNumber, judgment: DayNumber | null): boolean {
  const r = relationOn(map, instrumentId, { a, b, on, judgment });
  if (r.status !== 'not-applies') return r.status === 'applies' || r.reason !== 'no-map-entry';
  return r.reason === 'not-yet';
}

/**
 * The case as a route to another administering State sees it. What the case file records about
 * its own administering State is not known for another: the person's consent (to be transferred
 * there: ETS 112 Art. 3(1)(d); the opinion and a US State's consent likewise), dual criminality
 * and the maximum penalty (that State's law: Art. 3(1)(e), 10(2)), the events between the two
 * States (a request, the States' agreement, a planned transfer) and the enforcement there. They
 * are unknown on the other route, never carried over. A route to the same State under another
 * instrument keeps them.
 */
export function routeCaseFor(c: CaseFile, administeringState: string, ruleSetId: string): CaseFile {
  return { ...(administeringState === c.administeringState ? c : withoutStateFacts(c, administeringState)), ruleSetId };
}

/** The case without what it records about its own administering State, for another (`routeCaseFor`); once per State in the route finder. */
function withoutStateFacts(c: CaseFile, administeringState: string): CaseFile {
  // Keys set on a copy, not spread into a literal with new keys (README, issue 16: ~1.5 µs a key on Node 20).
  const copy: CaseFile = Object.assign({}, c);
  copy.administeringState = administeringState;
  copy.consent = null;
  copy.offences = c.offences.map((o) => {
    const offence = Object.assign({}, o);
    offence.dualCriminality = null;
    offence.administeringMaxPenaltyMonths = null;
    return offence;
  });
  copy.events = {};
  copy.enforcement = null;
  return copy;
}

type Indexed = TreatyMapIndex['instruments'] extends ReadonlyMap<string, infer I> ? I : never;

/**
 * The instruments that may offer a route from a sentencing State, in the map's order: those
 * with a rule-set, not a pattern (a pattern names no counterparty: it is a route only when the
 * case itself is under it), and having the State as a party (a domestic scheme: whatever its
 * party, since the scheme may be the other State's). Any other instrument cannot apply between
 * the State and anyone (relationOn: not a party, no scheme party), so it is not asked. Listed
 * once per map and State.
 */
const REACHABLE = new WeakMap<TreatyMapIndex, Map<string, readonly Indexed[]>>();

function instrumentsOf(map: TreatyMapIndex, sentencingState: string): readonly Indexed[] {
  let byState = REACHABLE.get(map);
  if (byState === undefined) {
    byState = new Map();
    REACHABLE.set(map, byState);
  }
  let list = byState.get(sentencingState);
  if (list === undefined) {
    list = [...map.instruments.values()].filter(({ instrument, parties }) =>
      instrument.ruleSets.length > 0 && instrument.kind !== 'pattern' && (instrument.kind === 'domestic-scheme' || parties.has(sentencingState)));
    byState.set(sentencingState, list);
  }
  return list;
}

const GROUP: Record<Assessment['verdict'], number> = { eligible: 0, eligible_by_exception: 1, needs_information: 2, ineligible: 3 };

function rankOf(r: Route): [number, number, number] {
  const group = r.assessment.verdict === 'ineligible' ? (r.opensOn !== null ? 3 : 4) : GROUP[r.assessment.verdict];
  const opens = r.opensOn ?? Number.MAX_SAFE_INTEGER;
  const length = r.opensOn === null ? 0 : r.closesOn === null ? Number.MAX_SAFE_INTEGER : r.closesOn - r.opensOn;
  return [group, opens, -length];
}

export function compareRoutes(x: Route, y: Route): number {
  const a = rankOf(x);
  const b = rankOf(y);
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2] || x.ruleSetId.localeCompare(y.ruleSetId) || x.administeringState.localeCompare(y.administeringState);
}

export function findRoutes(c: CaseFile, options: RouteOptions): Route[] {
  const { map, today } = options;
  const on = options.on ?? today;
  const judgment = c.judgment.date == null ? null : parseIsoDate(c.judgment.date);
  const ties = tiesOf(c);
  const candidates: { ruleSetId: string; instrumentId: string | null; state: string }[] = [];
  // The case's own route is always shown, open or not: the officer sees why it fails.
  if (c.ruleSetId != null) candidates.push({ ruleSetId: c.ruleSetId, instrumentId: map.byRuleSet.get(c.ruleSetId)?.instrument.id ?? null, state: c.administeringState });
  const reachable = ties.size === 0 ? [] : instrumentsOf(map, c.sentencingState);
  for (const [state] of ties) {
    for (const { instrument, parties } of reachable) {
      // Between two parties only (a scheme: its own party and any other State), as relationOn would find.
      if (instrument.kind !== 'domestic-scheme' && !parties.has(state)) continue;
      if (!offered(map, instrument.id, c.sentencingState, state, on, judgment)) continue;
      for (const ruleSetId of instrument.ruleSets) candidates.push({ ruleSetId, instrumentId: instrument.id, state });
    }
  }
  for (const a of options.arrangements ?? []) candidates.push({ ruleSetId: a.ruleSetId, instrumentId: null, state: a.administeringState });

  const routes: Route[] = [];
  const seen = new Set<string>();
  const byState = new Map<string, CaseFile>();
  // The routes differ in rule-set and administering State, not in the sentences: their dates are computed once per profile and day.
  const dates = sentenceDates();
  for (const { ruleSetId, instrumentId, state } of candidates) {
    const key = `${ruleSetId}\u0000${state}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const current = ruleSetId === c.ruleSetId && state === c.administeringState;
    let base = state === c.administeringState ? c : byState.get(state);
    if (base === undefined) {
      base = withoutStateFacts(c, state);
      byState.set(state, base);
    }
    const routeCase: CaseFile = current ? c : { ...base, ruleSetId };
    const routeOn = current ? null : on;
    const law = options.law(ruleSetId, routeCase, routeOn);
    if (law === undefined) continue;
    const assessment = assess(routeCase, law.ruleSet, { today, on: routeOn, profile: law.profile, map: law.map, sentenceDates: dates });
    const window = assessment.transferWindow;
    const closed = window !== null && window.to !== null && window.from > window.to;
    routes.push({
      ruleSetId,
      instrumentId,
      administeringState: state,
      links: ties.get(state) ?? [],
      current,
      assessment,
      opensOn: window === null || closed ? null : window.from,
      closesOn: window === null || closed ? null : window.to,
      open: !closed && (assessment.verdict !== 'ineligible' || assessment.rescreenOn !== null),
    });
  }
  return routes.sort(compareRoutes);
}

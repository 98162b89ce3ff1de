/**
 * The route finder's fast path (issue 16: 50,000 case × instrument assessments a second) gives
 * exactly what the plain route finder gives: every instrument of the map asked, every route
 * assessed by plain `assess()` (no sentence dates shared between routes), every case read alone
 * (findCase) and every result written by joinResult of its two documents. Compared on every open
 * case of the 120-case demo store, route by route and byte for byte, and on cases moved between
 * the map's States at random (fast-check).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCases } from '../../db/case-batch-loader.ts';
import { findCase, openCaseIds } from '../../db/cases-repo.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { assess } from '../../shared/eligibility/engine.ts';
import { toStoredAssessment, toStoredDocuments } from '../../shared/eligibility/report.ts';
import { compareRoutes, findRoutes, routeCaseFor, tiesOf, type Route, type RouteOptions } from '../../shared/eligibility/routes.ts';
import { joinResult } from '../../shared/eligibility/stored-result.ts';
import { formatIsoDate, parseIsoDate, type DayNumber } from '../../shared/sentence/calendar.ts';
import { relationOn } from '../../shared/treaties/map/relations.ts';
import { importCases } from './case-import.ts';
import { DEMO_TODAY, generateDemoCases } from './demo.ts';
import { lawResolver, treatyMapOn } from './ruleset-resolution.ts';
import { arrangementsByCase, arrangementsFor, routeLaw, screenOpenCases, type ScreenedCase } from './routes.ts';
import { serviceHarness, type ServiceHarness } from './testing.ts';

const TODAY = parseIsoDate(DEMO_TODAY);

/** The route finder as first written (before issue 16's fast path): the oracle. */
function plainRoutes(c: CaseFile, options: RouteOptions): Route[] {
  const { map, today } = options;
  const on = options.on ?? today;
  const judgment = c.judgment.date == null ? null : parseIsoDate(c.judgment.date);
  const ties = tiesOf(c);
  const offered = (instrumentId: string, b: string) => {
    const r = relationOn(map, instrumentId, { a: c.sentencingState, b, on, judgment });
    if (r.status !== 'not-applies') return r.status === 'applies' || r.reason !== 'no-map-entry';
    return r.reason === 'not-yet';
  };
  const candidates: { ruleSetId: string; instrumentId: string | null; state: string }[] = [];
  if (c.ruleSetId != null) candidates.push({ ruleSetId: c.ruleSetId, instrumentId: map.byRuleSet.get(c.ruleSetId)?.instrument.id ?? null, state: c.administeringState });
  for (const [state] of ties) {
    for (const { instrument } of map.instruments.values()) {
      if (instrument.ruleSets.length === 0 || instrument.kind === 'pattern' || !offered(instrument.id, state)) continue;
      for (const ruleSetId of instrument.ruleSets) candidates.push({ ruleSetId, instrumentId: instrument.id, state });
    }
  }
  for (const a of options.arrangements ?? []) candidates.push({ ruleSetId: a.ruleSetId, instrumentId: null, state: a.administeringState });
  const routes: Route[] = [];
  const seen = new Set<string>();
  for (const { ruleSetId, instrumentId, state } of candidates) {
    if (seen.has(`${ruleSetId}\u0000${state}`)) continue;
    seen.add(`${ruleSetId}\u0000${state}`);
    const current = ruleSetId === c.ruleSetId && state === c.administeringState;
    const routeCase: CaseFile = current ? c : routeCaseFor(c, state, ruleSetId);
    const routeOn = current ? null : on;
    const law = options.law(ruleSetId, routeCase, routeOn);
    if (law === undefined) continue;
    const assessment = assess(routeCase, law.ruleSet, { today, on: routeOn, profile: law.profile, map: law.map });
    const window = assessment.transferWindow;
    const closed = window !== null && window.to !== null && window.from > window.to;
    routes.push({
      ruleSetId, instrumentId, administeringState: state, links: ties.get(state) ?? [], current, assessment,
      opensOn: window === null || closed ? null : window.from,
      closesOn: window === null || closed ? null : window.to,
      open: !closed && (assessment.verdict !== 'ineligible' || assessment.rescreenOn !== null),
    });
  }
  return routes.sort(compareRoutes);
}

/** The result of a route as the store has always written it: the two documents joined. */
const joined = (r: Route) => JSON.stringify(joinResult(toStoredDocuments(r.assessment).outcome, toStoredDocuments(r.assessment).texts));

let h: ServiceHarness;
let stored: { id: string; case: CaseFile }[];
beforeAll(() => {
  h = serviceHarness(`${DEMO_TODAY}T10:00:00.000Z`);
  importCases(h.admin, JSON.parse(JSON.stringify(generateDemoCases(120, 7))) as unknown);
  stored = [...loadCases(h.admin.db, openCaseIds(h.admin.db))].map(([id, s]) => ({ id, case: s.case }));
});
afterAll(() => h.dispose());

function optionsFor(id: string, c: CaseFile, on: DayNumber): RouteOptions {
  const db = h.admin.db;
  return { map: treatyMapOn(db, TODAY), law: routeLaw(lawResolver(db), TODAY, id), today: TODAY, on, arrangements: arrangementsFor(arrangementsByCase(db), id, c) };
}

describe('the route finder fast path', () => {
  it('finds, assesses and ranks every route of every open demo case exactly as the plain route finder and plain assess()', () => {
    expect(stored.length).toBeGreaterThan(100);
    let routes = 0;
    for (const { id, case: c } of stored) {
      const fast = findRoutes(c, optionsFor(id, c, TODAY));
      const plain = plainRoutes(c, optionsFor(id, c, TODAY));
      expect(fast).toEqual(plain);
      expect(fast.map((r) => JSON.stringify(toStoredAssessment(r.assessment)))).toEqual(plain.map(joined));
      routes += fast.length;
    }
    // Cases with more than their own route: the sharing between routes is exercised.
    expect(routes).toBeGreaterThan(stored.length * 1.2);
  });

  it('screens the store exactly as the plain route finder does on cases read one by one', () => {
    const db = h.admin.db;
    const fast: ScreenedCase[] = [...screenOpenCases(db, TODAY, TODAY)];
    // In the order screenOpenCases has always yielded them: as the batch loader returns each thousand.
    const ids = openCaseIds(db);
    const order = ids.flatMap((_, i) => (i % 1000 === 0 ? [...loadCases(db, ids.slice(i, i + 1000)).keys()] : []));
    const plain = order.map((id): ScreenedCase => {
      const c = findCase(db, id)!.case;
      const routes = plainRoutes(c, optionsFor(id, c, TODAY));
      const open = routes.filter((r) => r.open);
      const best = open[0];
      return {
        caseId: id,
        reference: c.reference ?? null,
        routes: routes.length,
        openRoutes: open.length,
        best: best === undefined ? null : {
          ruleSetId: best.ruleSetId, instrumentId: best.instrumentId, administeringState: best.administeringState, links: [...best.links],
          current: best.current, opensOn: best.opensOn === null ? null : formatIsoDate(best.opensOn), closesOn: best.closesOn === null ? null : formatIsoDate(best.closesOn),
          open: best.open, result: JSON.parse(joined(best)),
        },
      };
    });
    expect(plain.filter((s) => s.best !== null).length).toBeGreaterThan(20);
    expect(JSON.stringify(fast)).toBe(JSON.stringify(plain));
  });

  it('agrees with the plain route finder for a demo case moved to any States of the map, on any day', () => {
    const map = treatyMapOn(h.admin.db, TODAY);
    const states = [...new Set([...map.instruments.values()].flatMap((i) => [...i.parties.keys()]))].sort();
    states.push('ZZ');
    fc.assert(
      fc.property(
        fc.nat(stored.length - 1),
        fc.constantFrom(...states),
        fc.constantFrom(...states),
        fc.uniqueArray(fc.constantFrom(...states), { maxLength: 3 }),
        fc.integer({ min: -3000, max: 3000 }),
        // No sentence started (a person at large): the dates are then counted from the reference date, which differs between routes.
        fc.boolean(),
        (i, sentencingState, administeringState, nationalities, shift, unserved) => {
          const { id, case: base } = stored[i]!;
          const sentences = unserved ? base.sentences.map((s) => ({ ...s, start: null })) : base.sentences;
          const c: CaseFile = { ...base, sentencingState, administeringState, person: { ...base.person, nationalities }, sentences };
          const on = TODAY + shift;
          const fast = findRoutes(c, optionsFor(id, c, on));
          const plain = plainRoutes(c, optionsFor(id, c, on));
          expect(fast).toEqual(plain);
          expect(fast.map((r) => JSON.stringify(toStoredAssessment(r.assessment)))).toEqual(plain.map(joined));
        },
      ),
      { numRuns: 300, seed: 16 },
    );
  });
});

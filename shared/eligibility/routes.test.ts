/**
 * The route finder on another administering State: what the case records about its own
 * administering State (the person's consent to go there, dual criminality under its law, the
 * events between the two States) is not known for another State, and never carried over.
 * R01's person: a dual Italian-Albanian national sentenced in Switzerland to 4 years from
 * 2022-01-10 (release 2026-01-10), the case under ETS 112 to Italy, request received and
 * consent to the transfer to Italy given on 2024-03-01, fraud found punishable in Italy.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../sentence/calendar.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import { builtInRuleSet } from '../treaties/library.ts';
import { builtInTreatyMap } from '../treaties/map/built-in/index.ts';
import { findRoutes, type RouteLawLookup } from './routes.ts';
import { makeCase } from './testing.ts';

const law: RouteLawLookup = (id, c) => {
  const ruleSet = builtInRuleSet(id);
  return ruleSet === undefined ? undefined : { ruleSet, profile: profileFor(c.sentencingState), map: builtInTreatyMap() };
};
const ON = parseIsoDate('2024-03-01');

const rossi = makeCase({
  sentencingState: 'CH', administeringState: 'IT', ruleSetId: 'coe-ets-112',
  person: { nationalities: ['IT', 'AL'], livesIn: 'CH' },
  judgment: { date: '2022-01-10' },
  sentences: [{ id: 'S1', start: '2022-01-10', term: { years: 4 }, offences: ['O1'] }],
  offences: [{ id: 'O1', description: 'Fraud', categories: [], maxPenaltyMonths: 60, dualCriminality: 'yes' }],
  consent: { status: 'given', by: 'person', date: '2024-03-01', verified: true },
  events: { requestReceived: '2024-03-01', statesAgreed: '2024-03-01', transferPlanned: '2024-05-01' },
});

const routesOf = (c: ReturnType<typeof makeCase>) => findRoutes(c, { map: builtInTreatyMap(), law, today: ON, on: ON });
const status = (r: ReturnType<typeof routesOf>[number], id: string) => r.assessment.conditions.find((x) => x.id === id);

describe('a route to another State than the case\'s own', () => {
  it('ETS 112 to Italy, the case\'s own route: consent and dual criminality as recorded, eligible', () => {
    const own = routesOf(rossi).find((r) => r.current);
    expect(own?.assessment.verdict).toBe('eligible');
  });

  it('ETS 112 to Albania: the consent given to go to Italy is not consent to go to Albania, nor is dual criminality under Italian law shown under Albanian law: needs information, not eligible', () => {
    const al = routesOf(rossi).find((r) => r.ruleSetId === 'coe-ets-112' && r.administeringState === 'AL');
    expect(al?.assessment.verdict).toBe('needs_information');
    expect(status(al!, 'consent')?.status).toBe('unknown');
    expect(status(al!, 'dual-criminality')).toMatchObject({ status: 'unknown', missing: ['offences[0].dualCriminality'] });
  });

  it('ETS 167 to Italy, the same State under another instrument: the consent and dual criminality recorded for Italy still count', () => {
    const it167 = routesOf(rossi).find((r) => r.ruleSetId === 'coe-ets-167' && r.administeringState === 'IT');
    expect(status(it167!, 'consent')?.status).toBe('met');
    expect(status(it167!, 'dual-criminality')?.status).toBe('met');
  });
});

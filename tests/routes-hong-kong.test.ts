/**
 * The route finder for Hong Kong: a foreign prisoner in Hong Kong, by nationality, finds Hong
 * Kong's arrangement with that place when one is in force, an unknown one when only its
 * signature is known, and none otherwise; and a Hong Kong permanent resident imprisoned abroad
 * finds the way home. Built-in law, request as if received on 2025-06-02.
 */
import { describe, expect, it } from 'vitest';
import { routeLaw } from '../electron/services/routes.ts';
import { lawResolver } from '../electron/services/ruleset-resolution.ts';
import { parseCase } from '../shared/domain/case.ts';
import { findRoutes } from '../shared/eligibility/routes.ts';
import { parseIsoDate } from '../shared/sentence/calendar.ts';
import { builtInTreatyMap } from '../shared/treaties/map/built-in/index.ts';

const TODAY = parseIsoDate('2025-06-02');

function routesOf(sentencingState: string, person: Record<string, unknown>) {
  const parsed = parseCase({
    format: 'tsp-case/1', sentencingState, administeringState: sentencingState === 'HK' ? 'GB' : 'HK',
    person: { familyName: 'TEST', permanentResidence: [], ...person },
    judgment: { date: '2023-01-01', final: true, appealPending: false, otherProceedingsPending: false, deathSentence: false },
    sentences: [{ id: 'S1', start: '2023-01-01', term: { years: 6 }, offences: ['O1'] }],
    remandDays: 0,
    offences: [{ id: 'O1', description: 'Trafficking', categories: [], dualCriminality: 'yes' }],
    consent: { status: 'given', by: 'person' },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return findRoutes(parsed.value, { map: builtInTreatyMap(), law: routeLaw(lawResolver(null), TODAY), today: TODAY, on: TODAY })
    .filter((r) => !r.current)
    .map((r) => [r.ruleSetId, r.administeringState, r.assessment.conditions.find((c) => c.id === 'treaty-basis')?.status]);
}

describe('a foreign prisoner in Hong Kong, by nationality', () => {
  it.each([
    ['GB', [['hk-gb', 'GB', 'met']]],
    ['IT', [['hk-it', 'IT', 'met']]],
    ['FR', [['hk-fr', 'FR', 'met']]],
    ['PH', [['hk-ph', 'PH', 'met']]],
    ['TH', [['hk-th', 'TH', 'met']]],
    ['MO', [['hk-mo', 'MO', 'met']]],
    // Signed, entry into force not found: a route the map cannot confirm.
    ['PT', [['hk-pt', 'PT', 'unknown']]],
    ['KR', [['hk-kr', 'KR', 'unknown']]],
    // Not operative since the US notice of 19 August 2020: no route.
    ['US', []],
    // No arrangement.
    ['CN', []],
    ['DE', []],
  ])('%s', (nationality, expected) => {
    expect(routesOf('HK', { nationalities: [nationality], livesIn: nationality })).toEqual(expected);
  });
});

describe('a Hong Kong permanent resident imprisoned abroad', () => {
  it.each([
    ['TH', [['hk-th', 'HK', 'met']]],
    ['GB', [['hk-gb', 'HK', 'met']]],
    ['MO', [['hk-mo', 'HK', 'met']]],
    ['US', []],
    ['CN', []],
  ])('sentenced in %s', (sentencingState, expected) => {
    expect(routesOf(sentencingState, { nationalities: ['CN'], permanentResidence: ['HK'], livesIn: 'HK' })).toEqual(expected);
  });
});

/**
 * Test helpers for the engine's specifications: a valid minimal tsp-case/1 (ETS 112 T01: a
 * Polish national sentenced in Switzerland to 5 years from 2021-06-15, every event on
 * 2023-03-01; Switzerland is outside the EU, so ETS 112 is not replaced between them)
 * overridden field by field, built-in rule-sets with parameters replaced, and the context the
 * engine hands an evaluator. Used by tests only.
 */
import { expect } from 'vitest';
import { parseCase, type CaseFile } from '../domain/case.ts';
import { parseIsoDate } from '../sentence/calendar.ts';
import { computeSentences } from '../sentence/compute.ts';
import { profileFor } from '../treaties/jurisdictions.ts';
import { builtInTreatyMap, BUILT_IN_TREATY_MAP } from '../treaties/map/built-in/index.ts';
import { indexTreatyMap, type TreatyMapIndex } from '../treaties/map/relations.ts';
import { treatyMapSchema, type TreatyMapInput } from '../treaties/map/schema.ts';
import { builtInRuleSet } from '../treaties/library.ts';
import { ruleSetSchema, type RuleSet } from '../treaties/schema.ts';
import { assess, referenceFor } from './engine.ts';
import type { Assessment, AssessmentContext, ConditionEffect, ConditionResult, ConditionStatus } from './types.ts';

export const MINIMAL_CASE = {
  format: 'tsp-case/1',
  sentencingState: 'CH',
  administeringState: 'PL',
  person: { nationalities: ['PL'], permanentResidence: [], livesIn: 'PL', representativeNeeded: false, dateOfBirth: '1985-03-14' },
  judgment: { final: true, appealPending: false, appealPeriodEnds: null, otherProceedingsPending: false, deathSentence: false, deathSentenceCommuted: false },
  sentences: [{ id: 'S1', start: '2021-06-15', term: { years: 5, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] }],
  remandDays: 0,
  offences: [{ id: 'O1', description: 'Burglary', categories: [], maxPenaltyMonths: 120, dualCriminality: 'yes' }],
  consent: { status: 'given', by: 'person', date: '2023-01-10', withdrawnOn: null, verified: true, opinionRecorded: false },
  financialObligations: [],
  expulsion: null,
  leftSentencingState: null,
  events: { application: '2023-03-01', request: '2023-03-01', requestReceived: '2023-03-01', judgmentReceived: '2023-03-01', statesAgreed: null },
};
export type Fields = Record<string, unknown>;
export interface CasePatch extends Fields {
  person?: Fields;
  judgment?: Fields;
  consent?: Fields | null;
  events?: Fields;
}
export function makeCase(patch: CasePatch = {}): CaseFile {
  const { person, judgment, consent, events, ...rest } = patch;
  const parsed = parseCase({
    ...MINIMAL_CASE,
    ...rest,
    person: { ...MINIMAL_CASE.person, ...person },
    judgment: { ...MINIMAL_CASE.judgment, ...judgment },
    consent: consent === null ? null : { ...MINIMAL_CASE.consent, ...consent },
    events: { ...MINIMAL_CASE.events, ...events },
  });
  if (!parsed.ok) throw new Error(`invalid test case: ${JSON.stringify(parsed.errors)}`);
  return parsed.value;
}
/** A built-in rule-set by id, optionally with parameters replaced (and validated again). */
export function ruleSet(id: string, patch: Partial<RuleSet> = {}): RuleSet {
  const base = builtInRuleSet(id);
  if (!base) throw new Error(`no built-in rule-set "${id}"`);
  return ruleSetSchema.parse({ ...base, ...patch });
}
/** What the engine hands an evaluator; the reference is the rule-set's event unless `on` is given. */
export function contextOf(c: CaseFile, rs: RuleSet, on?: string): AssessmentContext {
  const profile = profileFor(c.sentencingState);
  const reference = referenceFor(c, rs, on == null ? null : parseIsoDate(on), parseIsoDate('2000-01-01')).day;
  return {
    case: c, ruleSet: rs, profile, reference, sentence: computeSentences(c.sentences, c.remandDays, profile, reference),
    map: builtInTreatyMap(), transferOn: c.events.transferPlanned == null ? null : parseIsoDate(c.events.transferPlanned),
  };
}

/** The engine with the built-in profile of the sentencing State and the built-in treaty map (or `map`), as the app without stored versions. */
export function assessBuiltIn(c: CaseFile, rs: RuleSet, today: string, on?: string | null, map: TreatyMapIndex = builtInTreatyMap()): Assessment {
  return assess(c, rs, { today: parseIsoDate(today), on: on == null ? null : parseIsoDate(on), profile: profileFor(c.sentencingState), map });
}

export type InstrumentInput = TreatyMapInput['instruments'][number];

/** A version of the built-in treaty map with one instrument's entry edited, indexed. */
export function builtInMapWhere(instrumentId: string, edit: (instrument: InstrumentInput) => void): TreatyMapIndex {
  const map = structuredClone(BUILT_IN_TREATY_MAP) as TreatyMapInput;
  const instrument = map.instruments.find((i) => i.id === instrumentId);
  if (instrument === undefined) throw new Error(`${instrumentId} is not in the built-in map`);
  edit(instrument);
  return indexTreatyMap(treatyMapSchema.parse(map));
}

/** A version of the map in which no Member State made a 2008/909 Art. 7(4) declaration: the list of Art. 7(1) applies as written. */
export const noArt74Declarations = (): TreatyMapIndex =>
  builtInMapWhere('eu-fd-2008-909', (fd) => {
    fd.unidentifiedDeclarations = [];
  });
export function expectCondition(r: ConditionResult, status: ConditionStatus, effect: ConditionEffect, source: string): void {
  expect({ status: r.status, effect: r.effect }).toEqual({ status, effect });
  expect(r.source).toContain(source);
}

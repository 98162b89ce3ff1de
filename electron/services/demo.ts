/**
 * Demo cases: deterministic (a seeded PRNG, dates counted from a fixed day, never the
 * clock), varied and plausible — State pairs with the rule-set that fits them, fixed
 * terms from months to decades, life terms, consecutive chains, remand, consent in every
 * state, unknown facts (null or left out), names in Latin, Cyrillic, Chinese and Thai.
 */
import type { z } from 'zod';
import { caseSchema, type CaseFile } from '../../shared/domain/case.ts';
import { formatIsoDate, parseIsoDate, toCivil, type DayNumber } from '../../shared/sentence/calendar.ts';
import { assessStoredCase } from './assessments.ts';
import { insertNewCase } from './cases.ts';
import { prisonNumberKey } from '../../shared/domain/prison-number.ts';
import type { ServiceContext } from './context.ts';
import {
  CHINESE_GIVEN, CHINESE_SURNAMES, CURRENCY, ENGLISH_GIVEN_NAMES, EXCLUDED_OFFENCES, LATIN_NAMES, LATIN_NICKNAMES,
  OFFENCES, REFERENCE_PREFIX, RUSSIAN_GIVEN, RUSSIAN_SURNAMES, STATE_PAIRS, THAI_GIVEN, THAI_SURNAMES,
} from './demo-data.ts';
import { ServiceError } from './errors.ts';
import { write } from './write.ts';
import { Random } from './seeded-random.ts';

/** The day demo dates are counted back from. */
export const DEMO_TODAY = '2025-01-15';
export const DEMO_MAX_CASES = 100_000;

type CaseInput = z.input<typeof caseSchema>;
type PersonInput = NonNullable<CaseInput['person']>;
type SentenceInput = NonNullable<CaseInput['sentences']>[number];
type OffenceInput = NonNullable<CaseInput['offences']>[number];


const YEAR = 365;
const pad = (n: number, width: number) => String(n).padStart(width, '0');
const iso = (day: DayNumber) => formatIsoDate(day);

function demoPerson(rng: Random, sentencing: string, administering: string, today: DayNumber): PersonInput {
  let familyName: string;
  let givenNames: string | null;
  let nativeName: string | null | undefined = rng.unknown();
  let aliases: string[] | null | undefined = rng.chance(0.7) ? [] : rng.unknown();
  let nationalities: string[] | null = [administering];
  let permanentResidence: string[] | null = rng.weighted([[[], 45], [[sentencing], 15], [null, 40]]);

  if (administering === 'HK' || administering === 'MO' || administering === 'CN') {
    const mainland = administering === 'CN';
    const [surnameHk, surnamePy, surnameTrad, surnameSimp] = rng.pick(CHINESE_SURNAMES);
    const [givenHk, givenPy, givenTrad, givenSimp] = rng.pick(CHINESE_GIVEN);
    familyName = mainland ? surnamePy : surnameHk;
    givenNames = mainland ? givenPy : givenHk;
    nativeName = mainland ? surnameSimp + givenSimp : surnameTrad + givenTrad;
    if (rng.chance(0.2)) aliases = [`${rng.pick(ENGLISH_GIVEN_NAMES)} ${familyName}`];
    if (!mainland) {
      // Hong Kong and Macao residents are Chinese nationals; their link is permanent residence.
      nationalities = ['CN'];
      permanentResidence = [administering];
    }
  } else if (administering === 'RU') {
    const [mLatin, fLatin, mCyr, fCyr] = rng.pick(RUSSIAN_SURNAMES);
    const [givenLatin, givenCyr, familiar, feminine] = rng.pick(RUSSIAN_GIVEN);
    if (rng.chance(0.6)) {
      familyName = feminine ? fLatin : mLatin;
      givenNames = givenLatin;
      nativeName = `${feminine ? fCyr : mCyr} ${givenCyr}`;
    } else {
      familyName = feminine ? fCyr : mCyr;
      givenNames = givenCyr;
    }
    if (rng.chance(0.25)) aliases = [familiar];
  } else if (administering === 'TH') {
    const [givenLatin, givenThai] = rng.pick(THAI_GIVEN);
    const [surnameLatin, surnameThai] = rng.pick(THAI_SURNAMES);
    familyName = surnameLatin;
    givenNames = givenLatin;
    nativeName = `${givenThai} ${surnameThai}`;
  } else {
    const [surnames, given] = LATIN_NAMES[administering] ?? LATIN_NAMES.US!;
    familyName = rng.pick(surnames);
    givenNames = rng.pick(given);
    if (rng.chance(0.12)) aliases = [rng.pick(LATIN_NICKNAMES), `${familyName} ${givenNames}`.toLowerCase()];
  }
  if (rng.chance(0.05)) nationalities = [...nationalities, sentencing];
  else if (rng.chance(0.04)) nationalities = null;
  if (rng.chance(0.03)) givenNames = null;

  return {
    familyName,
    givenNames,
    nativeName,
    aliases,
    prisonNumber: rng.chance(0.05) ? rng.unknown() : prisonNumber(rng, sentencing, today),
    dateOfBirth: rng.chance(0.05) ? rng.unknown() : iso(today - rng.int(19 * YEAR, 70 * YEAR)),
    nationalities,
    permanentResidence,
    livesIn: rng.weighted([[administering, 55], [sentencing, 25], [null, 20]]),
    representativeNeeded: rng.weighted([[false, 82], [true, 3], [null, 15]]),
  };
}

/** Prison numbers in the style of the sentencing State's prison service. */
function prisonNumber(rng: Random, state: string, today: DayNumber): string {
  const year = toCivil(today - rng.int(0, 12 * YEAR)).year;
  switch (state) {
    case 'HK':
      return `CSD ${pad(year % 100, 2)}/${pad(rng.int(1, 99999), 5)}`;
    case 'US':
      return `${pad(rng.int(1, 99999), 5)}-${pad(rng.int(1, 999), 3)}`;
    case 'GB': {
      const letter = () => String.fromCharCode(65 + rng.int(0, 25));
      return `${letter()}${pad(rng.int(0, 9999), 4)}${letter()}${letter()}`;
    }
    case 'RU':
      return `ИК-${rng.int(1, 30)}/${pad(rng.int(1, 999999), 6)}`;
    case 'TH':
      // Thai records are dated in the Buddhist Era (543 years ahead).
      return `${year + 543}/${pad(rng.int(1, 99999), 5)}`;
    default:
      return `${state}${pad(rng.int(1, 9999999), 7)}`;
  }
}

function fixedTerm(rng: Random): { years: number; months: number; days: number } {
  const bucket = rng.weighted([['months', 15], ['short', 35], ['medium', 30], ['long', 15], ['decades', 5]] as const);
  const days = rng.chance(0.05) ? rng.int(1, 29) : 0;
  switch (bucket) {
    case 'months':
      return { years: 0, months: rng.int(3, 11), days };
    case 'short':
      return { years: rng.int(1, 3), months: rng.pick([0, 0, 0, 6]), days };
    case 'medium':
      return { years: rng.int(4, 8), months: rng.pick([0, 0, 6]), days };
    case 'long':
      return { years: rng.int(9, 15), months: 0, days };
    case 'decades':
      return { years: rng.int(16, 30), months: 0, days };
  }
}

const approxDays = (t: { years: number; months: number; days: number }) => t.years * YEAR + t.months * 30 + t.days;

function demoOffence(rng: Random, id: string, sentencing: string): OffenceInput {
  const excluded = EXCLUDED_OFFENCES[sentencing];
  const [description, categories, maxMonths] =
    excluded !== undefined && rng.chance(0.04) ? rng.pick(excluded) : rng.weighted(OFFENCES.map((o) => [o, o[3]] as const));
  return {
    id,
    description,
    categories: rng.chance(0.05) ? rng.unknown() : [...categories],
    maxPenaltyMonths: rng.chance(0.08) ? rng.unknown() : maxMonths,
    dualCriminality: rng.weighted([['yes', 75], ['unknown', 15], ['no', 5], [null, 5]] as const),
  };
}

interface Sentencing {
  sentences: SentenceInput[];
  offences: OffenceInput[];
  /** Start of the first sentence; null when the person fled before serving it. */
  firstStart: DayNumber | null;
  life: boolean;
}

function demoSentences(rng: Random, sentencing: string, fled: boolean, deathSentence: boolean, today: DayNumber): Sentencing {
  const count = rng.weighted([[1, 65], [2, 25], [3, 10]] as const);
  const lifeTerm = deathSentence || rng.chance(0.04);
  const first = lifeTerm ? 'life' : rng.chance(0.015) ? 'indeterminate' : fixedTerm(rng);
  // Most people in a transfer file still have a good part of the sentence ahead of them.
  const served = typeof first === 'string' ? rng.int(YEAR, 20 * YEAR) : Math.floor(approxDays(first) * (rng.chance(0.85) ? 0.05 + rng.next() * 0.8 : rng.next() * 1.3));
  const firstStart = fled ? null : today - Math.max(30, served);
  const sentences: SentenceInput[] = [];
  const offences: OffenceInput[] = [];
  for (let k = 0; k < count; k++) {
    const id = `S${k + 1}`;
    const offenceIds = rng.chance(0.2) ? [`O${offences.length + 1}`, `O${offences.length + 2}`] : [`O${offences.length + 1}`];
    for (const o of offenceIds) offences.push(demoOffence(rng, o, sentencing));
    if (k === 0) {
      sentences.push({ id, start: firstStart === null ? null : iso(firstStart), term: first, consecutiveTo: rng.unknown(), offences: offenceIds });
    } else if (rng.chance(0.5)) {
      sentences.push({ id, start: null, term: fixedTerm(rng), consecutiveTo: `S${k}`, offences: offenceIds });
    } else {
      // Concurrent: begun while the first was being served (custody unbroken, as C6 needs).
      const within = typeof first === 'string' ? YEAR : Math.min(YEAR, approxDays(first) - 1);
      const start = firstStart === null ? null : Math.min(today, firstStart + rng.int(0, within));
      sentences.push({ id, start: start === null ? null : iso(start), term: fixedTerm(rng), consecutiveTo: null, offences: offenceIds });
    }
  }
  return { sentences, offences, firstStart, life: first === 'life' };
}

/** A date `after` + some days, if it is not later than today. */
function later(rng: Random, after: DayNumber | null, min: number, max: number, today: DayNumber): DayNumber | null {
  if (after === null) return null;
  const day = after + rng.int(min, max);
  return day <= today ? day : null;
}

function demoCase(rng: Random, index: number, today: DayNumber): CaseInput {
  const [sentencing, administering, ruleSets] = rng.weighted(STATE_PAIRS.map((p) => [p, p[3]] as const));
  const ruleSetId = rng.pick(ruleSets);
  const direction = sentencing === 'HK' ? 'outgoing' : administering === 'HK' ? 'incoming' : rng.pick(['outgoing', 'incoming'] as const);
  const home = direction === 'outgoing' ? sentencing : administering;
  const person = demoPerson(rng, sentencing, administering, today);
  const fled = rng.chance(0.03);
  const deathSentence = ['TH', 'CN', 'US'].includes(sentencing) && rng.chance(0.02);
  const { sentences, offences, firstStart } = demoSentences(rng, sentencing, fled, deathSentence, today);

  const judgmentDay = firstStart ?? today - rng.int(200, 3000);
  const final = rng.weighted([[true, 85], [false, 5], [null, 10]] as const);
  const application = later(rng, judgmentDay, 30, 900, today - 10);
  const request = rng.chance(0.5) ? later(rng, application, 20, 200, today) : null;
  const requestReceived = rng.chance(0.8) ? later(rng, request, 3, 45, today) : null;
  const judgmentReceived = ruleSetId === 'eu-fd-2008-909' && rng.chance(0.7) ? later(rng, request, 3, 30, today) : null;
  const statesAgreed = rng.chance(0.35) ? later(rng, requestReceived ?? judgmentReceived, 30, 300, today) : null;
  const status =
    rng.chance(0.02) ? rng.unknown()
    : statesAgreed !== null ? rng.pick(['agreed', 'consent-verification', 'handover-scheduled'] as const)
    : request !== null ? rng.pick(['requested', 'awaiting-other-state'] as const)
    : application !== null ? rng.pick(['screening', 'dossier', 'decision'] as const)
    : rng.pick(['draft', 'screening'] as const);

  const consentStatus = fled ? 'not-asked' : rng.weighted([['given', 55], ['not-asked', 18], ['refused', 8], ['withdrawn', 5], [null, 14]] as const);
  const consentDay = later(rng, application ?? judgmentDay, 0, 120, today);
  const consent =
    consentStatus === null
      ? rng.unknown()
      : {
          status: consentStatus,
          by: person.representativeNeeded ? 'representative' : rng.chance(0.9) ? 'person' : null,
          date: consentStatus === 'not-asked' || consentDay === null ? null : iso(consentDay),
          withdrawnOn: consentStatus === 'withdrawn' && rng.chance(0.7) ? iso(Math.min(today, (consentDay ?? today) + rng.int(10, 200))) : null,
          verified: consentStatus === 'given' ? rng.weighted([[true, 40], [false, 40], [null, 20]] as const) : null,
          opinionRecorded: fled ? true : rng.weighted([[true, 20], [false, 50], [null, 30]] as const),
        } as const;

  const obligations = rng.weighted([['unknown', 20], ['none', 55], ['some', 25]] as const);
  const reference = rng.chance(0.08)
    ? rng.unknown()
    : `${REFERENCE_PREFIX[home] ?? 'TSP'}-${toCivil(application ?? judgmentDay).year}-${pad(index + 1, 5)}`;

  return {
    format: 'tsp-case/1',
    reference,
    sentencingState: sentencing,
    administeringState: administering,
    direction,
    ruleSetId,
    status,
    person,
    judgment: {
      date: iso(judgmentDay),
      final,
      appealPending: final === true ? rng.weighted([[false, 80], [null, 20]] as const) : final === false ? true : rng.unknown(),
      appealPeriodEnds: rng.chance(0.3) ? iso(judgmentDay + 28) : rng.unknown(),
      otherProceedingsPending: rng.weighted([[false, 80], [true, 6], [null, 14]] as const),
      deathSentence: deathSentence ? true : rng.weighted([[false, 90], [null, 10]] as const),
      deathSentenceCommuted: deathSentence ? rng.chance(0.8) : rng.unknown(),
    },
    sentences,
    remandDays: fled ? rng.unknown() : rng.weighted([[null, 10], [0, 30], [rng.int(1, 900), 60]] as const),
    offences,
    consent,
    financialObligations:
      obligations === 'unknown' ? rng.unknown()
      : obligations === 'none' ? []
      : Array.from({ length: rng.int(1, 2) }, () => ({
          kind: rng.weighted([['fine', 50], ['compensation', 20], ['costs', 15], ['confiscation', 15]] as const),
          amount: rng.int(10, 5000) * 100,
          currency: CURRENCY[sentencing] ?? null,
          paid: rng.weighted([[true, 35], [false, 45], [null, 20]] as const),
          incapacityToPay: rng.weighted([[false, 60], [true, 5], [null, 35]] as const),
        })),
    expulsion: rng.chance(0.1)
      ? {
          kind: rng.weighted([['in-sentence', 50], ['administrative-consequential', 30], ['administrative', 20]] as const),
          date: rng.chance(0.5) ? iso(Math.min(today, judgmentDay + rng.int(0, 400))) : null,
        }
      : rng.unknown(),
    leftSentencingState: fled
      ? {
          date: iso(Math.min(today, judgmentDay + rng.int(1, 300))),
          when: rng.weighted([['after-final-judgment', 70], ['during-proceedings', 30]] as const),
          to: administering,
        }
      : rng.unknown(),
    events: {
      application: application === null ? rng.unknown() : iso(application),
      request: request === null ? rng.unknown() : iso(request),
      requestReceived: requestReceived === null ? rng.unknown() : iso(requestReceived),
      judgmentReceived: judgmentReceived === null ? rng.unknown() : iso(judgmentReceived),
      statesAgreed: statesAgreed === null ? rng.unknown() : iso(statesAgreed),
    },
  };
}

/** `n` demo cases; the same `n` and `seed` give the same cases on every run and platform. */
export function generateDemoCases(n: number, seed: number): CaseFile[] {
  const rng = new Random(seed);
  const today = parseIsoDate(DEMO_TODAY);
  const issued = new Set<string>();
  return Array.from({ length: n }, (_, i) => {
    // Through JSON, as a file would be: a field set to undefined is a field left out.
    const input = JSON.parse(JSON.stringify(demoCase(rng, i, today))) as unknown;
    const c = caseSchema.parse(input);
    const number = c.person.prisonNumber;
    if (number == null) return c;
    // A prison service gives a number to one person: a number drawn again gets a suffix (an import matches on it, issue 20).
    let unique = number;
    for (let k = 2; issued.has(`${c.sentencingState}|${prisonNumberKey(unique)}`); k++) unique = `${number}-${k}`;
    issued.add(`${c.sentencingState}|${prisonNumberKey(unique)}`);
    return unique === number ? c : { ...c, person: { ...c.person, prisonNumber: unique } };
  });
}

export interface SeedOptions {
  seed?: number;
  /** Cases per transaction: big enough to amortise the commit, small enough to keep the lock short. */
  batchSize?: number;
  /** Also run an assessment of each case that names a rule-set, so the list shows verdicts. */
  assess?: boolean;
  /** Called after each batch, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Inserts `n` demo cases as the acting user, each with its audit entry (`case.demo`) and,
 * unless `assess` is false, its first assessment. Each batch is its own transaction: a
 * failure keeps the batches before it, which is harmless for demo data.
 */
export function seedDemo(ctx: ServiceContext, n: number, options: SeedOptions = {}): { ids: string[]; assessed: number } {
  if (!Number.isInteger(n) || n < 1 || n > DEMO_MAX_CASES) {
    throw new ServiceError('invalid_input', 'error.invalid_input', [{ field: 'n', message: `must be a whole number from 1 to ${DEMO_MAX_CASES}` }]);
  }
  const { seed = 1, batchSize = 1000, assess = true, onProgress } = options;
  const cases = generateDemoCases(n, seed);
  const ids: string[] = [];
  let assessed = 0;
  for (let from = 0; from < cases.length; from += batchSize) {
    write(ctx, (scope) => {
      for (const c of cases.slice(from, from + batchSize)) {
        const record = insertNewCase(ctx, scope, c, { action: 'case.demo', event: 'created', reason: 'demo data' });
        ids.push(record.id);
        if (assess && c.ruleSetId != null) {
          assessStoredCase(ctx.db, scope, { caseId: record.id, reason: 'demo data' });
          assessed += 1;
        }
      }
    });
    onProgress?.(Math.min(from + batchSize, cases.length), cases.length);
  }
  return { ids, assessed };
}

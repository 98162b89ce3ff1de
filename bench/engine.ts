/**
 * The eligibility engine on one core, beside two peers doing the same screening of the same
 * cases against one rule-set (coe-ets-112):
 *
 * - ours: `assess()` from the case file as stored. It computes the sentence dates (chains,
 *   remand credit, the State's month-end convention), evaluates all 12 conditions of the
 *   rule-set (6 are not applicable under ETS 112) with their legal source, message, missing
 *   fields and flags, the verdict, the flags, the rescreen date and the step-by-step dates.
 * - json-rules-engine: the 6 conditions that apply under ETS 112 (treaty basis, nationality with
 *   the administering State's declarations, final judgment, at least 6 months remaining,
 *   consent, dual criminality) as JSON rules, with their "unknown" outcomes, over facts
 *   precomputed OUTSIDE the timed loop (the release date, the reference date, reference + 6
 *   months, the treaty basis and the declared link come ready-made: the peer is given the date
 *   and treaty-map work). One Engine with its rules built once; `engine.run(facts)` per case.
 * - hand-written loop: the same 6 checks as plain code from the case file, including the date
 *   arithmetic (release date from the chain, reference + 6 months) and the treaty map lookups
 *   (the map's own relation and declaration queries), returning the verdict only.
 *
 * All three must reach the same verdict on every case: the bench checks it and reports any
 * disagreement, so the comparison is between equal answers.
 */
import { Engine, type RuleProperties } from 'json-rules-engine';
import type { CaseFile, FixedTerm } from '../shared/domain/case.ts';
import { assess } from '../shared/eligibility/engine.ts';
import type { Verdict } from '../shared/eligibility/types.ts';
import { addPeriod, parseIsoDate, type DayNumber } from '../shared/sentence/calendar.ts';
import { termEnd } from '../shared/sentence/compute.ts';
import type { JurisdictionProfile } from '../shared/sentence/profile.ts';
import { profileFor } from '../shared/treaties/jurisdictions.ts';
import { builtInRuleSet } from '../shared/treaties/library.ts';
import { builtInTreatyMap } from '../shared/treaties/map/built-in/index.ts';
import { declarationsOf, relationOn } from '../shared/treaties/map/relations.ts';
import { median, progress, rateRow, roundsRow, timed, timedAsync, type Row } from './measure.ts';

export const ENGINE_RULESET = 'coe-ets-112';
const ENGINE_TARGET = 100_000;
/** Rounds of ours and the peers, alternating (odd: the median is a round's). */
const ROUNDS = 5;
const SIX_MONTHS = { years: 0, months: 6, days: 0 } as const;

function ets112() {
  const ruleSet = builtInRuleSet(ENGINE_RULESET);
  if (ruleSet === undefined) throw new Error(`${ENGINE_RULESET} is built in`);
  // The peers hard-code these parameters; make sure they are still the rule-set's.
  const min = ruleSet.minRemaining.value;
  if (ruleSet.referenceEvent.value !== 'requestReceived' || min?.duration.months !== 6 || min.effect !== 'mandatory-with-exception'
    || ruleSet.consentExceptions.length > 0 || ruleSet.consent.value.minorAge !== null || ruleSet.listExemption.value !== null
    || ruleSet.remainingBasis.value !== 'expiry' || ruleSet.link.value.default.join() !== 'nationality') {
    throw new Error(`${ENGINE_RULESET} changed: update the peers in bench/engine.ts`);
  }
  return ruleSet;
}

// ---------------------------------------------------------------------------------------------
// The hand-written loop.

type Sentence = CaseFile['sentences'][number];
type Release = { kind: 'fixed'; release: DayNumber; remandKnown: boolean } | { kind: 'indeterminate' } | { kind: 'unknown' };

/** The release date on the expiry basis (net of remand), as computeSentences reaches it. */
function handRelease(c: CaseFile, profile: JurisdictionProfile, reference: DayNumber): Release {
  const sentences = c.sentences;
  if (sentences.length === 0) return { kind: 'unknown' };
  let withStart = 0;
  let withoutStart = 0;
  for (const s of sentences) {
    if (s.term === 'life' || s.term === 'indeterminate') return { kind: 'indeterminate' };
    if (s.consecutiveTo == null) {
      if (s.start != null) withStart++;
      else withoutStart++;
    }
  }
  if (withStart > 0 && withoutStart > 0) return { kind: 'unknown' };
  const unserved = withStart === 0;
  const convention = profile.monthEnd.value;
  const ends = new Array<number>(sentences.length).fill(NaN);
  const endOf = (k: number): number => {
    if (!Number.isNaN(ends[k]!)) return ends[k]!;
    const s = sentences[k] as Sentence;
    let start: number;
    if (s.consecutiveTo != null) {
      const parent = sentences.findIndex((p) => p.id === s.consecutiveTo);
      start = endOf(parent);
    } else {
      start = unserved ? reference : parseIsoDate(s.start as string);
    }
    const end = termEnd(start, s.term as FixedTerm, convention);
    ends[k] = end;
    return end;
  };
  let nominal = -Infinity;
  for (let k = 0; k < sentences.length; k++) nominal = Math.max(nominal, endOf(k));
  const noCredit = profile.remandCredit.value === 'none';
  const credit = noCredit ? 0 : (c.remandDays ?? 0);
  return { kind: 'fixed', release: nominal - credit, remandKnown: c.remandDays != null || noCredit };
}

type Status = 'met' | 'not_met' | 'unknown' | 'waived';

/** Not a national (or not known to be): the declaration's answer, which cannot make an unknown nationality a failure. */
function declaredOrUnknown(national: Status, declared: Status): Status {
  if (declared === 'met') return 'met';
  return national === 'unknown' ? 'unknown' : declared;
}

const MAP = builtInTreatyMap();

/** The treaty basis of ETS 112 between the two States on the reference date (treaty map). */
function treatyBasisOf(c: CaseFile, reference: DayNumber): Status {
  const judgment = c.judgment.date == null ? null : parseIsoDate(c.judgment.date);
  const r = relationOn(MAP, ENGINE_RULESET, { a: c.sentencingState, b: c.administeringState, on: reference, judgment });
  return r.status === 'applies' ? 'met' : r.status === 'unknown' ? 'unknown' : 'not_met';
}

/** The link for someone who is not a national: the administering State's declarations under ETS 112 Art. 3(4). */
function declaredLinkOf(c: CaseFile, reference: DayNumber): Status {
  const state = c.administeringState;
  const p = c.person;
  const resident = p.permanentResidence == null ? 'unknown' : p.permanentResidence.includes(state) ? 'yes' : 'no';
  const lives = p.livesIn == null ? 'unknown' : p.livesIn === state ? 'yes' : 'no';
  const stateless = p.nationalities == null ? 'unknown' : p.nationalities.length === 0 ? 'yes' : 'no';
  let status: Status = 'not_met';
  for (const d of declarationsOf(MAP, ENGINE_RULESET, state, 'national-definition', reference)) {
    for (const category of d.includes) {
      const fact =
        category === 'permanent-residents' ? resident
        : category === 'habitual-residents' ? lives
        : category === 'stateless-permanent-residents' ? (stateless === 'no' || resident === 'no' ? 'no' : stateless === 'yes' && resident === 'yes' ? 'yes' : 'unknown')
        : resident === 'yes' || lives === 'yes' ? 'unknown' : 'no';
      if (fact === 'yes' && d.confidence !== 'U') return 'met';
      if (fact !== 'no') status = 'unknown';
    }
  }
  if (status === 'unknown') return status;
  const tie = resident === 'yes' || lives === 'yes';
  if (tie && declarationsOf(MAP, ENGINE_RULESET, state, 'unread', reference).some((d) => d.mayConcern.includes('national-definition'))) return 'unknown';
  return 'not_met';
}

/** The verdict under ETS 112 from the 6 conditions that apply; no explanation, no dates kept. */
export function handVerdict(c: CaseFile, today: DayNumber): Verdict {
  const received = c.events.requestReceived;
  const reference = received != null ? parseIsoDate(received) : today;
  let unknown = false;
  let waived = false;
  const take = (s: Status): boolean => {
    if (s === 'not_met') return true;
    if (s === 'unknown') unknown = true;
    else if (s === 'waived') waived = true;
    return false;
  };
  // The treaty basis: ETS 112 binds both States on the reference date and is not replaced between them.
  if (take(treatyBasisOf(c, reference))) return 'ineligible';
  // Nationality of the administering State, or its own definition of "national".
  const nationalities = c.person.nationalities;
  const national: Status = nationalities == null ? 'unknown' : nationalities.includes(c.administeringState) ? 'met' : 'not_met';
  if (take(national === 'met' ? 'met' : declaredOrUnknown(national, declaredLinkOf(c, reference)))) return 'ineligible';
  // Final judgment (per the sentencing State's law).
  const j = c.judgment;
  if (take(j.appealPending === true || j.final === false ? 'not_met' : j.final === true ? 'met' : 'unknown')) return 'ineligible';
  // At least 6 months remaining at the reference date.
  const s = handRelease(c, profileFor(c.sentencingState), reference);
  const remaining: Status =
    s.kind === 'unknown' ? 'unknown'
    : s.kind === 'indeterminate' ? 'met'
    : s.release <= reference ? 'not_met'
    : s.release >= addPeriod(reference, SIX_MONTHS) ? (s.remandKnown ? 'met' : 'unknown')
    : 'waived';
  if (take(remaining)) return 'ineligible';
  // Consent of the person, or of the representative where one is needed.
  const consent = c.consent ?? null;
  const representative = c.person.representativeNeeded === true;
  const status = consent?.status ?? null;
  const consentStatus: Status =
    status === 'given' ? ((consent?.by === 'representative') === representative ? 'met' : 'unknown')
    : status === 'refused' || status === 'withdrawn' ? 'not_met'
    : 'unknown';
  if (take(consentStatus)) return 'ineligible';
  // Dual criminality, offence by offence.
  let dual: Status = c.offences.length === 0 ? 'unknown' : 'met';
  for (const o of c.offences) {
    if (o.dualCriminality === 'no') {
      dual = 'not_met';
      break;
    }
    if (o.dualCriminality !== 'yes') dual = 'unknown';
  }
  if (take(dual)) return 'ineligible';
  if (unknown) return 'needs_information';
  return waived ? 'eligible_by_exception' : 'eligible';
}

// ---------------------------------------------------------------------------------------------
// json-rules-engine.

interface Facts {
  treatyBasis: Status;
  declaredLink: Status;
  nationalities: string[] | null;
  administeringState: string;
  final: boolean | null;
  appealPending: boolean | null;
  sentenceKind: 'fixed' | 'indeterminate' | 'unknown';
  release: number | null;
  reference: number;
  threshold: number;
  remandKnown: boolean;
  consentStatus: string | null;
  consentBy: string | null;
  representativeNeeded: boolean;
  dualCriminality: string[];
  offenceCount: number;
}

/** The facts the rules read; the dates are computed here, outside the timed loop. */
export function factsOf(c: CaseFile, today: DayNumber): Facts {
  const received = c.events.requestReceived;
  const reference = received != null ? parseIsoDate(received) : today;
  const s = handRelease(c, profileFor(c.sentencingState), reference);
  return {
    treatyBasis: treatyBasisOf(c, reference),
    declaredLink: declaredLinkOf(c, reference),
    nationalities: c.person.nationalities ?? null,
    administeringState: c.administeringState,
    final: c.judgment.final ?? null,
    appealPending: c.judgment.appealPending ?? null,
    sentenceKind: s.kind,
    release: s.kind === 'fixed' ? s.release : null,
    reference,
    threshold: addPeriod(reference, SIX_MONTHS),
    remandKnown: s.kind === 'fixed' ? s.remandKnown : true,
    consentStatus: c.consent?.status ?? null,
    consentBy: c.consent?.by ?? null,
    representativeNeeded: c.person.representativeNeeded === true,
    dualCriminality: c.offences.map((o) => (o.dualCriminality === 'yes' || o.dualCriminality === 'no' ? o.dualCriminality : 'unknown')),
    offenceCount: c.offences.length,
  };
}

const rule = (condition: string, outcome: 'not_met' | 'unknown' | 'waived', conditions: RuleProperties['conditions']): RuleProperties => ({
  name: `${condition}:${outcome}`,
  conditions,
  event: { type: outcome, params: { condition } },
});

const fixed = { fact: 'sentenceKind', operator: 'equal', value: 'fixed' };

/** The 6 ETS 112 conditions as json-rules-engine rules: one rule per failing or unknown outcome. */
export const JSON_RULES: RuleProperties[] = [
  rule('treaty-basis', 'not_met', { all: [{ fact: 'treatyBasis', operator: 'equal', value: 'not_met' }] }),
  rule('treaty-basis', 'unknown', { all: [{ fact: 'treatyBasis', operator: 'equal', value: 'unknown' }] }),
  rule('nationality', 'unknown', {
    any: [
      { all: [{ fact: 'nationalities', operator: 'equal', value: null }, { fact: 'declaredLink', operator: 'notEqual', value: 'met' }] },
      {
        all: [
          { fact: 'nationalities', operator: 'notEqual', value: null },
          { fact: 'nationalities', operator: 'doesNotContain', value: { fact: 'administeringState' } },
          { fact: 'declaredLink', operator: 'equal', value: 'unknown' },
        ],
      },
    ],
  }),
  rule('nationality', 'not_met', {
    all: [
      { fact: 'nationalities', operator: 'notEqual', value: null },
      { fact: 'nationalities', operator: 'doesNotContain', value: { fact: 'administeringState' } },
      { fact: 'declaredLink', operator: 'equal', value: 'not_met' },
    ],
  }),
  rule('final-judgment', 'not_met', {
    any: [
      { fact: 'appealPending', operator: 'equal', value: true },
      { fact: 'final', operator: 'equal', value: false },
    ],
  }),
  rule('final-judgment', 'unknown', {
    all: [
      { fact: 'appealPending', operator: 'notEqual', value: true },
      { fact: 'final', operator: 'equal', value: null },
    ],
  }),
  rule('remaining-sentence', 'not_met', { all: [fixed, { fact: 'release', operator: 'lessThanInclusive', value: { fact: 'reference' } }] }),
  rule('remaining-sentence', 'waived', {
    all: [
      fixed,
      { fact: 'release', operator: 'greaterThan', value: { fact: 'reference' } },
      { fact: 'release', operator: 'lessThan', value: { fact: 'threshold' } },
    ],
  }),
  rule('remaining-sentence', 'unknown', {
    any: [
      { fact: 'sentenceKind', operator: 'equal', value: 'unknown' },
      {
        all: [
          fixed,
          { fact: 'release', operator: 'greaterThanInclusive', value: { fact: 'threshold' } },
          { fact: 'remandKnown', operator: 'equal', value: false },
        ],
      },
    ],
  }),
  rule('consent', 'not_met', { all: [{ fact: 'consentStatus', operator: 'in', value: ['refused', 'withdrawn'] }] }),
  rule('consent', 'unknown', {
    any: [
      { fact: 'consentStatus', operator: 'in', value: ['not-asked', null] },
      {
        all: [
          { fact: 'consentStatus', operator: 'equal', value: 'given' },
          { fact: 'consentBy', operator: 'equal', value: 'representative' },
          { fact: 'representativeNeeded', operator: 'equal', value: false },
        ],
      },
      {
        all: [
          { fact: 'consentStatus', operator: 'equal', value: 'given' },
          { fact: 'consentBy', operator: 'notEqual', value: 'representative' },
          { fact: 'representativeNeeded', operator: 'equal', value: true },
        ],
      },
    ],
  }),
  rule('dual-criminality', 'not_met', { all: [{ fact: 'dualCriminality', operator: 'contains', value: 'no' }] }),
  rule('dual-criminality', 'unknown', {
    all: [
      { fact: 'dualCriminality', operator: 'doesNotContain', value: 'no' },
      {
        any: [
          { fact: 'offenceCount', operator: 'equal', value: 0 },
          { fact: 'dualCriminality', operator: 'contains', value: 'unknown' },
        ],
      },
    ],
  }),
];

export function jsonRulesEngine(): Engine {
  return new Engine(JSON_RULES, { allowUndefinedFacts: false });
}

export async function jsonRulesVerdict(engine: Engine, facts: Facts): Promise<Verdict> {
  const { events } = await engine.run(facts as unknown as Record<string, unknown>);
  let unknown = false;
  let waived = false;
  for (const e of events) {
    if (e.type === 'not_met') return 'ineligible';
    if (e.type === 'unknown') unknown = true;
    else if (e.type === 'waived') waived = true;
  }
  if (unknown) return 'needs_information';
  return waived ? 'eligible_by_exception' : 'eligible';
}

// ---------------------------------------------------------------------------------------------

export async function engineBenchmarks(cases: readonly CaseFile[], today: DayNumber): Promise<Row[]> {
  const ruleSet = ets112();
  const n = cases.length;
  const verdicts = new Array<Verdict>(n);
  let sink = 0;

  progress(`engine: warming up on ${Math.min(n, 20_000)} cases`);
  const warm = cases.slice(0, 20_000);
  const options = (c: CaseFile) => ({ today, profile: profileFor(c.sentencingState), map: MAP });
  for (const c of warm) sink += assess(c, ruleSet, options(c)).conditions.length;
  for (const c of warm) sink += handVerdict(c, today).length;

  const facts = cases.map((c) => factsOf(c, today));
  const jre = jsonRulesEngine();
  for (let i = 0; i < Math.min(n, 5_000); i++) sink += (await jsonRulesVerdict(jre, facts[i]!)).length;
  // Rounds alternating ours and the peers, so that a busier spell of the machine falls on all three.
  const rounds: { ours: number; hand: number; jre: number }[] = [];
  let handDisagree = 0;
  let jreDisagree = 0;
  for (let round = 0; round < ROUNDS; round++) {
    progress(`engine: round ${round + 1}/${ROUNDS}: assess(), the hand-written loop and json-rules-engine x ${n} cases`);
    const oursMs = timed(() => {
      for (let i = 0; i < n; i++) verdicts[i] = assess(cases[i]!, ruleSet, options(cases[i]!)).verdict;
    });
    let hand = 0;
    const handMs = timed(() => {
      for (let i = 0; i < n; i++) if (handVerdict(cases[i]!, today) !== verdicts[i]) hand++;
    });
    let jreOff = 0;
    const jreMs = await timedAsync(async () => {
      for (let i = 0; i < n; i++) if ((await jsonRulesVerdict(jre, facts[i]!)) !== verdicts[i]) jreOff++;
    });
    handDisagree = Math.max(handDisagree, hand);
    jreDisagree = Math.max(jreDisagree, jreOff);
    rounds.push({ ours: oursMs, hand: handMs, jre: jreMs });
  }
  if (sink === -1) progress('');

  const rate = (ms: number) => (n * 1000) / ms;
  const ours = rate(median(rounds.map((r) => r.ours)));
  const agreement = (k: number) => (k === 0 ? `same verdict as assess() on all ${n} cases` : `DISAGREES with assess() on ${k} of ${n} cases`);
  const versus = (peer: 'hand' | 'jre') => rounds.map((r) => ({ ours: rate(r.ours), reference: rate(r[peer]) }));
  return [
    rateRow(
      `engine: assessments/s, ${n.toLocaleString('en-GB')} cases, ${ENGINE_RULESET}, one core`,
      ours, ENGINE_TARGET, 1, '>= 100,000/s',
      `assess(): sentence dates from the case file, all 12 conditions with source, message, missing fields and flags, verdict, rescreen date, date steps. Median of ${ROUNDS} passes. Reference = the 100,000/s target.`,
    ),
    roundsRow(
      'engine vs json-rules-engine 7.3.1 (same cases, same 6 applicable conditions)',
      'rate', versus('jre'), 10, 'ratio >= 10',
      `json-rules-engine: 11 JSON rules (fail and unknown outcomes of nationality, final judgment, >= 6 months remaining, consent, dual criminality) on facts precomputed outside the timer (release date, reference date, reference + 6 months given ready-made); one Engine, engine.run() awaited per case; ${agreement(jreDisagree)}.`,
      '/s',
    ),
    roundsRow(
      'engine vs hand-written loop (same cases, same 6 checks)',
      'rate', versus('hand'), 1 / 3, 'ratio >= 0.333 (within 3x)',
      `hand-written: the same 6 checks as plain code from the case file, date arithmetic and treaty map lookups included (release from the chain net of remand, reference + 6 months), verdict only, no explanation; ${agreement(handDisagree)}.`,
      '/s',
    ),
  ];
}

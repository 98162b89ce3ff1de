/**
 * The case form's model: every field as the officer typed it (strings, and "yes" / "no" /
 * "unknown" for the tri-state facts), turned into a `tsp-case/1` file only when saved. The
 * router validates; what it refuses stays in the draft, so nothing typed is lost.
 *
 * Unknown is never false: an empty field and a tri-state left at "unknown" are written as
 * `null`. Fields the form does not show (the status, which has its own action) are carried
 * over from the case being edited unchanged. Financial obligations tell "not recorded"
 * (`null`) from "none" (an empty list).
 */
import { CASE_FORMAT, type CaseFile } from '../../shared/domain/case.ts';
import type { EnforcementProcedure } from '../../shared/vocabularies.ts';

export type Tri = 'yes' | 'no' | 'unknown';
export const TRI_VALUES: readonly Tri[] = ['yes', 'no', 'unknown'];
export type TermKind = 'fixed' | 'life' | 'indeterminate';
export const TERM_KINDS: readonly TermKind[] = ['fixed', 'life', 'indeterminate'];
export const DIRECTIONS = ['outgoing', 'incoming'] as const;
export const CONSENT_STATUSES = ['given', 'refused', 'withdrawn', 'not-asked'] as const;
export const CONSENT_BY = ['person', 'representative'] as const;
export const DUAL_CRIMINALITY = ['yes', 'no', 'unknown'] as const;
export const EVENT_FIELDS = ['application', 'request', 'requestReceived', 'judgmentReceived', 'statesAgreed', 'transferPlanned'] as const;
export type EventField = (typeof EVENT_FIELDS)[number];
export const OBLIGATION_KINDS = ['fine', 'compensation', 'costs', 'confiscation'] as const;
/** Not recorded (`null`), none (`[]`), or the obligations listed. */
export const OBLIGATIONS_STATES = ['unknown', 'none', 'listed'] as const;
export type ObligationsState = (typeof OBLIGATIONS_STATES)[number];
export const EXPULSION_KINDS = ['in-sentence', 'administrative-consequential', 'administrative'] as const;
export const LEFT_WHEN = ['after-final-judgment', 'during-proceedings'] as const;
export const CUSTODY_STATUSES = ['in-custody', 'conditional-release', 'at-large'] as const;
export const STATE_CONSENTS = ['given', 'refused', 'not-asked'] as const;

/** A sentence imposed under a constituent State's law (ISO 3166-2, e.g. `US-TX`), not national law. */
export const isConstituentState = (jurisdiction: string) => jurisdiction !== '' && jurisdiction !== 'national';

export interface ObligationDraft {
  key: string;
  kind: (typeof OBLIGATION_KINDS)[number];
  amount: string;
  currency: string;
  paid: Tri;
  incapacityToPay: Tri;
}

export interface SentenceDraft {
  /** React's key for the row: stable while the id is edited. */
  key: string;
  id: string;
  start: string;
  termKind: TermKind;
  years: string;
  months: string;
  days: string;
  consecutiveTo: string;
  offences: string[];
}

export interface OffenceDraft {
  key: string;
  id: string;
  description: string;
  categories: string[];
  maxPenaltyMonths: string;
  /** Our maximum for a similar offence (incoming cases): months, or life when `administeringLife`. */
  administeringMaxPenaltyMonths: string;
  administeringLife: boolean;
  dualCriminality: (typeof DUAL_CRIMINALITY)[number];
}

export interface CaseDraft {
  reference: string;
  familyName: string;
  givenNames: string;
  nativeName: string;
  /** Other names, one a line; empty means none recorded. */
  aliases: string;
  prisonNumber: string;
  /** The prison (institution) where the person is held, as written. */
  prison: string;
  dateOfBirth: string;
  /** ISO codes separated by commas or spaces; empty means unknown. */
  nationalities: string;
  permanentResidence: string;
  livesIn: string;
  representativeNeeded: Tri;
  domiciliaryOfSentencingState: Tri;
  /** Custody now ('' = not recorded) and since when. */
  custodyStatus: '' | (typeof CUSTODY_STATUSES)[number];
  custodySince: string;
  sentencingState: string;
  administeringState: string;
  direction: '' | (typeof DIRECTIONS)[number];
  ruleSetId: string;
  judgmentDate: string;
  final: Tri;
  appealPending: Tri;
  appealPeriodEnds: string;
  otherProceedingsPending: Tri;
  deathSentence: Tri;
  deathSentenceCommuted: Tri;
  /** '' (not recorded), 'national', or a constituent State's ISO 3166-2 code. */
  jurisdiction: string;
  /** The court that imposed the sentence, as written. */
  sentencingCourt: string;
  /** That State's consent ('' = not recorded); asked only for a constituent State's law. */
  stateConsent: '' | (typeof STATE_CONSENTS)[number];
  sentences: SentenceDraft[];
  remandDays: string;
  offences: OffenceDraft[];
  consentStatus: '' | (typeof CONSENT_STATUSES)[number];
  consentBy: '' | (typeof CONSENT_BY)[number];
  consentDate: string;
  consentWithdrawnOn: string;
  consentVerified: Tri;
  consentOpinionRecorded: Tri;
  obligationsState: ObligationsState;
  obligations: ObligationDraft[];
  /** None recorded (`''`, written as null) or the kind of expulsion. */
  expulsionKind: '' | (typeof EXPULSION_KINDS)[number];
  expulsionDate: string;
  /** None recorded (`''`, written as null) or when the person left the sentencing State. */
  leftWhen: '' | (typeof LEFT_WHEN)[number];
  leftDate: string;
  leftTo: string;
  events: Record<EventField, string>;
  /** Incoming cases: the procedure followed here and the decision that adapted or converted the sentence ('' = not recorded). */
  enforcementProcedure: '' | EnforcementProcedure;
  decisionAuthority: string;
  decisionDate: string;
  decisionTermKind: '' | TermKind;
  decisionYears: string;
  decisionMonths: string;
  decisionDays: string;
}

let nextKey = 0;
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

function tri(value: boolean | null | undefined): Tri {
  return value == null ? 'unknown' : value ? 'yes' : 'no';
}

function fromTri(value: Tri): boolean | null {
  return value === 'unknown' ? null : value === 'yes';
}

const str = (value: string | number | null | undefined): string => (value == null ? '' : String(value));

/** The next free id of the form `S1`, `S2`… (or `O1`…) not yet used. */
export function nextId(prefix: string, used: readonly string[]): string {
  let n = used.length + 1;
  while (used.includes(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

export function emptySentence(used: readonly string[]): SentenceDraft {
  return { key: rowKey(), id: nextId('S', used), start: '', termKind: 'fixed', years: '', months: '', days: '', consecutiveTo: '', offences: [] };
}

export function emptyOffence(used: readonly string[]): OffenceDraft {
  return { key: rowKey(), id: nextId('O', used), description: '', categories: [], maxPenaltyMonths: '', administeringMaxPenaltyMonths: '', administeringLife: false, dualCriminality: 'unknown' };
}

export function emptyObligation(): ObligationDraft {
  return { key: rowKey(), kind: 'fine', amount: '', currency: '', paid: 'unknown', incapacityToPay: 'unknown' };
}

export function emptyDraft(): CaseDraft {
  return {
    reference: '',
    familyName: '',
    givenNames: '',
    nativeName: '',
    aliases: '',
    prisonNumber: '',
    prison: '',
    dateOfBirth: '',
    nationalities: '',
    permanentResidence: '',
    livesIn: '',
    representativeNeeded: 'unknown',
    domiciliaryOfSentencingState: 'unknown',
    custodyStatus: '',
    custodySince: '',
    sentencingState: '',
    administeringState: '',
    direction: '',
    ruleSetId: '',
    judgmentDate: '',
    final: 'unknown',
    appealPending: 'unknown',
    appealPeriodEnds: '',
    otherProceedingsPending: 'unknown',
    deathSentence: 'unknown',
    deathSentenceCommuted: 'unknown',
    jurisdiction: '',
    sentencingCourt: '',
    stateConsent: '',
    sentences: [emptySentence([])],
    remandDays: '',
    offences: [emptyOffence([])],
    consentStatus: '',
    consentBy: '',
    consentDate: '',
    consentWithdrawnOn: '',
    consentVerified: 'unknown',
    consentOpinionRecorded: 'unknown',
    obligationsState: 'unknown',
    obligations: [],
    expulsionKind: '',
    expulsionDate: '',
    leftWhen: '',
    leftDate: '',
    leftTo: '',
    events: { application: '', request: '', requestReceived: '', judgmentReceived: '', statesAgreed: '', transferPlanned: '' },
    enforcementProcedure: '',
    decisionAuthority: '',
    decisionDate: '',
    decisionTermKind: '',
    decisionYears: '',
    decisionMonths: '',
    decisionDays: '',
  };
}

export function draftOf(c: CaseFile): CaseDraft {
  const p = c.person;
  const j = c.judgment;
  return {
    reference: str(c.reference),
    familyName: str(p.familyName),
    givenNames: str(p.givenNames),
    nativeName: str(p.nativeName),
    aliases: (p.aliases ?? []).join('\n'),
    prisonNumber: str(p.prisonNumber),
    prison: str(p.prison),
    dateOfBirth: str(p.dateOfBirth),
    nationalities: (p.nationalities ?? []).join(', '),
    permanentResidence: (p.permanentResidence ?? []).join(', '),
    livesIn: str(p.livesIn),
    representativeNeeded: tri(p.representativeNeeded),
    domiciliaryOfSentencingState: tri(p.domiciliaryOfSentencingState),
    custodyStatus: c.custody?.status ?? '',
    custodySince: str(c.custody?.since),
    sentencingState: c.sentencingState,
    administeringState: c.administeringState,
    direction: c.direction ?? '',
    ruleSetId: str(c.ruleSetId),
    judgmentDate: str(j.date),
    final: tri(j.final),
    appealPending: tri(j.appealPending),
    appealPeriodEnds: str(j.appealPeriodEnds),
    otherProceedingsPending: tri(j.otherProceedingsPending),
    deathSentence: tri(j.deathSentence),
    deathSentenceCommuted: tri(j.deathSentenceCommuted),
    jurisdiction: str(j.jurisdiction),
    sentencingCourt: str(j.sentencingCourt),
    stateConsent: c.consent?.stateAuthority ?? '',
    sentences: c.sentences.map((s) => ({
      key: rowKey(),
      id: s.id,
      start: str(s.start),
      termKind: typeof s.term === 'string' ? s.term : 'fixed',
      years: typeof s.term === 'string' ? '' : str(s.term.years),
      months: typeof s.term === 'string' ? '' : str(s.term.months),
      days: typeof s.term === 'string' ? '' : str(s.term.days),
      consecutiveTo: str(s.consecutiveTo),
      offences: [...s.offences],
    })),
    remandDays: str(c.remandDays),
    offences: c.offences.map((o) => ({
      key: rowKey(),
      id: o.id,
      description: str(o.description),
      categories: [...(o.categories ?? [])],
      maxPenaltyMonths: str(o.maxPenaltyMonths),
      administeringMaxPenaltyMonths: o.administeringMaxPenaltyMonths === 'life' ? '' : str(o.administeringMaxPenaltyMonths),
      administeringLife: o.administeringMaxPenaltyMonths === 'life',
      dualCriminality: o.dualCriminality ?? 'unknown',
    })),
    consentStatus: c.consent?.status ?? '',
    consentBy: c.consent?.by ?? '',
    consentDate: str(c.consent?.date),
    consentWithdrawnOn: str(c.consent?.withdrawnOn),
    consentVerified: tri(c.consent?.verified),
    consentOpinionRecorded: tri(c.consent?.opinionRecorded),
    obligationsState: c.financialObligations == null ? 'unknown' : c.financialObligations.length === 0 ? 'none' : 'listed',
    obligations: (c.financialObligations ?? []).map((o) => ({
      key: rowKey(),
      kind: o.kind,
      amount: str(o.amount),
      currency: str(o.currency),
      paid: tri(o.paid),
      incapacityToPay: tri(o.incapacityToPay),
    })),
    expulsionKind: c.expulsion?.kind ?? '',
    expulsionDate: str(c.expulsion?.date),
    leftWhen: c.leftSentencingState?.when ?? '',
    leftDate: str(c.leftSentencingState?.date),
    leftTo: str(c.leftSentencingState?.to),
    events: {
      application: str(c.events.application),
      request: str(c.events.request),
      requestReceived: str(c.events.requestReceived),
      judgmentReceived: str(c.events.judgmentReceived),
      statesAgreed: str(c.events.statesAgreed),
      transferPlanned: str(c.events.transferPlanned),
    },
    ...enforcementDraft(c.enforcement),
  };
}

type EnforcementDraft = Pick<CaseDraft, 'enforcementProcedure' | 'decisionAuthority' | 'decisionDate' | 'decisionTermKind' | 'decisionYears' | 'decisionMonths' | 'decisionDays'>;

function enforcementDraft(e: CaseFile['enforcement']): EnforcementDraft {
  const term = e?.decision?.term;
  return {
    enforcementProcedure: e?.procedure ?? '',
    decisionAuthority: str(e?.decision?.authority),
    decisionDate: str(e?.decision?.date),
    decisionTermKind: term == null ? '' : typeof term === 'string' ? term : 'fixed',
    decisionYears: term == null || typeof term === 'string' ? '' : str(term.years),
    decisionMonths: term == null || typeof term === 'string' ? '' : str(term.months),
    decisionDays: term == null || typeof term === 'string' ? '' : str(term.days),
  };
}

/** The enforcement facts typed; nothing typed leaves the case as it was (left out stays left out). */
function enforcementOf(draft: CaseDraft, base: Partial<CaseFile>): Record<string, unknown> | null | undefined {
  const decisionTyped = draft.decisionTermKind !== '' || draft.decisionAuthority.trim() !== '' || draft.decisionDate !== '';
  if (draft.enforcementProcedure === '' && !decisionTyped) return base.enforcement === undefined ? undefined : null;
  const kind = draft.decisionTermKind;
  return {
    procedure: draft.enforcementProcedure === '' ? null : draft.enforcementProcedure,
    decision: !decisionTyped
      ? null
      : {
          authority: text(draft.decisionAuthority),
          date: text(draft.decisionDate),
          // A decision without its term is sent as such, for the router to name the field.
          term: kind === '' ? null : kind === 'fixed' ? { years: whole(draft.decisionYears) ?? 0, months: whole(draft.decisionMonths) ?? 0, days: whole(draft.decisionDays) ?? 0 } : kind,
        },
  };
}

/** Empty is unknown. */
function text(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A whole number when it is one; anything else is sent as typed, for the router to name. */
function whole(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^\d+$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/** An amount when it is a number; anything else is sent as typed, for the router to name. */
function amount(value: string): number | string | null {
  const trimmed = value.trim();
  if (trimmed === '') return null;
  return /^-?\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : trimmed;
}

/**
 * A list field as sent: what the officer entered; left empty, "unknown" (null) — unless the file
 * held an empty list ("none", known) already, which stays as it was. An empty field cannot tell
 * the two apart, and an edit of another field must not turn a known "none" into "unknown" (the
 * link and dual-criminality conditions read the difference).
 */
function listOrKept(entered: string[], before: readonly string[] | null | undefined): string[] | null {
  if (entered.length > 0) return entered;
  return before?.length === 0 ? [] : null;
}

/** The other names, one a line. */
function aliasesOf(value: string): string[] {
  return value
    .split('\n')
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** ISO codes from "ru, HK" ; empty is unknown. */
export function codes(value: string): string[] | null {
  const list = value
    .split(/[\s,;]+/)
    .map((code) => code.trim().toUpperCase())
    .filter((code) => code !== '');
  return list.length === 0 ? null : list;
}

/** The case file to send: the draft over the case being edited (or a new file). */
export function caseOf(draft: CaseDraft, original: CaseFile | null): Record<string, unknown> {
  const base: Partial<CaseFile> = original ?? {};
  // Asked only of a constituent State's law; otherwise what the file held stays.
  const stateAuthority = isConstituentState(draft.jurisdiction) ? (draft.stateConsent === '' ? null : draft.stateConsent) : (base.consent?.stateAuthority ?? null);
  const consentEmpty =
    stateAuthority === null &&
    draft.consentStatus === '' &&
    draft.consentBy === '' &&
    draft.consentDate === '' &&
    draft.consentWithdrawnOn === '' &&
    draft.consentVerified === 'unknown' &&
    draft.consentOpinionRecorded === 'unknown';
  return {
    ...base,
    format: CASE_FORMAT,
    reference: text(draft.reference),
    sentencingState: draft.sentencingState,
    administeringState: draft.administeringState,
    direction: draft.direction === '' ? null : draft.direction,
    ruleSetId: text(draft.ruleSetId),
    person: {
      ...base.person,
      familyName: text(draft.familyName),
      givenNames: text(draft.givenNames),
      nativeName: text(draft.nativeName),
      aliases: listOrKept(aliasesOf(draft.aliases), base.person?.aliases),
      prisonNumber: text(draft.prisonNumber),
      prison: text(draft.prison),
      dateOfBirth: text(draft.dateOfBirth),
      nationalities: listOrKept(codes(draft.nationalities) ?? [], base.person?.nationalities),
      permanentResidence: listOrKept(codes(draft.permanentResidence) ?? [], base.person?.permanentResidence),
      livesIn: text(draft.livesIn),
      representativeNeeded: fromTri(draft.representativeNeeded),
      domiciliaryOfSentencingState: fromTri(draft.domiciliaryOfSentencingState),
    },
    judgment: {
      ...base.judgment,
      date: text(draft.judgmentDate),
      final: fromTri(draft.final),
      appealPending: fromTri(draft.appealPending),
      appealPeriodEnds: text(draft.appealPeriodEnds),
      otherProceedingsPending: fromTri(draft.otherProceedingsPending),
      deathSentence: fromTri(draft.deathSentence),
      // Asked only when a death sentence is recorded; otherwise what the file held stays.
      deathSentenceCommuted: draft.deathSentence === 'yes' ? fromTri(draft.deathSentenceCommuted) : (base.judgment?.deathSentenceCommuted ?? null),
      jurisdiction: text(draft.jurisdiction),
      sentencingCourt: text(draft.sentencingCourt),
    },
    sentences: draft.sentences.map((s) => ({
      id: s.id.trim(),
      start: text(s.start),
      term:
        s.termKind === 'fixed'
          ? { years: whole(s.years) ?? 0, months: whole(s.months) ?? 0, days: whole(s.days) ?? 0 }
          : s.termKind,
      consecutiveTo: text(s.consecutiveTo),
      offences: s.offences,
    })),
    remandDays: whole(draft.remandDays),
    offences: draft.offences.map((o) => {
      const prior = base.offences?.find((b) => b.id === o.id.trim());
      return {
        id: o.id.trim(),
        description: text(o.description),
        categories: listOrKept(o.categories, prior?.categories),
        maxPenaltyMonths: whole(o.maxPenaltyMonths),
        administeringMaxPenaltyMonths: o.administeringLife ? 'life' : whole(o.administeringMaxPenaltyMonths),
        // "Unknown" shown for a file that recorded nothing stays nothing recorded (the same meaning, not a change).
        dualCriminality: o.dualCriminality === 'unknown' && prior !== undefined && prior.dualCriminality == null ? prior.dualCriminality : o.dualCriminality,
      };
    }),
    consent: consentEmpty
      ? null
      : {
          status: draft.consentStatus === '' ? null : draft.consentStatus,
          by: draft.consentBy === '' ? null : draft.consentBy,
          date: text(draft.consentDate),
          withdrawnOn: text(draft.consentWithdrawnOn),
          verified: fromTri(draft.consentVerified),
          opinionRecorded: fromTri(draft.consentOpinionRecorded),
          stateAuthority,
        },
    financialObligations:
      draft.obligationsState === 'unknown'
        ? null
        : draft.obligationsState === 'none'
          ? []
          : draft.obligations.map((o) => ({
              kind: o.kind,
              amount: amount(o.amount),
              currency: text(o.currency.toUpperCase()),
              paid: fromTri(o.paid),
              incapacityToPay: fromTri(o.incapacityToPay),
            })),
    expulsion: draft.expulsionKind === '' ? null : { kind: draft.expulsionKind, date: text(draft.expulsionDate) },
    leftSentencingState: draft.leftWhen === '' ? null : { when: draft.leftWhen, date: text(draft.leftDate), to: text(draft.leftTo) },
    events: {
      ...base.events,
      application: text(draft.events.application),
      request: text(draft.events.request),
      requestReceived: text(draft.events.requestReceived),
      judgmentReceived: text(draft.events.judgmentReceived),
      statesAgreed: text(draft.events.statesAgreed),
      transferPlanned: text(draft.events.transferPlanned),
    },
    // No custody status chosen: none recorded (left out when the file had none).
    custody: draft.custodyStatus === '' ? (base.custody === undefined ? undefined : null) : { status: draft.custodyStatus, since: text(draft.custodySince) },
    enforcement: enforcementOf(draft, base),
  };
}

/**
 * The form's element id for a field path of the case file (`person.familyName`,
 * `sentences[0].start`): `f-person-familyName`, `f-sentences-0-start`.
 */
export function fieldId(path: string): string {
  return `f-${path.replace(/[^A-Za-z0-9]+/g, '-').replace(/-$/, '')}`;
}

/** Where the form shows each field of the case file, by path, to the draft property. */
export function formPaths(draft: CaseDraft): string[] {
  const paths = [
    'reference', 'sentencingState', 'administeringState', 'direction', 'ruleSetId',
    'person.familyName', 'person.givenNames', 'person.nativeName', 'person.aliases', 'person.prisonNumber', 'person.prison', 'person.dateOfBirth',
    'person.nationalities', 'person.permanentResidence', 'person.livesIn', 'person.representativeNeeded',
    'person.domiciliaryOfSentencingState', 'custody.status', 'custody.since',
    'judgment.date', 'judgment.final', 'judgment.appealPending', 'judgment.appealPeriodEnds',
    'judgment.otherProceedingsPending', 'judgment.deathSentence', 'judgment.deathSentenceCommuted', 'judgment.jurisdiction', 'judgment.sentencingCourt', 'remandDays',
    'financialObligations', 'expulsion.kind', 'expulsion.date',
    'leftSentencingState.when', 'leftSentencingState.date', 'leftSentencingState.to',
    'consent.status', 'consent.by', 'consent.date', 'consent.withdrawnOn', 'consent.verified', 'consent.opinionRecorded', 'consent.stateAuthority',
    ...EVENT_FIELDS.map((e) => `events.${e}`),
    'enforcement.procedure', 'enforcement.decision.authority', 'enforcement.decision.date', 'enforcement.decision.term',
    'reason',
  ];
  draft.sentences.forEach((_, i) => {
    for (const f of ['id', 'start', 'term', 'consecutiveTo', 'offences']) paths.push(`sentences[${i}].${f}`);
  });
  draft.offences.forEach((_, i) => {
    for (const f of ['id', 'description', 'categories', 'maxPenaltyMonths', 'administeringMaxPenaltyMonths', 'dualCriminality']) paths.push(`offences[${i}].${f}`);
  });
  if (draft.obligationsState === 'listed') {
    draft.obligations.forEach((_, i) => {
      for (const f of ['kind', 'amount', 'currency', 'paid', 'incapacityToPay']) paths.push(`financialObligations[${i}].${f}`);
    });
  }
  return paths;
}

/**
 * The field a problem of the router belongs to: its path without the `case.` the
 * services put before it, shortened until it names a field the form shows
 * (`person.nationalities[1]` → `person.nationalities`, `sentences[0].term.years` →
 * `sentences[0].term`). Null when the form has no such field.
 */
export function formFieldOf(problemField: string, paths: ReadonlySet<string>): string | null {
  let path = problemField.startsWith('case.') ? problemField.slice('case.'.length) : problemField;
  for (;;) {
    if (paths.has(path)) return path;
    const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
    if (cut <= 0) return null;
    path = path.slice(0, cut);
  }
}

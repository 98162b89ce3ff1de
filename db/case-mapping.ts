/**
 * A `tsp-case/1` case file <-> the rows that store it. Pure: no SQL here.
 *
 * Unknown (null or absent, docs/case-format.md) is stored as SQL NULL, never as false, 0 or
 * an empty list. The case file can also say "unknown" by leaving a field out; those paths
 * are kept in cases.omitted_fields so a case reads back exactly as it was written.
 */
import type { CaseFile } from '../shared/domain/case.ts';

type Bit = 0 | 1 | null;

export interface PersonRow {
  family_name: string;
  given_names: string | null;
  native_name: string | null;
  aliases: string | null;
  date_of_birth: string | null;
  nationalities: string | null;
  permanent_residence: string | null;
  lives_in: string | null;
  representative_needed: Bit;
  prison_number: string | null;
}

/** The columns of `cases` that hold facts of the case file (not its bookkeeping). */
export interface CaseFactsRow {
  reference: string | null;
  sentencing_state: string;
  administering_state: string;
  direction: string | null;
  rule_set_id: string | null;
  status: string | null;
  judgment_date: string | null;
  judgment_final: Bit;
  appeal_pending: Bit;
  appeal_period_ends: string | null;
  other_proceedings_pending: Bit;
  death_sentence: Bit;
  death_sentence_commuted: Bit;
  remand_days: number | null;
  financial_obligations_known: 1 | null;
  expulsion_kind: string | null;
  expulsion_date: string | null;
  left_sentencing_state: 1 | null;
  left_date: string | null;
  left_when: string | null;
  left_to: string | null;
  event_application: string | null;
  event_request: string | null;
  event_request_received: string | null;
  event_judgment_received: string | null;
  event_states_agreed: string | null;
  event_transfer_planned: string | null;
  domiciliary: Bit;
  judgment_jurisdiction: string | null;
  sentencing_court: string | null;
  prison: string | null;
  custody_status: string | null;
  custody_since: string | null;
  omitted_fields: string | null;
  enforcement_recorded: 1 | null;
  enforcement_procedure: string | null;
  decision_authority: string | null;
  decision_date: string | null;
  decision_term_kind: 'fixed' | 'life' | 'indeterminate' | null;
  decision_term_years: number | null;
  decision_term_months: number | null;
  decision_term_days: number | null;
}

export interface SentenceRow {
  sentence_key: string;
  position: number;
  start: string | null;
  term_kind: 'fixed' | 'life' | 'indeterminate';
  term_years: number | null;
  term_months: number | null;
  term_days: number | null;
  consecutive_to: string | null;
}

export interface SentenceOffenceRow {
  sentence_key: string;
  position: number;
  offence_key: string;
}

export interface OffenceRow {
  offence_key: string;
  position: number;
  description: string | null;
  categories: string | null;
  max_penalty_months: number | null;
  dual_criminality: string | null;
  administering_max_penalty_months: number | null;
  administering_max_penalty_life: 1 | null;
}

export interface ConsentRow {
  status: string | null;
  given_by: string | null;
  date: string | null;
  withdrawn_on: string | null;
  verified: Bit;
  opinion_recorded: Bit;
  state_authority: string | null;
}

export interface FinancialObligationRow {
  position: number;
  kind: string;
  amount: number | null;
  currency: string | null;
  paid: Bit;
  incapacity_to_pay: Bit;
}

export interface CaseRows {
  person: PersonRow;
  facts: CaseFactsRow;
  sentences: SentenceRow[];
  sentenceOffences: SentenceOffenceRow[];
  offences: OffenceRow[];
  consent: ConsentRow | null;
  financialObligations: FinancialObligationRow[];
}

const bit = (value: boolean | null | undefined): Bit => (value == null ? null : value ? 1 : 0);
const flag = (value: Bit): boolean | null => (value === null ? null : value === 1);
const list = (value: readonly string[] | null | undefined): string | null => (value == null ? null : JSON.stringify(value));
const unlist = (value: string | null): string[] | null => (value === null ? null : (JSON.parse(value) as string[]));
const orNull = <T>(value: T | null | undefined): T | null => value ?? null;

type EnforcementColumns = Pick<
  CaseFactsRow,
  | 'enforcement_recorded' | 'enforcement_procedure' | 'decision_authority' | 'decision_date'
  | 'decision_term_kind' | 'decision_term_years' | 'decision_term_months' | 'decision_term_days'
>;

function enforcementRow(e: CaseFile['enforcement']): EnforcementColumns {
  const d = e?.decision ?? null;
  const term = d?.term;
  return {
    enforcement_recorded: e == null ? null : 1,
    enforcement_procedure: orNull(e?.procedure),
    decision_authority: orNull(d?.authority),
    decision_date: orNull(d?.date),
    decision_term_kind: term == null ? null : typeof term === 'string' ? term : 'fixed',
    decision_term_years: term == null || typeof term === 'string' ? null : term.years,
    decision_term_months: term == null || typeof term === 'string' ? null : term.months,
    decision_term_days: term == null || typeof term === 'string' ? null : term.days,
  };
}

function enforcementOf(f: CaseFactsRow): CaseFile['enforcement'] {
  if (f.enforcement_recorded === null) return null;
  const kind = f.decision_term_kind;
  return {
    procedure: f.enforcement_procedure as NonNullable<CaseFile['enforcement']>['procedure'],
    decision:
      kind === null
        ? null
        : {
            authority: f.decision_authority,
            date: f.decision_date,
            term: kind === 'fixed' ? { years: f.decision_term_years ?? 0, months: f.decision_term_months ?? 0, days: f.decision_term_days ?? 0 } : kind,
          },
  };
}

/** Rows for a case file. The person's family name must be known (the store requires it). */
export function caseToRows(c: CaseFile): CaseRows {
  const familyName = c.person.familyName;
  if (familyName == null) throw new TypeError('the store needs the family name of the person');
  const rows: CaseRows = {
    person: {
      family_name: familyName,
      given_names: orNull(c.person.givenNames),
      native_name: orNull(c.person.nativeName),
      aliases: list(c.person.aliases),
      date_of_birth: orNull(c.person.dateOfBirth),
      nationalities: list(c.person.nationalities),
      permanent_residence: list(c.person.permanentResidence),
      lives_in: orNull(c.person.livesIn),
      representative_needed: bit(c.person.representativeNeeded),
      prison_number: orNull(c.person.prisonNumber),
    },
    facts: {
      reference: orNull(c.reference),
      sentencing_state: c.sentencingState,
      administering_state: c.administeringState,
      direction: orNull(c.direction),
      rule_set_id: orNull(c.ruleSetId),
      status: orNull(c.status),
      judgment_date: orNull(c.judgment.date),
      judgment_final: bit(c.judgment.final),
      appeal_pending: bit(c.judgment.appealPending),
      appeal_period_ends: orNull(c.judgment.appealPeriodEnds),
      other_proceedings_pending: bit(c.judgment.otherProceedingsPending),
      death_sentence: bit(c.judgment.deathSentence),
      death_sentence_commuted: bit(c.judgment.deathSentenceCommuted),
      remand_days: orNull(c.remandDays),
      financial_obligations_known: c.financialObligations == null ? null : 1,
      expulsion_kind: c.expulsion?.kind ?? null,
      expulsion_date: orNull(c.expulsion?.date),
      left_sentencing_state: c.leftSentencingState == null ? null : 1,
      left_date: orNull(c.leftSentencingState?.date),
      left_when: orNull(c.leftSentencingState?.when),
      left_to: orNull(c.leftSentencingState?.to),
      event_application: orNull(c.events.application),
      event_request: orNull(c.events.request),
      event_request_received: orNull(c.events.requestReceived),
      event_judgment_received: orNull(c.events.judgmentReceived),
      event_states_agreed: orNull(c.events.statesAgreed),
      event_transfer_planned: orNull(c.events.transferPlanned),
      domiciliary: bit(c.person.domiciliaryOfSentencingState),
      judgment_jurisdiction: orNull(c.judgment.jurisdiction),
      sentencing_court: orNull(c.judgment.sentencingCourt),
      prison: orNull(c.person.prison),
      custody_status: c.custody == null ? null : c.custody.status,
      custody_since: c.custody == null ? null : orNull(c.custody.since),
      omitted_fields: null,
      ...enforcementRow(c.enforcement),
    },
    sentences: c.sentences.map((s, position) => ({
      sentence_key: s.id,
      position,
      start: orNull(s.start),
      term_kind: typeof s.term === 'string' ? s.term : 'fixed',
      term_years: typeof s.term === 'string' ? null : s.term.years,
      term_months: typeof s.term === 'string' ? null : s.term.months,
      term_days: typeof s.term === 'string' ? null : s.term.days,
      consecutive_to: orNull(s.consecutiveTo),
    })),
    sentenceOffences: c.sentences.flatMap((s) => s.offences.map((offence, position) => ({ sentence_key: s.id, position, offence_key: offence }))),
    offences: c.offences.map((o, position) => ({
      offence_key: o.id,
      position,
      description: orNull(o.description),
      categories: list(o.categories),
      max_penalty_months: orNull(o.maxPenaltyMonths),
      dual_criminality: orNull(o.dualCriminality),
      administering_max_penalty_months: typeof o.administeringMaxPenaltyMonths === 'number' ? o.administeringMaxPenaltyMonths : null,
      administering_max_penalty_life: o.administeringMaxPenaltyMonths === 'life' ? 1 : null,
    })),
    consent:
      c.consent == null
        ? null
        : {
            status: orNull(c.consent.status),
            given_by: orNull(c.consent.by),
            date: orNull(c.consent.date),
            withdrawn_on: orNull(c.consent.withdrawnOn),
            verified: bit(c.consent.verified),
            opinion_recorded: bit(c.consent.opinionRecorded),
            state_authority: orNull(c.consent.stateAuthority),
          },
    financialObligations: (c.financialObligations ?? []).map((f, position) => ({
      position,
      kind: f.kind,
      amount: orNull(f.amount),
      currency: orNull(f.currency),
      paid: bit(f.paid),
      incapacity_to_pay: bit(f.incapacityToPay),
    })),
  };
  const omitted = omittedPaths(rowsToCase(rows), c);
  rows.facts.omitted_fields = omitted.length === 0 ? null : JSON.stringify(omitted);
  return rows;
}

/** The case file the rows hold; rows are in position order. */
export function rowsToCase(rows: CaseRows): CaseFile {
  const { person: p, facts: f } = rows;
  const offencesOf = new Map<string, string[]>();
  for (const link of rows.sentenceOffences) {
    const names = offencesOf.get(link.sentence_key) ?? [];
    names[link.position] = link.offence_key;
    offencesOf.set(link.sentence_key, names);
  }
  const c: CaseFile = {
    format: 'tsp-case/1',
    reference: f.reference,
    sentencingState: f.sentencing_state,
    administeringState: f.administering_state,
    direction: f.direction as CaseFile['direction'],
    ruleSetId: f.rule_set_id,
    status: f.status as CaseFile['status'],
    person: {
      familyName: p.family_name,
      givenNames: p.given_names,
      nativeName: p.native_name,
      aliases: unlist(p.aliases),
      prisonNumber: p.prison_number,
      dateOfBirth: p.date_of_birth,
      nationalities: unlist(p.nationalities),
      permanentResidence: unlist(p.permanent_residence),
      livesIn: p.lives_in,
      representativeNeeded: flag(p.representative_needed),
      domiciliaryOfSentencingState: flag(f.domiciliary),
      prison: f.prison,
    },
    judgment: {
      date: f.judgment_date,
      final: flag(f.judgment_final),
      appealPending: flag(f.appeal_pending),
      appealPeriodEnds: f.appeal_period_ends,
      otherProceedingsPending: flag(f.other_proceedings_pending),
      deathSentence: flag(f.death_sentence),
      deathSentenceCommuted: flag(f.death_sentence_commuted),
      jurisdiction: f.judgment_jurisdiction,
      sentencingCourt: f.sentencing_court,
    },
    sentences: rows.sentences.map((s) => ({
      id: s.sentence_key,
      start: s.start,
      term:
        s.term_kind === 'fixed'
          ? { years: s.term_years ?? 0, months: s.term_months ?? 0, days: s.term_days ?? 0 }
          : s.term_kind,
      consecutiveTo: s.consecutive_to,
      offences: offencesOf.get(s.sentence_key) ?? [],
    })),
    remandDays: f.remand_days,
    offences: rows.offences.map((o) => ({
      id: o.offence_key,
      description: o.description,
      categories: unlist(o.categories),
      maxPenaltyMonths: o.max_penalty_months,
      administeringMaxPenaltyMonths: o.administering_max_penalty_life === 1 ? 'life' : o.administering_max_penalty_months,
      dualCriminality: o.dual_criminality as CaseFile['offences'][number]['dualCriminality'],
    })),
    consent:
      rows.consent === null
        ? null
        : {
            status: rows.consent.status as NonNullable<CaseFile['consent']>['status'],
            by: rows.consent.given_by as NonNullable<CaseFile['consent']>['by'],
            date: rows.consent.date,
            withdrawnOn: rows.consent.withdrawn_on,
            verified: flag(rows.consent.verified),
            opinionRecorded: flag(rows.consent.opinion_recorded),
            stateAuthority: rows.consent.state_authority as NonNullable<CaseFile['consent']>['stateAuthority'],
          },
    financialObligations:
      f.financial_obligations_known === null
        ? null
        : rows.financialObligations.map((o) => ({
            kind: o.kind as NonNullable<CaseFile['financialObligations']>[number]['kind'],
            amount: o.amount,
            currency: o.currency,
            paid: flag(o.paid),
            incapacityToPay: flag(o.incapacity_to_pay),
          })),
    expulsion:
      f.expulsion_kind === null
        ? null
        : { kind: f.expulsion_kind as NonNullable<CaseFile['expulsion']>['kind'], date: f.expulsion_date },
    leftSentencingState:
      f.left_sentencing_state === null
        ? null
        : { date: f.left_date, when: f.left_when as NonNullable<CaseFile['leftSentencingState']>['when'], to: f.left_to },
    events: {
      application: f.event_application,
      request: f.event_request,
      requestReceived: f.event_request_received,
      judgmentReceived: f.event_judgment_received,
      statesAgreed: f.event_states_agreed,
      transferPlanned: f.event_transfer_planned,
    },
    enforcement: enforcementOf(f),
    custody: f.custody_status === null ? null : { status: f.custody_status as NonNullable<CaseFile['custody']>['status'], since: f.custody_since },
  };
  if (f.omitted_fields !== null) removePaths(c, omittedOf(f.omitted_fields));
  return c;
}

/**
 * The paths of a stored omitted_fields text, parsed once per distinct text: most cases of a store
 * omit the same few sets of fields, and a batch (re-assessment, the route finder) reads thousands.
 * Bounded: past LIMIT texts, the oldest parsed is dropped.
 */
const OMITTED_LIMIT = 512;
const omittedParsed = new Map<string, readonly Path[]>();

function omittedOf(text: string): readonly Path[] {
  let paths = omittedParsed.get(text);
  if (paths === undefined) {
    paths = JSON.parse(text) as Path[];
    if (omittedParsed.size >= OMITTED_LIMIT) omittedParsed.delete(omittedParsed.keys().next().value as string);
    omittedParsed.set(text, paths);
  }
  return paths;
}

type Path = (string | number)[];

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Paths where `full` says null and `given` has no such key: "unknown" written by omission. */
function omittedPaths(full: unknown, given: unknown, path: Path = [], out: Path[] = []): Path[] {
  if (Array.isArray(full) && Array.isArray(given)) {
    full.forEach((item, i) => omittedPaths(item, given[i], [...path, i], out));
  } else if (isRecord(full) && isRecord(given)) {
    for (const [key, value] of Object.entries(full)) {
      if (given[key] === undefined) {
        if (value === null) out.push([...path, key]);
      } else {
        omittedPaths(value, given[key], [...path, key], out);
      }
    }
  }
  return out;
}

function removePaths(target: unknown, paths: readonly Path[]): void {
  for (const path of paths) {
    let node: unknown = target;
    for (let i = 0; i < path.length - 1; i++) node = (node as Record<string | number, unknown> | null | undefined)?.[path[i]!];
    const last = path[path.length - 1];
    if (last !== undefined && (isRecord(node) || Array.isArray(node))) delete (node as Record<string | number, unknown>)[last];
  }
}

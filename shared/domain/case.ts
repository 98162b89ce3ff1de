/**
 * The case file `tsp-case/1`: the one JSON interchange format for a sentenced person's
 * case (docs/case-format.md). Field names are fixed. Absent or `null` means unknown, which
 * is never read as `false`. A reader ignores fields it does not know.
 */
import { z } from 'zod';
import {
  AMOUNT_MAX, CASE_LIMITS, CHAIN_MAX_YEARS, PENALTY_MAX_MONTHS, periodMonths, periodWithin, REMAND_MAX_DAYS,
  TERM_MAX_YEARS, TEXT_LIMITS,
} from './bounds.ts';
import { isKnownCategory } from './categories.ts';
import { boundedDate, country } from './fields.ts';
import { MAX_COMBINING_RUN, nameProblem, normaliseName } from './names.ts';
import { en } from '../i18n/en.ts';
import { t } from '../i18n/index.ts';
import {
  CASE_EVENTS, caseStatuses, CLOSE_OUTCOMES, CONSENT_BY, CONSENT_STATUSES, CUSTODY_STATUSES, DIRECTIONS, DUAL_CRIMINALITY, ENFORCEMENT_PROCEDURES, EXPULSION_KINDS,
  FINANCIAL_OBLIGATION_KINDS, LEFT_SENTENCING_STATE_WHEN, STATE_AUTHORITY_CONSENTS, type CaseEventField,
} from '../vocabularies.ts';

export const CASE_FORMAT = 'tsp-case/1';

const isoDate = boundedDate;
const count = z.number({ error: 'validation.wholeNumber' }).int({ error: 'validation.wholeNumber' }).min(0, {
  error: 'validation.notNegative',
});
/** Optional and nullable: absent and null both mean "unknown". */
const unknown = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const text = (max: number) => z.string().max(max, { error: 'validation.text.tooLong' });
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { error: 'validation.list.tooLong' });
/** A person's name: refused when nothing visible is left or letters carry a pile of marks; stored normalised (names.ts). */
const name = text(TEXT_LIMITS.name)
  .superRefine((value, ctx) => {
    const problem = nameProblem(value);
    if (problem === 'invisible') ctx.addIssue({ code: 'custom', message: 'validation.name.invisible' });
    if (problem === 'marks') ctx.addIssue({ code: 'custom', message: 'validation.name.marks', params: { max: MAX_COMBINING_RUN } });
  })
  .transform(normaliseName);
/** A free-text name of a court or an institution: trimmed, at most a name's length; nothing left is unknown (null). */
const freeText = text(TEXT_LIMITS.name).transform((value) => (value.trim() === '' ? null : value.trim()));
const id = z.string().min(1, { error: 'validation.notEmpty' }).max(TEXT_LIMITS.id, { error: 'validation.text.tooLong' });

export const termSchema = z.union(
  [
    z
      .object({ years: count.default(0), months: count.default(0), days: count.default(0) })
      .refine((t) => t.years + t.months + t.days > 0, { error: 'validation.term.zero' })
      .refine((t) => periodWithin(t, TERM_MAX_YEARS), { error: 'validation.term.tooLong', params: { max: TERM_MAX_YEARS } }),
    z.literal('life'),
    z.literal('indeterminate'),
  ],
  { error: 'validation.term.shape' },
);

const personSchema = z.object({
  familyName: unknown(name),
  givenNames: unknown(name),
  nativeName: unknown(name), // extension: name in native script (e.g. 陳大文)
  aliases: unknown(list(name, CASE_LIMITS.aliases)), // extension
  prisonNumber: unknown(text(TEXT_LIMITS.code)), // extension
  dateOfBirth: unknown(isoDate),
  nationalities: unknown(list(country, CASE_LIMITS.nationalities)),
  permanentResidence: unknown(list(country, CASE_LIMITS.nationalities)),
  livesIn: unknown(country),
  representativeNeeded: unknown(z.boolean()),
  /** Has become a domiciliary of the sentencing State as the instrument defines it (US–Mexico: 5 years and intent to remain). */
  domiciliaryOfSentencingState: unknown(z.boolean()),
  /** Extension: the prison (institution) where the person is held, as written (free text). */
  prison: unknown(freeText),
});

const judgmentSchema = z.object({
  date: unknown(isoDate),
  final: unknown(z.boolean()),
  appealPending: unknown(z.boolean()),
  appealPeriodEnds: unknown(isoDate),
  otherProceedingsPending: unknown(z.boolean()),
  deathSentence: unknown(z.boolean()),
  deathSentenceCommuted: unknown(z.boolean()),
  /** The law the sentence was imposed under: "national", or a constituent State's (ISO 3166-2, e.g. "US-TX"). */
  jurisdiction: unknown(z.string().regex(/^(national|[A-Z]{2}-[A-Z0-9]{1,3})$/, { error: 'validation.jurisdiction' })),
  /** Extension: the court that imposed the sentence, as written (free text: "District Court, Hong Kong"). */
  sentencingCourt: unknown(freeText),
});

const sentenceSchema = z.object({
  id,
  start: unknown(isoDate),
  term: termSchema,
  consecutiveTo: unknown(text(TEXT_LIMITS.id)),
  offences: list(text(TEXT_LIMITS.id), CASE_LIMITS.offencesPerSentence).default([]),
});

const offenceSchema = z.object({
  id,
  description: unknown(text(TEXT_LIMITS.description)),
  categories: unknown(list(text(TEXT_LIMITS.code).regex(/^[a-z0-9]+:[a-z0-9-]+$/, { error: 'validation.category' }), CASE_LIMITS.categoriesPerOffence)),
  maxPenaltyMonths: unknown(count.max(PENALTY_MAX_MONTHS, { error: 'validation.number.tooLarge' })),
  /**
   * Extension: the maximum penalty the administering State's law prescribes for a similar
   * offence, in months, or "life" where that law provides life imprisonment for it (the
   * limit of ETS 112 Art. 10(2) and FD 2008/909 Art. 8(2); `maxPenaltyMonths` is the
   * sentencing State's).
   */
  administeringMaxPenaltyMonths: unknown(
    z.union([count.max(PENALTY_MAX_MONTHS, { error: 'validation.number.tooLarge' }), z.literal('life')], { error: 'validation.administeringMax' }),
  ),
  dualCriminality: unknown(z.enum(DUAL_CRIMINALITY, { error: 'validation.dualCriminality' })),
});

const consentSchema = z.object({
  status: unknown(z.enum(CONSENT_STATUSES, { error: 'validation.consent.status' })),
  by: unknown(z.enum(CONSENT_BY, { error: 'validation.consent.by' })),
  date: unknown(isoDate),
  withdrawnOn: unknown(isoDate),
  verified: unknown(z.boolean()),
  opinionRecorded: unknown(z.boolean()),
  /** The consent of the constituent State whose law the sentence was imposed under (a US State). */
  stateAuthority: unknown(z.enum(STATE_AUTHORITY_CONSENTS, { error: 'validation.consent.stateAuthority' })),
});

const financialObligationSchema = z.object({
  kind: z.enum(FINANCIAL_OBLIGATION_KINDS, { error: 'validation.financial.kind' }),
  amount: unknown(z.number().min(0, { error: 'validation.notNegative' }).max(AMOUNT_MAX, { error: 'validation.number.tooLarge' })),
  currency: unknown(z.string().regex(/^[A-Z]{3}$/, { error: 'validation.currency' })),
  paid: unknown(z.boolean()),
  incapacityToPay: unknown(z.boolean()),
});

/**
 * Extension: how the administering State enforces the sentence (ETS 112 Arts. 9-11; FD
 * 2008/909 Art. 8) and the decision of its court or authority that adapted or converted it,
 * as the officer records it. The engine (shared/enforcement) checks the decision against the
 * limits; it never takes the decision's term on trust.
 */
const enforcementSchema = z.object({
  procedure: unknown(z.enum(ENFORCEMENT_PROCEDURES, { error: 'validation.enforcement.procedure' })),
  decision: unknown(
    z.object({
      /** The court or authority that decided. */
      authority: unknown(text(TEXT_LIMITS.name)),
      date: unknown(isoDate),
      /** The term to be enforced as decided (for a conversion, the sanction before time served is deducted). */
      term: termSchema,
    }),
  ),
});

/** `transferPlanned`: the planned transfer (handover) date; the treaty basis must hold then too. */
const eventsSchema = z.object(
  Object.fromEntries(CASE_EVENTS.map((name) => [name, unknown(isoDate)])) as Record<CaseEventField, ReturnType<typeof unknown<typeof isoDate>>>,
);

export const caseSchema = z
  .object({
    format: z.literal(CASE_FORMAT, { error: 'validation.format' }),
    reference: unknown(text(TEXT_LIMITS.code)),
    sentencingState: country,
    administeringState: country,
    direction: unknown(z.enum(DIRECTIONS, { error: 'validation.direction' })), // extension
    ruleSetId: unknown(text(TEXT_LIMITS.id)), // extension: the rule-set the case is handled under
    status: unknown(z.enum(caseStatuses)), // extension: where the transfer stands
    person: personSchema.default({}),
    judgment: judgmentSchema.default({}),
    sentences: list(sentenceSchema, CASE_LIMITS.sentences).default([]),
    remandDays: unknown(count.max(REMAND_MAX_DAYS, { error: 'validation.remand.tooLong' })),
    offences: list(offenceSchema, CASE_LIMITS.offences).default([]),
    consent: unknown(consentSchema),
    financialObligations: unknown(list(financialObligationSchema, CASE_LIMITS.financialObligations)),
    expulsion: unknown(
      z.object({
        kind: z.enum(EXPULSION_KINDS, { error: 'validation.expulsion.kind' }),
        date: unknown(isoDate),
      }),
    ),
    leftSentencingState: unknown(
      z.object({
        date: unknown(isoDate),
        when: unknown(z.enum(LEFT_SENTENCING_STATE_WHEN, { error: 'validation.leftSentencingState.when' })),
        to: unknown(country),
      }),
    ),
    events: eventsSchema.default({}),
    /** The person's custody now: in custody, on conditional release (parole, licence) since a day, or at large; null: none recorded. */
    custody: unknown(
      z.object({
        status: z.enum(CUSTODY_STATUSES, { error: 'validation.custody.status' }),
        since: unknown(isoDate),
      }),
    ),
    enforcement: unknown(enforcementSchema), // extension: incoming cases
    /**
     * Extension of the export: how a closed case ended (its outcome, the date, the coded reason and
     * the reason as written). An import records the closure with it; the store keeps it on the case,
     * not in the file, and refuses it on a new case.
     */
    closure: unknown(
      z.object({
        outcome: z.enum(CLOSE_OUTCOMES, { error: 'validation.closure.outcome' }),
        date: unknown(isoDate),
        reasonCode: unknown(text(64)),
        reason: unknown(text(2000)),
      }),
    ),
  })
  .superRefine((c, ctx) => {
    const sentenceIds = new Set<string>();
    c.sentences.forEach((s, i) => {
      if (sentenceIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sentences', i, 'id'], message: 'validation.sentence.duplicate', params: { id: s.id } });
      sentenceIds.add(s.id);
    });
    const offenceIds = new Set(c.offences.map((o) => o.id));
    const seenOffences = new Set<string>();
    c.offences.forEach((o, i) => {
      if (seenOffences.has(o.id)) ctx.addIssue({ code: 'custom', path: ['offences', i, 'id'], message: 'validation.offence.duplicate', params: { id: o.id } });
      seenOffences.add(o.id);
    });
    const byId = new Map(c.sentences.map((s) => [s.id, s]));
    const chains = chainLengths(c.sentences, byId);
    c.sentences.forEach((s, i) => {
      if (s.consecutiveTo != null) {
        if (!byId.has(s.consecutiveTo)) {
          ctx.addIssue({ code: 'custom', path: ['sentences', i, 'consecutiveTo'], message: 'validation.sentence.unknown', params: { id: s.consecutiveTo } });
        } else if (chains.get(s.id) === 'cycle') {
          // A cycle means no sentence of it can ever start.
          ctx.addIssue({ code: 'custom', path: ['sentences', i, 'consecutiveTo'], message: 'validation.sentence.cycle' });
        } else if ((chains.get(s.id) as number) > CHAIN_MAX_YEARS * 12 && byId.get(s.consecutiveTo) !== undefined && chains.get(s.consecutiveTo) as number <= CHAIN_MAX_YEARS * 12) {
          // Reported once, on the sentence where the chain passes the bound.
          ctx.addIssue({ code: 'custom', path: ['sentences', i, 'consecutiveTo'], message: 'validation.sentence.chainTooLong', params: { max: CHAIN_MAX_YEARS } });
        }
      }
      s.offences.forEach((o, j) => {
        if (!offenceIds.has(o)) ctx.addIssue({ code: 'custom', path: ['sentences', i, 'offences', j], message: 'validation.offence.unknown', params: { id: o } });
      });
    });
    if (c.consent?.status === 'withdrawn' && c.consent.withdrawnOn == null) {
      // Not an error: the date may be unknown. The engine reports it as missing.
    }
  });

/**
 * Each sentence's chain of consecutive sentences, itself included, in months (periodMonths: for
 * the bound, not the dates), or 'cycle' when following `consecutiveTo` from it never ends.
 * Linear: each sentence is walked once, the walk's sentences kept on an explicit stack.
 */
function chainLengths(
  sentences: readonly { id: string; term: unknown; consecutiveTo?: string | null | undefined }[],
  byId: ReadonlyMap<string, { id: string; term: unknown; consecutiveTo?: string | null | undefined }>,
): Map<string, number | 'cycle'> {
  const lengths = new Map<string, number | 'cycle'>();
  const onPath = new Set<string>();
  const months = (term: unknown) => (typeof term === 'object' && term !== null ? periodMonths(term as { years: number; months: number; days: number }) : 0);
  for (const first of sentences) {
    const path: string[] = [];
    let at: string | null | undefined = first.id;
    // Walk up until a sentence already measured, a root, a cycle or an unknown id.
    while (at != null && !lengths.has(at) && !onPath.has(at) && byId.has(at)) {
      path.push(at);
      onPath.add(at);
      at = byId.get(at)?.consecutiveTo;
    }
    let below: number | 'cycle' = at == null || !byId.has(at) ? 0 : onPath.has(at) ? 'cycle' : (lengths.get(at) as number | 'cycle');
    for (let k = path.length - 1; k >= 0; k--) {
      const here = path[k] as string;
      below = below === 'cycle' ? 'cycle' : below + months(byId.get(here)?.term);
      lengths.set(here, below);
      onPath.delete(here);
    }
  }
  return lengths;
}

export type CaseFile = z.infer<typeof caseSchema>;
export type Sentence = CaseFile['sentences'][number];
export type Offence = CaseFile['offences'][number];
export type Term = Sentence['term'];
export type FixedTerm = Exclude<Term, 'life' | 'indeterminate'>;
export type FinancialObligation = NonNullable<CaseFile['financialObligations']>[number];

export interface FieldProblem {
  /** Dotted path of the bad field, e.g. `sentences[1].term`. */
  field: string;
  /** The problem in English (what the CLI prints and the tests read). */
  message: string;
  /** The catalog key of the message (`validation.*`), for a reader in another language. */
  messageKey?: string;
  params?: Record<string, string | number>;
}

export type ProblemParams = NonNullable<FieldProblem['params']>;

/** A problem worded by its catalog key: the English message, and the key and parameters. */
export function keyedProblem(field: string, messageKey: ValidationKey, params?: ProblemParams): FieldProblem {
  const message = t('en', messageKey, params ?? {});
  return params === undefined ? { field, message, messageKey } : { field, message, messageKey, params };
}

type ValidationKey = Extract<keyof typeof en, `validation.${string}`>;

function isValidationKey(message: string): message is ValidationKey {
  return message.startsWith('validation.') && message in en;
}

/** The string and number parameters of a custom issue (`ctx.addIssue({ params })`), and the bound of a size check (`{max}`, `{min}`). */
function issueParams(issue: z.core.$ZodIssue): ProblemParams | undefined {
  const template = isValidationKey(issue.message) ? en[issue.message] : '';
  // `{max}`, or `{max, plural, ...}` where the bound is a count.
  if (issue.code === 'too_big' && /\{\s*max\b/.test(template)) return { max: Number(issue.maximum) };
  if (issue.code === 'too_small' && /\{\s*min\b/.test(template)) return { min: Number(issue.minimum) };
  if (issue.code === 'invalid_value' && /\{\s*values\b/.test(template)) return { values: issue.values.map(String).join(', ') };
  if (issue.code !== 'custom' || issue.params === undefined) return undefined;
  const out: ProblemParams = {};
  for (const [name, value] of Object.entries(issue.params)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

/**
 * How every parse whose issues become problems is made: each issue keeps the value it refused,
 * so problemOf tells a missing value ("is required") from one of the wrong kind (a text where a
 * list belongs). Without it zod drops the value and every wrong kind read as missing.
 */
export const REPORT_INPUT = { reportInput: true } as const;

/**
 * One zod issue as a problem, keyed: a message that is a catalog key (`validation.*`) is worded
 * from the English catalog and keeps its key; zod's own issues are keyed by their kind.
 */
export function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  const field = fieldPath(issue.path);
  if (issue.code === 'invalid_type' && !('input' in issue && issue.input !== undefined)) return keyedProblem(field, 'validation.required');
  if (issue.code === 'unrecognized_keys') return keyedProblem(field, 'validation.unknownKeys', { keys: issue.keys.join(', ') });
  if (isValidationKey(issue.message)) return keyedProblem(field, issue.message, issueParams(issue));
  const [key, params] = genericProblem(issue);
  return keyedProblem(field, key, params);
}

/** The key of an issue whose schema names none: zod's own issue, worded by its kind. */
function genericProblem(issue: z.core.$ZodIssue): [ValidationKey, ProblemParams?] {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.expected === 'string') return ['validation.text'];
      if (issue.expected === 'number' || issue.expected === 'int' || issue.expected === 'bigint') return ['validation.number'];
      if (issue.expected === 'boolean') return ['validation.boolean'];
      if (issue.expected === 'array') return ['validation.list'];
      if (issue.expected === 'object') return ['validation.object'];
      return ['validation.invalid'];
    case 'invalid_value':
      return ['validation.oneOf', { values: issue.values.map(String).join(', ') }];
    case 'too_small':
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? ['validation.notEmpty'] : ['validation.text.tooShort', { min: Number(issue.minimum) }];
      if (issue.origin === 'array' || issue.origin === 'set') return ['validation.list.tooShort', { min: Number(issue.minimum) }];
      return ['validation.number.tooSmall', { min: Number(issue.minimum) }];
    case 'too_big':
      if (issue.origin === 'string') return ['validation.text.tooLong', { max: Number(issue.maximum) }];
      if (issue.origin === 'array' || issue.origin === 'set') return ['validation.list.tooLong', { max: Number(issue.maximum) }];
      return ['validation.number.tooLarge', { max: Number(issue.maximum) }];
    case 'invalid_format':
      return issue.format === 'uuid' ? ['validation.id'] : ['validation.format.invalid'];
    case 'invalid_key':
      return ['validation.recordKey'];
    default:
      return ['validation.invalid'];
  }
}

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(file)' : out;
}

export type CaseParseResult =
  | { ok: true; value: CaseFile; warnings: FieldProblem[] }
  | { ok: false; errors: FieldProblem[] };

/** Validates one parsed JSON value as `tsp-case/1`; every problem is reported, not just the first. */
export function parseCase(input: unknown): CaseParseResult {
  const result = caseSchema.safeParse(input, REPORT_INPUT);
  if (!result.success) {
    return {
      ok: false,
      errors: result.error.issues.map(problemOf),
    };
  }
  const warnings: FieldProblem[] = [];
  result.data.offences.forEach((o, i) => {
    o.categories?.forEach((code, j) => {
      if (!isKnownCategory(code) && (code.startsWith('eu:') || code.startsWith('excluded:'))) {
        warnings.push(keyedProblem(`offences[${i}].categories[${j}]`, 'validation.category.unknown', { code }));
      }
    });
  });
  return { ok: true, value: result.data, warnings };
}

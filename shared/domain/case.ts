/**
 * The case file `tsp-case/1`: the one JSON interchange format for a sentenced person's
 * case (docs/case-format.md). Field names are fixed. Absent or `null` means unknown, which
 * is never read as `false`. A reader ignores fields it does not know.
 */
import { z } from 'zod';
import { isIsoDate } from '../sentence/calendar.ts';
import { isKnownCategory } from './categories.ts';
import { en } from '../i18n/en.ts';
import { t } from '../i18n/index.ts';
import { caseStatuses } from '../vocabularies.ts';

export const CASE_FORMAT = 'tsp-case/1';

const isoDate = z.string({ error: 'validation.date.type' }).refine(isIsoDate, {
  error: 'validation.date.real',
});
const country = z
  .string({ error: 'validation.country.type' })
  .regex(/^[A-Z]{2}$/, { error: 'validation.country.format' });
const count = z.number({ error: 'validation.wholeNumber' }).int({ error: 'validation.wholeNumber' }).min(0, {
  error: 'validation.notNegative',
});
/** Optional and nullable: absent and null both mean "unknown". */
const unknown = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const termSchema = z.union(
  [
    z
      .object({ years: count.default(0), months: count.default(0), days: count.default(0) })
      .refine((t) => t.years + t.months + t.days > 0, { error: 'validation.term.zero' }),
    z.literal('life'),
    z.literal('indeterminate'),
  ],
  { error: 'validation.term.shape' },
);

const personSchema = z.object({
  familyName: unknown(z.string()),
  givenNames: unknown(z.string()),
  nativeName: unknown(z.string()), // extension: name in native script (e.g. 陳大文)
  aliases: unknown(z.array(z.string())), // extension
  prisonNumber: unknown(z.string()), // extension
  dateOfBirth: unknown(isoDate),
  nationalities: unknown(z.array(country)),
  permanentResidence: unknown(z.array(country)),
  livesIn: unknown(country),
  representativeNeeded: unknown(z.boolean()),
  /** Has become a domiciliary of the sentencing State as the instrument defines it (US–Mexico: 5 years and intent to remain). */
  domiciliaryOfSentencingState: unknown(z.boolean()),
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
});

const sentenceSchema = z.object({
  id: z.string().min(1, { error: 'validation.notEmpty' }),
  start: unknown(isoDate),
  term: termSchema,
  consecutiveTo: unknown(z.string()),
  offences: z.array(z.string()).default([]),
});

const offenceSchema = z.object({
  id: z.string().min(1, { error: 'validation.notEmpty' }),
  description: unknown(z.string()),
  categories: unknown(z.array(z.string().regex(/^[a-z0-9]+:[a-z0-9-]+$/, { error: 'validation.category' }))),
  maxPenaltyMonths: unknown(count),
  /**
   * Extension: the maximum penalty the administering State's law prescribes for a similar
   * offence, in months, or "life" where that law provides life imprisonment for it (the
   * limit of ETS 112 Art. 10(2) and FD 2008/909 Art. 8(2); `maxPenaltyMonths` is the
   * sentencing State's).
   */
  administeringMaxPenaltyMonths: unknown(z.union([count, z.literal('life')], { error: 'validation.administeringMax' })),
  dualCriminality: unknown(z.enum(['yes', 'no', 'unknown'], { error: 'validation.dualCriminality' })),
});

const consentSchema = z.object({
  status: unknown(z.enum(['given', 'refused', 'withdrawn', 'not-asked'], { error: 'validation.consent.status' })),
  by: unknown(z.enum(['person', 'representative'], { error: 'validation.consent.by' })),
  date: unknown(isoDate),
  withdrawnOn: unknown(isoDate),
  verified: unknown(z.boolean()),
  opinionRecorded: unknown(z.boolean()),
  /** The consent of the constituent State whose law the sentence was imposed under (a US State). */
  stateAuthority: unknown(z.enum(['given', 'refused', 'not-asked'], { error: 'validation.consent.stateAuthority' })),
});

const financialObligationSchema = z.object({
  kind: z.enum(['fine', 'compensation', 'costs', 'confiscation'], { error: 'validation.financial.kind' }),
  amount: unknown(z.number().min(0, { error: 'validation.notNegative' })),
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
export const enforcementProcedures = ['continued', 'conversion'] as const;
const enforcementSchema = z.object({
  procedure: unknown(z.enum(enforcementProcedures, { error: 'validation.enforcement.procedure' })),
  decision: unknown(
    z.object({
      /** The court or authority that decided. */
      authority: unknown(z.string()),
      date: unknown(isoDate),
      /** The term to be enforced as decided (for a conversion, the sanction before time served is deducted). */
      term: termSchema,
    }),
  ),
});

const eventsSchema = z.object({
  application: unknown(isoDate),
  request: unknown(isoDate),
  requestReceived: unknown(isoDate),
  judgmentReceived: unknown(isoDate),
  statesAgreed: unknown(isoDate),
  /** The planned transfer (handover) date: the treaty basis must hold then too. */
  transferPlanned: unknown(isoDate),
});

export { caseStatuses }; // defined without zod for the renderer's first screen

export const caseSchema = z
  .object({
    format: z.literal(CASE_FORMAT, { error: 'validation.format' }),
    reference: unknown(z.string()),
    sentencingState: country,
    administeringState: country,
    direction: unknown(z.enum(['outgoing', 'incoming'], { error: 'validation.direction' })), // extension
    ruleSetId: unknown(z.string()), // extension: the rule-set the case is handled under
    status: unknown(z.enum(caseStatuses)), // extension: where the transfer stands
    person: personSchema.default({}),
    judgment: judgmentSchema.default({}),
    sentences: z.array(sentenceSchema).default([]),
    remandDays: unknown(count),
    offences: z.array(offenceSchema).default([]),
    consent: unknown(consentSchema),
    financialObligations: unknown(z.array(financialObligationSchema)),
    expulsion: unknown(
      z.object({
        kind: z.enum(['in-sentence', 'administrative-consequential', 'administrative'], {
          error: 'validation.expulsion.kind',
        }),
        date: unknown(isoDate),
      }),
    ),
    leftSentencingState: unknown(
      z.object({
        date: unknown(isoDate),
        when: unknown(z.enum(['after-final-judgment', 'during-proceedings'], { error: 'validation.leftSentencingState.when' })),
        to: unknown(country),
      }),
    ),
    events: eventsSchema.default({}),
    /** The person's custody now: in custody, on conditional release (parole, licence) since a day, or at large; null: none recorded. */
    custody: unknown(
      z.object({
        status: z.enum(['in-custody', 'conditional-release', 'at-large'], { error: 'validation.custody.status' }),
        since: unknown(isoDate),
      }),
    ),
    enforcement: unknown(enforcementSchema), // extension: incoming cases
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
    c.sentences.forEach((s, i) => {
      if (s.consecutiveTo != null) {
        if (!byId.has(s.consecutiveTo)) {
          ctx.addIssue({ code: 'custom', path: ['sentences', i, 'consecutiveTo'], message: 'validation.sentence.unknown', params: { id: s.consecutiveTo } });
        } else {
          // Follow the chain; a cycle means no sentence of it can ever start.
          const seen = new Set<string>([s.id]);
          let next: string | null | undefined = s.consecutiveTo;
          while (next != null) {
            if (seen.has(next)) {
              ctx.addIssue({ code: 'custom', path: ['sentences', i, 'consecutiveTo'], message: 'validation.sentence.cycle' });
              break;
            }
            seen.add(next);
            next = byId.get(next)?.consecutiveTo;
          }
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

export type CaseFile = z.infer<typeof caseSchema>;
export type Sentence = CaseFile['sentences'][number];
export type Offence = CaseFile['offences'][number];
export type Term = Sentence['term'];
export type FixedTerm = Exclude<Term, 'life' | 'indeterminate'>;
export type FinancialObligation = NonNullable<CaseFile['financialObligations']>[number];
export type EnforcementProcedure = (typeof enforcementProcedures)[number];

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

/** The string and number parameters of a custom issue (`ctx.addIssue({ params })`). */
function issueParams(issue: z.core.$ZodIssue): ProblemParams | undefined {
  if (issue.code !== 'custom' || issue.params === undefined) return undefined;
  const out: ProblemParams = {};
  for (const [name, value] of Object.entries(issue.params)) {
    if (typeof value === 'string' || typeof value === 'number') out[name] = value;
  }
  return out;
}

/**
 * One zod issue as a problem. A message that is a catalog key (`validation.*`) is worded
 * from the English catalog and keeps its key; zod's own wording of other issues stays as is.
 */
export function problemOf(issue: z.core.$ZodIssue): FieldProblem {
  const field = fieldPath(issue.path);
  if (issue.code === 'invalid_type' && issue.input === undefined) return keyedProblem(field, 'validation.required');
  if (issue.code === 'unrecognized_keys') return keyedProblem(field, 'validation.unknownKeys', { keys: issue.keys.join(', ') });
  if (isValidationKey(issue.message)) return keyedProblem(field, issue.message, issueParams(issue));
  return { field, message: issue.message };
}

export function fieldPath(path: readonly PropertyKey[]): string {
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
  const result = caseSchema.safeParse(input);
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

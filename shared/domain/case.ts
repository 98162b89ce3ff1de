/**
 * The case file `tsp-case/1`: the one JSON interchange format for a sentenced person's
 * case (docs/case-format.md). Field names are fixed. Absent or `null` means unknown, which
 * is never read as `false`. A reader ignores fields it does not know.
 */
import { z } from 'zod';
import { isIsoDate } from '../sentence/calendar.ts';
import { isKnownCategory } from './categories.ts';

export const CASE_FORMAT = 'tsp-case/1';

const isoDate = z.string({ error: 'must be a date written YYYY-MM-DD' }).refine(isIsoDate, {
  error: 'must be a real calendar date written YYYY-MM-DD',
});
const country = z
  .string({ error: 'must be an ISO 3166-1 alpha-2 code such as "HK"' })
  .regex(/^[A-Z]{2}$/, { error: 'must be an ISO 3166-1 alpha-2 code in capitals, such as "HK"' });
const count = z.number({ error: 'must be a whole number' }).int({ error: 'must be a whole number' }).min(0, {
  error: 'must not be negative',
});
/** Optional and nullable: absent and null both mean "unknown". */
const unknown = <T extends z.ZodType>(schema: T) => schema.nullable().optional();

export const termSchema = z.union(
  [
    z
      .object({ years: count.default(0), months: count.default(0), days: count.default(0) })
      .refine((t) => t.years + t.months + t.days > 0, { error: 'a fixed term must be longer than zero' }),
    z.literal('life'),
    z.literal('indeterminate'),
  ],
  { error: 'must be {years, months, days}, "life" or "indeterminate"' },
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
});

const judgmentSchema = z.object({
  date: unknown(isoDate),
  final: unknown(z.boolean()),
  appealPending: unknown(z.boolean()),
  appealPeriodEnds: unknown(isoDate),
  otherProceedingsPending: unknown(z.boolean()),
  deathSentence: unknown(z.boolean()),
  deathSentenceCommuted: unknown(z.boolean()),
});

const sentenceSchema = z.object({
  id: z.string().min(1, { error: 'must not be empty' }),
  start: unknown(isoDate),
  term: termSchema,
  consecutiveTo: unknown(z.string()),
  offences: z.array(z.string()).default([]),
});

const offenceSchema = z.object({
  id: z.string().min(1, { error: 'must not be empty' }),
  description: unknown(z.string()),
  categories: unknown(z.array(z.string().regex(/^[a-z0-9]+:[a-z0-9-]+$/, { error: 'must be a code such as "eu:swindling"' }))),
  maxPenaltyMonths: unknown(count),
  dualCriminality: unknown(z.enum(['yes', 'no', 'unknown'], { error: 'must be "yes", "no" or "unknown"' })),
});

const consentSchema = z.object({
  status: unknown(z.enum(['given', 'refused', 'withdrawn', 'not-asked'], { error: 'must be "given", "refused", "withdrawn" or "not-asked"' })),
  by: unknown(z.enum(['person', 'representative'], { error: 'must be "person" or "representative"' })),
  date: unknown(isoDate),
  withdrawnOn: unknown(isoDate),
  verified: unknown(z.boolean()),
  opinionRecorded: unknown(z.boolean()),
});

const financialObligationSchema = z.object({
  kind: z.enum(['fine', 'compensation', 'costs', 'confiscation'], { error: 'must be fine, compensation, costs or confiscation' }),
  amount: unknown(z.number().min(0, { error: 'must not be negative' })),
  currency: unknown(z.string().regex(/^[A-Z]{3}$/, { error: 'must be an ISO 4217 code such as "EUR"' })),
  paid: unknown(z.boolean()),
  incapacityToPay: unknown(z.boolean()),
});

const eventsSchema = z.object({
  application: unknown(isoDate),
  request: unknown(isoDate),
  requestReceived: unknown(isoDate),
  judgmentReceived: unknown(isoDate),
  statesAgreed: unknown(isoDate),
});

export const caseStatuses = [
  'draft', 'screening', 'dossier', 'decision', 'requested', 'awaiting-other-state', 'agreed',
  'consent-verification', 'handover-scheduled', 'transferred', 'closed', 'refused', 'withdrawn',
] as const;

export const caseSchema = z
  .object({
    format: z.literal(CASE_FORMAT, { error: `must be "${CASE_FORMAT}"` }),
    reference: unknown(z.string()),
    sentencingState: country,
    administeringState: country,
    direction: unknown(z.enum(['outgoing', 'incoming'], { error: 'must be "outgoing" or "incoming"' })), // extension
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
          error: 'must be "in-sentence", "administrative-consequential" or "administrative"',
        }),
        date: unknown(isoDate),
      }),
    ),
    leftSentencingState: unknown(
      z.object({
        date: unknown(isoDate),
        when: unknown(z.enum(['after-final-judgment', 'during-proceedings'], { error: 'must be "after-final-judgment" or "during-proceedings"' })),
        to: unknown(country),
      }),
    ),
    events: eventsSchema.default({}),
  })
  .superRefine((c, ctx) => {
    const sentenceIds = new Set<string>();
    c.sentences.forEach((s, i) => {
      if (sentenceIds.has(s.id)) ctx.addIssue({ code: 'custom', path: ['sentences', i, 'id'], message: `duplicate sentence id "${s.id}"` });
      sentenceIds.add(s.id);
    });
    const offenceIds = new Set(c.offences.map((o) => o.id));
    const seenOffences = new Set<string>();
    c.offences.forEach((o, i) => {
      if (seenOffences.has(o.id)) ctx.addIssue({ code: 'custom', path: ['offences', i, 'id'], message: `duplicate offence id "${o.id}"` });
      seenOffences.add(o.id);
    });
    const byId = new Map(c.sentences.map((s) => [s.id, s]));
    c.sentences.forEach((s, i) => {
      if (s.consecutiveTo != null) {
        if (!byId.has(s.consecutiveTo)) {
          ctx.addIssue({ code: 'custom', path: ['sentences', i, 'consecutiveTo'], message: `names no sentence of this case ("${s.consecutiveTo}")` });
        } else {
          // Follow the chain; a cycle means no sentence of it can ever start.
          const seen = new Set<string>([s.id]);
          let next: string | null | undefined = s.consecutiveTo;
          while (next != null) {
            if (seen.has(next)) {
              ctx.addIssue({ code: 'custom', path: ['sentences', i, 'consecutiveTo'], message: 'consecutive sentences form a cycle' });
              break;
            }
            seen.add(next);
            next = byId.get(next)?.consecutiveTo;
          }
        }
      }
      s.offences.forEach((o, j) => {
        if (!offenceIds.has(o)) ctx.addIssue({ code: 'custom', path: ['sentences', i, 'offences', j], message: `names no offence of this case ("${o}")` });
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

export interface FieldProblem {
  /** Dotted path of the bad field, e.g. `sentences[1].term`. */
  field: string;
  message: string;
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
      errors: result.error.issues.map((issue) => ({ field: fieldPath(issue.path), message: issueMessage(issue) })),
    };
  }
  const warnings: FieldProblem[] = [];
  result.data.offences.forEach((o, i) => {
    o.categories?.forEach((code, j) => {
      if (!isKnownCategory(code) && (code.startsWith('eu:') || code.startsWith('excluded:'))) {
        warnings.push({ field: `offences[${i}].categories[${j}]`, message: `unknown category code "${code}": it has no effect` });
      }
    });
  });
  return { ok: true, value: result.data, warnings };
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return 'is required';
  if (issue.code === 'unrecognized_keys') return `unknown keys ${issue.keys.join(', ')}`;
  return issue.message;
}

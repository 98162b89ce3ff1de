/**
 * A treaty rule-set as data (`tsp-ruleset/1`): every parameter that decides eligibility,
 * each with its legal source and confidence. Adding a parameter means adding it here and
 * to the evaluator that reads it.
 *
 * Every value has a type, a range and a meaning the schema enforces (docs/treaties.md § Bounds):
 * objects take no key they do not define, texts and lists have a length, numbers a bound
 * (shared/domain/bounds.ts), ids are unique, and deadlines name anchors the app knows.
 */
import { z } from 'zod';
import {
  DEADLINE_MAX_DAYS, FRACTION_PART_MAX, MINOR_AGE_MAX, PENALTY_MAX_MONTHS, periodWithin, RULESET_DURATION_MAX_YEARS,
} from '../domain/bounds.ts';
import { boundedDate, country } from '../domain/fields.ts';
import { isKnownAnchor } from '../workflow/anchors.ts';
import { ETS_112_DOCUMENTS } from '../workflow/document-sets.ts';
import { STEPS } from '../workflow/steps.ts';
import { FINANCIAL_OBLIGATION_KINDS } from '../vocabularies.ts';

export const RULESET_FORMAT = 'tsp-ruleset/1';

/** Lengths of a rule-set's texts and lists: beyond any instrument, well below what could slow the app. */
export const RULESET_LIMITS = { id: 64, version: 64, title: 300, source: 2_000, note: 4_000, notes: 20_000, states: 250, entries: 50, documents: 300 } as const;

const isoDate = boundedDate;
const count = z.number().int().min(0);
const bounded = (max: number) => count.max(max, { error: 'validation.number.tooLarge' });
export const text = (max: number) => z.string().max(max, { error: 'validation.text.tooLong' });
const list = <T extends z.ZodType>(item: T, max: number) => z.array(item).max(max, { error: 'validation.list.tooLong' });
/** A list without repeats (of its items, or of what `key` takes from them). */
const distinct = <T extends z.ZodType>(item: T, max: number, key: (value: z.output<T>) => unknown = (value) => value) =>
  list(item, max).superRefine((values, ctx) => {
    const seen = new Set<unknown>();
    values.forEach((value, i) => {
      const k = JSON.stringify(key(value));
      if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: 'validation.list.duplicate', params: { value: String(k) } });
      seen.add(k);
    });
  });
const slug = (max: number) => text(max).regex(/^[a-z0-9][a-z0-9-]*$/, { error: 'validation.ruleset.id' });

/** A parameter value with where it comes from and how sure we are of it. */
export const param = <T extends z.ZodType>(value: T) =>
  z.strictObject({
    value,
    source: text(RULESET_LIMITS.source).min(1, { error: 'validation.ruleset.source' }),
    confidence: z.enum(['C', 'S', 'U'], { error: 'validation.ruleset.confidence' }),
    note: text(RULESET_LIMITS.note).optional(),
  });

export const durationSchema = z
  .strictObject({ years: count.default(0), months: count.default(0), days: count.default(0) })
  .refine((d) => d.years + d.months + d.days > 0, { error: 'validation.ruleset.duration' })
  .refine((d) => periodWithin(d, RULESET_DURATION_MAX_YEARS), { error: 'validation.duration.tooLong', params: { max: RULESET_DURATION_MAX_YEARS } });

/** A deadline's anchor: an event or step the app knows (shared/workflow/anchors.ts). */
const anchor = text(100).refine(isKnownAnchor, { error: 'validation.deadline.anchor' });

export const referenceEvents = ['requestReceived', 'application', 'request', 'judgmentReceived'] as const;

export const linkBases = [
  'nationality', // national of the administering State (ETS 112 Art. 3(1)(a))
  'permanent-residence', // permanent resident of it (Italy–Brazil Art. 3(1)(a); Hong Kong)
  'lives-in', // habitual residence there
  'nationality-and-lives-in', // EU 2008/909 Art. 4(1)(a)
  'nationality-and-deportation', // EU 2008/909 Art. 4(1)(b)
  'consenting-state', // EU 2008/909 Art. 4(1)(c): any State whose authority consents
] as const;

export const consentExceptionKinds = [
  'fled-after-final-judgment', // ETS 167 Art. 2 (original)
  'left-aware-of-proceedings', // ETS 167 Art. 2(1)(a) as amended by CETS 222
  'left-aware-of-judgment', // ETS 167 Art. 2(1)(b) as amended by CETS 222
  'expulsion-in-sentence', // ETS 167 Art. 3(1)
  'expulsion-administrative-consequential', // ETS 167 Art. 3(1) original
  'expulsion-administrative-any', // ETS 167 Art. 3(1) as amended by CETS 222
  'national-living-in-executing', // EU 2008/909 Art. 6(2)(a)
  'deported-to-executing', // EU 2008/909 Art. 6(2)(b)
  'fled-to-executing', // EU 2008/909 Art. 6(2)(c)
] as const;

export const discretionaryGrounds = [
  'sovereignty-security-public-order',
  'punishment-incompatible',
  'ill-treatment-risk',
  'no-rehabilitation-benefit',
  'dual-national',
  'financial-obligations',
  'statute-of-limitations',
  'no-reasons-needed',
] as const;

export const dualNationalityRules = z.enum(['allow', 'discretionary-refusal', 'bar']);

export const RULESET_KINDS = ['multilateral', 'bilateral', 'eu-mutual-recognition', 'domestic-scheme', 'ad-hoc-arrangement'] as const;

export const ruleSetSchema = z.strictObject({
  format: z.literal(RULESET_FORMAT, { error: 'validation.ruleset.format' }),
  id: slug(RULESET_LIMITS.id),
  version: text(RULESET_LIMITS.version).min(1, { error: 'validation.notEmpty' }),
  /** The first day this version applies; the version in force on the reference date is used. */
  effectiveFrom: isoDate,
  title: text(RULESET_LIMITS.title).min(1, { error: 'validation.notEmpty' }),
  kind: z.enum(RULESET_KINDS),
  /**
   * An arrangement for one prisoner (Cap. 513 arrangements may be "for a particular
   * prisoner", docs/treaties.md "Arrangements for one case"): the id of the one case it may be used for.
   */
  caseId: z.uuid({ error: 'validation.ruleset.caseId' }).optional(),
  notes: text(RULESET_LIMITS.notes).optional(),

  /** The event whose date is the reference for time conditions (ETS 112: receipt of the request). */
  referenceEvent: param(z.enum(referenceEvents)),
  /** The two States must agree (ETS 112 Art. 3(1)(f)); not needed under 2008/909 Art. 4(1)(a)-(b). */
  statesAgreementRequired: param(z.boolean()),

  link: param(
    z.strictObject({
      default: distinct(z.enum(linkBases), linkBases.length).min(1),
      /** Where one party's link differs, e.g. Hong Kong permanent residence for Hong Kong. */
      byAdministeringState: z
        .record(country, distinct(z.enum(linkBases), linkBases.length).min(1))
        .refine((r) => Object.keys(r).length <= RULESET_LIMITS.states, { error: 'validation.list.tooLong', params: { max: RULESET_LIMITS.states } })
        .default({}),
    }),
  ),
  /**
   * A national of the sentencing State as well (US–Thailand Art. II(7)(b)). One rule, or one
   * by sentencing State where the sides differ: Hong Kong does not transfer out a Chinese
   * citizen under any of its arrangements, a rule of its own side only.
   */
  dualNationality: param(
    z.union([
      dualNationalityRules,
      z.strictObject({
        default: dualNationalityRules,
        bySentencingState: z
          .record(country, dualNationalityRules)
          .refine((r) => Object.keys(r).length <= RULESET_LIMITS.states, { error: 'validation.list.tooLong', params: { max: RULESET_LIMITS.states } }),
      }),
    ]),
  ),
  finality: param(
    z.strictObject({
      required: z.boolean(),
      definition: z.enum(['per-sentencing-law', 'no-ordinary-appeal-and-period-expired', 'no-appeal-or-collateral-attack']),
    }),
  ),
  otherProceedings: param(z.enum(['not-addressed', 'bar'])),

  minRemaining: param(
    z
      .strictObject({
        duration: durationSchema,
        effect: z.enum(['mandatory', 'mandatory-with-exception', 'optional-refusal']),
      })
      .nullable(),
  ),
  /** Which release date the remaining time is counted to. */
  remainingBasis: param(z.enum(['expiry', 'release-with-remission'])),
  indeterminateBypass: param(z.boolean()),
  minServed: param(
    z
      .strictObject({
        numerator: z.number().int().min(1).max(FRACTION_PART_MAX, { error: 'validation.number.tooLarge' }),
        denominator: z.number().int().min(1).max(FRACTION_PART_MAX, { error: 'validation.number.tooLarge' }),
        /** Minimum for life/indeterminate sentences; null when the law's figure is not known. */
        lifeMinimum: durationSchema.nullable(),
        /** The rule is the sentencing State's law: the States it applies to (null: all). */
        sentencingStates: distinct(country, RULESET_LIMITS.states).nullable(),
        /**
         * When the minimum must have been served: on the reference date, or at the time of the
         * transfer (US–Thailand Art. II(6)): then it is tested on the planned transfer date, or
         * holds from the day it is served, which opens the transfer window.
         */
        testedAt: z.enum(['reference', 'transfer']).default('reference'),
      })
      .refine((f) => f.numerator <= f.denominator, { error: 'validation.fraction.aboveOne', path: ['numerator'] })
      .nullable(),
  ),

  consent: param(
    z.strictObject({
      required: z.boolean(),
      representativeTriggers: distinct(z.enum(['age', 'physical', 'mental']), 3),
      /** Under this age a parent, guardian or court consents (US: 18), counted on `minorAgeAt`. */
      minorAge: bounded(MINOR_AGE_MAX).nullable(),
      /** The day the age is counted on: the reference date, or the transfer (the planned date, else the reference). */
      minorAgeAt: z.enum(['reference', 'transfer']).default('reference'),
      irrevocableAfter: z.enum(['not-specified', 'states-agreement', 'verification']),
    }),
  ),
  consentExceptions: distinct(
    z.strictObject({
      kind: z.enum(consentExceptionKinds),
      opinionRequired: z.boolean(),
      /** Administering States that declared they will not use this route (e.g. ETS 167 Art. 3(6)). */
      notForAdministeringStates: distinct(country, RULESET_LIMITS.states).default([]),
      source: text(RULESET_LIMITS.source).min(1),
      confidence: z.enum(['C', 'S', 'U']),
    }),
    consentExceptionKinds.length,
    (e) => e.kind,
  ),

  dualCriminality: param(
    z.strictObject({
      required: z.boolean(),
      test: z.enum(['conduct-criminal-or-would-be', 'punishable-by-deprivation-of-liberty', 'crime-ignoring-terminology']),
      /** A bar, or only a ground the executing State may invoke (2008/909 Art. 9(1)(d)). */
      effect: z.enum(['mandatory', 'optional-refusal']).default('mandatory'),
    }),
  ),
  /** 2008/909 Art. 7(1): listed offences with a maximum of at least the threshold need no dual criminality. */
  listExemption: param(
    z
      .strictObject({
        thresholdMonths: bounded(PENALTY_MAX_MONTHS),
        /** Executing States that declared under Art. 7(4) they will not apply Art. 7(1). */
        optOutStates: distinct(country, RULESET_LIMITS.states),
      })
      .nullable(),
  ),
  excludedOffences: param(distinct(text(100).regex(/^excluded:[a-z-]+$/), RULESET_LIMITS.entries)),
  deathSentence: param(z.enum(['not-addressed', 'bar', 'bar-unless-commuted'])),
  financialObligations: param(
    z.strictObject({
      rule: z.enum(['none', 'mandatory-paid-unless-incapacity', 'discretionary-refusal']),
      scope: distinct(z.enum(FINANCIAL_OBLIGATION_KINDS), FINANCIAL_OBLIGATION_KINDS.length),
    }),
  ),
  partialTransfer: param(z.boolean()),
  /**
   * Which offences the dual-criminality and excluded-offence conditions read: all of the case's,
   * or those of the sentences still to be served on the reference date (a sentence of a chain
   * already served is not part of what is transferred).
   */
  offenceScope: param(z.enum(['all-offences', 'still-to-serve'])).default({
    value: 'still-to-serve',
    source: 'ETS 112 Art. 3(1)(c) and (e) read together: the conditions on the acts concern the sentence still to be served (app reading)',
    confidence: 'S',
  }),
  /** Whether a person on conditional release (parole, licence) can be transferred under the instrument. */
  conditionalRelease: param(z.enum(['not-covered', 'covered'])).default({
    value: 'not-covered',
    source: 'Not recorded for this rule-set: read as covering deprivation of liberty only (ETS 112 Art. 1(a) pattern)',
    confidence: 'U',
  }),
  /** Persons who have become domiciliaries of the sentencing State are excluded (US–Mexico: 5 years, intent to remain). */
  domicileExclusion: param(z.strictObject({ years: bounded(100), intentToRemain: z.boolean() }).nullable()).default({
    value: null,
    source: 'No domicile condition recorded for this rule-set',
    confidence: 'U',
  }),
  /**
   * A person sentenced under the law of a constituent State (a US State) needs that State's
   * consent too: for every sentencing State (true), or only for those listed (the federations
   * among the parties, e.g. the US side of an agreement with Hong Kong).
   */
  subnationalConsent: param(z.union([z.boolean(), z.strictObject({ sentencingStates: distinct(country, RULESET_LIMITS.states).min(1) })])).default({
    value: false,
    source: 'No consent of a constituent State recorded for this rule-set',
    confidence: 'U',
  }),
  discretionaryRefusalGrounds: param(distinct(z.enum(discretionaryGrounds), discretionaryGrounds.length)),
  /**
   * Procedural deadlines (days) the transfer tracker uses: `after` and `until` name a case
   * event or a workflow step (shared/workflow/deadlines.ts); without `until` a deadline runs
   * until the case leaves the step it started in or is closed.
   */
  deadlines: param(
    distinct(
      z
        .strictObject({ id: slug(RULESET_LIMITS.id), after: anchor, days: bounded(DEADLINE_MAX_DAYS), extendable: z.boolean(), until: anchor.optional() })
        .refine((d) => d.until !== d.after, { error: 'validation.deadline.untilIsAfter', path: ['until'] }),
      RULESET_LIMITS.entries,
      (d) => d.id,
    ),
  ),
  /** Required documents by direction and step (docs/domain.md "Documents of a dossier"); ETS 112's list when a rule-set has none. */
  documents: param(
    distinct(
      z.strictObject({
        kind: slug(RULESET_LIMITS.id),
        direction: z.enum(['outgoing', 'incoming', 'both']),
        step: z.enum(STEPS),
        required: z.boolean(),
      }),
      RULESET_LIMITS.documents,
      (d) => [d.kind, d.direction, d.step],
    ),
  ).default({
    value: [...ETS_112_DOCUMENTS],
    source: 'Default list (ETS 112 Arts. 4-7, 15-17, domain brief §10.1): the rule-set lists no documents',
    confidence: 'U',
  }),
}).refine((r) => r.caseId === undefined || r.kind === 'ad-hoc-arrangement', {
  path: ['caseId'],
  error: 'validation.ruleset.binding',
});

export type RuleSet = z.infer<typeof ruleSetSchema>;
export type RuleSetInput = z.input<typeof ruleSetSchema>;
export type Param<T> = { value: T; source: string; confidence: 'C' | 'S' | 'U'; note?: string };
export type ReferenceEvent = (typeof referenceEvents)[number];
export type LinkBasis = (typeof linkBases)[number];
export type ConsentException = RuleSet['consentExceptions'][number];
export type Duration = z.infer<typeof durationSchema>;

/** The parameters of a rule-set (every key that carries value, source and confidence). */
export const PARAMETER_KEYS = [
  'referenceEvent', 'statesAgreementRequired', 'link', 'dualNationality', 'finality', 'otherProceedings',
  'minRemaining', 'remainingBasis', 'indeterminateBypass', 'minServed', 'consent', 'dualCriminality',
  'listExemption', 'excludedOffences', 'deathSentence', 'financialObligations', 'partialTransfer',
  'discretionaryRefusalGrounds', 'deadlines', 'documents', 'offenceScope', 'conditionalRelease', 'domicileExclusion', 'subnationalConsent',
] as const satisfies readonly (keyof RuleSet)[];
export type DualNationalityRule = z.infer<typeof dualNationalityRules>;

/** The dual-nationality rule where the person was sentenced in `sentencingState`. */
export function dualNationalityRuleFor(value: RuleSet['dualNationality']['value'], sentencingState: string): DualNationalityRule {
  return typeof value === 'string' ? value : (value.bySentencingState[sentencingState] ?? value.default);
}

/**
 * What the rule-set and profile channels answer (shared/contracts/rulesets.ts, profiles.ts):
 * rule-set versions in detail, re-assessment when a version takes effect and its stored report,
 * jurisdiction profiles.
 */
import { z } from 'zod';
import { ruleSetVersionSchema } from '../api-schemas.ts';
import { VERDICTS } from '../vocabularies.ts';
import { CONDITION_IDS } from '../eligibility/types.ts';
import { profileSchema } from './profile-schema.ts';
import { ruleSetSchema } from './schema.ts';

const STATUSES = ['met', 'not_met', 'unknown', 'waived', 'not_applicable'] as const;

/**
 * What a re-assessment runs for: a rule-set version, a jurisdiction profile version (ruleSetId then
 * holds its code) or a treaty map version (ruleSetId then holds "treaty-map").
 */
const REASSESS_SUBJECTS = ['rule-set', 'profile', 'treaty-map'] as const;
/** The id a treaty map version's re-assessment goes by (the map has versions, not ids). */
export const TREATY_MAP_SUBJECT_ID = 'treaty-map';
export type ReassessSubject = (typeof REASSESS_SUBJECTS)[number];

/** One version with its content, and how many assessments used it (then it is evidence: never changed). */
const ruleSetVersionDetailSchema = ruleSetVersionSchema.extend({
  ruleSet: ruleSetSchema,
  assessments: z.int(),
  /** In force today for a case without a later reference date: the latest version effective on or before today. */
  inForceToday: z.boolean(),
});
export type RuleSetVersionDetail = z.output<typeof ruleSetVersionDetailSchema>;

export const ruleSetDetailSchema = z.object({ id: z.string(), versions: z.array(ruleSetVersionDetailSchema) });
export type RuleSetDetail = z.output<typeof ruleSetDetailSchema>;

/** A stored version in force today whose open cases have not been re-assessed under it. */
export const pendingReassessmentSchema = z.object({
  subject: z.enum(REASSESS_SUBJECTS),
  /** The rule-set id, or the profile's jurisdiction code. */
  ruleSetId: z.string(),
  version: z.string(),
  effectiveFrom: z.string(),
  title: z.string(),
  openCases: z.int(),
});
export type PendingReassessment = z.output<typeof pendingReassessmentSchema>;

export const reassessProgressSchema = z.object({ reportId: z.string(), total: z.int(), done: z.int(), finished: z.boolean() });
export type ReassessProgress = z.output<typeof reassessProgressSchema>;

/** Who a case is about, as a report names them: the person's names, prison number and the case's reference. */
const reassessPersonSchema = z.object({
  caseId: z.string(),
  familyName: z.string().nullable(),
  givenNames: z.string().nullable(),
  prisonNumber: z.string().nullable(),
  reference: z.string().nullable(),
});

const reassessItemSchema = reassessPersonSchema.extend({
  position: z.int(),
  outcome: z.enum(['changed', 'unchanged', 'skipped']),
  before: z.enum(VERDICTS).nullable(),
  after: z.enum(VERDICTS).nullable(),
  assessmentId: z.string().nullable(),
  conditions: z.array(z.object({ id: z.enum(CONDITION_IDS), before: z.enum(STATUSES).nullable(), after: z.enum(STATUSES) })),
  skippedReason: z.string().nullable(),
});
export type ReassessItem = z.output<typeof reassessItemSchema>;

export const reassessReportSummarySchema = z.object({
  id: z.string(),
  subject: z.enum(REASSESS_SUBJECTS),
  ruleSetId: z.string(),
  version: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  createdBy: z.string(),
  total: z.int(),
  done: z.int(),
  changed: z.int(),
  skipped: z.int(),
  /** Being run by the app now (it runs in the main process); false for a finished run and one stopped part-way. */
  running: z.boolean(),
});
export type ReassessReportSummary = z.output<typeof reassessReportSummarySchema>;

/** A parameter a rule-set version changed, by its key (the screen names it), its value before and after, and its source and confidence. */
const parameterChangeSchema = z.object({
  key: z.string(),
  before: z.object({ value: z.unknown(), source: z.string(), confidence: z.enum(['C', 'S', 'U']) }),
  after: z.object({ value: z.unknown(), source: z.string(), confidence: z.enum(['C', 'S', 'U']) }),
});

/**
 * The report: every case whose verdict changed (before -> after, with the conditions that moved), and the counts;
 * for a rule-set version, the parameters it changed from the version before it (`previousVersion`; null: the first).
 */
export const reassessReportSchema = reassessReportSummarySchema.extend({
  items: z.array(reassessItemSchema),
  previousVersion: z.string().nullable(),
  parameters: z.array(parameterChangeSchema),
});

/**
 * One step of a re-assessment's dry run (`rulesets.reassessPreview`): of the `total` open cases the version
 * governs, cases `from` .. `done - 1` assessed under it without storing anything; how many verdicts would
 * change, from what to what, and who (at most REASSESS_PREVIEW_PEOPLE of this step).
 */
export const reassessPreviewSchema = z.object({
  total: z.int(),
  from: z.int(),
  done: z.int(),
  finished: z.boolean(),
  changed: z.int(),
  unchanged: z.int(),
  skipped: z.int(),
  transitions: z.array(z.object({ before: z.enum(VERDICTS).nullable(), after: z.enum(VERDICTS), count: z.int() })),
  people: z.array(reassessPersonSchema.extend({ before: z.enum(VERDICTS).nullable(), after: z.enum(VERDICTS) })),
});
export type ReassessPreview = z.output<typeof reassessPreviewSchema>;
export const REASSESS_PREVIEW_PEOPLE = 20;
export type ReassessReport = z.output<typeof reassessReportSchema>;

export const profileVersionSchema = z.object({
  profile: profileSchema,
  source: z.enum(['built-in', 'stored']),
  hash: z.string().nullable(),
  createdAt: z.string().nullable(),
  inForceToday: z.boolean(),
});
export type ProfileVersion = z.output<typeof profileVersionSchema>;


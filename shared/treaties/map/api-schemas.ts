/**
 * What the treaty map's channels answer (shared/contracts/treaties.ts): the routes open for a
 * case, the treaty table between two States on a day, and the map's versions.
 */
import { z } from 'zod';
import { storedAssessmentSchema } from '../../api-schemas.ts';
import { isoDate } from '../../domain/fields.ts';
import { declarationSchema, instrumentSchema, noArrangementSchema, unidentifiedDeclarationSchema } from './schema.ts';



const routeSchema = z.object({
  ruleSetId: z.string(),
  instrumentId: z.string().nullable(),
  administeringState: z.string(),
  links: z.array(z.enum(['nationality', 'permanent-residence', 'lives-in'])),
  current: z.boolean(),
  opensOn: isoDate.nullable(),
  closesOn: isoDate.nullable(),
  open: z.boolean(),
  result: storedAssessmentSchema,
});
export type RouteRecord = z.output<typeof routeSchema>;

export const routesForCaseOutput = z.object({
  caseId: z.string(),
  /** The day the routes other than the case's own are assessed as if requested. */
  on: isoDate,
  mapVersion: z.string(),
  routes: z.array(routeSchema),
});
export type CaseRoutes = z.output<typeof routesForCaseOutput>;

/** What one step of screening the open cases for the route index (the case list's "has an open route") did. */
export interface RouteScreening {
  /** The day screened for (today), YYYY-MM-DD. */
  day: string;
  /** Cases screened by this step. */
  screened: number;
  /** Open cases in the store. */
  open: number;
  /** Open cases still without a screen for today and today's law. */
  stale: number;
}

/** One instrument between two States on a day: whether it applies, why, and the declarations of either that matter. */
const treatyTableRowSchema = z.object({
  instrumentId: z.string(),
  title: z.string(),
  kind: instrumentSchema.shape.kind,
  ruleSets: z.array(z.string()),
  status: z.enum(['applies', 'not-applies', 'unknown']),
  reason: z.string().nullable(),
  /** The State the reason concerns (not yet in force for it, not a party…), when one does. */
  state: z.string().nullable(),
  /** The instrument that applies instead (a replacement), or the one a scheme runs through. */
  other: z.string().nullable(),
  opensOn: isoDate.nullable(),
  sources: z.array(z.string()),
  confidence: z.enum(['C', 'S', 'U']),
  declarations: z.array(declarationSchema),
  /** Declarations some parties made without the map knowing which, that either State may have made (`unidentifiedDeclarations`). */
  unidentified: z.array(unidentifiedDeclarationSchema.omit({ notBy: true }).extend({ state: z.string() })),
});
export type TreatyTableRow = z.output<typeof treatyTableRowSchema>;

export const treatyTableOutput = z.object({
  a: z.string(),
  b: z.string(),
  on: isoDate,
  mapVersion: z.string(),
  rows: z.array(treatyTableRowSchema),
  noArrangement: noArrangementSchema.nullable(),
});
export type TreatyTable = z.output<typeof treatyTableOutput>;


/** A version of the treaty map: the built-in one or a stored one, and whether it is the one in force today. */
export const treatyMapVersionSchema = z.object({
  version: z.string(),
  effectiveFrom: isoDate,
  source: z.enum(['built-in', 'stored']),
  hash: z.string(),
  createdAt: z.string().nullable(),
  inForceToday: z.boolean(),
});
export type TreatyMapVersion = z.output<typeof treatyMapVersionSchema>;

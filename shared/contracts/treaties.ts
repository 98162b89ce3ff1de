/**
 * The treaty map and the routes it opens (electron/services/treaty-map.ts, routes.ts,
 * route-index.ts): the routes open for a case, the screening of the open cases for the case
 * list's "has an open route", the treaty table between two States on a day, and the map's
 * versions.
 */
import { z } from 'zod';
import { isoDate } from '../domain/fields.ts';
import { routesForCaseOutput, treatyMapVersionSchema, treatyTableOutput, type RouteScreening } from '../treaties/map/api-schemas.ts';
import { treatyMapSchema } from '../treaties/map/schema.ts';
import { ALL, LEGAL, noInput, typed, type AreaContract } from './channel.ts';

const place = z.string().regex(/^[A-Z]{2}$/, { error: 'validation.country.format' });

const routesForCaseInput = z.strictObject({ caseId: z.uuid(), on: isoDate.optional() });
/** One step of screening the open cases for the route index. */
const screenRoutesInput = z.strictObject({ limit: z.int().min(1).max(2000).default(500) });
const treatyTableInput = z.strictObject({ a: place, b: place, on: isoDate.optional() });
/** The version in force today when left out. */
const getTreatyMapInput = z.strictObject({ version: z.string().min(1).max(80).optional() }).optional();
/** The map is checked by the service against shared/treaties/map/schema.ts, its problems under `map.`. */
const saveTreatyMapInput = z.strictObject({ map: z.unknown(), reason: z.string().trim().min(1).max(2000) });

export const treatiesContract = {
  /** Exploration: every route open for the person, assessed; never the case's assessment. */
  'routes.forCase': { input: routesForCaseInput, output: routesForCaseOutput, roles: ALL },
  /** One step of screening open cases for the route index (derived data: nothing audited). */
  'routes.screen': { input: screenRoutesInput, output: typed<RouteScreening>(), roles: ALL },
  'treaties.table': { input: treatyTableInput, output: treatyTableOutput, roles: ALL },
  'treaties.mapVersions': { input: noInput, output: z.array(treatyMapVersionSchema), roles: ALL },
  'treaties.map': { input: getTreatyMapInput, output: treatyMapSchema, roles: ALL },
  'treaties.saveMap': { input: saveTreatyMapInput, output: treatyMapVersionSchema, roles: LEGAL },
} as const satisfies AreaContract;

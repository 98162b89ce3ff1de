/**
 * The route index (schema 17): each open case's routes as the route finder found them for a day
 * under a version of the law, so that the case list can ask "has an open route" by index. A screen
 * is fresh when it was made for the case's current version, today, and today's law key; any other
 * is stale and is neither read nor trusted (electron/services/route-index.ts redoes it).
 * Derived data: written beside nothing else, never audited (like person_keys).
 */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export interface IndexedRoute {
  ruleSetId: string;
  administeringState: string;
  open: boolean;
  opensOn: string | null;
  closesOn: string | null;
}

export interface RouteScreen {
  caseId: string;
  caseVersion: number;
  routes: readonly IndexedRoute[];
}

/** What makes a screen fresh: the day it was made for and the law's key. */
export interface ScreenKey {
  day: string;
  lawKey: string;
}

const STALE = `FROM cases c LEFT JOIN case_route_screens s ON s.case_id = c.id
  WHERE c.closed_at IS NULL AND (s.case_id IS NULL OR s.case_version <> c.version OR s.day <> @day OR s.law_key <> @lawKey)`;

const SQL = {
  countOpen: 'SELECT count(*) FROM cases WHERE closed_at IS NULL',
  countStale: `SELECT count(*) ${STALE}`,
  staleIds: `SELECT c.id ${STALE} ORDER BY c.created_at, c.rowid LIMIT @limit`,
  deleteRoutes: 'DELETE FROM case_routes WHERE case_id = ?',
  upsertScreen: `INSERT INTO case_route_screens (case_id, case_version, day, law_key, open_routes) VALUES (@caseId, @caseVersion, @day, @lawKey, @openRoutes)
    ON CONFLICT (case_id) DO UPDATE SET case_version = excluded.case_version, day = excluded.day, law_key = excluded.law_key, open_routes = excluded.open_routes`,
  insertRoute: `INSERT INTO case_routes (case_id, position, rule_set_id, administering_state, open, opens_on, closes_on)
    VALUES (@caseId, @position, @ruleSetId, @administeringState, @open, @opensOn, @closesOn)`,
  withOpenRoute: `SELECT s.case_id FROM case_route_screens s JOIN cases c ON c.id = s.case_id
    WHERE s.day = @day AND s.law_key = @lawKey AND s.open_routes > 0 AND s.case_version = c.version AND c.closed_at IS NULL`,
  routesOf: 'SELECT rule_set_id, administering_state, open, opens_on, closes_on FROM case_routes WHERE case_id = ? ORDER BY position',
  lawRows: `SELECT 'rule_set ' || id || ' ' || version || ' ' || hash FROM rule_sets
    UNION ALL SELECT 'profile ' || code || ' ' || version || ' ' || hash FROM jurisdiction_profiles
    UNION ALL SELECT 'treaty_map ' || version || ' ' || hash FROM treaty_maps ORDER BY 1`,
} as const;

/** Open cases, and how many of them have no fresh screen for `key`. */
export function routeIndexState(db: Database.Database, key: ScreenKey): { open: number; stale: number } {
  return {
    open: statement(db, SQL.countOpen).pluck().get() as number,
    stale: statement(db, SQL.countStale).pluck().get(key) as number,
  };
}

/** Up to `limit` open cases without a fresh screen, oldest case first. */
export function staleScreenIds(db: Database.Database, key: ScreenKey, limit: number): string[] {
  return statement(db, SQL.staleIds).pluck().all({ ...key, limit }) as string[];
}

/** Replaces each case's screen and routes (call within the writing transaction). */
export function writeRouteScreens(db: Database.Database, key: ScreenKey, screens: readonly RouteScreen[]): void {
  const deleteRoutes = statement(db, SQL.deleteRoutes);
  const upsert = statement(db, SQL.upsertScreen);
  const insert = statement(db, SQL.insertRoute);
  for (const s of screens) {
    deleteRoutes.run(s.caseId);
    upsert.run({ caseId: s.caseId, caseVersion: s.caseVersion, ...key, openRoutes: s.routes.filter((r) => r.open).length });
    s.routes.forEach((r, position) => insert.run({ caseId: s.caseId, position, ruleSetId: r.ruleSetId, administeringState: r.administeringState, open: r.open ? 1 : 0, opensOn: r.opensOn, closesOn: r.closesOn }));
  }
}

/** The open cases whose fresh screen found at least one open route. */
export function casesWithOpenRoute(db: Database.Database, key: ScreenKey): string[] {
  return statement(db, SQL.withOpenRoute).pluck().all(key) as string[];
}

/** One case's indexed routes, best first, as last screened (fresh or not). */
export function indexedRoutesOf(db: Database.Database, caseId: string): IndexedRoute[] {
  const rows = statement(db, SQL.routesOf).all(caseId) as { rule_set_id: string; administering_state: string; open: number; opens_on: string | null; closes_on: string | null }[];
  return rows.map((r) => ({ ruleSetId: r.rule_set_id, administeringState: r.administering_state, open: r.open === 1, opensOn: r.opens_on, closesOn: r.closes_on }));
}

/** Every stored version of the law (rule-sets, profiles, treaty maps), by hash, in one stable list. */
export function storedLawVersions(db: Database.Database): string[] {
  return statement(db, SQL.lawRows).pluck().all() as string[];
}

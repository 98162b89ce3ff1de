/**
 * The route index behind the case list's "has an open route" filter (issue 16; schema 17,
 * db/case-routes-repo.ts): every open case screened by the route finder for today under the law
 * in force, kept so that the list reads it by index.
 *
 * A screen holds for one case version, one day and one law key (the built-in library of this app
 * version and every stored rule-set, profile and treaty-map version): a case edited, a new day, a
 * version of the law stored, or another app version, and it is stale. The list never reads a stale
 * screen; it says how many open cases wait to be screened, and the screen screens them a step at a
 * time (`routes.screen`), so that a store of 100,000 cases shows its progress instead of freezing.
 *
 * Screening writes derived data only (like the search indexes): no case changes, nothing is audited.
 */
import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { loadCases } from '../../db/case-batch-loader.ts';
import { casesWithOpenRoute, routeIndexState, staleScreenIds, storedLawVersions, writeRouteScreens, type RouteScreen, type ScreenKey } from '../../db/case-routes-repo.ts';
import { findRoutes } from '../../shared/eligibility/routes.ts';
import { formatIsoDate, todayFrom, type DayNumber } from '../../shared/sentence/calendar.ts';
import type { RouteScreening } from '../../shared/treaties/map/api-schemas.ts';
import { JURISDICTION_PROFILES } from '../../shared/treaties/jurisdictions.ts';
import { BUILT_IN_RULESETS } from '../../shared/treaties/library.ts';
import { appVersion } from '../diagnostics/shell-info.ts';
import type { ServiceContext } from './context.ts';
import { lawResolver, treatyMapOn, builtInTreatyMapIndex } from './ruleset-resolution.ts';
import { arrangementsByCase, arrangementsFor, routeLaw } from './routes.ts';
import type { Input } from './handlers.ts';

let builtInLaw: string | undefined;

/** The key of the law a screen was made under: this app's built-in law and the store's versions. */
function routeLawKey(db: Database.Database): string {
  builtInLaw ??= sha256Hex(canonicalJson({ app: appVersion(), ruleSets: BUILT_IN_RULESETS, profiles: JURISDICTION_PROFILES, map: builtInTreatyMapIndex().hash }));
  return sha256Hex(`${builtInLaw}\n${storedLawVersions(db).join('\n')}`);
}

function screenKey(db: Database.Database, today: DayNumber): ScreenKey {
  return { day: formatIsoDate(today), lawKey: routeLawKey(db) };
}

/** Screens the given open cases for `today` (the route finder as the case page's panel runs it) and stores their routes. */
function screenCases(db: Database.Database, ids: readonly string[], today: DayNumber, key: ScreenKey): RouteScreen[] {
  const resolve = lawResolver(db);
  const map = treatyMapOn(db, today);
  const byCase = arrangementsByCase(db);
  const screens: RouteScreen[] = [];
  for (const [id, stored] of loadCases(db, ids)) {
    const routes = findRoutes(stored.case, { map, law: routeLaw(resolve, today, id), today, on: today, arrangements: arrangementsFor(byCase, id, stored.case) });
    screens.push({
      caseId: id,
      caseVersion: stored.meta.version,
      routes: routes.map((r) => ({
        ruleSetId: r.ruleSetId,
        administeringState: r.administeringState,
        open: r.open,
        opensOn: r.opensOn === null ? null : formatIsoDate(r.opensOn),
        closesOn: r.closesOn === null ? null : formatIsoDate(r.closesOn),
      })),
    });
  }
  writeRouteScreens(db, key, screens);
  return screens;
}

/** One step of screening for the day of `now`: up to `limit` open cases without a fresh screen, in one transaction. */
export function screenStep(db: Database.Database, now: Date, limit: number): RouteScreening {
  const today = todayFrom(now);
  return db.transaction(() => {
    const key = screenKey(db, today);
    const screened = screenCases(db, staleScreenIds(db, key, limit), today, key).length;
    const { open, stale } = routeIndexState(db, key);
    return { day: key.day, screened, open, stale };
  })();
}

/** `routes.screen`: a step the list's filter asks for when the main process (electron/route-screening.ts) has not caught up. */
export function screenRoutes(ctx: ServiceContext, { limit }: Input<'routes.screen'>): RouteScreening {
  return screenStep(ctx.db, ctx.clock(), limit);
}

/** The open cases with an open route today, and how many open cases are not yet screened (their answer unknown). */
export function openRouteCases(db: Database.Database, today: DayNumber): { ids: string[]; stale: number } {
  const key = screenKey(db, today);
  return { ids: casesWithOpenRoute(db, key), stale: routeIndexState(db, key).stale };
}

/**
 * The treaty map's services: the routes open for a stored case, the treaty table between two
 * States on a day, and the population screening of the CLI (`tsp routes --db FILE --all`).
 * Reads only: exploring a route never becomes the case's assessment (that is `assessments.run`
 * under the case's own rule-set), so nothing here is written or audited.
 */
import type Database from 'better-sqlite3';
import { loadCases } from '../../db/case-batch-loader.ts';
import { openCaseIds } from '../../db/cases-repo.ts';
import { allStoredRuleSets } from '../../db/rulesets-repo.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { toStoredAssessment } from '../../shared/eligibility/report.ts';
import { findRoutes, type Route, type RouteLawLookup } from '../../shared/eligibility/routes.ts';
import { formatIsoDate, parseIsoDate, todayFrom, type DayNumber } from '../../shared/sentence/calendar.ts';
import type { CaseRoutes, RouteRecord, TreatyTable, TreatyTableRow } from '../../shared/treaties/map/api-schemas.ts';
import { declarationsOf, noArrangementBetween, relationOn, unidentifiedDeclarationsOf, type TreatyMapIndex } from '../../shared/treaties/map/relations.ts';
import { requireStoredCase } from './case-records.ts';
import type { ServiceContext } from './context.ts';
import { lawResolver, treatyMapOn, type RuleSetResolver } from './ruleset-resolution.ts';
import type { Input } from './handlers.ts';

/** The route finder's law: the resolver every assessment uses (stored or built-in versions). */
export function routeLaw(resolve: RuleSetResolver, today: DayNumber, caseId?: string): RouteLawLookup {
  return (ruleSetId, c, on) => {
    const law = resolve(ruleSetId, c, on ?? undefined, today, caseId);
    return law === undefined ? undefined : { ruleSet: law.ruleSet, profile: law.profile, map: law.map };
  };
}

/** The arrangements made for one case alone (ad hoc rule-sets bound to it), by case id. */
export function arrangementsByCase(db: Database.Database): Map<string, string[]> {
  const byCase = new Map<string, string[]>();
  for (const r of allStoredRuleSets(db)) {
    if (r.case_id === null) continue;
    const ids = byCase.get(r.case_id) ?? [];
    if (!ids.includes(r.id)) ids.push(r.id);
    byCase.set(r.case_id, ids);
  }
  return byCase;
}

/** Each arrangement of the case applies between its sentencing and administering States. */
export const arrangementsFor = (byCase: Map<string, string[]>, caseId: string, c: CaseFile) =>
  (byCase.get(caseId) ?? []).map((ruleSetId) => ({ ruleSetId, administeringState: c.administeringState }));

const iso = (day: DayNumber | null) => (day === null ? null : formatIsoDate(day));

export function routeRecord(r: Route): RouteRecord {
  return {
    ruleSetId: r.ruleSetId,
    instrumentId: r.instrumentId,
    administeringState: r.administeringState,
    links: [...r.links],
    current: r.current,
    opensOn: iso(r.opensOn),
    closesOn: iso(r.closesOn),
    open: r.open,
    result: toStoredAssessment(r.assessment),
  };
}

/** Every route open for the person of a stored case, assessed and ranked (shared/eligibility/routes.ts). */
export function routesForCase(ctx: ServiceContext, { caseId, on }: Input<'routes.forCase'>): CaseRoutes {
  const stored = requireStoredCase(ctx.db, caseId);
  const today = todayFrom(ctx.clock());
  const day = on === undefined ? today : parseIsoDate(on);
  const resolve = lawResolver(ctx.db);
  const map = treatyMapOn(ctx.db, today);
  const arrangements = arrangementsFor(arrangementsByCase(ctx.db), caseId, stored.case);
  const routes = findRoutes(stored.case, { map, law: routeLaw(resolve, today, caseId), today, on: day, arrangements });
  return { caseId, on: formatIsoDate(day), mapVersion: map.map.version, routes: routes.map(routeRecord) };
}

/** Which instruments apply between two States on a day, with the declarations of either that matter. */
export function treatyTableOf(map: TreatyMapIndex, a: string, b: string, on: DayNumber): TreatyTable {
  const rows: TreatyTableRow[] = [];
  for (const { instrument, parties } of map.instruments.values()) {
    const involves =
      instrument.kind === 'domestic-scheme' ? parties.has(a) || parties.has(b)
      : instrument.kind === 'pattern' ? parties.has(a) || parties.has(b)
      : parties.has(a) && parties.has(b);
    if (!involves) continue;
    const r = relationOn(map, instrument.id, { a, b, on, judgment: null });
    const declarations = [a, b].flatMap((state) =>
      (['national-definition', 'excludes-procedure', 'consent-route-opt-out', 'dual-criminality-opt-out', 'transitional', 'unread', 'other'] as const).flatMap((kind) =>
        declarationsOf(map, instrument.id, state, kind, on),
      ),
    );
    rows.push({
      instrumentId: instrument.id,
      title: instrument.title,
      kind: instrument.kind,
      ruleSets: [...instrument.ruleSets],
      status: r.status,
      reason: r.status === 'applies' ? null : r.reason,
      state: r.status === 'applies' ? null : r.state,
      other: r.status === 'applies' ? r.via : r.instead,
      opensOn: r.status === 'not-applies' ? iso(r.opensOn) : null,
      sources: [...r.evidence.sources],
      confidence: r.evidence.confidence,
      declarations,
      unidentified: [a, b].flatMap((state) => unidentifiedDeclarationsOf(map, instrument.id, state, 'dual-criminality-opt-out').map(({ notBy: _, ...u }) => ({ ...u, state }))),
    });
  }
  const order = { applies: 0, unknown: 1, 'not-applies': 2 } as const;
  rows.sort((x, y) => order[x.status] - order[y.status] || x.title.localeCompare(y.title));
  const noArrangement = noArrangementBetween(map, a, b);
  return { a, b, on: formatIsoDate(on), mapVersion: map.map.version, rows, noArrangement };
}

export function treatyTable(ctx: ServiceContext, { a, b, on }: Input<'treaties.table'>): TreatyTable {
  const today = todayFrom(ctx.clock());
  return treatyTableOf(treatyMapOn(ctx.db, today), a, b, on === undefined ? today : parseIsoDate(on));
}

/** One open case's routes in brief, for screening the population (ETS 112 Art. 4(1): who could be informed). */
export interface ScreenedCase {
  caseId: string;
  reference: string | null;
  /** The instruments the case was assessed under (each a route, open or not). */
  routes: number;
  openRoutes: number;
  best: RouteRecord | null;
}

/**
 * Screens every open case of the store against every instrument its sentencing State is party
 * to, a thousand cases at a time; yields each case's open routes. Reads only.
 */
export function* screenOpenCases(db: Database.Database, today: DayNumber, on: DayNumber): Generator<ScreenedCase> {
  const resolve = lawResolver(db);
  const map = treatyMapOn(db, today);
  const byCase = arrangementsByCase(db);
  const ids = openCaseIds(db);
  for (let from = 0; from < ids.length; from += 1000) {
    for (const [id, stored] of loadCases(db, ids.slice(from, from + 1000))) {
      const routes = findRoutes(stored.case, { map, law: routeLaw(resolve, today, id), today, on, arrangements: arrangementsFor(byCase, id, stored.case) });
      const open = routes.filter((r) => r.open);
      yield { caseId: id, reference: stored.case.reference ?? null, routes: routes.length, openRoutes: open.length, best: open[0] === undefined ? null : routeRecord(open[0]) };
    }
  }
}

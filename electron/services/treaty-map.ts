/**
 * The treaty map's versions: the built-in map (shared/treaties/map/built-in) and stored ones
 * (schema 12), each immutable and hashed, in force from its effective date like rule-sets and
 * jurisdiction profiles. A correction of the map (a party's date found, a declaration read) is
 * a new version, saved with a reason and audited; the engine reads the version in force today
 * (ruleset-resolution.ts).
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { REPORT_INPUT } from '../../shared/domain/case.ts';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { findTreatyMapVersion, insertTreatyMapVersion, treatyMapVersions as storedVersions } from '../../db/treaty-maps-repo.ts';
import { inForceOn } from '../../shared/treaties/in-force.ts';
import type { treatiesContract } from '../../shared/contracts/treaties.ts';
import type { TreatyMapVersion } from '../../shared/treaties/map/api-schemas.ts';
import { BUILT_IN_TREATY_MAP } from '../../shared/treaties/map/built-in/index.ts';
import { treatyMapSchema, type TreatyMap } from '../../shared/treaties/map/schema.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { builtInTreatyMapIndex, storedTreatyMap } from './ruleset-resolution.ts';
import type { Handlers, Input } from './handlers.ts';
import { screenRoutes } from './route-index.ts';
import { routesForCase, treatyTable } from './routes.ts';
import { problemsOf } from './validate.ts';
import { write } from './write.ts';

/** Every version, stored ones latest first, then the built-in; the one in force today marked. */
export function listTreatyMapVersions(ctx: ServiceContext): TreatyMapVersion[] {
  const today = todayOf(ctx);
  const stored = storedVersions(ctx.db).map((r): TreatyMapVersion => ({
    version: r.version, effectiveFrom: r.effective_from, source: 'stored', hash: r.hash, createdAt: r.created_at, inForceToday: false,
  }));
  const builtIn: TreatyMapVersion = {
    version: BUILT_IN_TREATY_MAP.version, effectiveFrom: BUILT_IN_TREATY_MAP.effectiveFrom, source: 'built-in',
    hash: builtInTreatyMapIndex().hash ?? '', createdAt: null, inForceToday: false,
  };
  const all = [...stored, builtIn];
  const inForce = inForceOn(stored, today, (v) => ({ effectiveFrom: v.effectiveFrom, storedAt: v.createdAt ?? '' }), builtIn);
  return all.map((v) => ({ ...v, inForceToday: v === inForce }));
}

/** A version's whole content (default: the one in force today). */
export function getTreatyMap(ctx: ServiceContext, input: Input<'treaties.map'>): TreatyMap {
  const version = input?.version;
  const wanted = version ?? listTreatyMapVersions(ctx).find((v) => v.inForceToday)?.version;
  const row = wanted === undefined ? undefined : findTreatyMapVersion(ctx.db, wanted);
  if (row !== undefined) return storedTreatyMap(row);
  if (wanted === BUILT_IN_TREATY_MAP.version) return BUILT_IN_TREATY_MAP;
  throw new ServiceError('not_found', 'error.treaty_map_not_found', [{ field: 'version', message: `no treaty map version "${wanted}"` }]);
}

/** Stores a new version of the map; refused (nothing written) when invalid or when the version exists. */
export function saveTreatyMap(ctx: ServiceContext, { map: raw, reason }: Input<'treaties.saveMap'>): TreatyMapVersion {
  const parsed = treatyMapSchema.safeParse(raw, REPORT_INPUT);
  if (!parsed.success) throw new ServiceError('invalid_input', 'error.invalid_treaty_map', problemsOf(parsed.error, 'map'));
  const map = parsed.data;
  const content = canonicalJson(map);
  const hash = sha256Hex(content);
  return write(ctx, (scope) => {
    if (map.version === BUILT_IN_TREATY_MAP.version || findTreatyMapVersion(ctx.db, map.version) !== undefined) {
      throw new ServiceError('conflict', 'error.treaty_map_version_exists', [
        { field: 'map.version', message: `version "${map.version}" already exists: a version is never changed, save a new one` },
      ]);
    }
    insertTreatyMapVersion(scope.db, { version: map.version, effective_from: map.effectiveFrom, content, hash, created_at: scope.at, created_by: scope.userId });
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'treaty_map.save', entity: 'treaty_map', entityId: map.version, reason,
      before: null, after: { version: map.version, effectiveFrom: map.effectiveFrom, hash, instruments: map.instruments.length },
    });
    return { version: map.version, effectiveFrom: map.effectiveFrom, source: 'stored', hash, createdAt: scope.at, inForceToday: map.effectiveFrom <= scope.today };
  });
}

/** The treaties area's handlers (shared/contracts/treaties.ts): the map's versions here, the routes and the table in routes.ts, the screening in route-index.ts. */
export const treatiesHandlers: Handlers<keyof typeof treatiesContract> = {
  'routes.forCase': routesForCase,
  'routes.screen': screenRoutes,
  'treaties.table': treatyTable,
  'treaties.mapVersions': (ctx) => listTreatyMapVersions(ctx),
  'treaties.map': getTreatyMap,
  'treaties.saveMap': saveTreatyMap,
};

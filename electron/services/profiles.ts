/**
 * Jurisdiction profiles (remission, remand credit, appeal period, month-end convention):
 * the built-ins of shared/treaties/jurisdictions.ts and stored versions, each with an
 * effective date. A stored version is never changed; a correction is a new version. The
 * engine uses the version in force on a case's reference date (ruleset-resolution.ts).
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { REPORT_INPUT } from '../../shared/domain/case.ts';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { allStoredProfiles, findProfileVersion, insertProfileVersion } from '../../db/profiles-repo.ts';
import { inForceOn } from '../../shared/treaties/in-force.ts';
import type { profilesContract } from '../../shared/contracts/profiles.ts';
import type { ProfileVersion } from '../../shared/treaties/api-schemas.ts';
import { BUILT_IN_PROFILE_VERSION, BUILT_IN_PROFILES, profileSchema } from '../../shared/treaties/profile-schema.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import { storedProfile } from './ruleset-resolution.ts';
import type { Handlers, Input } from './handlers.ts';
import { problemsOf } from './validate.ts';
import { write } from './write.ts';

export function saveProfile(ctx: ServiceContext, { profile: raw, reason }: Input<'profiles.save'>): ProfileVersion {
  const parsed = profileSchema.safeParse(raw, REPORT_INPUT);
  if (!parsed.success) throw new ServiceError('invalid_input', 'error.invalid_profile', problemsOf(parsed.error, 'profile'));
  const profile = parsed.data;
  if (profile.version === BUILT_IN_PROFILE_VERSION) {
    throw new ServiceError('conflict', 'error.profile_version_exists', [{ field: 'profile.version', message: `"${BUILT_IN_PROFILE_VERSION}" names the built-in profile: give the version its own name` }]);
  }
  const content = canonicalJson(profile);
  const hash = sha256Hex(content);
  return write(ctx, (scope) => {
    if (findProfileVersion(ctx.db, profile.code, profile.version) !== undefined) {
      throw new ServiceError('conflict', 'error.profile_version_exists', [
        { field: 'profile.version', message: `version "${profile.version}" of ${profile.code} is already stored: a stored version is never changed, save a new one` },
      ]);
    }
    insertProfileVersion(scope.db, {
      code: profile.code, version: profile.version, effective_from: profile.effectiveFrom, content, hash, created_at: scope.at, created_by: scope.userId,
    });
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'profile.save', entity: 'jurisdiction_profile', entityId: `${profile.code}@${profile.version}`,
      reason, before: null, after: { code: profile.code, version: profile.version, effectiveFrom: profile.effectiveFrom, hash },
    });
    return { profile, source: 'stored', hash, createdAt: scope.at, inForceToday: profile.effectiveFrom <= scope.today };
  });
}

/**
 * Every profile version: per jurisdiction, stored versions latest first, then the built-in.
 * In force today: the latest stored version effective by today, else the built-in.
 */
export function listProfiles(ctx: ServiceContext): ProfileVersion[] {
  const today = todayOf(ctx);
  const stored = allStoredProfiles(ctx.db).map(
    (row): ProfileVersion => ({ profile: storedProfile(row), source: 'stored', hash: row.hash, createdAt: row.created_at, inForceToday: false }),
  );
  const builtIn = BUILT_IN_PROFILES.map((profile): ProfileVersion => ({ profile, source: 'built-in', hash: null, createdAt: null, inForceToday: false }));
  const codes = [...new Set([...builtIn, ...stored].map((v) => v.profile.code))].sort((a, b) => (a === '*' ? -1 : b === '*' ? 1 : a.localeCompare(b)));
  return codes.flatMap((code) => {
    const versions = [...stored.filter((v) => v.profile.code === code), ...builtIn.filter((v) => v.profile.code === code)];
    const inForce = inForceOn(versions.filter((v) => v.source === 'stored'), today, (v) => ({ effectiveFrom: v.profile.effectiveFrom, storedAt: v.createdAt ?? '' }), versions.find((v) => v.source === 'built-in'));
    return versions.map((v) => ({ ...v, inForceToday: v === inForce }));
  });
}

export const profilesHandlers: Handlers<keyof typeof profilesContract> = {
  'profiles.list': (ctx) => listProfiles(ctx),
  'profiles.save': saveProfile,
};

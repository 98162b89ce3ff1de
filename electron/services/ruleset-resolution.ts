/**
 * Which rule-set version an assessment uses: the stored (custom or edited) version of that
 * id in force on the reference date — the latest whose effective date is on or before it —
 * else the built-in one (design.md: "versioned by effective date").
 *
 * The reference date itself depends on the version (its reference event), so each stored
 * version is tried against its own reference date. A version bound to one case (an ad hoc
 * arrangement) is used for that case only.
 *
 * The sentencing State's jurisdiction profile is resolved the same way, on the reference
 * date: the stored profile version in force then, else the built-in one (jurisdictions.ts),
 * else the stored or built-in default ("*").
 */
import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { profileInForce, type ProfileRow } from '../../db/profiles-repo.ts';
import { ruleSetVersionsOf, type RuleSetRow } from '../../db/rulesets-repo.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { referenceFor } from '../../shared/eligibility/engine.ts';
import { formatIsoDate, parseIsoDate, type DayNumber } from '../../shared/sentence/calendar.ts';
import type { JurisdictionProfile } from '../../shared/sentence/profile.ts';
import { JURISDICTION_PROFILES, profileFor } from '../../shared/treaties/jurisdictions.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { profileSchema, toEngineProfile } from '../../shared/treaties/profile-schema.ts';
import { ruleSetSchema, type RuleSet } from '../../shared/treaties/schema.ts';

export interface ResolvedRuleSet {
  ruleSet: RuleSet;
  /** sha256 of the canonical JSON of the rule-set: what the assessment was computed with. */
  hash: string;
  source: 'built-in' | 'stored';
  /** The sentencing State's profile in force on the reference date. */
  profile: JurisdictionProfile;
}

export function ruleSetHash(ruleSet: RuleSet): string {
  return sha256Hex(canonicalJson(ruleSet));
}

const builtInHashes = new Map<string, string>();

export function builtInHash(ruleSet: RuleSet): string {
  let hash = builtInHashes.get(ruleSet.id);
  if (hash === undefined) {
    hash = ruleSetHash(ruleSet);
    builtInHashes.set(ruleSet.id, hash);
  }
  return hash;
}

/** A stored version's content, refusing one whose content no longer matches its hash. */
export function storedRuleSet(row: RuleSetRow): RuleSet {
  if (sha256Hex(row.content) !== row.hash) throw new Error(`stored rule-set ${row.id} ${row.version} does not match its hash`);
  return ruleSetSchema.parse(JSON.parse(row.content));
}

/** A stored profile version's content, refusing one whose content no longer matches its hash. */
export function storedProfile(row: ProfileRow) {
  if (sha256Hex(row.content) !== row.hash) throw new Error(`stored profile ${row.code} ${row.version} does not match its hash`);
  return profileSchema.parse(JSON.parse(row.content));
}

/** The profile of sentencing jurisdiction `code` in force on `day`. */
export function resolveProfile(db: Database.Database, code: string, day: DayNumber): JurisdictionProfile {
  const iso = formatIsoDate(day);
  const own = profileInForce(db, code, iso);
  if (own !== undefined) return toEngineProfile(storedProfile(own));
  if (JURISDICTION_PROFILES.some((p) => p.code === code)) return profileFor(code);
  const fallback = profileInForce(db, '*', iso);
  return fallback === undefined ? profileFor(code) : toEngineProfile(storedProfile(fallback));
}

export function resolveRuleSet(
  db: Database.Database,
  id: string,
  c: CaseFile,
  on: DayNumber | undefined,
  today: DayNumber,
  caseId?: string,
): ResolvedRuleSet | undefined {
  for (const row of ruleSetVersionsOf(db, id)) {
    if (row.case_id !== null && row.case_id !== caseId) continue;
    const ruleSet = storedRuleSet(row);
    const reference = referenceFor(c, ruleSet, on, today).day;
    if (parseIsoDate(row.effective_from) <= reference) return { ruleSet, hash: row.hash, source: 'stored', profile: resolveProfile(db, c.sentencingState, reference) };
  }
  const builtIn = builtInRuleSet(id);
  if (builtIn === undefined) return undefined;
  const reference = referenceFor(c, builtIn, on, today).day;
  return { ruleSet: builtIn, hash: builtInHash(builtIn), source: 'built-in', profile: resolveProfile(db, c.sentencingState, reference) };
}

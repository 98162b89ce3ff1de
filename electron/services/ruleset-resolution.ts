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
import { allStoredProfiles, type ProfileRow } from '../../db/profiles-repo.ts';
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

/** The stored versions of one key (rule-set id or profile code), newest effective date first. */
type Versions<Row, Parsed> = { row: Row; parsed?: Parsed }[];

function parsedOf<Row, Parsed>(entry: Versions<Row, Parsed>[number], parse: (row: Row) => Parsed): Parsed {
  entry.parsed ??= parse(entry.row);
  return entry.parsed;
}

/**
 * The profile of a sentencing jurisdiction in force on a day: the stored version in force,
 * else the built-in one, else the stored or built-in default ("*"). Stored versions are read
 * once and each is checked against its hash and parsed once.
 */
function profileResolver(db: Database.Database): (code: string, day: DayNumber) => JurisdictionProfile {
  let stored: Map<string, Versions<ProfileRow, JurisdictionProfile>> | null = null;
  const inForce = (code: string, iso: string): JurisdictionProfile | undefined => {
    if (stored === null) {
      // Ordered by code, then latest effective date first: the first on or before a day is in force.
      stored = new Map();
      for (const row of allStoredProfiles(db)) {
        const list = stored.get(row.code);
        if (list === undefined) stored.set(row.code, [{ row }]);
        else list.push({ row });
      }
    }
    const entry = stored.get(code)?.find((v) => v.row.effective_from <= iso);
    return entry === undefined ? undefined : parsedOf(entry, (row) => toEngineProfile(storedProfile(row)));
  };
  return (code, day) => {
    const iso = formatIsoDate(day);
    const own = inForce(code, iso);
    if (own !== undefined) return own;
    if (JURISDICTION_PROFILES.some((p) => p.code === code)) return profileFor(code);
    return inForce('*', iso) ?? profileFor(code);
  };
}

/** The profile of sentencing jurisdiction `code` in force on `day`. */
export function resolveProfile(db: Database.Database, code: string, day: DayNumber): JurisdictionProfile {
  return profileResolver(db)(code, day);
}

export type RuleSetResolver = (id: string, c: CaseFile, on: DayNumber | undefined, today: DayNumber, caseId?: string) => ResolvedRuleSet | undefined;

/**
 * resolveRuleSet for many cases in one transaction (a batch re-assessment): the stored
 * versions of each rule-set and of the profiles are read once, and each is checked against
 * its hash and parsed once, instead of for every case. Use it within one transaction only: a
 * version stored meanwhile by other means would not be seen.
 */
export function ruleSetResolver(db: Database.Database): RuleSetResolver {
  const ruleSets = new Map<string, Versions<RuleSetRow, RuleSet>>();
  const profileOn = profileResolver(db);
  return (id, c, on, today, caseId) => {
    let versions = ruleSets.get(id);
    if (versions === undefined) {
      versions = ruleSetVersionsOf(db, id).map((row) => ({ row }));
      ruleSets.set(id, versions);
    }
    for (const entry of versions) {
      if (entry.row.case_id !== null && entry.row.case_id !== caseId) continue;
      const ruleSet = parsedOf(entry, storedRuleSet);
      const reference = referenceFor(c, ruleSet, on, today).day;
      if (parseIsoDate(entry.row.effective_from) <= reference) return { ruleSet, hash: entry.row.hash, source: 'stored', profile: profileOn(c.sentencingState, reference) };
    }
    const builtIn = builtInRuleSet(id);
    if (builtIn === undefined) return undefined;
    const reference = referenceFor(c, builtIn, on, today).day;
    return { ruleSet: builtIn, hash: builtInHash(builtIn), source: 'built-in', profile: profileOn(c.sentencingState, reference) };
  };
}

/** The rule-set version `id` in force for case `c`, with its hash and the sentencing State's profile. */
export function resolveRuleSet(
  db: Database.Database,
  id: string,
  c: CaseFile,
  on: DayNumber | undefined,
  today: DayNumber,
  caseId?: string,
): ResolvedRuleSet | undefined {
  return ruleSetResolver(db)(id, c, on, today, caseId);
}

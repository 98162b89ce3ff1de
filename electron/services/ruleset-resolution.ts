/**
 * The law an assessment is made under, resolved in one place for every caller (the app's
 * services, batch re-assessment, the route finder and the CLI): the rule-set version, the
 * sentencing jurisdiction's profile and the treaty map, each the stored version in force or
 * the built-in one; `assessUnder` then runs the engine with exactly those.
 *
 * Which rule-set version an assessment uses: the stored (custom or edited) version of that
 * id in force on the reference date — the latest whose effective date is on or before it —
 * else the built-in one (docs/treaties.md "Versions and effective dates").
 *
 * The reference date itself depends on the version (its reference event), so each stored
 * version is tried against its own reference date. A version bound to one case (an ad hoc
 * arrangement) is used for that case only.
 *
 * The sentencing State's jurisdiction profile is resolved the same way, on the reference
 * date: the stored profile version in force then, else the built-in one (jurisdictions.ts),
 * else the stored or built-in default ("*").
 *
 * The treaty map is the stored version in force today (the latest whose effective date is on
 * or before it), else the built-in map: what is known of the parties now, whatever the
 * reference date (the map's own dates say what applied then).
 */
import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { allStoredProfiles, type ProfileRow } from '../../db/profiles-repo.ts';
import { ruleSetVersionsOf, type RuleSetRow } from '../../db/rulesets-repo.ts';
import { treatyMapInForce, type TreatyMapRow } from '../../db/treaty-maps-repo.ts';
import { inForceOn } from '../../shared/treaties/in-force.ts';
import { datesOfRow } from '../../db/dated-rows.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { assess, referenceFor } from '../../shared/eligibility/engine.ts';
import type { Assessment } from '../../shared/eligibility/types.ts';
import { formatIsoDate, parseIsoDate, type DayNumber } from '../../shared/sentence/calendar.ts';
import type { JurisdictionProfile } from '../../shared/sentence/profile.ts';
import { JURISDICTION_PROFILES, profileFor } from '../../shared/treaties/jurisdictions.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { BUILT_IN_TREATY_MAP } from '../../shared/treaties/map/built-in/index.ts';
import { indexTreatyMap, type TreatyMapIndex } from '../../shared/treaties/map/relations.ts';
import { treatyMapSchema } from '../../shared/treaties/map/schema.ts';
import { profileSchema, toEngineProfile } from '../../shared/treaties/profile-schema.ts';
import { ruleSetSchema, type RuleSet } from '../../shared/treaties/schema.ts';

export interface ResolvedRuleSet {
  ruleSet: RuleSet;
  /** sha256 of the canonical JSON of the rule-set: what the assessment was computed with. */
  hash: string;
  source: 'built-in' | 'stored' | 'file';
  /** The sentencing State's profile in force on the reference date. */
  profile: JurisdictionProfile;
  /** The treaty map in force, indexed (its version and hash travel with every assessment). */
  map: TreatyMapIndex;
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

/** A stored treaty map version's content, refusing one whose content no longer matches its hash. */
export function storedTreatyMap(row: TreatyMapRow) {
  if (sha256Hex(row.content) !== row.hash) throw new Error(`stored treaty map ${row.version} does not match its hash`);
  return treatyMapSchema.parse(JSON.parse(row.content));
}

let builtInMap: TreatyMapIndex | null = null;

/** The built-in map with its hash (computed once). */
export function builtInTreatyMapIndex(): TreatyMapIndex {
  builtInMap ??= indexTreatyMap(BUILT_IN_TREATY_MAP, sha256Hex(canonicalJson(BUILT_IN_TREATY_MAP)));
  return builtInMap;
}

const storedMaps = new Map<string, TreatyMapIndex>();

/** The treaty map in force on `day`: the stored version then, else the built-in map. Each stored version is parsed once. */
export function treatyMapOn(db: Database.Database | null, day: DayNumber): TreatyMapIndex {
  const row = db === null ? undefined : treatyMapInForce(db, formatIsoDate(day));
  if (row === undefined) return builtInTreatyMapIndex();
  let index = storedMaps.get(row.hash);
  if (index === undefined) {
    index = indexTreatyMap(storedTreatyMap(row), row.hash);
    storedMaps.set(row.hash, index);
  }
  return index;
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
    const entry = inForceOn(stored.get(code) ?? [], iso, (v) => datesOfRow(v.row));
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
  return lawResolver(db);
}

/**
 * The resolver behind every assessment: stored versions from `db` (null: the built-in law
 * only, as `tsp assess` without a store), and optionally a rule-set given whole (a file,
 * `tsp assess --treaty-file`) in place of any version of its id.
 */
export function lawResolver(db: Database.Database | null, file?: RuleSet): RuleSetResolver {
  const ruleSets = new Map<string, Versions<RuleSetRow, RuleSet>>();
  const profileOn = db === null ? (code: string) => profileFor(code) : profileResolver(db);
  let mapToday: { today: DayNumber; map: TreatyMapIndex } | null = null;
  const mapOn = (today: DayNumber): TreatyMapIndex => {
    if (mapToday === null || mapToday.today !== today) mapToday = { today, map: treatyMapOn(db, today) };
    return mapToday.map;
  };
  const law = (ruleSet: RuleSet, hash: string, source: ResolvedRuleSet['source'], c: CaseFile, on: DayNumber | undefined, today: DayNumber): ResolvedRuleSet => {
    const reference = referenceFor(c, ruleSet, on, today).day;
    return { ruleSet, hash, source, profile: profileOn(c.sentencingState, reference), map: mapOn(today) };
  };
  const fileHash = file === undefined ? '' : ruleSetHash(file);
  return (id, c, on, today, caseId) => {
    if (file !== undefined) return id === file.id ? law(file, fileHash, 'file', c, on, today) : undefined;
    let versions = ruleSets.get(id);
    if (versions === undefined) {
      versions = db === null ? [] : ruleSetVersionsOf(db, id).map((row) => ({ row }));
      ruleSets.set(id, versions);
    }
    for (const entry of versions) {
      if (entry.row.case_id !== null && entry.row.case_id !== caseId) continue;
      const ruleSet = parsedOf(entry, storedRuleSet);
      if (parseIsoDate(entry.row.effective_from) <= referenceFor(c, ruleSet, on, today).day) return law(ruleSet, entry.row.hash, 'stored', c, on, today);
    }
    const builtIn = builtInRuleSet(id);
    return builtIn === undefined ? undefined : law(builtIn, builtInHash(builtIn), 'built-in', c, on, today);
  };
}

/** Runs the engine under a resolved law: the only way an assessment is made. */
export function assessUnder(law: ResolvedRuleSet, c: CaseFile, on: DayNumber | null | undefined, today: DayNumber): Assessment {
  return assess(c, law.ruleSet, { on: on ?? null, today, profile: law.profile, map: law.map });
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

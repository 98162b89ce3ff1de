/**
 * Which rule-set version an assessment uses: the stored (custom or edited) version of that
 * id in force on the reference date — the latest whose effective date is on or before it —
 * else the built-in one (design.md: "versioned by effective date").
 *
 * The reference date itself depends on the version (its reference event), so each stored
 * version is tried against its own reference date.
 */
import type Database from 'better-sqlite3';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { ruleSetVersionsOf, type RuleSetRow } from '../../db/rulesets-repo.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import { referenceFor } from '../../shared/eligibility/engine.ts';
import { parseIsoDate, type DayNumber } from '../../shared/sentence/calendar.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { ruleSetSchema, type RuleSet } from '../../shared/treaties/schema.ts';

export interface ResolvedRuleSet {
  ruleSet: RuleSet;
  /** sha256 of the canonical JSON of the rule-set: what the assessment was computed with. */
  hash: string;
  source: 'built-in' | 'stored';
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

export function resolveRuleSet(
  db: Database.Database,
  id: string,
  c: CaseFile,
  on: DayNumber | undefined,
  today: DayNumber,
): ResolvedRuleSet | undefined {
  for (const row of ruleSetVersionsOf(db, id)) {
    const ruleSet = storedRuleSet(row);
    if (parseIsoDate(row.effective_from) <= referenceFor(c, ruleSet, on, today).day) return { ruleSet, hash: row.hash, source: 'stored' };
  }
  const builtIn = builtInRuleSet(id);
  return builtIn === undefined ? undefined : { ruleSet: builtIn, hash: builtInHash(builtIn), source: 'built-in' };
}

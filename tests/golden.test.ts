/**
 * Golden fixtures: one folder per built-in rule-set, one `<name>.case.json` (tsp-case/1)
 * with its `<name>.expected.json` per scenario of docs/domain.md "Eligibility scenarios" (and our own edge cases).
 *
 * Every expected date in the fixtures was derived by hand (the arithmetic is written out in
 * each file's `derivation`), not copied from the engine. A fixture may replace top-level keys
 * of the built-in rule-set (`ruleSetPatch`, e.g. the remaining-time basis for T10) and may
 * assess "as if on" a date (`on`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { assessUnder, lawResolver } from '../electron/services/ruleset-resolution.ts';
import { parseCase } from '../shared/domain/case.ts';
import type { Verdict } from '../shared/eligibility/types.ts';
import { formatIsoDate, parseIsoDate, type DayNumber } from '../shared/sentence/calendar.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../shared/treaties/library.ts';
import { ruleSetSchema, type RuleSet } from '../shared/treaties/schema.ts';

const FIXTURES = fileURLToPath(new URL('../fixtures', import.meta.url));
/** Folders of fixtures for other computations, each with its own runner (fixtures/enforcement: tests/golden-enforcement.test.ts; fixtures/routes: tests/golden-routes.test.ts). */
const OTHER_FOLDERS = new Set(['enforcement', 'routes']);
const TODAY = parseIsoDate('2026-11-29');

interface Expected {
  scenario: string;
  title: string;
  derivation: string[];
  notes?: string;
  ruleSetPatch?: Record<string, unknown>;
  on?: string;
  expect: {
    verdict: Verdict;
    rescreenOn: string | null;
    referenceDate: string;
    dates: Partial<Record<'releaseDate' | 'sentenceExpiryDate', string | null> & Record<'remainingDays', number | null>>;
    conditions: Record<string, string>;
    flags: string[];
    /** Checked when given: the first and last day of the transfer window. */
    transferWindow?: { from: string; to: string | null } | null;
    /** Checked when given: the confidence of these conditions (C, S, U), e.g. where an unconfirmed parameter decides it. */
    confidence?: Record<string, string>;
  };
}

interface Fixture {
  ruleSetId: string;
  name: string;
  casePath: string;
  expectedPath: string;
}

function discover(): Fixture[] {
  const out: Fixture[] = [];
  for (const folder of readdirSync(FIXTURES).sort()) {
    if (OTHER_FOLDERS.has(folder)) continue;
    const dir = join(FIXTURES, folder);
    if (!statSync(dir).isDirectory()) continue;
    for (const file of readdirSync(dir).sort()) {
      if (!file.endsWith('.case.json')) continue;
      const name = file.slice(0, -'.case.json'.length);
      out.push({ ruleSetId: folder, name, casePath: join(dir, file), expectedPath: join(dir, `${name}.expected.json`) });
    }
  }
  return out;
}

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));
const iso = (day: DayNumber | null): string | null => (day === null ? null : formatIsoDate(day));

function ruleSetFor(id: string, patch: Record<string, unknown> | undefined): RuleSet {
  const base = builtInRuleSet(id);
  if (base === undefined) throw new Error(`fixtures/${id}: not a built-in rule-set id`);
  if (patch === undefined) return base;
  for (const key of Object.keys(patch)) {
    if (!(key in base)) throw new Error(`ruleSetPatch names an unknown rule-set key "${key}"`);
  }
  // Replace top-level keys, then validate as a rule-set (this also fills schema defaults).
  return ruleSetSchema.parse({ ...base, ...patch });
}

const fixtures = discover();
const loaded = fixtures.map((f) => ({ ...f, expected: readJson(f.expectedPath) as Expected }));
type LoadedFixture = (typeof loaded)[number];

/** The assessment of a fixture, as the app makes it (the case's law resolved, on its date). */
function assessed(f: LoadedFixture) {
  const e = f.expected;
  const parsed = parseCase(readJson(f.casePath));
  if (!parsed.ok) expect.fail(`${f.casePath} is not valid tsp-case/1: ${JSON.stringify(parsed.errors)}`);
  expect(parsed.warnings).toEqual([]);
  const ruleSet = ruleSetFor(f.ruleSetId, e.ruleSetPatch);
  const law = lawResolver(null, ruleSet)(ruleSet.id, parsed.value, e.on !== undefined ? parseIsoDate(e.on) : undefined, TODAY);
  if (law === undefined) throw new Error(`no law for ${ruleSet.id}`);
  return assessUnder(law, parsed.value, e.on !== undefined ? parseIsoDate(e.on) : null, TODAY);
}

describe('golden fixtures', () => {
  it('every fixture folder is a built-in rule-set id', () => {
    const ids = new Set(BUILT_IN_RULESETS.map((r) => r.id));
    const folders = readdirSync(FIXTURES).filter((f) => statSync(join(FIXTURES, f)).isDirectory() && !OTHER_FOLDERS.has(f));
    expect(folders.length).toBeGreaterThan(0);
    expect(folders.filter((f) => !ids.has(f))).toEqual([]);
  });

  it('every case file has its expected file', () => {
    expect(fixtures.filter((f) => !existsSync(f.expectedPath)).map((f) => f.casePath)).toEqual([]);
  });

  it('every scenario of docs/domain.md "Eligibility scenarios" has at least one fixture', () => {
    const covered = new Set(loaded.map((f) => f.expected.scenario.replace(/[a-z]$/, '')));
    const section9 = ['T01', 'T02', 'T03', 'T06', 'T07', 'T08', 'T10', 'T11', 'T12', 'T13', 'T15', 'T17', 'T19', 'T21', 'T23', 'T26', 'T28'];
    expect(section9.filter((t) => !covered.has(t))).toEqual([]);
  });

  for (const f of loaded) {
    const e = f.expected;
    it(`${f.ruleSetId} ${e.scenario}: ${e.title} -> ${e.expect.verdict}`, () => {
      const result = assessed(f);

      const dates: Record<string, string | number | null> = {};
      for (const key of Object.keys(e.expect.dates)) {
        if (key === 'remainingDays') dates[key] = result.dates.remainingDays;
        else if (key === 'releaseDate') dates[key] = iso(result.dates.releaseDate);
        else if (key === 'sentenceExpiryDate') dates[key] = iso(result.dates.sentenceExpiryDate);
        else throw new Error(`${f.expectedPath}: unknown date field "${key}"`);
      }
      const conditions: Record<string, string> = {};
      for (const id of Object.keys(e.expect.conditions)) {
        conditions[id] = result.conditions.find((c) => c.id === id)?.status ?? '(no such condition)';
      }
      const confidence: Record<string, string> = {};
      for (const id of Object.keys(e.expect.confidence ?? {})) {
        confidence[id] = result.conditions.find((c) => c.id === id)?.confidence ?? '(no such condition)';
      }
      const actual = {
        verdict: result.verdict,
        rescreenOn: iso(result.rescreenOn),
        referenceDate: iso(result.referenceDate),
        dates,
        conditions,
        flags: result.flags,
        ...(e.expect.transferWindow === undefined
          ? {}
          : { transferWindow: result.transferWindow === null ? null : { from: iso(result.transferWindow.from), to: iso(result.transferWindow.to) } }),
        ...(e.expect.confidence === undefined ? {} : { confidence }),
      };
      // One comparison, so a failure shows every field that differs at once.
      expect(actual).toEqual({ ...e.expect, flags: expect.arrayContaining(e.expect.flags) });
    });
  }
});

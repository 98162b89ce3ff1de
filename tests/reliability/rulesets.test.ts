/**
 * Hostile rule-set and jurisdiction-profile files: every parameter has a type, a range and a
 * meaning the schema enforces (shared/treaties/schema.ts, profile-schema.ts; docs/treaties.md
 * § Bounds). Each file below is refused by `tsp treaties validate` and by `tsp treaties import`
 * (exit 2, the field named, the store unchanged), within a time limit. A rule-set stored before
 * these bounds with a minimum remaining of 2^53−1 years, which made the due list loop forever,
 * now leaves the due list answering and the cases under it named.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { tempDir } from '../../db/testing.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { BUILT_IN_PROFILES } from '../../shared/treaties/profile-schema.ts';
import type { CliRun } from './entry.ts';
import { reliabilitySuite } from './harness.ts';
import { Sandbox } from './sandbox.ts';

const ENTRY = new URL('./entry.ts', import.meta.url);
const { badInput, fault } = reliabilitySuite(import.meta.url);
const sandbox = new Sandbox();
let dir: string;
let db: string;

const call = <T>(fn: string, ...args: unknown[]) => sandbox.call<T>(ENTRY, fn, args, { timeoutMs: 30_000 });
const tsp = (...args: string[]) => call<CliRun>('tsp', args);
type Response = { ok: boolean; data?: unknown; error?: { code: string; problems: { field: string; message: string }[] } };

type Json = Record<string, unknown>;
const good = (): Json => structuredClone(builtInRuleSet('eu-fd-2008-909')) as unknown as Json;
const param = (value: unknown) => ({ value, source: 'hostile file', confidence: 'U' });
const MB10 = 'x'.repeat(10 * 1024 * 1024);
const deep = (levels: number): string => `${'['.repeat(levels)}${']'.repeat(levels)}`;

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 's.sqlite');
  expect((await tsp('demo', '--db', db, '--cases', '20')).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Each hostile file: what it holds (JSON text, or changes to a good rule-set) and the field the refusal names. */
const HOSTILE: [string, Json | string, string][] = [
  ['a minimum remaining of 2^53−1 years', { minRemaining: param({ duration: { years: Number.MAX_SAFE_INTEGER }, effect: 'mandatory' }) }, 'minRemaining.value.duration'],
  ['a minimum remaining of 101 years', { minRemaining: param({ duration: { years: 101 }, effect: 'mandatory' }) }, 'minRemaining.value.duration'],
  ['a negative minimum remaining', { minRemaining: param({ duration: { months: -6 }, effect: 'mandatory' }) }, 'minRemaining.value.duration.months'],
  ['a minimum remaining of "NaN" months', { minRemaining: param({ duration: { months: 'NaN' }, effect: 'mandatory' }) }, 'minRemaining.value.duration.months'],
  ['days of 10^400 (Infinity once read)', JSON.stringify({ ...good(), minRemaining: param({ duration: { days: 7 }, effect: 'mandatory' }) }).replace('"days":7', `"days":1${'0'.repeat(400)}`), 'minRemaining.value.duration'],
  ['a minimum served of 3/2 of the sentence', { minServed: param({ numerator: 3, denominator: 2, lifeMinimum: null, sentencingStates: null }) }, 'minServed.value.numerator'],
  ['a minimum served of 10^308/1', { minServed: param({ numerator: 1e308, denominator: 1e308, lifeMinimum: null, sentencingStates: null }) }, 'minServed.value'],
  ['a minimum served with a denominator of 0', { minServed: param({ numerator: 1, denominator: 0, lifeMinimum: null, sentencingStates: null }) }, 'minServed.value.denominator'],
  ['a minimum for life of 200 years', { minServed: param({ numerator: 1, denominator: 2, lifeMinimum: { years: 200 }, sentencingStates: null }) }, 'minServed.value.lifeMinimum'],
  ['a deadline of 2^53−1 days', { deadlines: param([{ id: 'd1', after: 'judgmentReceived', days: Number.MAX_SAFE_INTEGER, extendable: false }]) }, 'deadlines.value[0].days'],
  ['a deadline of −1 days', { deadlines: param([{ id: 'd1', after: 'judgmentReceived', days: -1, extendable: false }]) }, 'deadlines.value[0].days'],
  ['a deadline after a step that does not exist', { deadlines: param([{ id: 'd1', after: 'status:flying', days: 30, extendable: false }]) }, 'deadlines.value[0].after'],
  ['a deadline until a misspelt event', { deadlines: param([{ id: 'd1', after: 'judgmentReceived', days: 30, extendable: false, until: 'transfered' }]) }, 'deadlines.value[0].until'],
  ['two deadlines with one id', { deadlines: param([{ id: 'd1', after: 'judgmentReceived', days: 30, extendable: false }, { id: 'd1', after: 'request', days: 10, extendable: false }]) }, 'deadlines.value[1]'],
  ['a deadline id of 10 MB', { deadlines: param([{ id: MB10, after: 'judgmentReceived', days: 30, extendable: false }]) }, 'deadlines.value[0].id'],
  ['a title of 10 MB', { title: MB10 }, 'title'],
  ['a legal source of 10 MB', { referenceEvent: { value: 'requestReceived', source: MB10, confidence: 'C' } }, 'referenceEvent.source'],
  ['an unknown key at the top', { surprise: true }, '(file)'],
  ['an unknown key inside a parameter (a typo beside value)', { partialTransfer: { value: true, valeu: false, source: 'x', confidence: 'C' } }, 'partialTransfer'],
  ['a __proto__ key', `{"__proto__": {"polluted": true}, ${JSON.stringify(good()).slice(1)}`, '(file)'],
  ['a constructor key inside a parameter', { dualNationality: { value: 'allow', source: 'x', confidence: 'C', constructor: { prototype: { polluted: true } } } }, 'dualNationality'],
  ['notes nested 100,000 deep', `{"notes": ${deep(100_000)}, ${JSON.stringify({ ...good(), notes: undefined }).slice(1)}`, 'notes'],
  ['a list where one link is expected', { link: param({ default: 'nationality', byAdministeringState: {} }) }, 'link.value.default'],
  ['a link basis twice', { link: param({ default: ['nationality', 'nationality'], byAdministeringState: {} }) }, 'link.value.default[1]'],
  ['links for 300 States', { link: param({ default: ['nationality'], byAdministeringState: Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`${String.fromCharCode(65 + Math.floor(i / 26) % 26)}${String.fromCharCode(65 + (i % 26))}`, ['nationality']])) }) }, 'link.value.byAdministeringState'],
  ['an effective date of 0000-01-01', { effectiveFrom: '0000-01-01' }, 'effectiveFrom'],
  ['an effective date of 99999-01-01', { effectiveFrom: '99999-01-01' }, 'effectiveFrom'],
  ['one consent exception twice', { consentExceptions: [{ kind: 'deported-to-executing', opinionRequired: true, source: 'x', confidence: 'C' }, { kind: 'deported-to-executing', opinionRequired: false, source: 'y', confidence: 'C' }] }, 'consentExceptions[1]'],
  ['10,000 excluded offences', { excludedOffences: param(Array.from({ length: 10_000 }, (_, i) => `excluded:x${'a'.repeat(i % 20)}`)) }, 'excludedOffences.value'],
  ['a list-exemption threshold of 10^12 months', { listExemption: param({ thresholdMonths: 1e12, optOutStates: [] }) }, 'listExemption.value.thresholdMonths'],
  ['a minor age of 2^31', { consent: param({ required: true, representativeTriggers: [], minorAge: 2 ** 31, irrevocableAfter: 'not-specified' }) }, 'consent.value.minorAge'],
  ['one document required twice at one step', { documents: param([{ kind: 'judgment', direction: 'both', step: 'dossier', required: true }, { kind: 'judgment', direction: 'both', step: 'dossier', required: false }]) }, 'documents.value[1]'],
];

const fileOf = (body: Json | string): string => (typeof body === 'string' ? body : JSON.stringify({ ...good(), ...body }));

describe('hostile rule-set files are refused by validate and import (exit 2, the field named, nothing stored)', () => {
  for (const [name, body, field] of HOSTILE) {
    badInput(name, async () => {
      const file = path.join(dir, `ruleset-${Math.random().toString(36).slice(2)}.json`);
      fs.writeFileSync(file, fileOf(body));
      const validated = await tsp('treaties', 'validate', file);
      expect(validated.code, validated.out).toBe(2);
      expect(validated.err).toContain(`${field}`);
      const before = await call<{ digest: string }>('digestOf', db);
      const imported = await tsp('treaties', 'import', '--db', db, file);
      expect(imported.code).toBe(2);
      expect(imported.err).toContain(field);
      expect(await call<{ digest: string }>('digestOf', db)).toEqual(before);
    });
  }
});

describe('hostile jurisdiction profiles are refused (invalid_input, the field named)', () => {
  const profile = () => ({ ...structuredClone(BUILT_IN_PROFILES.find((p) => p.code === 'HK')!), version: '2026-hostile', effectiveFrom: '2026-01-01' }) as Json;
  const cases: [string, Json, string][] = [
    ['a remission of 10^9/10^9+1', { remission: param({ numerator: 1e9, denominator: 1e9 + 1, minActualTermDays: 31 }) }, 'profile.remission.value.numerator'],
    ['a minimum actual term of 2^53−1 days', { remission: param({ numerator: 1, denominator: 3, minActualTermDays: Number.MAX_SAFE_INTEGER }) }, 'profile.remission.value.minActualTermDays'],
    ['an appeal period of 10^9 days', { appealPeriodDays: param(1e9) }, 'profile.appealPeriodDays.value'],
    ['an effective date of 0000-01-01', { effectiveFrom: '0000-01-01' }, 'profile.effectiveFrom'],
    ['an unknown key', { surprise: 1 }, 'profile'],
  ];
  for (const [name, change, field] of cases) {
    badInput(`a profile with ${name}`, async () => {
      const response = await call<Response>('dispatch', db, 'profiles.save', { profile: { ...profile(), ...change }, reason: 'hostile profile' });
      expect(response.ok).toBe(false);
      expect(response.error?.code).toBe('invalid_input');
      expect(response.error?.problems.map((p) => p.field)).toContainEqual(expect.stringContaining(field));
    });
  }
});

describe('a rule-set stored before these bounds', () => {
  fault('a minimum remaining of 2^53−1 years, stored in SQL: the due list answers (no endless loop) and names the cases under it', async () => {
    const hostile = { ...good(), id: 'hostile-min', version: 'v1', effectiveFrom: '2000-01-01', minRemaining: param({ duration: { years: Number.MAX_SAFE_INTEGER, months: 0, days: 0 }, effect: 'mandatory' }) };
    const content = JSON.stringify(hostile);
    const hash = createHash('sha256').update(content).digest('hex');
    await call('execSql', db, "INSERT INTO rule_sets (id, version, effective_from, content, hash, created_at, created_by) VALUES ('hostile-min', 'v1', '2000-01-01', ?, ?, '2026-01-01T00:00:00Z', (SELECT id FROM users LIMIT 1))", [content, hash]);
    const c = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/coe-ets-112/T01-baseline.case.json'), 'utf8')) as Json;
    const imported = await call<{ ok: boolean; data: { ids: string[] } }>('dispatch', db, 'cases.import', { ...c, ruleSetId: 'hostile-min' });
    expect(imported.ok).toBe(true);
    const due = await call<{ ok: boolean; data: { items: unknown[]; unreadable: { caseId: string }[] } }>('dispatch', db, 'due.list', {});
    expect(due.ok).toBe(true);
    expect(due.data.unreadable.map((u) => u.caseId)).toContain(imported.data.ids[0]);
    expect(due.data.items.length).toBeGreaterThan(0);
  });
});

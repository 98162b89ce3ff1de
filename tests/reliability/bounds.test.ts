/**
 * Bounds: no input can break the store or hang it. Every date, term, duration, count and text a
 * case holds has a bound (shared/domain/bounds.ts, docs/case-format.md § Bounds), checked by the
 * case schema the import, the form and the API share: a value past it is refused (exit 2, the
 * field named, the store unchanged). Names are normalised or refused (shared/domain/names.ts), a
 * file that is not UTF-8 is refused. A value outside the bounds already in a store (written by an
 * older version, or in SQL) breaks no store-wide view: the due list, the due filter and the
 * statistics leave that one case out and name it, its dossier still opens.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { tempDir } from '../../db/testing.ts';
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
const digest = () => call<{ digest: string }>('digestOf', db);
type Response = { ok: true; data: unknown } | { ok: false; error: { code: string; messageKey: string; problems: { field: string; message: string; messageKey?: string }[] } };
const dispatch = (channel: string, payload: unknown) => call<Response>('dispatch', db, channel, payload);

const baseline = () => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '../../fixtures/coe-ets-112/T01-baseline.case.json'), 'utf8')) as Record<string, unknown> & {
  person: Record<string, unknown>;
  sentences: Record<string, unknown>[];
  offences: Record<string, unknown>[];
  events: Record<string, unknown>;
};

beforeAll(async () => {
  dir = tempDir();
  db = path.join(dir, 's.sqlite');
  expect((await tsp('demo', '--db', db, '--cases', '40')).code).toBe(0);
}, 120_000);
afterAll(async () => {
  await sandbox.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

/** Imports a case file through the CLI: refused with exit 2, naming `field` (and the message, when given), the store unchanged. */
async function refusedImport(file: unknown, field: string, message?: RegExp) {
  const name = path.join(dir, `case-${Math.random().toString(36).slice(2)}.json`);
  fs.writeFileSync(name, typeof file === 'string' || file instanceof Uint8Array ? file : JSON.stringify(file));
  const before = await digest();
  const run = await tsp('cases', 'import', '--db', db, name);
  expect(run.code, run.err).toBe(2);
  expect(run.err).toContain(field);
  if (message) expect(run.err).toMatch(message);
  expect(await digest()).toEqual(before);
}

const withSentence = (change: Record<string, unknown>) => {
  const c = baseline();
  c.sentences = [{ ...c.sentences[0], ...change }];
  return c;
};
const chain = (n: number, term: unknown) => {
  const c = baseline();
  c.sentences = Array.from({ length: n }, (_, i) => ({ id: `S${i + 1}`, start: i === 0 ? '2021-06-15' : null, term, consecutiveTo: i === 0 ? null : `S${i}`, offences: ['O1'] }));
  return c;
};

describe('dates, terms and durations past their bounds are refused at the schema (exit 2, the store unchanged)', () => {
  badInput('a fixed term of 8,000 years', () => refusedImport(withSentence({ term: { years: 8000, months: 0, days: 0 } }), 'sentences[0].term', /at most 150 years/));
  badInput('a fixed term of 150 years and a day', () => refusedImport(withSentence({ term: { years: 150, months: 0, days: 1 } }), 'sentences[0].term', /at most 150 years/));
  badInput('a fixed term of 2^53−1 days', () => refusedImport(withSentence({ term: { years: 0, months: 0, days: Number.MAX_SAFE_INTEGER } }), 'sentences[0].term'));
  badInput('a term of 10^400 years (JSON that reads as Infinity)', () => refusedImport(JSON.stringify(withSentence({ term: { years: 1, months: 0, days: 0 } })).replace('"years":1', `"years":1${'0'.repeat(400)}`), 'sentences[0].term'));
  badInput('a sentence starting on 9999-12-31', () => refusedImport(withSentence({ start: '9999-12-31' }), 'sentences[0].start', /from 1900-01-01 to 2199-12-31/));
  badInput('a sentence starting on 0000-01-01', () => refusedImport(withSentence({ start: '0000-01-01' }), 'sentences[0].start', /from 1900-01-01 to 2199-12-31/));
  badInput('a sentence starting on 99999-01-01', () => refusedImport(withSentence({ start: '99999-01-01' }), 'sentences[0].start'));
  badInput('a date of birth in 1899', () => refusedImport({ ...baseline(), person: { ...baseline().person, dateOfBirth: '1899-12-31' } }, 'person.dateOfBirth'));
  badInput('a request received in 2200', () => refusedImport({ ...baseline(), events: { ...baseline().events, requestReceived: '2200-01-01' } }, 'events.requestReceived'));
  badInput('remand of 2^53−1 days', () => refusedImport({ ...baseline(), remandDays: Number.MAX_SAFE_INTEGER }, 'remandDays', /at most 36,525 days/));
  badInput('remand of 100 years and a day (36,526 days)', () => refusedImport({ ...baseline(), remandDays: 36_526 }, 'remandDays'));
  badInput('remand written as the text "NaN"', () => refusedImport({ ...baseline(), remandDays: 'NaN' }, 'remandDays'));
  badInput('seven consecutive sentences of 150 years (1,050 years end to end)', () => refusedImport(chain(7, { years: 150, months: 0, days: 0 }), 'sentences[6].consecutiveTo', /more than 1,000 years/));
  badInput('a cycle of consecutive sentences', () => {
    const c = chain(3, { years: 1, months: 0, days: 0 });
    c.sentences[0]!.consecutiveTo = 'S3';
    return refusedImport(c, 'sentences[0].consecutiveTo', /cycle/);
  });
  badInput('a maximum penalty of 10^9 months', () => refusedImport({ ...baseline(), offences: [{ ...baseline().offences[0], maxPenaltyMonths: 1e9 }] }, 'offences[0].maxPenaltyMonths'));
  badInput('a fine of 10^16', () => refusedImport({ ...baseline(), financialObligations: [{ kind: 'fine', amount: 1e16, currency: 'EUR', paid: false }] }, 'financialObligations[0].amount'));
});

describe('counts and texts past their bounds are refused', () => {
  badInput('201 sentences', () => refusedImport(chain(201, { years: 0, months: 0, days: 1 }), 'sentences', /more than 200 entries/));
  badInput('20,000 sentences in one chain (refused at once, not after a minute)', () => refusedImport(chain(20_000, { years: 0, months: 0, days: 1 }), 'sentences', /more than 200 entries/));
  badInput('501 offences', () => refusedImport({ ...baseline(), offences: Array.from({ length: 501 }, (_, i) => ({ id: `O${i + 1}` })) }, 'offences'));
  badInput('51 aliases', () => refusedImport({ ...baseline(), person: { ...baseline().person, aliases: Array.from({ length: 51 }, (_, i) => `ALIAS${i}`) } }, 'person.aliases'));
  badInput('21 nationalities', () => refusedImport({ ...baseline(), person: { ...baseline().person, nationalities: Array.from({ length: 21 }, () => 'PL') } }, 'person.nationalities'));
  badInput('101 financial obligations', () => refusedImport({ ...baseline(), financialObligations: Array.from({ length: 101 }, () => ({ kind: 'fine' })) }, 'financialObligations'));
  badInput('a family name of 10,000 characters', () => refusedImport({ ...baseline(), person: { ...baseline().person, familyName: 'A'.repeat(10_000) } }, 'person.familyName', /longer than 200/));
  badInput('an offence description of 3,000 characters', () => refusedImport({ ...baseline(), offences: [{ ...baseline().offences[0], description: 'x'.repeat(3000) }] }, 'offences[0].description'));
});

describe('names: invisible and direction controls, piles of marks, files that are not UTF-8', () => {
  badInput('a family name that is a right-to-left override and nothing else', () => refusedImport({ ...baseline(), person: { ...baseline().person, familyName: '\u202E' } }, 'person.familyName'));
  badInput('a family name of zero-width spaces and joiners', () => refusedImport({ ...baseline(), person: { ...baseline().person, familyName: '\u200B\u200D\u2060\uFEFF' } }, 'person.familyName', /nothing visible/));
  badInput('a given name with 30 combining marks on one letter', () => refusedImport({ ...baseline(), person: { ...baseline().person, givenNames: `Z${'\u0301\u0327\u0308'.repeat(10)}algo` } }, 'person.givenNames', /combining marks/));
  badInput('a case file in Latin-1, not UTF-8', () => refusedImport(Buffer.from(JSON.stringify({ ...baseline(), person: { ...baseline().person, familyName: 'MÜLLER' } }), 'latin1'), 'not UTF-8'));
  badInput('a case file with a stray UTF-8 continuation byte', () => {
    const bytes = Buffer.from(JSON.stringify(baseline()), 'utf8');
    const at = bytes.indexOf(Buffer.from('KOWALSKI'));
    bytes[at + 3] = 0x80;
    return refusedImport(bytes, 'not UTF-8');
  });
  badInput('a name with a right-to-left override inside is stored without it, in NFC', async () => {
    const c = { ...baseline(), person: { ...baseline().person, familyName: 'KOWAL\u202EIKSL', givenNames: 'Mare\u0301k\u200B' } };
    const response = await dispatch('cases.import', c);
    expect(response.ok).toBe(true);
    const id = (response as { data: { ids: string[] } }).data.ids[0];
    const stored = (await dispatch('cases.get', { id })) as { data: { case: { person: { familyName: string; givenNames: string } } } };
    expect(stored.data.case.person).toMatchObject({ familyName: 'KOWALIKSL', givenNames: 'Marék' });
    // Found by what it shows, not by the invisible characters.
    const found = (await dispatch('cases.list', { text: 'kowaliksl', includeClosed: true })) as { data: { items: { id: string }[] } };
    expect(found.data.items.map((i) => i.id)).toContain(id);
  });
  badInput('two users whose names differ only by a zero-width space are one name', async () => {
    expect((await dispatch('users.create', { name: 'Ada Lovelace', role: 'viewer' })).ok).toBe(true);
    const again = await dispatch('users.create', { name: 'Ada\u200B Lovelace', role: 'viewer' });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.error.code).toBe('conflict');
  });
});

describe('requests with dates past the bounds', () => {
  badInput('tsp assess --on 2200-01-01', async () => {
    fs.writeFileSync(path.join(dir, 'assess.json'), JSON.stringify(baseline()));
    const run = await tsp('assess', '--case', path.join(dir, 'assess.json'), '--treaty', 'coe-ets-112', '--on', '2200-01-01');
    expect(run.code).toBe(2);
    expect(run.err).toContain('--on must be a date from 1900-01-01 to 2199-12-31');
  });
  badInput('tsp due --on 9999-12-31', async () => {
    const run = await tsp('due', '--db', db, '--on', '9999-12-31');
    expect(run.code).toBe(2);
    expect(run.err).toContain('on: must be a date from 1900-01-01 to 2199-12-31');
  });
  badInput('tsp report statistics --from 0001-01-01', async () => {
    const run = await tsp('report', 'statistics', '--db', db, '--from', '0001-01-01', '--to', '2025-01-01', '--format', 'csv', '--out', path.join(dir, 'stats.csv'));
    expect(run.code).toBe(2);
    expect(run.err).toContain('query.from: must be a date from 1900-01-01 to 2199-12-31');
    expect(fs.existsSync(path.join(dir, 'stats.csv'))).toBe(false);
  });
  badInput('closing a case on 2200-01-01', async () => {
    const listed = (await dispatch('cases.list', { limit: 1 })) as { data: { items: { id: string; version: number }[] } };
    const [c] = listed.data.items;
    const response = await dispatch('cases.close', { id: c!.id, expectedVersion: c!.version, outcome: 'deceased', reason: 'test', date: '2200-01-01' });
    expect(response.ok).toBe(false);
    expect(!response.ok && response.error.problems).toContainEqual(expect.objectContaining({ field: 'date', messageKey: 'validation.date.range' }));
  });
});

/** A case imported and assessed through the router, then changed in SQL as an older version or a hand could have left it. */
async function storedCase(familyName: string, sql: string[], change: (c: ReturnType<typeof baseline>) => void = () => undefined): Promise<string> {
  const c = baseline();
  c.person.familyName = familyName;
  c.ruleSetId = 'eu-fd-2008-909';
  change(c);
  const imported = (await dispatch('cases.import', c)) as { ok: true; data: { ids: string[] } };
  expect(imported.ok).toBe(true);
  const id = imported.data.ids[0]!;
  expect((await dispatch('assessments.run', { caseId: id })).ok).toBe(true);
  for (const statement of sql) await call('execSql', db, statement, [id]);
  return id;
}

interface Due {
  items: { caseId: string }[];
  unreadable: { caseId: string; familyName: string }[];
}

/** The store-wide views still answer for the other cases, and name the one case they left out. */
async function viewsSurvive(id: string, familyName: string) {
  const due = await dispatch('due.list', {});
  expect(due.ok, JSON.stringify(due)).toBe(true);
  const list = (due as { data: Due }).data;
  expect(list.unreadable).toContainEqual(expect.objectContaining({ caseId: id, familyName }));
  expect(list.items.filter((i) => i.caseId !== id).length).toBeGreaterThan(0);
  const filtered = await dispatch('cases.list', { due: 'any-due' });
  expect(filtered.ok).toBe(true);
  expect((filtered as { data: { items: unknown[]; unreadable?: { caseId: string }[] } }).data.unreadable).toContainEqual(expect.objectContaining({ caseId: id }));
  const stats = await dispatch('reports.statistics', { from: '2000-01-01', to: '2030-12-31' });
  expect(stats.ok, JSON.stringify(stats)).toBe(true);
  const dossier = await dispatch('dossier.model', { caseId: id, locale: 'en' });
  expect(dossier.ok, JSON.stringify(dossier)).toBe(true);
  const cli = await tsp('due', '--db', db);
  expect(cli.code, cli.err).toBe(0);
  expect(cli.out).toContain('Left out: cases whose stored dates cannot be computed');
  expect(cli.out).toContain(id);
}

describe('a value outside the bounds already in the store breaks no store-wide view', () => {
  fault('an assessment stored by an older version with a release in the year 10021', async () => {
    const id = await storedCase('LEGACYRELEASE', []);
    await call('storeLegacyRelease', db, id, '10021-06-15');
    await viewsSurvive(id, 'LEGACYRELEASE');
  });

  fault('a deadline anchored on a date in the year 10000, written in SQL', async () => {
    const id = await storedCase('FARANCHOR', ["UPDATE cases SET event_judgment_received = '10000-01-01' WHERE id = ?"]);
    await viewsSurvive(id, 'FARANCHOR');
  });

  fault('a timeline entry dated 10000-01-01: the statistics leave that case out and name it, its dossier opens', async () => {
    const id = await storedCase('FAREVENT', ["INSERT INTO case_events (case_id, kind, date, user_id, created_at) SELECT id, 'status:dossier', '10000-01-01', (SELECT id FROM users LIMIT 1), '2026-01-01T00:00:00Z' FROM cases WHERE id = ?"]);
    const stats = (await dispatch('reports.statistics', { from: '2000-01-01', to: '2030-12-31' })) as { ok: true; data: { cases: number; unreadable: string[] } };
    expect(stats.ok).toBe(true);
    expect(stats.data.unreadable).toContain(id);
    expect(stats.data.cases).toBeGreaterThan(0);
    expect((await dispatch('dossier.model', { caseId: id, locale: 'zh-Hant' })).ok).toBe(true);
    const cli = await tsp('report', 'statistics', '--db', db, '--from', '2000-01-01', '--to', '2030-12-31', '--format', 'csv', '--out', path.join(dir, 'with-unreadable.csv'));
    expect(cli.code, cli.err).toBe(0);
    expect(cli.err).toContain(id);
  });

  fault('a sentence of 8,000 years written in SQL: assessed, its dates are unknown (no year past 9999 is stored)', async () => {
    const id = await storedCase('LONGTERM', ['UPDATE sentences SET term_years = 8000 WHERE case_id = ?']);
    const run = (await dispatch('assessments.run', { caseId: id })) as { ok: true; data: { verdict: string; result: { dates: { releaseDate: string | null }; steps: { key: string }[] } } };
    expect(run.ok).toBe(true);
    expect(run.data.result.dates.releaseDate).toBeNull();
    expect(run.data.result.steps.map((s) => s.key)).toContain('step.outOfRange');
    expect((await dispatch('due.list', {})).ok).toBe(true);
  });

  fault('remand of 2^53−1 days written in SQL: assessed, its dates are unknown', async () => {
    const id = await storedCase('HUGEREMAND', [`UPDATE cases SET remand_days = ${Number.MAX_SAFE_INTEGER} WHERE id = ?`]);
    const run = (await dispatch('assessments.run', { caseId: id })) as { ok: true; data: { result: { dates: { releaseDate: string | null } } } };
    expect(run.ok).toBe(true);
    expect(run.data.result.dates.releaseDate).toBeNull();
  });

  fault('a cycle of consecutive sentences written in SQL: the assessment ends (dates unknown) instead of looping', async () => {
    const id = await storedCase('CYCLE', ["UPDATE sentences SET consecutive_to = 'S2' WHERE case_id = ? AND sentence_key = 'S1'"], (c) => {
      c.sentences = [
        { id: 'S1', start: '2021-06-15', term: { years: 1, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] },
        { id: 'S2', start: null, term: { years: 1, months: 0, days: 0 }, consecutiveTo: 'S1', offences: ['O1'] },
      ];
    });
    const run = (await dispatch('assessments.run', { caseId: id })) as { ok: true; data: { result: { dates: { releaseDate: string | null } } } };
    expect(run.ok).toBe(true);
    expect(run.data.result.dates.releaseDate).toBeNull();
  });
});

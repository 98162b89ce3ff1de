/**
 * The store attacked at its edges (issue 24): each case below is one tampering, done as someone
 * with the files and an SQLite shell would (better-sqlite3 on the file, triggers dropped where
 * they stand in the way, hashes recomputed with the formula the source code shows), and each
 * must be seen: `tsp audit verify` exits 1 naming it, or `tsp restore` refuses the doctored
 * backup (exit 2) and leaves the store byte for byte as it was.
 *
 * The suite uses only what every version of TSP Desk has (openApp, the router, the CLI, SQL on
 * the file), so it also runs against older code to count what that code detected. Each case
 * builds on a copy of one store made once; each is bounded in time. At the end it prints
 * "tamperings tried / detected".
 */
import { createHash, randomBytes, createHmac } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { canonicalJson } from '../../db/canonical-json.ts';
import { tempDir } from '../../db/testing.ts';
import { openApp } from '../../electron/app.ts';
import { main } from '../../electron/cli.ts';
import { memoryIo } from '../cli-io.ts';

const TIMEOUT = 60_000;
const osUser = os.userInfo().username;
let pristine: string;
let dirs: string[] = [];
const results: { name: string; detected: boolean; kinds?: string[] }[] = [];

/** The store every case starts from: a supervisor, an officer, three cases, one assessed and moved on, then closed. */
function makeStore(dir: string): string {
  const file = path.join(dir, 'store.sqlite');
  const app = openApp({ file, osUser });
  const ok = <T>(r: { ok: true; data: T } | { ok: false; error: unknown }): T => {
    if (!r.ok) throw new Error(JSON.stringify(r.error));
    return r.data;
  };
  ok(app.router.dispatch('users.create', { name: 'Officer Lam', role: 'officer' }));
  const ids: string[] = [];
  for (const familyName of ['CHAN', 'IVANOV', 'SMITH']) {
    ids.push(ok(app.router.dispatch('cases.create', { case: { ...(CASE_FIXTURES.formatExample as object), person: { ...(CASE_FIXTURES.formatExample as { person: object }).person, familyName } } })).id);
  }
  ok(app.router.dispatch('assessments.run', { caseId: ids[0], on: '2025-01-15', ruleSetId: 'coe-ets-112' }));
  app.close();
  return file;
}

/** A fresh copy of the pristine store and the files beside it; returns the store's path. */
function copyOfStore(): string {
  const dir = tempDir();
  dirs.push(dir);
  for (const name of fs.readdirSync(path.dirname(pristine))) {
    const from = path.join(path.dirname(pristine), name);
    if (fs.statSync(from).isFile()) fs.copyFileSync(from, path.join(dir, name));
  }
  return path.join(dir, path.basename(pristine));
}

/** SQL on the file as an attacker: plain SQLite, no triggers in the way (they are put back as they were unless `keepDropped`). */
function attack(file: string, work: (db: Database.Database) => void, options: { keepDropped?: boolean } = {}): void {
  const db = new Database(file);
  const triggers = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'trigger'").all() as { name: string; sql: string }[];
  for (const t of triggers) db.exec(`DROP TRIGGER "${t.name}"`);
  work(db);
  if (!options.keepDropped) for (const t of triggers) db.exec(t.sql);
  db.close();
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = memoryIo();
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Whether `tsp audit verify` sees it: exit 1 with a finding, not "intact", and not a crash. */
async function verifySees(file: string): Promise<boolean> {
  const { code, out, err } = await cli('audit', 'verify', '--db', file);
  return code === 1 && !/intact/.test(out) && !/unexpected failure/.test(err);
}

const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
type Row = Record<string, unknown> & { seq: number; prev_hash: string; hash: string };
const fields = (r: Row) => ({ seq: r.seq, at: r.at, userId: r.user_id, action: r.action, entity: r.entity, entityId: r.entity_id, reason: r.reason, before: r.before, after: r.after });

/** Recomputes every hash from `fromSeq` on with the formula the source shows, under `key` if given (the attacker's guess). */
function rechain(db: Database.Database, fromSeq = 1, key?: Buffer): void {
  const rows = db.prepare('SELECT * FROM audit_log ORDER BY seq').all() as Row[];
  const columns = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all('audit_log') as string[]);
  let prev = '0'.repeat(64);
  for (const r of rows) {
    if (r.seq >= fromSeq) {
      const text = prev + canonicalJson(key === undefined ? fields(r) : { ...fields(r), digest: r.digest ?? null });
      const hash = key === undefined ? sha(text) : createHmac('sha256', key).update(text).digest('hex');
      if (columns.includes('keyed')) db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ?, keyed = ? WHERE seq = ?').run(prev, hash, key === undefined ? 0 : 1, r.seq);
      else db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?').run(prev, hash, r.seq);
      prev = hash;
    } else prev = r.hash;
  }
}

const firstCase = (db: Database.Database) => db.prepare('SELECT id FROM cases ORDER BY created_at, id LIMIT 1').pluck().get() as string;

const VERIFY_CASES: [string, (file: string) => void][] = [
  ['a case row edited (reference)', (f) => attack(f, (db) => db.prepare("UPDATE cases SET reference = 'FORGED-1'").run())],
  ['a case status edited', (f) => attack(f, (db) => db.prepare("UPDATE cases SET status = 'transferred' WHERE id = ?").run(firstCase(db)))],
  ['a person renamed', (f) => attack(f, (db) => db.prepare("UPDATE persons SET family_name = 'NOBODY'").run())],
  ['a sentence shortened', (f) => attack(f, (db) => db.prepare('UPDATE sentences SET term_years = 1 WHERE term_kind = ?').run('fixed'))],
  ['a consent changed', (f) => attack(f, (db) => db.prepare("INSERT OR REPLACE INTO consents (case_id, status, given_by, date, verified) VALUES (?, 'given', 'person', '2025-01-01', 1)").run(firstCase(db)))],
  ['a timeline entry rewritten', (f) => attack(f, (db) => db.prepare("UPDATE case_events SET note = 'forged' WHERE id = (SELECT min(id) FROM case_events)").run())],
  ['a verdict (assessment) changed', (f) => attack(f, (db) => db.prepare("UPDATE assessments SET verdict = CASE verdict WHEN 'eligible' THEN 'ineligible' ELSE 'eligible' END").run())],
  ['a role raised (users)', (f) => attack(f, (db) => db.prepare("UPDATE users SET role = 'supervisor' WHERE name = 'Officer Lam'").run())],
  ['a password hash swapped (user_credentials)', (f) => attack(f, (db) => db.prepare("INSERT OR REPLACE INTO user_credentials (user_id, password_hash, failed_attempts, locked_until, changed_at) SELECT id, 'scrypt$forged', 0, NULL, '2025-01-01' FROM users WHERE name = 'Officer Lam'").run())],
  ['a case inserted without the app', (f) => attack(f, (db) => {
    const c = db.prepare('SELECT * FROM cases LIMIT 1').get() as Record<string, unknown>;
    const cols = Object.keys(c);
    db.prepare(`INSERT INTO cases (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`).run(...cols.map((k) => (k === 'id' ? 'ffffffff-0000-4000-8000-000000000000' : k === 'reference' ? 'GHOST-1' : c[k])));
  })],
  ['a case deleted', (f) => attack(f, (db) => {
    db.pragma('foreign_keys = OFF');
    const id = db.prepare('SELECT id FROM cases ORDER BY created_at DESC, id DESC LIMIT 1').pluck().get();
    for (const t of ['sentence_offences', 'sentences', 'offences', 'consents', 'financial_obligations', 'case_events', 'case_documents', 'case_due_dates']) db.prepare(`DELETE FROM ${t} WHERE case_id = ?`).run(id);
    db.prepare('DELETE FROM cases WHERE id = ?').run(id);
  })],
  ['an entry edited (the chain breaks)', (f) => attack(f, (db) => db.prepare("UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 2").run())],
  ['an entry removed from the middle', (f) => attack(f, (db) => db.prepare('DELETE FROM audit_log WHERE seq = 2').run())],
  ['the last entries cut', (f) => attack(f, (db) => db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)').run())],
  ['a row edited and the whole chain recomputed (the formula in the source)', (f) => attack(f, (db) => {
    db.prepare("UPDATE cases SET reference = 'FORGED-2'").run();
    db.prepare("UPDATE audit_log SET after = json_set(after, '$.case.reference', 'FORGED-2') WHERE entity = 'case' AND after IS NOT NULL AND json_extract(after, '$.case.reference') IS NOT NULL").run();
    rechain(db);
  })],
  ['the chain recomputed under a guessed key', (f) => attack(f, (db) => rechain(db, 1, randomBytes(32)))],
  ['a forged entry appended (the formula in the source)', (f) => attack(f, (db) => {
    const last = db.prepare('SELECT * FROM audit_log ORDER BY seq DESC LIMIT 1').get() as Row;
    const forged: Row = { ...last, seq: last.seq + 1, action: 'case.update', reason: 'forged', prev_hash: last.hash };
    const hash = sha(last.hash + canonicalJson(fields(forged)));
    db.prepare(`INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, reason, before, after, prev_hash, hash)
      VALUES (@seq, @at, @user_id, @action, @entity, @entity_id, @reason, @before, @after, @prev_hash, @hash)`).run({ ...forged, hash, digest: undefined, keyed: undefined });
  })],
  ['the append-only triggers dropped', (f) => attack(f, () => undefined, { keepDropped: true })],
  ['an append-only trigger rewritten to let everything through', (f) => attack(f, (db) => db.exec("CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log WHEN 0 BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"), { keepDropped: true })],
  ['a trigger added that rewrites new rows', (f) => attack(f, (db) => db.exec("CREATE TRIGGER quiet AFTER INSERT ON assessments BEGIN UPDATE cases SET status = 'screening' WHERE id = new.case_id; END;"))],
  ['the whole store replaced by another store', (f) => {
    const other = makeStore(path.dirname(f) + '-other');
    dirs.push(path.dirname(other));
    fs.copyFileSync(other, f);
  }],
  ['a byte flipped in a row on disk', (f) => {
    const bytes = fs.readFileSync(f);
    const at = bytes.indexOf(Buffer.from('IVANOV'));
    if (at < 0) throw new Error('the name is not in the file');
    bytes[at] = 'J'.charCodeAt(0);
    fs.writeFileSync(f, bytes);
  }],
  ['a byte flipped in a page header on disk', (f) => {
    const bytes = fs.readFileSync(f);
    const pageSize = bytes.readUInt16BE(16);
    // The cell count of the b-tree page 3: the page no longer holds what its pointers say.
    bytes[pageSize * 2 + 4] = (bytes[pageSize * 2 + 4] ?? 0) ^ 0x7f;
    fs.writeFileSync(f, bytes);
  }],
];

/** Whether `tsp restore` refuses the backup and leaves the store and the files beside it unchanged. */
async function restoreRefused(file: string, backup: string): Promise<boolean> {
  const beside = () => fs.readdirSync(path.dirname(file)).filter((n) => n.startsWith(path.basename(file))).sort().map((n) => [n, sha(fs.readFileSync(path.join(path.dirname(file), n)).toString('latin1'))]);
  const before = beside();
  const { code } = await cli('restore', '--db', file, '--from', backup);
  return code === 2 && JSON.stringify(beside()) === JSON.stringify(before);
}

async function backupOf(file: string): Promise<string> {
  const out = path.join(path.dirname(file), 'backups', 'copy.sqlite');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const result = await cli('backup', '--db', file, '--out', out);
  if (result.code !== 0) throw new Error(`backup failed: ${result.err}`);
  return out;
}

const RESTORE_CASES: [string, (backup: string) => void][] = [
  ['a doctored backup: a row edited', (b) => attack(b, (db) => db.prepare("UPDATE cases SET reference = 'FORGED-3'").run())],
  ['a doctored backup: its last entries cut', (b) => attack(b, (db) => db.prepare('DELETE FROM audit_log WHERE seq > (SELECT max(seq) - 2 FROM audit_log)').run())],
  ['a doctored backup: its triggers dropped', (b) => attack(b, () => undefined, { keepDropped: true })],
  ['a doctored backup without its manifest: a row edited', (b) => {
    fs.rmSync(`${b}.manifest.json`, { force: true });
    attack(b, (db) => db.prepare("UPDATE consents SET status = 'refused'").run());
  }],
  ['a doctored backup without its manifest: its triggers dropped', (b) => {
    fs.rmSync(`${b}.manifest.json`, { force: true });
    attack(b, () => undefined, { keepDropped: true });
  }],
  ['a doctored backup: another store put in its place', (b) => {
    const other = makeStore(path.dirname(b) + '-other');
    dirs.push(path.dirname(other));
    fs.copyFileSync(other, b);
  }],
];

beforeAll(() => {
  const dir = tempDir();
  dirs.push(dir);
  pristine = makeStore(dir);
}, TIMEOUT);

afterAll(() => {
  const detected = results.filter((r) => r.detected).length;
  for (const r of results) console.log(`${r.detected ? 'detected' : 'MISSED  '}  ${r.name}${r.kinds?.length ? `  [${r.kinds.join(', ')}]` : ''}`);
  console.log(`tamperings tried / detected: ${results.length} / ${detected}${results.some((r) => !r.detected) ? `\n  not detected: ${results.filter((r) => !r.detected).map((r) => r.name).join('; ')}` : ''}`);
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('tampering with the store is seen by tsp audit verify', () => {
  it('the untouched store verifies (the control)', async () => {
    const file = copyOfStore();
    const { code, out } = await cli('audit', 'verify', '--db', file);
    expect(out).toMatch(/intact/);
    expect(code).toBe(0);
  }, TIMEOUT);

  for (const [name, tamper] of VERIFY_CASES) {
    it(name, async () => {
      const file = copyOfStore();
      tamper(file);
      const detected = await verifySees(file);
      const json = JSON.parse((await cli('audit', 'verify', '--db', file, '--json')).out || '{}') as { findings?: { kind: string }[] };
      results.push({ name, detected, kinds: [...new Set((json.findings ?? []).map((f) => f.kind))] });
      expect(detected).toBe(true);
    }, TIMEOUT);
  }
});

describe('an encrypted store', () => {
  const hexKey = 'c0ffee'.repeat(10) + 'c0ff';
  it('a byte flipped in a page on disk is seen (PRAGMA cipher_integrity_check), not read as intact', async () => {
    const dir = tempDir();
    dirs.push(dir);
    const file = path.join(dir, 'store.sqlite');
    const app = openApp({ file, osUser, key: { kind: 'raw', bytes: Buffer.from(hexKey, 'hex') } });
    for (const familyName of ['CHAN', 'IVANOV']) app.router.dispatch('cases.create', { case: { ...(CASE_FIXTURES.formatExample as object), status: null, person: { ...(CASE_FIXTURES.formatExample as { person: object }).person, familyName } } });
    app.close();
    const saved = process.env.TSP_DB_KEY;
    process.env.TSP_DB_KEY = hexKey;
    try {
      expect((await cli('audit', 'verify', '--db', file)).code).toBe(0);
      const bytes = fs.readFileSync(file);
      // A byte inside the last page: the file still opens (page 1 is whole), the page's HMAC no longer matches.
      const at = bytes.length - 1000;
      bytes[at] = (bytes[at] ?? 0) ^ 0x01;
      fs.writeFileSync(file, bytes);
      const detected = await verifySees(file);
      const json = JSON.parse((await cli('audit', 'verify', '--db', file, '--json')).out || '{}') as { findings?: { kind: string }[] };
      results.push({ name: 'an encrypted store: a byte flipped on disk', detected, kinds: [...new Set((json.findings ?? []).map((f) => f.kind))] });
      expect(detected).toBe(true);
    } finally {
      if (saved === undefined) delete process.env.TSP_DB_KEY;
      else process.env.TSP_DB_KEY = saved;
    }
  }, TIMEOUT);
});

describe('a doctored backup is refused by tsp restore, the store unchanged', () => {
  it('an untouched backup restores (the control)', async () => {
    const file = copyOfStore();
    const backup = await backupOf(file);
    const { code, err } = await cli('restore', '--db', file, '--from', backup);
    expect(err).toBe('');
    expect(code).toBe(0);
  }, TIMEOUT);

  for (const [name, doctor] of RESTORE_CASES) {
    it(name, async () => {
      const file = copyOfStore();
      const backup = await backupOf(file);
      doctor(backup);
      const detected = await restoreRefused(file, backup);
      results.push({ name, detected });
      expect(detected).toBe(true);
    }, TIMEOUT);
  }
});

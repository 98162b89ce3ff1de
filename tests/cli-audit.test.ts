/**
 * `tsp audit verify`: an intact chain exits 0; a chain altered behind the app's back (its
 * triggers dropped first, as someone with the file and an SQLite shell could) exits 1 and
 * names the first broken link.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { auditHash, type AuditRow } from '../db/audit-repo.ts';
import { readAuditKeyFile } from '../db/audit-key.ts';
import { tempDir } from '../db/testing.ts';
import { openApp } from '../electron/app.ts';
import { main } from '../electron/cli.ts';
import { memoryIo } from './cli-io.ts';

let dir: string;
let file: string;
beforeEach(() => {
  dir = tempDir();
  file = path.join(dir, 'store.sqlite');
  // A store with a first supervisor (entry #1) and three cases created (#2, #3, #4).
  const app = openApp({ file, osUser: 'auditor' });
  for (const familyName of ['CHAN', 'IVANOV', 'SMITH']) {
    const response = app.router.dispatch('cases.create', { case: { ...(CASE_FIXTURES.formatExample as object), person: { familyName } } });
    if (!response.ok) throw new Error(JSON.stringify(response.error));
  }
  app.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function verify(...extra: string[]) {
  const io = memoryIo();
  const code = await main(['audit', 'verify', '--db', file, ...extra], io);
  return { code, out: io.stdout(), err: io.stderr() };
}

/** Opens the file as an attacker would: plain SQLite, the append-only triggers dropped. */
function tamper(work: (db: Database.Database) => void): void {
  const db = new Database(file);
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_log_chained;');
  work(db);
  db.close();
}

describe('tsp audit verify', () => {
  it('exits 0 for an intact chain, giving the count and the newest hash, and writes nothing', async () => {
    const before = fs.readFileSync(file);
    const result = await verify();
    expect(result).toMatchObject({ code: 0, err: '' });
    expect(result.out).toMatch(/^The audit log is intact: 4 entries, the newest with hash [0-9a-f]{64}\.\n/);
    expect(result.out).toContain('4 entities match their latest audit entry');
    expect(JSON.parse((await verify('--json')).out)).toMatchObject({ ok: true, entries: 4, findings: [], entitiesChecked: 4, anchorsChecked: 1 });
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('names an entry whose content was changed (exit 1)', async () => {
    tamper((db) => db.prepare("UPDATE audit_log SET reason = 'nothing to see' WHERE seq = 3").run());
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.out).toContain('chain_hash: entry #3 was changed after it was written');
    // The triggers the tampering dropped are named too.
    expect(result.out).toContain('schema_missing: the trigger audit_log_no_update is missing');
    expect(JSON.parse((await verify('--json')).out)).toMatchObject({ ok: false, entries: 4, findings: expect.arrayContaining([expect.objectContaining({ kind: 'chain_hash', seq: 3 })]) });
  });

  it('names the entry after a changed one whose hash was recomputed to cover it (exit 1)', async () => {
    tamper((db) => {
      const row = db.prepare('SELECT * FROM audit_log WHERE seq = 2').get() as AuditRow;
      const forged = { ...row, after: '{"forged":true}' };
      const { hash: _old, ...content } = forged;
      // Even with the audit key (whoever can read the folder of a plain store has it).
      db.prepare('UPDATE audit_log SET after = ?, hash = ? WHERE seq = 2').run(forged.after, auditHash(content, readAuditKeyFile(file)));
    });
    const result = await verify('--json');
    expect(result.code).toBe(1);
    expect(JSON.parse(result.out)).toMatchObject({ findings: expect.arrayContaining([expect.objectContaining({ kind: 'chain_link', seq: 3 })]) });
  });

  it('names the gap left by a removed entry (exit 1)', async () => {
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = 2').run());
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.out).toContain('chain_sequence: entry #3 stands where entry #2 should be');
  });

  it('refuses a missing file or a file that is not a store (exit 2)', async () => {
    const io = memoryIo();
    expect(await main(['audit', 'verify', '--db', path.join(dir, 'none.sqlite')], io)).toBe(2);
    expect(io.stderr()).toContain('no database at');
    const other = path.join(dir, 'other.sqlite');
    new Database(other).exec('CREATE TABLE t (x)');
    const io2 = memoryIo();
    expect(await main(['audit', 'verify', '--db', other], io2)).toBe(2);
    expect(io2.stderr()).toContain('has no audit log');
  });

  it('sets the exit code as a real process', () => {
    tamper((db) => db.prepare("UPDATE audit_log SET action = 'case.nothing' WHERE seq = 4").run());
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'electron/cli.ts', 'audit', 'verify', '--db', file], { cwd: path.resolve(import.meta.dirname, '..'), encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('chain_hash: entry #4 was changed');
  }, 60_000);
});

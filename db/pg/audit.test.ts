/**
 * The office store's audit log on PostgreSQL (issue 22): one chain under concurrent writers,
 * append-only, the same entries and hashes as the desk store's. Runs against the server named
 * by TSP_PG_URL (a role that may create databases; .ci/run starts Debian's PostgreSQL 15 and
 * sets it), each test file in a database of its own, dropped at the end.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, checkAuditChain, type NewAuditEntry } from '../audit-repo.ts';
import { setAuditKey } from '../audit-key.ts';
import { asWriter, tempStore } from '../testing.ts';
import { appendAuditPg, checkAuditChainPg } from './audit.ts';
import { inTransaction, loadPgMigrations, migratePg, pgSchemaVersion } from './office-db.ts';
import { testDatabase, type TestDatabase } from './testing.ts';

const URL_OF_SERVER = process.env.TSP_PG_URL;
// Skipped on a machine without PostgreSQL; never in CI, which must run them.
if (URL_OF_SERVER === undefined && process.env.CI === 'true') throw new Error('CI runs the office store tests, and TSP_PG_URL is not set (.ci/run sets it)');
const KEY = Buffer.alloc(32, 7);
const WRITERS = 8;
const EACH = 25;

const entry = (n: number, writer = 0): NewAuditEntry => ({
  at: `2026-12-07T10:${String(Math.floor(n / 60) % 60).padStart(2, '0')}:${String(n % 60).padStart(2, '0')}.000Z`,
  userId: `officer-${writer}`,
  action: 'case.update',
  entity: 'case',
  entityId: `case-${writer}-${n}`,
  reason: n % 3 === 0 ? null : `step ${n} of officer ${writer}`,
  before: n % 2 === 0 ? null : { version: n, fields: ['sentences'] },
  after: { version: n + 1, note: '陳大文 – “quoted”' },
});
const digestOf = (n: number) => (n % 4 === 0 ? null : n.toString(16).padStart(64, '0'));
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(URL_OF_SERVER === undefined)('the office audit log on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await testDatabase(URL_OF_SERVER!, WRITERS + 2);
  });
  afterAll(() => database?.drop());
  const withClient = <T>(work: (client: pg.PoolClient) => Promise<T>) => database.withClient(work);

  it('migrates to the latest office schema once: again, nothing is applied', async () => {
    await withClient(async (client) => {
      expect(await pgSchemaVersion(client)).toBe(loadPgMigrations().length);
      expect(await migratePg(client)).toBe(loadPgMigrations().length);
    });
  });

  it(`keeps one chain when ${WRITERS} officers append ${EACH} entries each at once, every write in its own transaction`, async () => {
    const before = await withClient((client) => checkAuditChainPg(client, KEY));
    const failures: unknown[] = [];
    await Promise.all(
      Array.from({ length: WRITERS }, (_, writer) =>
        withClient(async (client) => {
          for (let n = 0; n < EACH; n++) {
            try {
              await inTransaction(client, async () => {
                // The write's own statements would run here, between the lock and the commit.
                await pause(writer % 3);
                await appendAuditPg(client, entry(n, writer), digestOf(n), KEY);
              });
            } catch (error) {
              failures.push(error);
            }
          }
        }),
      ),
    );
    expect(failures).toEqual([]);
    const report = await withClient((client) => checkAuditChainPg(client, KEY, 37));
    expect(report).toMatchObject({ entries: before.entries + WRITERS * EACH, broken: null, keyedFrom: 1 });
    const perWriter = await withClient((client) => client.query<{ user_id: string; n: string }>('SELECT user_id, count(*) AS n FROM audit_log GROUP BY user_id ORDER BY user_id'));
    expect(perWriter.rows.filter((r) => r.user_id.startsWith('officer-')).map((r) => Number(r.n))).toEqual(Array.from({ length: WRITERS }, () => EACH));
  });

  it('refuses a second entry after the same last one: a writer that skipped the lock fails, the chain does not fork', async () => {
    await withClient((a) =>
      withClient(async (b) => {
        const last = async (client: pg.ClientBase) => (await client.query<{ seq: number; hash: string }>('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')).rows[0];
        await a.query('BEGIN');
        await b.query('BEGIN');
        const [seenByA, seenByB] = [await last(a), await last(b)];
        expect(seenByB).toEqual(seenByA);
        const insert = (client: pg.ClientBase, n: number) =>
          client.query(`INSERT INTO audit_log (seq, at, user_id, action, entity, entity_id, reason, before, after, prev_hash, hash, digest, keyed)
            VALUES ($1, '2026-12-07T11:00:00.000Z', 'x', 'case.update', 'case', $2, NULL, NULL, NULL, $3, $4, NULL, 1)`, [seenByA!.seq + 1, `fork-${n}`, seenByA!.hash, String(n).repeat(64)]);
        await insert(a, 1);
        // B's insert waits for A's transaction; its refusal is caught as it comes (not left unhandled while A commits).
        const second = insert(b, 2).then(() => null, (error: unknown) => error);
        await a.query('COMMIT');
        expect(String(await second)).toMatch(/duplicate key|does not continue the chain/);
        await b.query('ROLLBACK');
      }),
    );
    // The hand-made entry is not hashed under the key: the check names it, and nothing else.
    const report = await withClient((client) => checkAuditChainPg(client, KEY));
    expect(report.broken).toMatchObject({ problem: 'hash' });
    expect(report.entries).toBe(report.broken!.seq);
  });
});

describe.skipIf(URL_OF_SERVER === undefined)('one chain format on both engines', () => {
  let database: TestDatabase;
  let client: pg.PoolClient;
  beforeAll(async () => {
    database = await testDatabase(URL_OF_SERVER!, 1);
    client = await database.pool.connect();
  });
  afterAll(async () => {
    client?.release();
    await database?.drop();
  });

  it('the same entries under the same key give the same hashes in a desk store and an office store', async () => {
    const store = tempStore();
    try {
      setAuditKey(store.db, KEY);
      const desk = store.db.transaction(() => Array.from({ length: 12 }, (_, n) => appendAudit(asWriter(store.db), { ...entry(n), digest: digestOf(n) })))();
      const office = [];
      for (let n = 0; n < 12; n++) office.push(await inTransaction(client, () => appendAuditPg(client, entry(n), digestOf(n), KEY)));
      expect(checkAuditChain(store.db, KEY)).toMatchObject({ broken: null });
      expect(await checkAuditChainPg(client, KEY)).toMatchObject({ entries: 12, broken: null, lastHash: office.at(-1)!.hash });
      expect(desk.map((e) => e.seq)).toEqual(office.map((e) => e.seq));
      expect(desk.map((e) => e.hash)).toEqual(office.map((e) => e.hash));
    } finally {
      store.dispose();
    }
  });

  it('is append-only; an entry edited with the triggers disabled is named by the chain check', async () => {
    await expect(client.query("UPDATE audit_log SET reason = 'edited' WHERE seq = 3")).rejects.toThrow(/append-only/);
    await expect(client.query('DELETE FROM audit_log WHERE seq = 12')).rejects.toThrow(/append-only/);
    await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
    await client.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
    await client.query("UPDATE audit_log SET reason = 'edited' WHERE seq = 3");
    await client.query('ALTER TABLE audit_log ENABLE TRIGGER USER');
    expect((await checkAuditChainPg(client, KEY)).broken).toMatchObject({ seq: 3, problem: 'hash' });
    expect((await checkAuditChainPg(client, Buffer.alloc(32, 8))).broken).toMatchObject({ seq: 1, problem: 'hash' });
  });
});

/**
 * Crash safety: a real process writing through the services (tests/crash-safety-child.ts) is
 * killed with SIGKILL at a random point, round after round on the same store, and the store
 * is reopened after each kill:
 *   - PRAGMA integrity_check is ok and the audit chain verifies;
 *   - every write the child acknowledged (printed after its commit) is there;
 *   - no case is half-written: each case as stored (person, sentences, offences...) equals
 *     the after-state of its latest audit entry, and every assessment has its audit entry.
 * Rounds: TSP_CRASH_ROUNDS (default 8, as `npm test` runs it; the 50 with
 * TSP_CRASH_ROUNDS=50). Half the rounds run on an encrypted store. The kill points come from
 * TSP_CRASH_SEED (default 20261129), printed on failure so a run can be repeated.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../db/audit-repo.ts';
import { verifyStore } from '../db/audit-verify.ts';
import { anchorsOf } from '../electron/cli/audit.ts';
import { inspectStore } from '../db/backup.ts';
import { parseKeyText } from '../db/encryption.ts';
import { tempDir } from '../db/testing.ts';
import { openApp } from '../electron/app.ts';
import { auditStateOf, loadRecord } from '../electron/services/case-records.ts';
import { Random } from '../electron/services/seeded-random.ts';

const ROUNDS = Number(process.env.TSP_CRASH_ROUNDS ?? 8);
const SEED = Number(process.env.TSP_CRASH_SEED ?? 20261129);
const KEY_HEX = randomBytes(32).toString('hex');
const CHILD = path.join(path.dirname(new URL(import.meta.url).pathname), 'crash-safety-child.ts');

const dir = tempDir();
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Acks {
  versions: Map<string, number>;
  assessments: Set<string>;
}

/** Runs the child until it has acknowledged `killAfter` writes (plus whatever it commits meanwhile), then SIGKILLs it. */
function runAndKill(file: string, seed: number, key: string | undefined, killAfter: number, acks: Acks): Promise<number> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (key) env.TSP_DB_KEY = key;
    else delete env.TSP_DB_KEY;
    // Node itself with tsx's loader, not the tsx CLI: the CLI runs the script in a second process that a SIGKILL would not reach.
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, file, String(seed)], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let seen = 0;
    let pending = '';
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        const [kind, caseId, value] = line.split(' ');
        if (!kind || !caseId || !value) continue;
        seen += 1;
        if (kind === 'assess') acks.assessments.add(value);
        else acks.versions.set(caseId, Math.max(acks.versions.get(caseId) ?? 0, Number(value)));
      }
      if (seen >= killAfter && child.exitCode === null) child.kill('SIGKILL');
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal === 'SIGKILL') resolve(seen);
      else reject(new Error(`the writer ended by itself (code ${code}) before it was killed:\n${stderr}`));
    });
  });
}

/** What the reopened store must show after a kill. */
function verifyAfterCrash(file: string, key: string | undefined, acks: Acks): { cases: number; assessments: number } {
  const app = openApp({ file, osUser: 'crash-test', key: key ? parseKeyText(key) : undefined });
  try {
    const { db } = app;
    const inspection = inspectStore(db);
    expect(inspection.integrity).toStrictEqual(['ok']);
    expect(verifyAuditChain(db).ok).toBe(true);
    // The rows are what their latest entries say, and the head beside the store is in the chain.
    expect(verifyStore(db, { anchors: anchorsOf(file) }).findings).toEqual([]);

    for (const [id, version] of acks.versions) {
      const stored = db.prepare('SELECT version FROM cases WHERE id = ?').pluck().get(id) as number | undefined;
      expect(stored, `acknowledged case ${id} v${version}`).toBeGreaterThanOrEqual(version);
    }
    const assessmentIds = new Set(db.prepare('SELECT id FROM assessments').pluck().all() as string[]);
    for (const id of acks.assessments) expect(assessmentIds.has(id), `acknowledged assessment ${id}`).toBe(true);

    // Every case equals the state its latest audit entry recorded: no half-written case.
    const latestState = db.prepare(
      "SELECT after FROM audit_log WHERE entity = 'case' AND entity_id = ? AND json_extract(after, '$.version') IS NOT NULL ORDER BY seq DESC LIMIT 1",
    ).pluck();
    const caseIds = db.prepare('SELECT id FROM cases').pluck().all() as string[];
    for (const id of caseIds) {
      const after = latestState.get(id) as string | undefined;
      expect(after, `case ${id} has an audit entry`).toBeDefined();
      expect(JSON.parse(JSON.stringify(auditStateOf(loadRecord(db, id)))), `case ${id}`).toStrictEqual(JSON.parse(after!));
    }
    // Every assessment has its audit entry, and every audited assessment exists.
    const audited = new Set(
      db.prepare("SELECT json_extract(after, '$.assessmentId') FROM audit_log WHERE action = 'assessment.run'").pluck().all() as string[],
    );
    expect([...audited].sort()).toStrictEqual([...assessmentIds].sort());
    return { cases: caseIds.length, assessments: assessmentIds.size };
  } finally {
    app.close();
  }
}

describe(`crash safety: SIGKILL during writes, ${ROUNDS} rounds (seed ${SEED})`, () => {
  const random = new Random(SEED);
  const stores = [
    { file: path.join(dir, 'plain.sqlite'), key: undefined, acks: { versions: new Map(), assessments: new Set() } as Acks },
    { file: path.join(dir, 'encrypted.sqlite'), key: KEY_HEX, acks: { versions: new Map(), assessments: new Set() } as Acks },
  ];
  // One test per round, in order, on the same two stores: each round reopens what the last one left.
  for (let round = 0; round < ROUNDS; round += 1) {
    const store = stores[round % 2]!;
    const killAfter = random.int(1, 20);
    it(`round ${round + 1}: ${store.key ? 'encrypted' : 'plain'} store, killed after ${killAfter} acknowledged writes`, { timeout: 90_000 }, async () => {
      const seen = await runAndKill(store.file, SEED + round, store.key, killAfter, store.acks);
      expect(seen).toBeGreaterThanOrEqual(killAfter);
      const counts = verifyAfterCrash(store.file, store.key, store.acks);
      expect(counts.cases).toBeGreaterThanOrEqual(store.acks.versions.size);
    });
  }
});

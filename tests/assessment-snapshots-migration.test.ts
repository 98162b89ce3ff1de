/**
 * Migration 0015 on a store written at schema 12 (the app before 13 and 14, migrated through
 * them, then 15): every assessment reads back byte for byte
 * as it was frozen — its case snapshot and its result exactly as the app wrote them, a text in
 * another formatting too — with its audit entry's hash, its report item, the case's latest
 * assessment and due dates unchanged; identical snapshots are stored once, and the first
 * assessment after the update shares the migrated snapshot of an unchanged case. A store sealed
 * at schema 14 verifies after 0015: every case's digest is as it was.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { findAssessment } from '../db/assessments-repo.ts';
import { auditKeyFileOf, ensureAuditKeyFile, setAuditKey } from '../db/audit-key.ts';
import { appendAudit, verifyAuditChain } from '../db/audit-repo.ts';
import { sealIfNeeded } from '../db/audit-seal.ts';
import { verifyStore } from '../db/audit-verify.ts';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { insertCase } from '../db/cases-repo.ts';
import { openDatabase } from '../db/connection.ts';
import { migrate, schemaVersion } from '../db/migrate.ts';
import { insertReassessItem, insertReassessReport } from '../db/reassess-reports-repo.ts';
import { registerSearchFunctions } from '../db/search-fold.ts';
import { entityDigest, entityDigestMatches } from '../db/entity-digest.ts';
import { tempDir, asWriter } from '../db/testing.ts';
import { insertUser } from '../db/users-repo.ts';
import { listAssessments, runAssessment } from '../electron/services/assessments.ts';
import type { ServiceContext } from '../electron/services/context.ts';
import { assessUnder, lawResolver } from '../electron/services/ruleset-resolution.ts';
import { parseCase, type CaseFile } from '../shared/domain/case.ts';
import { toStoredAssessment } from '../shared/eligibility/report.ts';
import { parseIsoDate } from '../shared/sentence/calendar.ts';

const BEFORE = 12;
const USER = { id: '6f9d0c1e-2b3a-4c5d-8e7f-901234567890', name: 'Lee Legal', role: 'legal' as const, createdAt: '2025-01-01T00:00:00.000Z' };
const CASES = ['b1a1c1d1-0000-4000-8000-000000000001', 'b1a1c1d1-0000-4000-8000-000000000002'];
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

let dirs: string[] = [];
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  dirs = [];
});

function caseOf(fixture: unknown): CaseFile {
  const parsed = parseCase({ ...(fixture as object), ruleSetId: 'coe-ets-112' });
  if (!parsed.ok) throw new Error('fixture');
  return parsed.value;
}

interface Written {
  id: string;
  caseId: string;
  snapshot: string;
  result: string;
}

/** An assessment row and its audit entry as the app at schema 12 wrote them (electron/services/assessments.ts before 0015). */
function writeOldAssessment(db: Database.Database, id: string, caseId: string, c: CaseFile, at: string, texts?: { snapshot: string; result: string }): Written {
  const today = parseIsoDate(at.slice(0, 10));
  const law = lawResolver(null)('coe-ets-112', c, undefined, today)!;
  const result = toStoredAssessment(assessUnder(law, c, undefined, today));
  const snapshot = texts?.snapshot ?? JSON.stringify(c);
  const resultJson = texts?.result ?? JSON.stringify(result);
  db.prepare(`INSERT INTO assessments (id, case_id, case_version, verdict, reference_date, on_date, rule_set_id, rule_set_version, rule_set_hash,
      rule_set_source, user_id, created_at, reason, case_snapshot, result)
    VALUES (?, ?, 1, ?, ?, NULL, 'coe-ets-112', ?, ?, 'built-in', ?, ?, NULL, ?, ?)`)
    .run(id, caseId, result.verdict, result.referenceDate, law.ruleSet.version, law.hash, USER.id, at, snapshot, resultJson);
  db.prepare(`INSERT INTO case_due_dates (case_id, rescreen_on, release_date, discharge_date) VALUES (?, ?, ?, ?)
    ON CONFLICT (case_id) DO UPDATE SET rescreen_on = excluded.rescreen_on, release_date = excluded.release_date, discharge_date = excluded.discharge_date`)
    .run(caseId, result.rescreenOn, result.dates.releaseDate, result.dates.expectedDischargeDate);
  appendAudit(asWriter(db), {
    at, userId: USER.id, action: 'assessment.run', entity: 'case', entityId: caseId, reason: null, before: null,
    after: { assessmentId: id, verdict: result.verdict, snapshotHash: sha256(snapshot + resultJson) },
  });
  return { id, caseId, snapshot, result: resultJson };
}

/** A store at schema `BEFORE` holding cases, assessments (one text in another formatting), their audit entries and a report. */
function oldStore(): { file: string; old: Database.Database; written: Written[] } {
  const dir = tempDir();
  dirs.push(dir);
  const file = path.join(dir, 'store.sqlite');
  const old = new Database(file);
  old.pragma('journal_mode = WAL');
  old.pragma('foreign_keys = ON');
  registerSearchFunctions(old);
  migrate(old, { to: BEFORE });
  // The cases are written by today's repository, which keeps person_keys (schema 16) beside each
  // person: at schema 14 a temporary table takes those rows, and goes with the connection.
  old.exec('CREATE TEMP TABLE person_keys (person_id INTEGER PRIMARY KEY, prison_number_key TEXT)');
  // ... and it writes the court and the prison (schema 19): columns added for the writing, dropped after it (their values are NULL).
  old.exec('ALTER TABLE cases ADD COLUMN sentencing_court TEXT; ALTER TABLE cases ADD COLUMN prison TEXT;');
  const chain = caseOf(CASE_FIXTURES.consecutiveChain);
  const example = caseOf(CASE_FIXTURES.formatExample);
  const written: Written[] = [];
  old.transaction(() => {
    insertUser(asWriter(old), USER);
    insertCase(asWriter(old), CASES[0]!, chain, '2025-01-02T00:00:00.000Z');
    insertCase(asWriter(old), CASES[1]!, example, '2025-01-02T00:00:00.000Z');
    // The same case assessed on two days (the same snapshot), another case, and a text written in another formatting.
    written.push(writeOldAssessment(old, 'a0000000-0000-4000-8000-000000000001', CASES[0]!, chain, '2025-01-03T00:00:00.000Z'));
    written.push(writeOldAssessment(old, 'a0000000-0000-4000-8000-000000000002', CASES[0]!, chain, '2025-01-04T00:00:00.000Z'));
    const odd = writeOldAssessment(old, 'a0000000-0000-4000-8000-000000000003', CASES[1]!, example, '2025-01-04T00:00:00.000Z');
    written.push(odd);
    written.push(writeOldAssessment(old, 'a0000000-0000-4000-8000-000000000004', CASES[1]!, example, '2025-01-05T00:00:00.000Z', {
      snapshot: JSON.stringify(JSON.parse(odd.snapshot), null, 2).replace('IVANOV', '\\u0049VANOV'),
      result: JSON.stringify(JSON.parse(odd.result), null, 1),
    }));
    insertReassessReport(asWriter(old), {
      id: 'c0000000-0000-4000-8000-000000000001', subject: 'rule-set', rule_set_id: 'coe-ets-112', rule_set_version: '1983', case_ids: JSON.stringify([CASES[0]]),
      total: 1, reason: 'refresh', created_at: '2025-01-04T00:00:00.000Z', created_by: USER.id,
    });
    insertReassessItem(asWriter(old), {
      report_id: 'c0000000-0000-4000-8000-000000000001', position: 0, case_id: CASES[0]!, outcome: 'unchanged', before_verdict: 'eligible',
      after_verdict: 'eligible', after_assessment_id: written[1]!.id, changed_conditions: '[]', skipped_reason: null,
    });
  })();
  old.exec('ALTER TABLE cases DROP COLUMN sentencing_court; ALTER TABLE cases DROP COLUMN prison;');
  return { file, old, written };
}

describe('migration 0015 on a store written by the schema before it', () => {
  it('reads every assessment back byte for byte, keeps every reference, and shares identical snapshots', () => {
    const { file, old, written } = oldStore();
    const latest = old.prepare('SELECT id, latest_assessment_id FROM cases ORDER BY id').all();
    const due = old.prepare('SELECT * FROM case_due_dates ORDER BY case_id').all();
    const snapshotsBefore = new Set(written.flatMap((w) => [w.snapshot, w.result])).size;
    old.close();

    const db = openDatabase(file);
    expect(schemaVersion(db)).toBeGreaterThan(BEFORE);
    for (const w of written) {
      const row = findAssessment(db, w.id)!;
      expect(row.case_snapshot).toBe(w.snapshot);
      expect(row.result).toBe(w.result);
    }
    expect(written[3]!.snapshot).toContain('\\u0049VANOV');
    expect(db.prepare('SELECT id, latest_assessment_id FROM cases ORDER BY id').all()).toEqual(latest);
    expect(db.prepare('SELECT * FROM case_due_dates ORDER BY case_id').all()).toEqual(due);
    expect(db.prepare('SELECT after_assessment_id FROM reassess_items').pluck().all()).toEqual([written[1]!.id]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // The four entries written at schema 12 and the seal of the upgrade (schema 13).
    expect(verifyAuditChain(db)).toEqual({ ok: true, entries: 5, firstBadSeq: null });
    // Each audit entry's hash still describes what its assessment reads back as.
    for (const entry of db.prepare("SELECT after FROM audit_log WHERE action = 'assessment.run'").pluck().all() as string[]) {
      const { assessmentId, snapshotHash } = JSON.parse(entry) as { assessmentId: string; snapshotHash: string };
      const row = findAssessment(db, assessmentId)!;
      expect(snapshotHash).toBe(sha256(row.case_snapshot + row.result));
    }
    // Two snapshots of one case and its two results on two days with the same outcome: each text once.
    expect(db.prepare('SELECT count(*) FROM assessment_snapshots').pluck().get()).toBe(snapshotsBefore);
    expect(snapshotsBefore).toBeLessThan(written.length * 2);
    expect(() => db.prepare("UPDATE assessments SET verdict = 'eligible'").run()).toThrow(/frozen/);
    expect(() => db.prepare('DELETE FROM assessments').run()).toThrow(/frozen/);

    // The first assessment after the update: the unchanged case shares its migrated snapshot, and the new one becomes its latest.
    const ctx: ServiceContext = { db, clock: () => new Date('2025-01-04T12:00:00.000Z'), user: { id: USER.id, name: USER.name, role: USER.role } };
    const after = runAssessment(ctx, { caseId: CASES[0]! });
    const refs = (id: string) => db.prepare('SELECT case_snapshot_id FROM assessments WHERE id = ?').pluck().get(id);
    expect(refs(after.id)).toBe(refs(written[1]!.id));
    expect(findAssessment(db, after.id)!.result).toBe(JSON.stringify(after.result));
    expect(listAssessments(ctx, { caseId: CASES[0]! }).map((a) => a.id)).toEqual([after.id, written[1]!.id, written[0]!.id]);
    expect(db.prepare('SELECT latest_assessment_id FROM cases WHERE id = ?').pluck().get(CASES[0])).toBe(after.id);
    db.close();
  });

  it('leaves every case’s digest as it was: a store whose audit log vouched for its rows before 0015 verifies after it', () => {
    const { file, old } = oldStore();
    migrate(old, { to: 14 });
    // The chain keyed (schema 13) and sealed: the seal vouches for every case's rows, assessments included, as schema 14 has them.
    setAuditKey(old, ensureAuditKeyFile(file));
    expect(sealIfNeeded(old)).toBeGreaterThan(0);
    const digests = CASES.map((id) => entityDigest(old, 'case', id));
    old.close();

    const db = openDatabase(file);
    expect(fs.existsSync(auditKeyFileOf(file))).toBe(true);
    // Written before their assessments entered a case's digest by reference: each still matches in the form it was written in.
    expect(CASES.map((id, i) => entityDigestMatches(db, 'case', id, digests[i]!))).toEqual(CASES.map(() => true));
    expect(CASES.map((id) => entityDigest(db, 'case', id))).not.toEqual(digests);
    expect(verifyStore(db)).toMatchObject({ ok: true, findings: [] });
    // A byte changed in a document behind the app's back: the case naming it no longer matches what the log vouches for.
    db.exec('DROP TRIGGER assessment_snapshots_no_update');
    db.prepare("UPDATE assessment_snapshots SET content = replace(content, 'IVANOV', 'IVANOVA') WHERE content LIKE '%IVANOV%'").run();
    expect(verifyStore(db).findings.map((f) => f.entityId)).toContain(CASES[1]);
    db.close();
  });
});

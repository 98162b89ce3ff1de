/**
 * Identical content stored once (schema 15): an assessment names its case snapshot, outcome and
 * law's texts as documents, shared by every assessment whose content is the same, and reads back
 * as the JSON it was frozen as. A batch prepared away from the writing thread is prepared again
 * for whatever changed before it is stored.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAssessment } from '../../db/assessments-repo.ts';
import { verifyStore } from '../../db/audit-verify.ts';
import { sha256Hex } from '../../db/canonical-json.ts';
import { entityDigest } from '../../db/entity-digest.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import type { RuleSet } from '../../shared/treaties/schema.ts';
import { listAssessments, runAssessment } from './assessments.ts';
import { listAudit } from './audit.ts';
import { createCase, updateCase } from './cases.ts';
import { prepareBatch, reassessCases, storeBatch } from './reassess.ts';
import { saveRuleSet } from './rulesets.ts';
import { serviceHarness, type ServiceHarness } from './testing.ts';
import { write } from './write.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness('2025-06-12T09:00:00.000Z');
});
afterEach(() => h.dispose());

const documents = () => h.store.db.prepare('SELECT count(*) FROM assessment_snapshots').pluck().get() as number;
const references = (id: string) =>
  h.store.db.prepare('SELECT case_snapshot_id, result_id, texts_id FROM assessments WHERE id = ?').get(id) as { case_snapshot_id: number; result_id: number; texts_id: number | null };

/** What verify finds besides the trigger a test dropped to edit a frozen row. */
const beyondTrigger = () => verifyStore(h.store.db).findings.filter((f) => f.kind !== 'schema_missing');

/** ETS 112 as built in, one parameter's source reworded: another version, the same outcome for every case. */
function reworded(effectiveFrom: string): RuleSet {
  const base = builtInRuleSet('coe-ets-112')!;
  return { ...base, version: '2025-reworded', effectiveFrom, finality: { ...base.finality, source: `${base.finality.source} (reworded)` } };
}

describe('assessment documents', () => {
  it('a case assessed again under the same law stores no new document: both assessments name the same three', () => {
    const id = createCase(h.admin, { case: CASE_FIXTURES.consecutiveChain }).id;
    const first = runAssessment(h.admin, { caseId: id });
    const stored = documents();
    expect(stored).toBe(3);
    h.setNow('2025-06-12T10:00:00.000Z');
    const second = runAssessment(h.admin, { caseId: id });
    expect(documents()).toBe(stored);
    expect(references(second.id)).toEqual(references(first.id));
    expect(references(first.id).texts_id).not.toBeNull();
  });

  it('under a new version that only rewords a source, the case and outcome are shared, and the texts are shared by the cases whose conditions read the same sources', () => {
    const ids = [CASE_FIXTURES.consecutiveChain, CASE_FIXTURES.formatExample, CASE_FIXTURES.consecutiveChain].map((c) => createCase(h.admin, { case: { ...(c as object), ruleSetId: 'coe-ets-112' } }).id);
    reassessCases(h.admin, { ids, reason: 'first' });
    const before = ids.map((id) => references(listAssessments(h.admin, { caseId: id })[0]!.id));
    const stored = documents();
    saveRuleSet(h.admin, { ruleSet: reworded('2020-01-01'), reason: 'a source reworded' });
    reassessCases(h.admin, { ids, reason: 'the reworded version in force' });
    const after = ids.map((id) => listAssessments(h.admin, { caseId: id })[0]!);
    expect(after.map((a) => a.ruleSet.version)).toEqual(['2025-reworded', '2025-reworded', '2025-reworded']);
    const refs = after.map((a) => references(a.id));
    expect(refs.map((r) => [r.case_snapshot_id, r.result_id])).toEqual(before.map((r) => [r.case_snapshot_id, r.result_id]));
    // The two cases with the same facts read the same sources; the other case's treaty basis cites other entries of the map.
    expect(refs[2]!.texts_id).toBe(refs[0]!.texts_id);
    expect(refs[1]!.texts_id).not.toBe(refs[0]!.texts_id);
    expect(documents()).toBe(stored + 2);
    expect(after[0]!.result.conditions.find((c) => c.id === 'final-judgment')?.source).toMatch(/\(reworded\)$/);
  });

  it('reads an assessment back as the JSON it was frozen as: the texts its audit entry hashed', () => {
    const id = createCase(h.admin, { case: CASE_FIXTURES.lifeChinese }).id;
    const a = runAssessment(h.admin, { caseId: id });
    const row = findAssessment(h.store.db, a.id)!;
    expect(row.result).toBe(JSON.stringify(a.result));
    expect(row.case_snapshot).toBe(JSON.stringify(a.caseSnapshot));
    const [entry] = listAudit(h.admin, { entity: 'case', entityId: id, limit: 1 });
    expect(entry?.after).toMatchObject({ snapshotHash: sha256Hex(row.case_snapshot + row.result) });
  });

  it('a case\u2019s audit digest names its assessments\u2019 documents by hash: verify checks each document, and names one edited behind the app', () => {
    const id = createCase(h.admin, { case: CASE_FIXTURES.lifeChinese }).id;
    const a = runAssessment(h.admin, { caseId: id });
    h.setNow('2025-06-12T10:00:00.000Z');
    runAssessment(h.admin, { caseId: id });
    expect(verifyStore(h.store.db)).toMatchObject({ ok: true, findings: [] });
    // The latest entry's digest is of the rows with the documents' hashes, not their texts: a document's text is not read for it.
    const digest = entityDigest(h.store.db, 'case', id);
    expect(h.store.db.prepare("SELECT digest FROM audit_log WHERE entity = 'case' AND entity_id = ? ORDER BY seq DESC LIMIT 1").pluck().get(id)).toBe(digest);
    const { case_snapshot_id: caseDoc } = references(a.id);
    h.store.db.exec('DROP TRIGGER assessment_snapshots_no_update');
    h.store.db.prepare("UPDATE assessment_snapshots SET content = replace(content, 'CHAN', 'CHEN') WHERE id = ?").run(caseDoc);
    expect(entityDigest(h.store.db, 'case', id)).toBe(digest);
    const hash = h.store.db.prepare('SELECT hash FROM assessment_snapshots WHERE id = ?').pluck().get(caseDoc);
    expect(beyondTrigger()).toEqual([
      expect.objectContaining({ kind: 'document_changed', entityId: hash, message: expect.stringContaining(`assessments of case ${id} name it`) }),
    ]);
    // Its hash rewritten to match the edited text: now the case's rows no longer give the digest its entry vouches for.
    h.store.db.prepare('UPDATE assessment_snapshots SET hash = ? WHERE id = ?').run(sha256Hex(findAssessment(h.store.db, a.id)!.case_snapshot), caseDoc);
    expect(beyondTrigger()).toEqual([expect.objectContaining({ kind: 'entity_changed', entity: 'case', entityId: id })]);
  });

  it('an assessment pointed at another document behind the app is named: its case no longer gives its digest', () => {
    const [x, y] = [CASE_FIXTURES.lifeChinese, CASE_FIXTURES.consecutiveChain].map((c) => createCase(h.admin, { case: c }).id);
    const a = runAssessment(h.admin, { caseId: x! });
    const b = runAssessment(h.admin, { caseId: y! });
    h.store.db.exec('DROP TRIGGER assessments_no_update');
    h.store.db.prepare('UPDATE assessments SET result_id = ? WHERE id = ?').run(references(b.id).result_id, a.id);
    expect(beyondTrigger()).toEqual([expect.objectContaining({ kind: 'entity_changed', entity: 'case', entityId: x })]);
  });

  it('never changes or deletes a document', () => {
    runAssessment(h.admin, { caseId: createCase(h.admin, { case: CASE_FIXTURES.lifeChinese }).id });
    expect(() => h.store.db.prepare("UPDATE assessment_snapshots SET content = '{}'").run()).toThrow(/frozen/);
    expect(() => h.store.db.prepare('DELETE FROM assessment_snapshots').run()).toThrow(/frozen/);
  });
});

describe('a batch prepared before it is stored', () => {
  it('prepares again a case edited meanwhile: the assessment is of the case as it is when the batch commits', () => {
    const id = createCase(h.admin, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112' } }).id;
    const request = { ids: [id], today: '2025-06-12' };
    const prepared = prepareBatch(h.store.db, request);
    updateCase(h.admin, { id, expectedVersion: 1, case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112', remandDays: 400 }, reason: 'remand found' });
    const [stored] = write(h.admin, (scope) => storeBatch(h.store.db, scope, request, prepared, 'batch'));
    const assessment = listAssessments(h.admin, { caseId: id })[0]!;
    expect(stored).toMatchObject({ caseId: id, assessmentId: assessment.id });
    expect(assessment.caseVersion).toBe(2);
    expect(assessment.caseSnapshot.remandDays).toBe(400);
  });

  it('stores a text a case named by its hash alone when the case before it that carried the text is prepared again under another law', () => {
    const c = { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112' };
    const [first, second] = [createCase(h.admin, { case: c }).id, createCase(h.admin, { case: c }).id];
    const request = { ids: [first!, second!], today: '2025-06-12' };
    const prepared = prepareBatch(h.store.db, request);
    // The same law's texts: the first case carries them, the second names them by hash.
    const texts = prepared.map((i) => ('prepared' in i ? i.prepared.texts : null));
    expect(texts[0]).toHaveProperty('content');
    expect(texts[1]).toEqual({ hash: texts[0]!.hash });
    updateCase(h.admin, { id: first!, expectedVersion: 1, case: { ...c, ruleSetId: 'us-th-1982' }, reason: 'another treaty' });
    write(h.admin, (scope) => storeBatch(h.store.db, scope, request, prepared, 'batch'));
    const [a, b] = [first!, second!].map((id) => listAssessments(h.admin, { caseId: id })[0]!);
    expect(a!.ruleSet.id).toBe('us-th-1982');
    expect(b!.result.treaty).toEqual(runAssessment(h.admin, { caseId: second! }).result.treaty);
    expect(references(b!.id).texts_id).toBe(references(listAssessments(h.admin, { caseId: second! })[0]!.id).texts_id);
  });

  it('prepares again a batch prepared for another day than the one it is stored on', () => {
    const id = createCase(h.admin, { case: CASE_FIXTURES.minimal }).id;
    const request = { ids: [id], today: '2025-06-11', ruleSetId: 'us-th-1982' };
    const prepared = prepareBatch(h.store.db, request);
    write(h.admin, (scope) => storeBatch(h.store.db, scope, request, prepared, 'batch'));
    // The case names no event: its reference date is the day it is assessed, the day of the write.
    expect(listAssessments(h.admin, { caseId: id })[0]!.referenceDate).toBe('2025-06-12');
  });
});

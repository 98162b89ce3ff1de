import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { runAssessment } from './assessments.ts';
import { listAudit, verifyAudit } from './audit.ts';
import { importCases } from './case-import.ts';
import { closeCase, createCase, reopenCase, setCaseStatus, updateCase } from './cases.ts';
import { saveRuleSet } from './rulesets.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness();
});
afterEach(() => h.dispose());

describe('the audit service', () => {
  it('records exactly one entry per write, each by its user, in a verifiable chain', () => {
    const ctx = h.admin; // a supervisor: it records every step of the lifecycle (shared/workflow/roles.ts)
    const count = () => listAudit(ctx, { limit: 1000 }).length;
    const writes: [string, () => unknown][] = [];
    let id = '';
    writes.push(['case.create', () => (id = createCase(ctx, { case: CASE_FIXTURES.lifeChinese }).id)]);
    writes.push(['case.update', () => updateCase(ctx, { id, expectedVersion: 1, case: CASE_FIXTURES.lifeChinese, reason: 'same again' })]);
    writes.push(['case.status', () => setCaseStatus(ctx, { id, expectedVersion: 2, status: 'decision', reason: 'ready' })]);
    writes.push(['assessment.run', () => runAssessment(ctx, { caseId: id })]);
    writes.push(['case.close', () => closeCase(ctx, { id, expectedVersion: 3, outcome: 'closed_unviable', reason: 'no contact', reasonCode: 'not-viable' })]);
    writes.push(['case.reopen', () => reopenCase(ctx, { id, expectedVersion: 4, status: 'decision', reason: 'contact again' })]);
    writes.push(['case.import', () => importCases(ctx, CASE_FIXTURES.minimal)]);
    writes.push(['ruleset.save', () => saveRuleSet(h.admin, { ruleSet: { ...builtInRuleSet('hk-th'), version: 'rev' }, reason: 'edit' })]);
    for (const [action, write] of writes) {
      const before = count();
      write();
      expect(count(), action).toBe(before + 1);
      expect(listAudit(ctx, { limit: 1 })[0]?.action).toBe(action);
    }
    expect(listAudit(ctx, { entity: 'case', entityId: id, limit: 100 }).every((e) => e.userId === ctx.user.id)).toBe(true);
    expect(verifyAudit(ctx)).toEqual({ ok: true, entries: count(), firstBadSeq: null });
  });

  it('pages backwards and filters by entity', () => {
    const ctx = h.officer;
    for (let i = 0; i < 5; i++) createCase(ctx, { case: CASE_FIXTURES.minimal });
    const newest = listAudit(ctx, { entity: 'case', limit: 2 });
    const older = listAudit(ctx, { entity: 'case', limit: 2, beforeSeq: newest[1]?.seq });
    expect([...newest, ...older].map((e) => e.seq)).toEqual([...newest, ...older].map((e) => e.seq).sort((a, b) => b - a));
    expect(new Set([...newest, ...older].map((e) => e.seq)).size).toBe(4);
    expect(listAudit(ctx, { entity: 'user', limit: 10 }).map((e) => e.action)).toEqual(['user.create', 'user.bootstrap']);
    expect(refusedPayload(h.admin, 'audit.list', { limit: 0 }).problems).toMatchObject([{ field: 'limit' }]);
  });

  it('reports the first altered entry', () => {
    const ctx = h.officer;
    createCase(ctx, { case: CASE_FIXTURES.minimal });
    createCase(ctx, { case: CASE_FIXTURES.cyrillic });
    ctx.db.exec('DROP TRIGGER audit_log_no_update');
    ctx.db.prepare("UPDATE audit_log SET user_id = 'someone-else' WHERE seq = 3").run();
    expect(verifyAudit(ctx)).toEqual({ ok: false, entries: 4, firstBadSeq: 3 });
  });
});

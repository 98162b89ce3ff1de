import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../db/audit-repo.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { listAssessments, runAssessment } from './assessments.ts';
import { listAudit } from './audit.ts';
import { closeCase, createCase, getCase } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { reassessCases } from './reassess.ts';
import { expectRefused, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness();
  ctx = h.admin; // a supervisor: it records every step of the lifecycle (shared/workflow/roles.ts)
});
afterEach(() => h.dispose());

/** Five cases naming a rule-set and one naming none. */
function seed(): { named: string[]; unnamed: string } {
  const named = [
    createCase(ctx, { case: CASE_FIXTURES.lifeChinese }).id,
    createCase(ctx, { case: CASE_FIXTURES.consecutiveChain }).id,
    createCase(ctx, { case: CASE_FIXTURES.cyrillic }).id,
    createCase(ctx, { case: CASE_FIXTURES.consecutiveChain }).id,
    createCase(ctx, { case: CASE_FIXTURES.lifeChinese }).id,
  ];
  const unnamed = createCase(ctx, { case: CASE_FIXTURES.minimal }).id;
  return { named, unnamed };
}

describe('reassessCases', () => {
  it('assesses every open case naming a rule-set, in batches, with progress after each', () => {
    const { named, unnamed } = seed();
    const audit = countAuditEntries(ctx.db);
    const progress: [number, number][] = [];
    const result = reassessCases(ctx, { batchSize: 2, reason: 'treaty update', onProgress: (done, total) => progress.push([done, total]) });

    expect(result.total).toBe(6);
    expect(result.assessed).toBe(5);
    expect(result.skipped).toEqual([{ id: unnamed, reason: 'no_rule_set' }]);
    expect(Object.values(result.verdicts).reduce((a, b) => a + b, 0)).toBe(5);
    expect(progress).toEqual([[2, 6], [4, 6], [6, 6]]);
    expect(countAuditEntries(ctx.db)).toBe(audit + 5);
    for (const id of named) {
      const [latest] = listAssessments(ctx, { caseId: id });
      expect(latest).toMatchObject({ caseId: id, reason: 'treaty update', userId: ctx.user.id });
      expect(getCase(ctx, { id }).latestAssessment?.id).toBe(latest?.id);
      const [entry] = listAudit(ctx, { entity: 'case', entityId: id, limit: 1 });
      expect(entry).toMatchObject({ action: 'assessment.run', reason: 'treaty update', after: { assessmentId: latest?.id, verdict: latest?.verdict } });
    }
    expect(listAssessments(ctx, { caseId: unnamed })).toEqual([]);
  });

  it('stores the same snapshot and verdict as runAssessment', () => {
    const { named } = seed();
    const single = runAssessment(ctx, { caseId: named[1]!, ruleSetId: 'coe-ets-112' });
    reassessCases(ctx, { ids: [named[1]!], ruleSetId: 'coe-ets-112' });
    const [batch] = listAssessments(ctx, { caseId: named[1]! });
    expect(batch?.id).not.toBe(single.id);
    expect(batch).toMatchObject({ verdict: single.verdict, ruleSet: single.ruleSet, caseSnapshot: single.caseSnapshot, result: single.result });
  });

  it('takes the cases named, closed ones included, under the rule-set given', () => {
    const { named, unnamed } = seed();
    const closed = closeCase(ctx, { id: named[0]!, expectedVersion: 1, outcome: 'consent_withdrawn', reason: 'consent withdrawn', reasonCode: 'person-withdrew' });
    expect(reassessCases(ctx, {}).assessed).toBe(4);
    const result = reassessCases(ctx, { ids: [closed.id, unnamed], ruleSetId: 'coe-ets-112' });
    expect(result).toMatchObject({ total: 2, assessed: 2, skipped: [] });
    expect(listAssessments(ctx, { caseId: unnamed })[0]?.ruleSet.id).toBe('coe-ets-112');
    expect(reassessCases(ctx, { includeClosed: true }).total).toBe(6);
  });

  it('refuses a bad input and changes nothing', () => {
    const { named } = seed();
    const missing = '00000000-0000-4000-8000-000000000000';
    const unknownId = expectRefused(ctx, 'not_found', () => reassessCases(ctx, { ids: [named[0]!, missing] }));
    expect(unknownId.problems).toEqual([{ field: 'ids[1]', message: `no case ${missing}` }]);
    const twice = expectRefused(ctx, 'invalid_input', () => reassessCases(ctx, { ids: [named[0]!, named[0]!] }));
    expect(twice.problems[0]?.field).toBe('ids[1]');
    expectRefused(ctx, 'invalid_input', () => reassessCases(ctx, { ids: ['not-a-uuid'] }));
    expectRefused(ctx, 'invalid_input', () => reassessCases(ctx, { batchSize: 0 }));
    expectRefused(ctx, 'invalid_input', () => reassessCases(ctx, { unknownKey: 1 } as never));
    expectRefused(ctx, 'not_found', () => reassessCases(ctx, { ruleSetId: 'no-such-treaty' }));
  });

  it('refuses a user no longer in the store before writing anything', () => {
    seed();
    expectRefused(ctx, 'forbidden', () => reassessCases({ ...h.officer, user: { ...h.officer.user, role: 'supervisor' } }));
  });
});

import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findAssessment } from '../../db/assessments-repo.ts';
import { verifyAuditChain } from '../../db/audit-repo.ts';
import { verifyStore } from '../../db/audit-verify.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { findCase } from '../../db/cases-repo.ts';
import { listAudit } from './audit.ts';
import { createCase } from './cases.ts';
import { reassessCases } from './reassess.ts';
import { serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness();
});
afterEach(() => h.dispose());

describe('reassessCases, loading and auditing a batch at a time', () => {
  it('keeps the audit chain whole and ties each snapshot into it', () => {
    const ctx = h.admin; // a supervisor: it records every step of the lifecycle (shared/workflow/roles.ts)
    const fixtures = [CASE_FIXTURES.lifeChinese, CASE_FIXTURES.consecutiveChain, CASE_FIXTURES.cyrillic];
    // Seven cases in batches of three: 3 + 3 + 1, each batch loaded in one query per table.
    const ids = Array.from({ length: 7 }, (_, i) => createCase(ctx, { case: fixtures[i % 3] }).id);
    expect(reassessCases(ctx, { batchSize: 3 })).toMatchObject({ total: 7, assessed: 7, skipped: [] });
    expect(verifyAuditChain(ctx.db)).toMatchObject({ ok: true, firstBadSeq: null });
    expect(verifyStore(ctx.db).findings).toEqual([]);
    for (const id of ids) {
      const [entry] = listAudit(ctx, { entity: 'case', entityId: id, limit: 1 });
      const after = entry?.after as { assessmentId: string; snapshotHash: string };
      const row = findAssessment(ctx.db, after.assessmentId)!;
      // The snapshot is the case as stored, and the audit entry holds sha256(snapshot + result).
      expect(JSON.parse(row.case_snapshot)).toStrictEqual(findCase(ctx.db, id)?.case);
      expect(after.snapshotHash).toBe(createHash('sha256').update(row.case_snapshot + row.result).digest('hex'));
      // Time-ordered assessment ids (version 7).
      expect(row.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/);
    }
  });
});

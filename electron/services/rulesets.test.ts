import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../../shared/treaties/library.ts';
import { getRuleSet, listRuleSets, saveRuleSet } from './rulesets.ts';
import { runAssessment } from './assessments.ts';
import { createCase } from './cases.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import type { RuleSet } from '../../shared/treaties/schema.ts';
import { expectRefused, refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness();
});
afterEach(() => h.dispose());

const ets112 = () => builtInRuleSet('coe-ets-112')!;

describe('rule-set versions', () => {
  it('stores an edited version with the hash of its content, and lists it with the built-ins', () => {
    const edited = { ...ets112(), version: '1983-rev1', effectiveFrom: '2024-01-01', notes: 'Declaration by X recorded' };
    const saved = saveRuleSet(h.admin, { ruleSet: edited, reason: 'declaration of 2023-12-01' });
    expect(saved).toEqual({
      id: 'coe-ets-112', version: '1983-rev1', effectiveFrom: '2024-01-01', title: edited.title, kind: 'multilateral', caseId: null, source: 'stored',
      hash: sha256Hex(canonicalJson(edited)), createdAt: '2025-01-15T10:00:00.000Z',
    });
    const listed = listRuleSets(h.officer);
    expect(listed).toHaveLength(BUILT_IN_RULESETS.length + 1);
    expect(listed.filter((r) => r.id === 'coe-ets-112').map((r) => [r.version, r.source])).toEqual([['1983-rev1', 'stored'], ['1983', 'built-in']]);
  });

  it('refuses, changing nothing: an invalid rule-set, a version already stored, a built-in version, no reason', () => {
    const error = expectRefused(h.admin, 'invalid_input', () =>
      saveRuleSet(h.admin, { ruleSet: { ...ets112(), id: 'Bad Id', referenceEvent: { value: 'sometime', source: '', confidence: 'X' } }, reason: 'x' }),
    );
    expect(error.problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(['ruleSet.id', 'ruleSet.referenceEvent.value', 'ruleSet.referenceEvent.source', 'ruleSet.referenceEvent.confidence']),
    );
    saveRuleSet(h.admin, { ruleSet: { ...ets112(), version: 'v2' }, reason: 'x' });
    expectRefused(h.admin, 'conflict', () => saveRuleSet(h.admin, { ruleSet: { ...ets112(), version: 'v2', title: 'other' }, reason: 'x' }));
    expectRefused(h.admin, 'conflict', () => saveRuleSet(h.admin, { ruleSet: ets112(), reason: 'x' }));
    expect(refusedPayload(h.admin, 'rulesets.save', { ruleSet: { ...ets112(), version: 'v3' } }).problems).toMatchObject([{ field: 'reason' }]);
  });

  it('keeps a stored version as it is (triggers)', () => {
    saveRuleSet(h.admin, { ruleSet: { ...ets112(), version: 'v2' }, reason: 'x' });
    expect(() => h.admin.db.prepare("UPDATE rule_sets SET effective_from = '1900-01-01'").run()).toThrow(/never changed/);
    expect(() => h.admin.db.prepare('DELETE FROM rule_sets').run()).toThrow(/never deleted/);
  });
});

describe('a version an assessment used', () => {
  it('is never changed in place: the service refuses the same version, SQL refuses an update, and the assessment still matches its hash', () => {
    const caseId = createCase(h.admin, { case: { ...CASE_FIXTURES.formatExample as object, ruleSetId: 'coe-ets-112' } }).id;
    const v2 = { ...ets112(), version: 'v2', effectiveFrom: '2020-01-01' };
    saveRuleSet(h.admin, { ruleSet: v2, reason: 'x' });
    const used = runAssessment(h.admin, { caseId });
    expect(used.ruleSet).toMatchObject({ version: 'v2', source: 'stored', hash: sha256Hex(canonicalJson(v2)) });
    expect(getRuleSet(h.officer, { id: 'coe-ets-112' }).versions.find((v) => v.version === 'v2')?.assessments).toBe(1);

    expectRefused(h.admin, 'conflict', () => saveRuleSet(h.admin, { ruleSet: { ...v2, minRemaining: { ...v2.minRemaining, value: null } }, reason: 'quiet fix' }));
    expect(() => h.admin.db.prepare("UPDATE rule_sets SET content = json_set(content, '$.title', 'x') WHERE version = 'v2'").run()).toThrow(/never changed/);
    const stored = h.admin.db.prepare("SELECT content, hash FROM rule_sets WHERE version = 'v2'").get() as { content: string; hash: string };
    expect(sha256Hex(stored.content)).toBe(used.ruleSet.hash);
  });
});

describe('getRuleSet', () => {
  it('lists every version with its content, latest first, the built-in last, and marks the one in force today (2025-01-15)', () => {
    saveRuleSet(h.admin, { ruleSet: { ...ets112(), version: 'past', effectiveFrom: '2024-06-01' }, reason: 'x' });
    saveRuleSet(h.admin, { ruleSet: { ...ets112(), version: 'future', effectiveFrom: '2025-03-01' }, reason: 'x' });
    const detail = getRuleSet(h.officer, { id: 'coe-ets-112' });
    expect(detail.versions.map((v) => [v.version, v.source, v.inForceToday])).toEqual([
      ['future', 'stored', false],
      ['past', 'stored', true],
      ['1983', 'built-in', false],
    ]);
    expect(detail.versions[2]!.ruleSet).toEqual(ets112());
    expectRefused(h.officer, 'not_found', () => getRuleSet(h.officer, { id: 'no-such-treaty' }));
  });
});

describe('an arrangement for one case (Cap. 513: "for a particular prisoner")', () => {
  const arrangement = (caseId: string, version = '1'): RuleSet => ({
    ...ets112(), id: 'hk-ad-hoc-ivanov', version, effectiveFrom: '2020-01-01', title: 'Arrangement for IVANOV', kind: 'ad-hoc-arrangement', caseId,
  });

  it('is used for its case and no other', () => {
    const mine = createCase(h.admin, { case: { ...CASE_FIXTURES.formatExample as object, ruleSetId: 'hk-ad-hoc-ivanov' } }).id;
    const other = createCase(h.admin, { case: { ...CASE_FIXTURES.formatExample as object, ruleSetId: 'hk-ad-hoc-ivanov' } }).id;
    expect(saveRuleSet(h.admin, { ruleSet: arrangement(mine), reason: 'agreed for this prisoner' })).toMatchObject({ kind: 'ad-hoc-arrangement', caseId: mine });
    expect(runAssessment(h.admin, { caseId: mine }).ruleSet).toMatchObject({ id: 'hk-ad-hoc-ivanov', source: 'stored' });
    expectRefused(h.admin, 'not_found', () => runAssessment(h.admin, { caseId: other }));
  });

  it('refuses, changing nothing: an unknown case, a binding on a built-in id, a version bound to another case', () => {
    const mine = createCase(h.admin, { case: CASE_FIXTURES.formatExample }).id;
    const other = createCase(h.admin, { case: CASE_FIXTURES.formatExample }).id;
    expectRefused(h.admin, 'conflict', () => saveRuleSet(h.admin, { ruleSet: arrangement('0b7f6d1e-8a3c-4c2e-9f55-1d2a3b4c5d6e'), reason: 'x' }));
    expectRefused(h.admin, 'conflict', () => saveRuleSet(h.admin, { ruleSet: { ...arrangement(mine), id: 'coe-ets-112' }, reason: 'x' }));
    saveRuleSet(h.admin, { ruleSet: arrangement(mine), reason: 'x' });
    const e = expectRefused(h.admin, 'conflict', () => saveRuleSet(h.admin, { ruleSet: arrangement(other, '2'), reason: 'x' }));
    expect(e.problems).toEqual([{ field: 'ruleSet.caseId', message: `hk-ad-hoc-ivanov is bound to case ${mine}` }]);
    const notAdHoc = expectRefused(h.admin, 'invalid_input', () => saveRuleSet(h.admin, { ruleSet: { ...arrangement(mine, '3'), kind: 'bilateral' }, reason: 'x' }));
    expect(notAdHoc.problems[0]).toMatchObject({ field: 'ruleSet.caseId', messageKey: 'validation.ruleset.binding' });
  });
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../../db/canonical-json.ts';
import { BUILT_IN_RULESETS, builtInRuleSet } from '../../shared/treaties/library.ts';
import { listRuleSets, saveRuleSet } from './rulesets.ts';
import { expectRefused, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
beforeEach(() => {
  h = serviceHarness();
});
afterEach(() => h.dispose());

const ets112 = () => builtInRuleSet('coe-ets-112');

describe('rule-set versions', () => {
  it('stores an edited version with the hash of its content, and lists it with the built-ins', () => {
    const edited = { ...ets112(), version: '1983-rev1', effectiveFrom: '2024-01-01', notes: 'Declaration by X recorded' };
    const saved = saveRuleSet(h.admin, { ruleSet: edited, reason: 'declaration of 2023-12-01' });
    expect(saved).toEqual({
      id: 'coe-ets-112', version: '1983-rev1', effectiveFrom: '2024-01-01', title: edited.title, source: 'stored',
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
    expectRefused(h.admin, 'invalid_input', () => saveRuleSet(h.admin, { ruleSet: { ...ets112(), version: 'v3' } }));
  });

  it('keeps a stored version as it is (triggers)', () => {
    saveRuleSet(h.admin, { ruleSet: { ...ets112(), version: 'v2' }, reason: 'x' });
    expect(() => h.admin.db.prepare("UPDATE rule_sets SET effective_from = '1900-01-01'").run()).toThrow(/never changed/);
    expect(() => h.admin.db.prepare('DELETE FROM rule_sets').run()).toThrow(/never deleted/);
  });
});

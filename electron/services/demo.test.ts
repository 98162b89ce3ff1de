import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countAuditEntries } from '../../db/audit-repo.ts';
import { findCase } from '../../db/cases-repo.ts';
import { parseCase, type CaseFile } from '../../shared/domain/case.ts';
import { builtInRuleSet } from '../../shared/treaties/library.ts';
import { listCases } from './cases.ts';
import { STATE_PAIRS } from './demo-data.ts';
import { generateDemoCases, seedDemo } from './demo.ts';
import { parsed, serviceHarness, type ServiceHarness } from './testing.ts';

const cases = generateDemoCases(2000, 2024);
const share = (test: (c: CaseFile) => boolean) => cases.filter(test).length / cases.length;

describe('generateDemoCases', () => {
  it('is deterministic: the same seed gives the same cases, another seed others', () => {
    expect(generateDemoCases(200, 2024)).toStrictEqual(cases.slice(0, 200));
    expect(generateDemoCases(200, 2025)).not.toStrictEqual(cases.slice(0, 200));
  });

  it('gives valid case files, without warnings, that the store accepts', () => {
    for (const c of cases.slice(0, 500)) {
      const parsed = parseCase(c);
      expect(parsed.ok && parsed.warnings).toEqual([]);
      expect(c.person.familyName).toBeTruthy();
    }
  });

  it('pairs States with a built-in rule-set that fits them, or none', () => {
    for (const c of cases) {
      const pair = STATE_PAIRS.find(([s, a]) => s === c.sentencingState && a === c.administeringState);
      expect(pair, `${c.sentencingState}->${c.administeringState}`).toBeDefined();
      expect(pair?.[2]).toContain(c.ruleSetId ?? null);
      if (c.ruleSetId != null) expect(builtInRuleSet(c.ruleSetId)).toBeDefined();
    }
    expect(new Set(cases.map((c) => c.ruleSetId)).size).toBeGreaterThanOrEqual(10);
  });

  it('writes names in Latin, Cyrillic, Chinese and Thai script', () => {
    const names = cases.map((c) => `${c.person.familyName} ${c.person.nativeName ?? ''}`);
    expect(names.some((n) => /[А-Яа-яЁё]/.test(n))).toBe(true);
    expect(names.some((n) => /[\u4e00-\u9fff]/.test(n))).toBe(true);
    expect(names.some((n) => /[\u0e00-\u0e7f]/.test(n))).toBe(true);
    expect(names.some((n) => /^[A-Z]/.test(n))).toBe(true);
    expect(share((c) => c.person.aliases != null && c.person.aliases.length > 0)).toBeGreaterThan(0.05);
    expect(share((c) => c.person.prisonNumber != null)).toBeGreaterThan(0.9);
  });

  it('varies the sentences: months to decades, life, indeterminate, consecutive chains, remand', () => {
    const terms = cases.flatMap((c) => c.sentences.map((s) => s.term));
    const fixedYears = terms.flatMap((t) => (typeof t === 'string' ? [] : [t.years + t.months / 12]));
    expect(Math.min(...fixedYears)).toBeLessThan(1);
    expect(Math.max(...fixedYears)).toBeGreaterThanOrEqual(16);
    expect(terms).toContain('life');
    expect(terms).toContain('indeterminate');
    expect(share((c) => c.sentences.some((s) => s.consecutiveTo != null))).toBeGreaterThan(0.1);
    expect(share((c) => c.remandDays == null)).toBeGreaterThan(0.03);
    expect(share((c) => c.remandDays === 0)).toBeGreaterThan(0.1);
    expect(share((c) => (c.remandDays ?? 0) > 0)).toBeGreaterThan(0.3);
  });

  it('varies consent, offences, statuses and unknown facts', () => {
    const consent = new Set(cases.map((c) => c.consent?.status ?? 'unknown'));
    expect([...consent].sort()).toEqual(['given', 'not-asked', 'refused', 'unknown', 'withdrawn']);
    const categories = new Set(cases.flatMap((c) => c.offences.flatMap((o) => o.categories ?? [])));
    expect([...categories].filter((k) => k.startsWith('eu:')).length).toBeGreaterThan(10);
    expect([...categories].some((k) => k.startsWith('excluded:'))).toBe(true);
    const dual = new Set(cases.flatMap((c) => c.offences.map((o) => o.dualCriminality ?? null)));
    expect(dual).toEqual(new Set(['yes', 'no', 'unknown', null]));
    expect(new Set(cases.map((c) => c.status)).size).toBeGreaterThanOrEqual(9);
    // Unknown is written both ways the format allows: null and left out.
    expect(share((c) => c.reference === null)).toBeGreaterThan(0.01);
    expect(share((c) => !('reference' in c))).toBeGreaterThan(0.01);
    expect(share((c) => c.leftSentencingState != null)).toBeGreaterThan(0.01);
    expect(share((c) => c.judgment.deathSentence === true)).toBeGreaterThan(0);
  });
});

describe('seedDemo', () => {
  let h: ServiceHarness;
  beforeEach(() => {
    h = serviceHarness();
  });
  afterEach(() => h.dispose());

  it('stores the generated cases exactly, each audited, assessing those with a rule-set', () => {
    const auditBefore = countAuditEntries(h.officer.db);
    const { ids, assessed } = seedDemo(h.admin, 300, { seed: 9, batchSize: 64 });
    const expected = generateDemoCases(300, 9);
    expect(ids).toHaveLength(300);
    ids.forEach((id, i) => expect(findCase(h.officer.db, id)?.case).toStrictEqual(expected[i]));
    expect(assessed).toBe(expected.filter((c) => c.ruleSetId != null).length);
    expect(countAuditEntries(h.officer.db) - auditBefore).toBe(300 + assessed);
    expect(listCases(h.officer, parsed('cases.list', { verdict: 'not_assessed', limit: 1 })).total).toBe(300 - assessed);
  });

  it('refuses a count out of range', () => {
    expect(() => seedDemo(h.officer, 0)).toThrow(/invalid_input/);
    expect(() => seedDemo(h.officer, 1.5)).toThrow(/invalid_input/);
  });

  it('seeds a large caseload whose people are found by a name in Chinese', () => {
    // How fast it seeds is measured by `npm run bench`, not asserted here.
    const { ids } = seedDemo(h.admin, 2_000, { seed: 1 });
    expect(ids).toHaveLength(2_000);
    const found = listCases(h.officer, parsed('cases.list', { text: '陳', limit: 50 }));
    expect(found.total).toBeGreaterThan(0);
    // Traditional or Simplified: each finds the other (db/han-fold.ts).
    for (const item of found.items) expect(item.nativeName ?? '').toMatch(/[陳陈]/u);
  }, 120_000);
});

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { caseSchema } from '../../shared/domain/case.ts';
import { listAudit } from './audit.ts';
import { exportCases } from './case-files.ts';
import { importCases } from './case-import.ts';
import { closeCase, createCase, listCases } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { generateDemoCases } from './demo.ts';
import { expectRefused, parsed, refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness();
  ctx = h.admin; // a supervisor: it records every step of the lifecycle (shared/workflow/roles.ts)
});
afterEach(() => h.dispose());

const fixtures = Object.values(CASE_FIXTURES);

describe('importCases', () => {
  it('imports one case file given on its own', () => {
    const result = importCases(ctx, CASE_FIXTURES.formatExample);
    expect(result.ids).toHaveLength(1);
    expect(exportCases(ctx, { ids: result.ids })).toStrictEqual([caseSchema.parse(CASE_FIXTURES.formatExample)]);
  });

  it('imports a list in one go, one audit entry per case, and passes on warnings', () => {
    const auditBefore = listAudit(ctx, { limit: 1000 }).length;
    const result = importCases(ctx, fixtures);
    expect(result.ids).toHaveLength(fixtures.length);
    expect(listCases(ctx, parsed('cases.list', { limit: 500 })).total).toBe(fixtures.length);
    const entries = listAudit(ctx, { limit: 1000 });
    expect(entries.length - auditBefore).toBe(fixtures.length);
    expect(entries.slice(0, fixtures.length).every((e) => e.action === 'case.import')).toBe(true);
    // An unknown code outside eu: and excluded: (consecutiveChain's "x:unknown-code") is kept silently.
    expect(result.warnings).toEqual([]);
    const withUnknown = importCases(ctx, [CASE_FIXTURES.minimal, { ...(CASE_FIXTURES.minimal as object), offences: [{ id: 'O1', categories: ['eu:no-such-thing'] }] }]);
    expect(withUnknown.warnings).toEqual([
      {
        field: 'cases[1].offences[0].categories[0]',
        message: 'unknown category code "eu:no-such-thing": it has no effect',
        messageKey: 'validation.category.unknown',
        params: { code: 'eu:no-such-thing' },
      },
    ]);
  });

  it('imports nothing when any case is invalid, and names every problem by case and field', () => {
    createCase(ctx, { case: CASE_FIXTURES.minimal });
    const bad = [
      CASE_FIXTURES.formatExample,
      { ...(CASE_FIXTURES.minimal as object), person: {} },
      CASE_FIXTURES.cyrillic,
      { ...(CASE_FIXTURES.formatExample as object), sentences: [{ id: 'S1', start: '2021-02-30', term: { years: 0 } }], consent: { status: 'maybe' } },
      'not a case',
    ];
    const error = expectRefused(ctx, 'invalid_input', () => importCases(ctx, bad));
    expect(error.messageKey).toBe('error.import_invalid');
    expect(error.problems).toEqual(
      expect.arrayContaining([
        { field: 'cases[1].person.familyName', message: 'is required to store a case', messageKey: 'validation.storable.familyName' },
        { field: 'cases[3].sentences[0].start', message: 'must be a real calendar date written YYYY-MM-DD', messageKey: 'validation.date.real' },
        expect.objectContaining({ field: 'cases[3].sentences[0].term' }),
        expect.objectContaining({ field: 'cases[3].consent.status' }),
        expect.objectContaining({ field: 'cases[4]' }),
      ]),
    );
    expect(error.problems.some((p) => p.field.startsWith('cases[0]') || p.field.startsWith('cases[2]'))).toBe(false);
  });

  it('refuses an empty list', () => {
    expectRefused(ctx, 'invalid_input', () => importCases(ctx, []));
  });
});

describe('exportCases', () => {
  it('gives back what was imported, and the same again after import into an empty store', () => {
    const demo = generateDemoCases(150, 11);
    importCases(ctx, [...fixtures, ...demo]);
    const first = exportCases(ctx, {});
    expect(first).toStrictEqual([...fixtures.map((f) => caseSchema.parse(f)), ...demo]);

    const other = serviceHarness();
    try {
      importCases(other.admin, JSON.parse(JSON.stringify(first)));
      expect(exportCases(other.admin, {})).toStrictEqual(first);
    } finally {
      other.dispose();
    }
  });

  it('carries the extension fields and the status a closed case ended with', () => {
    const record = createCase(ctx, { case: CASE_FIXTURES.lifeChinese });
    closeCase(ctx, { id: record.id, expectedVersion: 1, outcome: 'refused_by_administering_state', reason: 'note verbale', reasonCode: 'insufficient-ties' });
    const [exported] = exportCases(ctx, { ids: [record.id] });
    expect(exported).toMatchObject({ format: 'tsp-case/1', ruleSetId: 'hk-th', direction: 'incoming', status: 'refused' });
  });

  it('exports the cases named, in that order, and refuses unknown ids', () => {
    const a = createCase(ctx, { case: CASE_FIXTURES.minimal });
    const b = createCase(ctx, { case: CASE_FIXTURES.cyrillic });
    expect(exportCases(ctx, { ids: [b.id, a.id] }).map((c) => c.person.familyName)).toEqual(['Фёдорова', 'SMITH']);
    const missing = crypto.randomUUID();
    expect(() => exportCases(ctx, { ids: [a.id, missing] })).toThrow(/not_found/);
    expect(refusedPayload(ctx, 'cases.export', { ids: ['x'] }).problems[0]?.field).toBe('ids[0]');
  });
});

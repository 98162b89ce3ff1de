import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import type { SpreadsheetJob } from '../../shared/import-schemas.ts';
import { exportCases } from './case-files.ts';
import { commitSpreadsheet, importCases, spreadsheetProgress, startSpreadsheet } from './case-import.ts';
import { createCase, getCase, updateCase } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { expectRefused, serviceHarness, type ServiceHarness } from './testing.ts';

/**
 * The sentencing court (judgment.sentencingCourt) and the prison (person.prison): optional free
 * text of the case file (issue 18), kept through every way a case enters and leaves the store.
 */
let h: ServiceHarness;
let ctx: ServiceContext;
beforeEach(() => {
  h = serviceHarness();
  ctx = h.admin;
});
afterEach(() => h.dispose());

const example = CASE_FIXTURES.formatExample as CaseFile;
const withCourtAndPrison = (court: unknown, prison: unknown) =>
  ({ ...example, judgment: { ...example.judgment, sentencingCourt: court }, person: { ...example.person, prison } }) as CaseFile;

describe('the sentencing court and the prison', () => {
  it('are stored as written, trimmed, and read back by a create, an update and an export', () => {
    const created = createCase(ctx, { case: withCourtAndPrison('  District Court, Hong Kong ', 'Stanley Prison') });
    expect(created.case.judgment.sentencingCourt).toBe('District Court, Hong Kong');
    expect(created.case.person.prison).toBe('Stanley Prison');
    expect(getCase(ctx, { id: created.id }).case.person.prison).toBe('Stanley Prison');

    const updated = updateCase(ctx, { id: created.id, expectedVersion: created.version, case: withCourtAndPrison('區域法院', '赤柱監獄'), reason: 'moved' });
    expect([updated.case.judgment.sentencingCourt, updated.case.person.prison]).toEqual(['區域法院', '赤柱監獄']);
    const [exported] = exportCases(ctx, { ids: [created.id] });
    expect([exported?.judgment.sentencingCourt, exported?.person.prison]).toEqual(['區域法院', '赤柱監獄']);
  });

  it('are unknown (null) when left out, empty or only spaces: never an empty text', () => {
    for (const [court, prison] of [[undefined, undefined], ['', '   '], [null, null]]) {
      const record = createCase(ctx, { case: withCourtAndPrison(court, prison) });
      expect([record.case.judgment.sentencingCourt ?? null, record.case.person.prison ?? null]).toEqual([null, null]);
      const row = ctx.db.prepare('SELECT sentencing_court, prison FROM cases WHERE id = ?').raw().get(record.id);
      expect(row).toEqual([null, null]);
    }
  });

  it('are refused past 200 characters, with the field named', () => {
    const error = expectRefused(ctx, 'invalid_input', () => createCase(ctx, { case: withCourtAndPrison('x'.repeat(201), 'Stanley Prison') }));
    expect(error.problems.map((p) => p.field)).toContain('case.judgment.sentencingCourt');
  });

  it('travel with an exported case into another store', () => {
    const created = createCase(ctx, { case: withCourtAndPrison('Court of First Instance', 'Lai Chi Kok Reception Centre') });
    const file = exportCases(ctx, { ids: [created.id] });
    const other = serviceHarness();
    try {
      const [id] = importCases(other.admin, file).ids;
      const imported = getCase(other.admin, { id: id! }).case;
      expect([imported.judgment.sentencingCourt, imported.person.prison]).toEqual(['Court of First Instance', 'Lai Chi Kok Reception Centre']);
    } finally {
      other.dispose();
    }
  });

  it('are filled from a spreadsheet whose columns are named in English or in Chinese', async () => {
    for (const [headers, court, prison] of [
      ['Family name,Sentencing State,Administering State,Sentencing court,Prison', 'District Court', 'Stanley Prison'],
      ['姓,判刑地,執行地,判刑法院,所在監獄', '區域法院', '赤柱監獄'],
    ] as const) {
      const bytes = Buffer.from(`${headers}\r\nCHAN,HK,TH,${court},${prison}\r\n`, 'utf8');
      const { jobId } = startSpreadsheet(ctx, { fileName: 'cases.csv', contentBase64: bytes.toString('base64') });
      await expect.poll(() => spreadsheetProgress(ctx, { jobId }).phase).toMatch(/ready|failed/);
      const job: SpreadsheetJob = spreadsheetProgress(ctx, { jobId });
      expect(job.mapping.slice(3)).toEqual(['sentencingCourt', 'prison']);
      const [id] = commitSpreadsheet(ctx, { jobId, skipInvalid: false }).caseIds;
      const stored = getCase(ctx, { id: id! }).case;
      expect([stored.judgment.sentencingCourt, stored.person.prison]).toEqual([court, prison]);
    }
  });
});

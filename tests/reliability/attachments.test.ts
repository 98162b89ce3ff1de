/**
 * Attached files travel as base64 text (documents.attach): their schema allows 20 MiB, but the
 * payload guard refused any text over 100,000 characters, so nothing above about 73 KB could be
 * attached. That one field now has its own bound, checked by the guard by channel and path
 * (electron/payload-guard.ts FILE_CONTENT_FIELDS), and must be base64; every other text keeps
 * the 100,000 characters.
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { tempDir } from '../../db/testing.ts';
import { openApp, type OpenedApp } from '../../electron/app.ts';
import { MAX_TEXT_LENGTH } from '../../electron/payload-guard.ts';
import { ATTACHMENT_MAX_BYTES } from '../../shared/workflow-schemas.ts';
import { reliabilitySuite } from './harness.ts';

const { badInput } = reliabilitySuite(import.meta.url);
let dir: string;
let app: OpenedApp;
let caseId: string;

beforeAll(() => {
  dir = tempDir();
  app = openApp({ file: path.join(dir, 's.sqlite'), osUser: 'reliability' });
  const created = app.router.dispatch('cases.create', { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112', direction: 'outgoing' } });
  if (!created.ok) throw new Error(JSON.stringify(created.error));
  caseId = created.data.id;
});
afterAll(() => {
  app.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const attach = (contentBase64: string, extra: object = {}) =>
  app.router.dispatch('documents.attach', { caseId, kind: 'certified-judgment', fileName: 'judgment.pdf', mediaType: 'application/pdf', contentBase64, ...extra });

describe('documents.attach', () => {
  it.each([
    ['100 KB', 100 * 1024],
    ['5 MiB', 5 * 1024 * 1024],
  ])('takes a file of %s, and gives back the same bytes', (_, size) => {
    const bytes = randomBytes(size);
    const attached = attach(bytes.toString('base64'));
    expect(attached.ok, JSON.stringify(!attached.ok && attached.error)).toBe(true);
    const doc = attached.ok ? attached.data.find((d) => d.kind === 'certified-judgment') : undefined;
    const attachment = doc?.attachments.at(-1);
    const read = app.router.dispatch('documents.attachment', { caseId, attachmentId: attachment?.id });
    expect(read.ok && Buffer.from(read.data.contentBase64, 'base64').equals(bytes)).toBe(true);
  });

  badInput('refuses a file over 20 MiB, by the guard, before any schema', () => {
    const refused = attach('A'.repeat(Math.ceil(ATTACHMENT_MAX_BYTES / 3) * 4 + 4));
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.problems[0]).toMatchObject({ field: 'contentBase64', messageKey: 'validation.payload.tooLong' });
  });

  badInput('refuses content that is not base64 (a script, control characters)', () => {
    for (const content of ['<script>alert(1)</script>', `${'QUJD'.repeat(30_000)}\u0000`]) {
      const refused = attach(content);
      expect(refused.ok).toBe(false);
      expect(!refused.ok && refused.error.problems[0]).toMatchObject({ field: 'contentBase64', messageKey: 'validation.payload.notBase64' });
    }
  });

  badInput('keeps the 100,000-character limit on every other text of the same request', () => {
    const refused = attach(Buffer.from('%PDF').toString('base64'), { fileName: 'x'.repeat(MAX_TEXT_LENGTH + 1) });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.problems[0]).toMatchObject({ field: 'fileName', messageKey: 'validation.payload.tooLong' });
  });

  badInput('gives no other channel a long field: a 200,000-character case reference is refused', () => {
    const refused = app.router.dispatch('cases.create', { case: { ...(CASE_FIXTURES.formatExample as object), reference: 'R'.repeat(200_000) } });
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.error.problems[0]).toMatchObject({ field: 'case.reference', messageKey: 'validation.payload.tooLong' });
  });
});

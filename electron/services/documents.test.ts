/** A case's documents: the checklist per rule-set and direction, statuses, and attachments stored by content hash. */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { listAudit } from './audit.ts';
import { createCase } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { storeSecret } from '../../db/secrets-repo.ts';
import { legacyPath, sealedPath } from './attachment-files.ts';
import { attachDocument, listDocuments, readAttachment, sealLegacyAttachments, setDocumentStatus } from './documents.ts';
import { expectRefused, parsed, refusedPayload, serviceHarness, type ServiceHarness } from './testing.ts';

let h: ServiceHarness;
let ctx: ServiceContext;
let caseId: string;
beforeEach(() => {
  h = serviceHarness();
  ctx = h.officer;
  caseId = createCase(ctx, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112', direction: 'outgoing' } }).id;
});
afterEach(() => h.dispose());

const base64 = (text: string) => Buffer.from(text).toString('base64');

describe('listDocuments', () => {
  it('the rule-set\'s documents for the direction, in step order, at their defaults', () => {
    const docs = listDocuments(ctx, { caseId });
    expect(docs[0]).toEqual({
      kind: 'information-notice', labelKey: 'workflow.document.information-notice', step: 'screening', required: true,
      status: 'required', note: null, attachments: [], updatedAt: null,
    });
    expect(docs.find((d) => d.kind === 'medical-social-reports')).toMatchObject({ required: false, status: 'not_applicable' });
    expect(docs.some((d) => d.kind === 'dual-criminality-law')).toBe(false); // incoming only
  });

  it('a case under no rule-set has no checklist', () => {
    const none = createCase(ctx, { case: CASE_FIXTURES.minimal }).id;
    expect(listDocuments(ctx, { caseId: none })).toEqual([]);
  });
});

describe('setDocumentStatus', () => {
  it('records the status with who and when, audited', () => {
    h.setNow('2025-01-16T09:00:00.000Z');
    const docs = setDocumentStatus(ctx, { caseId, kind: 'certified-judgment', status: 'requested', note: 'asked the registry' });
    expect(docs.find((d) => d.kind === 'certified-judgment')).toMatchObject({ status: 'requested', note: 'asked the registry', updatedAt: '2025-01-16T09:00:00.000Z' });
    expect(listAudit(h.admin, { entityId: caseId, limit: 1 })[0]).toMatchObject({
      action: 'document.status', before: { kind: 'certified-judgment', status: 'required' }, after: { kind: 'certified-judgment', status: 'requested' },
    });
  });

  it('refuses a kind the rule-set does not list, or an unknown status, changing nothing', () => {
    expectRefused(ctx, 'invalid_input', () => setDocumentStatus(ctx, { caseId, kind: 'dual-criminality-law', status: 'received' }));
    expect(refusedPayload(ctx, 'documents.setStatus', { caseId, kind: 'certified-judgment', status: 'lost' }).problems).toMatchObject([{ field: 'status' }]);
  });
});

describe('attachDocument', () => {
  it('stores the bytes once, sealed, beside the database; records each attachment; marks the document received', () => {
    const content = '%PDF-1.4 certified judgment';
    const sha256 = crypto.createHash('sha256').update(content).digest('hex');
    attachDocument(ctx, parsed('documents.attach', { caseId, kind: 'certified-judgment', fileName: 'judgment.pdf', mediaType: 'application/pdf', contentBase64: base64(content) }));
    const docs = attachDocument(ctx, parsed('documents.attach', { caseId, kind: 'certified-judgment', fileName: 'judgment (copy).pdf', mediaType: 'application/pdf', contentBase64: base64(content) }));
    const file = sealedPath(ctx.db, sha256);
    expect(path.dirname(path.dirname(file))).toBe(path.join(path.dirname(h.store.file), 'attachments'));
    // One file for both, named by a keyed hash (not the content's sha256), holding no plaintext.
    expect(fs.readdirSync(path.join(path.dirname(h.store.file), 'attachments')).flatMap((d) => fs.readdirSync(path.join(path.dirname(h.store.file), 'attachments', d)))).toEqual([path.basename(file)]);
    expect(path.basename(file)).not.toContain(sha256);
    const sealed = fs.readFileSync(file);
    expect(sealed.includes(Buffer.from('certified judgment'))).toBe(false);
    expect(sealed.length).toBe(5 + 12 + content.length + 16);
    const doc = docs.find((d) => d.kind === 'certified-judgment');
    expect(doc?.status).toBe('received');
    expect(doc?.attachments.map((a) => [a.fileName, a.sha256, a.size])).toEqual([
      ['judgment.pdf', sha256, content.length],
      ['judgment (copy).pdf', sha256, content.length],
    ]);
    expect(listAudit(h.admin, { entityId: caseId, limit: 2 }).map((e) => e.action)).toEqual(['document.attach', 'document.attach']);
  });

  it('seals under a random key of its own store', () => {
    const other = serviceHarness();
    try {
      const mine = storeSecret(ctx.db, 'attachments');
      expect(mine).toHaveLength(32);
      expect(storeSecret(other.officer.db, 'attachments').equals(mine)).toBe(false);
      expect(() => ctx.db.prepare("UPDATE store_secrets SET value = zeroblob(32)").run()).toThrow(/never changed/);
    } finally {
      other.dispose();
    }
  });

  it('keeps a status already done (verified stays verified)', () => {
    setDocumentStatus(ctx, { caseId, kind: 'certified-judgment', status: 'verified' });
    const docs = attachDocument(ctx, parsed('documents.attach', { caseId, kind: 'certified-judgment', fileName: 'j.pdf', contentBase64: base64('x') }));
    expect(docs.find((d) => d.kind === 'certified-judgment')?.status).toBe('verified');
  });

  it('refuses a file without a name or for a document not listed', () => {
    expect(refusedPayload(ctx, 'documents.attach', { caseId, kind: 'certified-judgment', fileName: ' ', contentBase64: base64('x') }).problems).toMatchObject([{ field: 'fileName' }]);
    expectRefused(ctx, 'invalid_input', () => attachDocument(ctx, parsed('documents.attach', { caseId, kind: 'no-such-document', fileName: 'a.pdf', contentBase64: base64('x') })));
  });
});

describe('readAttachment', () => {
  const attachOne = (text: string) => {
    const docs = attachDocument(ctx, parsed('documents.attach', { caseId, kind: 'certified-judgment', fileName: 'judgment.pdf', mediaType: 'application/pdf', contentBase64: base64(text) }));
    return docs.find((d) => d.kind === 'certified-judgment')!.attachments.at(-1)!;
  };

  it('hands back the very bytes attached, with the record', () => {
    const a = attachOne('%PDF-1.4 the judgment');
    const content = readAttachment(h.admin, { caseId, attachmentId: a.id });
    expect(content).toEqual({ ...a, contentBase64: base64('%PDF-1.4 the judgment') });
  });

  it('refuses an attachment of another case, or none, as not found', () => {
    const a = attachOne('x');
    const other = createCase(ctx, { case: { ...(CASE_FIXTURES.formatExample as object), ruleSetId: 'coe-ets-112', direction: 'outgoing' } }).id;
    expect(expectRefused(ctx, 'not_found', () => readAttachment(ctx, { caseId: other, attachmentId: a.id })).messageKey).toBe('error.attachment_not_found');
    expectRefused(ctx, 'not_found', () => readAttachment(ctx, { caseId, attachmentId: a.id + 1 }));
    expect(refusedPayload(ctx, 'documents.attachment', { caseId, attachmentId: 0 }).problems).toMatchObject([{ field: 'attachmentId' }]);
  });

  it('refuses a stored file changed or lost on disk instead of handing it out', () => {
    const a = attachOne('%PDF-1.4 original');
    const file = sealedPath(ctx.db, a.sha256);
    // One bit of the ciphertext flipped: the GCM tag no longer matches.
    const sealed = fs.readFileSync(file);
    sealed[20] = (sealed[20] as number) ^ 1;
    fs.writeFileSync(file, sealed);
    expect(expectRefused(ctx, 'conflict', () => readAttachment(ctx, { caseId, attachmentId: a.id })).messageKey).toBe('error.attachment_damaged');
    fs.rmSync(file);
    expectRefused(ctx, 'conflict', () => readAttachment(ctx, { caseId, attachmentId: a.id }));
  });

  it('still reads a file attached before schema 8 (stored as it came, named by its sha256), checked by its hash', () => {
    const a = attachOne('%PDF-1.4 from an older version');
    const legacy = legacyPath(ctx.db, a.sha256);
    fs.mkdirSync(path.dirname(legacy), { recursive: true });
    fs.writeFileSync(legacy, '%PDF-1.4 from an older version');
    fs.rmSync(sealedPath(ctx.db, a.sha256));
    expect(readAttachment(ctx, { caseId, attachmentId: a.id }).contentBase64).toBe(base64('%PDF-1.4 from an older version'));
    fs.writeFileSync(legacy, '%PDF-1.4 from an older versioN');
    expectRefused(ctx, 'conflict', () => readAttachment(ctx, { caseId, attachmentId: a.id }));
  });
});

describe('sealLegacyAttachments', () => {
  /** A file as versions before schema 8 stored it: as it came, named by its sha256, no sealed copy. */
  const legacyAttachment = (text: string) => {
    const a = attachDocument(ctx, parsed('documents.attach', { caseId, kind: 'certified-judgment', fileName: 'old.pdf', contentBase64: base64(text) }))
      .find((d) => d.kind === 'certified-judgment')!.attachments.at(-1)!;
    const legacy = legacyPath(ctx.db, a.sha256);
    fs.mkdirSync(path.dirname(legacy), { recursive: true });
    fs.writeFileSync(legacy, text);
    fs.rmSync(sealedPath(ctx.db, a.sha256));
    return { a, legacy };
  };

  it('seals each old file, removes its plaintext once the seal reads back, audits the run, and is idempotent', () => {
    const { a, legacy } = legacyAttachment('%PDF-1.4 attached in 2024');
    expect(sealLegacyAttachments(h.admin)).toEqual({ sealed: 1, damaged: [] });
    expect(fs.existsSync(legacy)).toBe(false);
    expect(fs.readFileSync(sealedPath(ctx.db, a.sha256)).includes(Buffer.from('attached in 2024'))).toBe(false);
    expect(readAttachment(ctx, { caseId, attachmentId: a.id }).contentBase64).toBe(base64('%PDF-1.4 attached in 2024'));
    expect(listAudit(h.admin, { limit: 1 })[0]).toMatchObject({ action: 'attachments.seal', after: { sealed: 1, damaged: [] } });
    const audit = listAudit(h.admin, { limit: 100 }).length;
    expect(sealLegacyAttachments(h.admin)).toEqual({ sealed: 0, damaged: [] });
    expect(listAudit(h.admin, { limit: 100 })).toHaveLength(audit);
  });

  it('leaves a file that no longer matches its record as it is, and names it', () => {
    const { a, legacy } = legacyAttachment('%PDF-1.4 original');
    fs.writeFileSync(legacy, '%PDF-1.4 origina1');
    expect(sealLegacyAttachments(h.admin)).toEqual({ sealed: 0, damaged: [a.sha256] });
    expect(fs.readFileSync(legacy, 'utf8')).toBe('%PDF-1.4 origina1');
  });
});

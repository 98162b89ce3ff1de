/**
 * A case's documents (docs/domain.md "Documents of a dossier"): the checklist its rule-set requires for its direction,
 * each document's status, and the files attached to it. Files are stored by content, sealed,
 * beside the database file (attachment-files.ts), so the same file attached twice is stored
 * once; the database records which case and document each attachment belongs to. Each write
 * is audited.
 */
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { appendAudit } from '../../db/audit-repo.ts';
import { attachmentsOf, documentStatusesOf, findAttachment, insertAttachment, setDocumentStatus as writeDocumentStatus, storedAttachmentFiles } from '../../db/documents-repo.ts';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import {
  ATTACHMENT_MAX_BYTES, type AttachmentContent, type CaseDocument,
} from '../../shared/workflow-schemas.ts';
import { defaultStatus, isDone, requirementsFor } from '../../shared/workflow/documents.ts';
import { directionOf } from '../../shared/workflow/steps.ts';
import { legacyPath, readAttachmentBytes, sha256Of, storeAttachment } from './attachment-files.ts';
import { loadRecord } from './case-records.ts';
import type { documentsContract } from '../../shared/contracts/documents.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { ServiceError } from './errors.ts';
import type { Handlers, Input } from './handlers.ts';
import { ruleSetOfCase } from './workflow.ts';
import { write } from './write.ts';

/** The checklist: the rule-set's documents in step order, then any other kind this case has a status or file for. */
function checklist(db: Database.Database, record: CaseRecord, today: string): CaseDocument[] {
  const ruleSet = ruleSetOfCase(db, record, today);
  const listed = ruleSet === null ? [] : requirementsFor(ruleSet, directionOf(record.case.direction));
  const stored = documentStatusesOf(db, record.id);
  const files = attachmentsOf(db, record.id);
  const extra = [...new Set([...stored.keys(), ...files.map((f) => f.kind)])].filter((kind) => !listed.some((d) => d.kind === kind));
  const rows = [...listed, ...extra.map((kind) => ({ kind, step: 'post-transfer' as const, required: false }))];
  return rows.map((d) => {
    const s = stored.get(d.kind);
    return {
      kind: d.kind,
      labelKey: `workflow.document.${d.kind}`,
      step: d.step,
      required: d.required,
      status: s?.status ?? defaultStatus(d),
      note: s?.note ?? null,
      attachments: files.filter((f) => f.kind === d.kind).map(({ kind: _, ...a }) => a),
      updatedAt: s?.updatedAt ?? null,
    };
  });
}

/** The case's document checklist (kind, label key, step, required, status, attachments, updatedAt). */
export function listDocuments(ctx: ServiceContext, { caseId }: Input<'documents.list'>): CaseDocument[] {
  return checklist(ctx.db, loadRecord(ctx.db, caseId), todayOf(ctx));
}

function requireListed(documents: readonly CaseDocument[], kind: string): CaseDocument {
  const found = documents.find((d) => d.kind === kind);
  if (found === undefined) throw new ServiceError('invalid_input', 'error.document_unknown', [{ field: 'kind', message: `the case's rule-set lists no document "${kind}"` }]);
  return found;
}

/**
 * Documents are read-only on a closed case: what the file held when it closed stays as it was.
 * After a transfer, only the documents that follow it (enforcement reports, clemency notices:
 * the post-transfer step) are still recorded.
 */
function requireWritable(record: CaseRecord, document: CaseDocument): void {
  if (record.closedAt === null || (record.closeOutcome === 'transferred' && document.step === 'post-transfer')) return;
  throw new ServiceError('conflict', 'error.case_closed', [{ field: 'caseId', message: 'the case is closed: its documents are read-only' }]);
}

export function setDocumentStatus(ctx: ServiceContext, { caseId, kind, status, note }: Input<'documents.setStatus'>): CaseDocument[] {
  return write(ctx, (scope) => {
    const record = loadRecord(ctx.db, caseId);
    const before = requireListed(checklist(ctx.db, record, scope.today), kind);
    requireWritable(record, before);
    writeDocumentStatus(scope.db, caseId, { kind, status, note: note ?? null, updatedAt: scope.at, updatedBy: scope.userId });
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'document.status', entity: 'case', entityId: caseId, reason: note ?? null,
      before: { kind, status: before.status, note: before.note }, after: { kind, status, note: note ?? null },
    });
    return checklist(ctx.db, record, scope.today);
  });
}

/** Attaches a file to a document; a document still awaited is then marked received. */
export function attachDocument(ctx: ServiceContext, { caseId, kind, fileName, mediaType, contentBase64 }: Input<'documents.attach'>): CaseDocument[] {
  const bytes = Buffer.from(contentBase64, 'base64');
  if (bytes.length > ATTACHMENT_MAX_BYTES) throw new ServiceError('invalid_input', 'error.invalid_input', [{ field: 'contentBase64', message: 'the file is larger than 20 MiB' }]);
  const record = loadRecord(ctx.db, caseId);
  requireWritable(record, requireListed(checklist(ctx.db, record, todayOf(ctx)), kind));
  // Stored before the transaction: content-addressed, so a write that then fails leaves at most an unreferenced file.
  const sha256 = storeAttachment(ctx.db, bytes);
  return write(ctx, (scope) => {
    const current = loadRecord(ctx.db, caseId);
    const before = requireListed(checklist(ctx.db, current, scope.today), kind);
    requireWritable(current, before);
    const id = insertAttachment(scope.db, caseId, { kind, sha256, fileName, mediaType, size: bytes.length, createdAt: scope.at, createdBy: scope.userId });
    const status = isDone(before.status) ? before.status : 'received';
    if (status !== before.status) writeDocumentStatus(scope.db, caseId, { kind, status, note: before.note, updatedAt: scope.at, updatedBy: scope.userId });
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'document.attach', entity: 'case', entityId: caseId, reason: null,
      before: { kind, status: before.status }, after: { kind, status, attachment: { id, sha256, fileName, mediaType, size: bytes.length } },
    });
    return checklist(ctx.db, record, scope.today);
  });
}

/**
 * An attached file's bytes, to save or open. Read back from its content-addressed file and
 * checked against the hash and size recorded when it was attached: a file changed or lost
 * on disk is refused, never handed out as the document.
 */
export function readAttachment(ctx: ServiceContext, { caseId, attachmentId }: Input<'documents.attachment'>): AttachmentContent {
  const found = findAttachment(ctx.db, caseId, attachmentId);
  if (found === undefined) throw new ServiceError('not_found', 'error.attachment_not_found', [{ field: 'attachmentId', message: `case ${caseId} has no attachment ${attachmentId}` }]);
  const { kind: _, ...attachment } = found;
  const bytes = readAttachmentBytes(ctx.db, attachment.sha256, attachment.size);
  if (bytes === null) {
    throw new ServiceError('conflict', 'error.attachment_damaged', [{ field: 'attachmentId', message: `the stored file of ${attachment.fileName} is missing or no longer matches its hash` }]);
  }
  return { ...attachment, contentBase64: bytes.toString('base64') };
}

export interface SealedAttachments {
  /** Files stored as they came (before schema 8) now sealed, their plaintext removed. */
  sealed: number;
  /** Files left as they are because they no longer match their recorded hash or size (sha256 of each). */
  damaged: string[];
}

/**
 * Seals the files attached before schema 8 (stored as they came, beside the store): each is
 * read, checked against its recorded hash, sealed (attachment-files.ts), read back through
 * the seal and only then its plaintext removed. A file that does not match its record is
 * left untouched and named. Running it again does nothing more. The caller audits the run:
 * the app at start as the system (electron/keystore-start.ts), `tsp attachments seal` as its user.
 */
export function sealLegacyAttachmentFiles(db: Database.Database): SealedAttachments {
  const result: SealedAttachments = { sealed: 0, damaged: [] };
  for (const { sha256, size } of storedAttachmentFiles(db)) {
    const legacy = legacyPath(db, sha256);
    if (!fs.existsSync(legacy)) continue;
    const bytes = fs.readFileSync(legacy);
    if (bytes.length !== size || sha256Of(bytes) !== sha256) {
      result.damaged.push(sha256);
      continue;
    }
    storeAttachment(db, bytes);
    if (readAttachmentBytes(db, sha256, size) === null) throw new Error(`sealing the attached file ${sha256} could not be read back: its plaintext is kept`);
    fs.rmSync(legacy);
    result.sealed += 1;
  }
  return result;
}

/** sealLegacyAttachmentFiles as the signed-in user, with one audit entry when it did anything. */
export function sealLegacyAttachments(ctx: ServiceContext): SealedAttachments {
  const result = sealLegacyAttachmentFiles(ctx.db);
  if (result.sealed > 0 || result.damaged.length > 0) {
    write(ctx, (scope) => {
      appendAudit(scope.db, {
        at: scope.at, userId: scope.userId, action: 'attachments.seal', entity: 'store', entityId: path.basename(ctx.db.name), reason: null,
        before: null, after: result,
      });
    });
  }
  return result;
}

export const documentsHandlers: Handlers<keyof typeof documentsContract> = {
  'documents.list': listDocuments,
  'documents.setStatus': setDocumentStatus,
  'documents.attach': attachDocument,
  'documents.attachment': readAttachment,
};

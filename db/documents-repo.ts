/** SQL for each case's document statuses and the attachments recorded against them (bytes live on disk, by hash). */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import type { DocumentStatus } from '../shared/workflow/documents.ts';
import { statement } from './statements.ts';

export interface StoredDocumentStatus {
  kind: string;
  status: DocumentStatus;
  note: string | null;
  updatedAt: string;
  updatedBy: string;
}

export interface AttachmentRecord {
  id: number;
  kind: string;
  sha256: string;
  fileName: string;
  mediaType: string;
  size: number;
  createdAt: string;
  createdBy: string;
}

interface AttachmentRow {
  id: number;
  kind: string;
  sha256: string;
  file_name: string;
  media_type: string;
  size: number;
  created_at: string;
  created_by: string;
}

const SQL = {
  statuses: 'SELECT kind, status, note, updated_at AS updatedAt, updated_by AS updatedBy FROM case_documents WHERE case_id = ?',
  upsert: `INSERT INTO case_documents (case_id, kind, status, note, updated_at, updated_by)
    VALUES (@caseId, @kind, @status, @note, @updatedAt, @updatedBy)
    ON CONFLICT (case_id, kind) DO UPDATE SET status = excluded.status, note = excluded.note,
      updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  attachments: 'SELECT * FROM attachments WHERE case_id = ? ORDER BY kind, id',
  attachment: 'SELECT * FROM attachments WHERE case_id = ? AND id = ?',
  files: 'SELECT DISTINCT sha256, size FROM attachments ORDER BY sha256',
  attach: `INSERT INTO attachments (case_id, kind, sha256, file_name, media_type, size, created_at, created_by)
    VALUES (@caseId, @kind, @sha256, @fileName, @mediaType, @size, @createdAt, @createdBy)`,
} as const;

export function documentStatusesOf(db: Database.Database, caseId: string): Map<string, StoredDocumentStatus> {
  const rows = statement(db, SQL.statuses).all(caseId) as StoredDocumentStatus[];
  return new Map(rows.map((r) => [r.kind, r]));
}

export function setDocumentStatus(db: WriteDb, caseId: string, s: StoredDocumentStatus): void {
  statement(db, SQL.upsert).run({ caseId, ...s });
}

const attachmentOf = (r: AttachmentRow): AttachmentRecord => ({
  id: r.id,
  kind: r.kind,
  sha256: r.sha256,
  fileName: r.file_name,
  mediaType: r.media_type,
  size: r.size,
  createdAt: r.created_at,
  createdBy: r.created_by,
});

export function attachmentsOf(db: Database.Database, caseId: string): AttachmentRecord[] {
  return (statement(db, SQL.attachments).all(caseId) as AttachmentRow[]).map(attachmentOf);
}

/** Attachment `id` of case `caseId`; undefined when the case has no such attachment. */
export function findAttachment(db: Database.Database, caseId: string, id: number): AttachmentRecord | undefined {
  const row = statement(db, SQL.attachment).get(caseId, id) as AttachmentRow | undefined;
  return row === undefined ? undefined : attachmentOf(row);
}

export function insertAttachment(db: WriteDb, caseId: string, a: Omit<AttachmentRecord, 'id'>): number {
  return Number(statement(db, SQL.attach).run({ caseId, ...a }).lastInsertRowid);
}

/** Every attached file the store records, once each (the same file attached twice is one file). */
export function storedAttachmentFiles(db: Database.Database): { sha256: string; size: number }[] {
  return statement(db, SQL.files).all() as { sha256: string; size: number }[];
}

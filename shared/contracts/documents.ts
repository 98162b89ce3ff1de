/** A case's documents: the checklist its rule-set asks for, each document's status, and the attached files (electron/services/documents.ts). */
import { z } from 'zod';
import { caseId } from '../api-schemas.ts';
import { ATTACHMENT_BASE64_MAX_LENGTH, attachmentContentSchema, caseDocumentSchema, documentKind } from '../workflow-schemas.ts';
import { DOCUMENT_STATUSES } from '../workflow/documents.ts';
import { ALL, CASEWORK, type AreaContract } from './channel.ts';

const listDocumentsInput = z.strictObject({ caseId });

const setDocumentStatusInput = z.strictObject({
  caseId,
  kind: documentKind,
  status: z.enum(DOCUMENT_STATUSES),
  note: z.string().trim().max(2000).optional(),
});

const attachDocumentInput = z.strictObject({
  caseId,
  kind: documentKind,
  fileName: z.string().trim().min(1, { error: 'validation.fileName.required' }).max(255),
  mediaType: z.string().max(200).default('application/octet-stream'),
  /** The file's bytes, base64: what survives every shell's IPC (Electron, the CLI, the test shell). */
  contentBase64: z.string().max(ATTACHMENT_BASE64_MAX_LENGTH, { error: 'validation.file.over20MiB' }),
});

/** One attached file of a case, to save or open. */
const readAttachmentInput = z.strictObject({ caseId, attachmentId: z.int({ error: 'validation.id.attachment' }).positive({ error: 'validation.id.attachment' }) });

export const documentsContract = {
  'documents.list': { input: listDocumentsInput, output: z.array(caseDocumentSchema), roles: ALL },
  'documents.setStatus': { input: setDocumentStatusInput, output: z.array(caseDocumentSchema), roles: CASEWORK },
  'documents.attach': { input: attachDocumentInput, output: z.array(caseDocumentSchema), roles: CASEWORK },
  'documents.attachment': { input: readAttachmentInput, output: attachmentContentSchema, roles: ALL },
} as const satisfies AreaContract;

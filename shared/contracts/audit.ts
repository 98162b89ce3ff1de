/** The audit log: the whole log (legal officers), one case's history, and the chain's verification (electron/services/audit.ts). */
import { z } from 'zod';
import { auditEntrySchema, auditVerificationSchema } from '../api-schemas.ts';
import { ALL, LEGAL, noInput, SUPERVISOR, type AreaContract } from './channel.ts';

const listAuditInput = z.strictObject({
  entity: z.string().optional(),
  entityId: z.string().optional(),
  /** Entries older than this sequence number (paging backwards). */
  beforeSeq: z.int().min(1).optional(),
  limit: z.int().min(1).max(1000).default(100),
});

const caseAuditInput = z.strictObject({
  caseId: z.uuid({ error: 'validation.id.case' }),
  /** Entries older than this sequence number (paging backwards). */
  beforeSeq: z.int().min(1).optional(),
  limit: z.int().min(1).max(500).default(100),
});

/** What the case page shows of an entry: the change without its stored states, and who made it. */
const caseAuditEntrySchema = z.strictObject({
  seq: z.int(),
  at: z.string(),
  action: z.string(),
  userId: z.string(),
  /** The user's name, or null for an id the store does not know. */
  userName: z.string().nullable(),
  reason: z.string().nullable(),
  hash: z.string(),
});
export type CaseAuditEntry = z.output<typeof caseAuditEntrySchema>;

export const auditContract = {
  'audit.forCase': { input: caseAuditInput, output: z.array(caseAuditEntrySchema), roles: ALL },
  'audit.list': { input: listAuditInput, output: z.array(auditEntrySchema), roles: LEGAL },
  'audit.verify': { input: noInput, output: auditVerificationSchema, roles: SUPERVISOR },
} as const satisfies AreaContract;

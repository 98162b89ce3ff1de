/** Input and output of a case's audit history (an area not yet in shared/contracts/). */
import { z } from 'zod';

// ---------------------------------------------------------------- audit history of a case

export const caseAuditInput = z.strictObject({
  caseId: z.uuid({ error: 'must be a case id' }),
  /** Entries older than this sequence number (paging backwards). */
  beforeSeq: z.int().min(1).optional(),
  limit: z.int().min(1).max(500).default(100),
});

/** What the case page shows of an entry: the change without its stored states, and who made it. */
export interface CaseAuditEntry {
  seq: number;
  at: string;
  action: string;
  userId: string;
  /** The user's name, or null for an id the store does not know. */
  userName: string | null;
  reason: string | null;
  hash: string;
}

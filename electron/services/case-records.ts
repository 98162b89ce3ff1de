/** Reading a stored case as the services return it, and as the audit log records it. */
import type Database from 'better-sqlite3';
import { findAssessment } from '../../db/assessments-repo.ts';
import { findCase, type StoredCase } from '../../db/cases-repo.ts';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { CloseOutcome, StoredVerdict } from '../../shared/vocabularies.ts';
import { ServiceError } from './errors.ts';

export function requireStoredCase(db: Database.Database, id: string): StoredCase {
  const found = findCase(db, id);
  if (found === undefined) throw new ServiceError('not_found', 'error.case_not_found', [{ field: 'id', message: `no case ${id}` }]);
  return found;
}

export function recordOf(db: Database.Database, stored: StoredCase): CaseRecord {
  const { meta } = stored;
  const latest = meta.latestAssessmentId === null ? undefined : findAssessment(db, meta.latestAssessmentId);
  return {
    id: meta.id,
    version: meta.version,
    createdAt: meta.createdAt,
    updatedAt: meta.updatedAt,
    closedAt: meta.closedAt,
    closeOutcome: meta.closeOutcome as CloseOutcome | null,
    closeReason: meta.closeReason,
    case: stored.case,
    latestAssessment:
      latest === undefined
        ? null
        : {
            id: latest.id,
            verdict: latest.verdict as StoredVerdict,
            referenceDate: latest.reference_date,
            createdAt: latest.created_at,
            ruleSetId: latest.rule_set_id,
          },
  };
}

export function loadRecord(db: Database.Database, id: string): CaseRecord {
  return recordOf(db, requireStoredCase(db, id));
}

/** The state of a case as its audit entries record it (before and after each write). */
export function auditStateOf(record: CaseRecord): object {
  return {
    version: record.version,
    closedAt: record.closedAt,
    closeOutcome: record.closeOutcome,
    closeReason: record.closeReason,
    case: record.case,
  };
}

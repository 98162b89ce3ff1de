/**
 * SQL for matching imported cases with stored ones (issue 20, electron/services/case-import.ts):
 * every case's reference, sentencing State and prison number, read once per import (one scan,
 * rather than a look-up per row of a large file).
 */
import type Database from 'better-sqlite3';
import { statement } from './statements.ts';

export interface CaseMatchRow {
  id: string;
  reference: string | null;
  sentencingState: string;
  prisonNumber: string | null;
}

export function caseMatchRows(db: Database.Database): CaseMatchRow[] {
  return statement(
    db,
    `SELECT c.id AS id, c.reference AS reference, c.sentencing_state AS sentencingState, p.prison_number AS prisonNumber
       FROM cases c JOIN persons p ON p.id = c.person_id
      WHERE c.reference IS NOT NULL OR p.prison_number IS NOT NULL
      ORDER BY c.created_at, c.id`,
  ).all() as CaseMatchRow[];
}

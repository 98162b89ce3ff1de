/**
 * SQL for what a case records as its transfer runs (migration 0014): handover plans,
 * correspondence, notes, the packages it came from, and who it is assigned to. Append-only
 * tables: a correction is a new row (the latest plan is the plan in force).
 */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { statement } from './statements.ts';

export interface HandoverPlanRow {
  id: number;
  plannedOn: string;
  place: string;
  escort: string | null;
  contact: string | null;
  checks: unknown;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string | null;
}

export interface CorrespondenceRow {
  id: number;
  kind: string;
  correspondent: string;
  outgoing: boolean;
  date: string;
  reference: string | null;
  subject: string | null;
  chaseOn: string | null;
  /** A later reply from the same correspondent answered it (an outgoing letter with a chase date). */
  answered: boolean;
  recordedAt: string;
  recordedBy: string;
  recordedByName: string | null;
}

export interface NoteRow {
  id: number;
  text: string;
  createdAt: string;
  createdBy: string;
  createdByName: string | null;
}

const SQL = {
  insertPlan: `INSERT INTO case_handover_plans (case_id, planned_on, place, escort, contact, checks, recorded_at, recorded_by)
    VALUES (@caseId, @plannedOn, @place, @escort, @contact, @checks, @recordedAt, @recordedBy)`,
  plans: `SELECT p.*, u.name AS user_name FROM case_handover_plans p LEFT JOIN users u ON u.id = p.recorded_by WHERE p.case_id = ? ORDER BY p.id`,
  insertLetter: `INSERT INTO case_correspondence (case_id, kind, correspondent, outgoing, date, reference, subject, chase_on, recorded_at, recorded_by)
    VALUES (@caseId, @kind, @correspondent, @outgoing, @date, @reference, @subject, @chaseOn, @recordedAt, @recordedBy)`,
  letters: `SELECT c.*, u.name AS user_name,
      EXISTS (SELECT 1 FROM case_correspondence r WHERE r.case_id = c.case_id AND r.id > c.id AND r.outgoing = 0 AND r.kind = 'reply'
        AND r.correspondent = c.correspondent) AS answered
    FROM case_correspondence c LEFT JOIN users u ON u.id = c.recorded_by WHERE c.case_id = ? ORDER BY c.id`,
  insertNote: 'INSERT INTO case_notes (case_id, text, created_at, created_by) VALUES (@caseId, @text, @createdAt, @createdBy)',
  notes: 'SELECT n.*, u.name AS user_name FROM case_notes n LEFT JOIN users u ON u.id = n.created_by WHERE n.case_id = ? ORDER BY n.id',
  assign: 'UPDATE cases SET assigned_to = @userId WHERE id = @caseId',
  heads: `SELECT c.id, c.reference, p.family_name AS familyName, p.given_names AS givenNames, c.status, c.rule_set_id AS ruleSetId
    FROM cases c JOIN persons p ON p.id = c.person_id WHERE c.id IN (SELECT value FROM json_each(?))`,
  caseChase: `SELECT max(c.chase_on) FROM case_correspondence c WHERE c.case_id = @caseId AND c.chase_on IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM case_correspondence r WHERE r.case_id = c.case_id AND r.id > c.id AND r.outgoing = 0 AND r.kind = 'reply'
      AND r.correspondent = c.correspondent)`,
  assignedCases: 'SELECT id FROM cases WHERE assigned_to = ?',
  assigned: 'SELECT c.assigned_to AS id, u.name FROM cases c LEFT JOIN users u ON u.id = c.assigned_to WHERE c.id = ?',
  insertPackage: `INSERT INTO case_packages (case_id, sending_state, sending_reference, manifest_sha256, imported_at, imported_by)
    VALUES (@caseId, @sendingState, @sendingReference, @manifestSha256, @importedAt, @importedBy)`,
  packageCase: 'SELECT case_id FROM case_packages WHERE sending_state = ? AND sending_reference = ?',
  // Chases due: outgoing letters with a chase date no later reply from the same correspondent answered, on open cases.
  chases: `SELECT c.case_id AS caseId, max(c.chase_on) AS chaseOn FROM case_correspondence c JOIN cases k ON k.id = c.case_id
    WHERE c.chase_on IS NOT NULL AND c.chase_on <= @until AND k.closed_at IS NULL
      AND NOT EXISTS (SELECT 1 FROM case_correspondence r WHERE r.case_id = c.case_id AND r.id > c.id AND r.outgoing = 0 AND r.kind = 'reply'
        AND r.correspondent = c.correspondent)
    GROUP BY c.case_id`,
  // The plan in force of each open case at the handover step, planned on or before a date.
  plannedHandovers: `SELECT p.case_id AS caseId, p.planned_on AS plannedOn FROM case_handover_plans p JOIN cases k ON k.id = p.case_id
    WHERE k.closed_at IS NULL AND k.status = 'handover-scheduled' AND p.planned_on <= @until
      AND p.id = (SELECT max(id) FROM case_handover_plans WHERE case_id = p.case_id)`,
} as const;

interface PlanDbRow {
  id: number;
  planned_on: string;
  place: string;
  escort: string | null;
  contact: string | null;
  checks: string | null;
  recorded_at: string;
  recorded_by: string;
  user_name: string | null;
}

export function insertHandoverPlan(
  db: WriteDb,
  row: { caseId: string; plannedOn: string; place: string; escort: string | null; contact: string | null; checks: unknown; recordedAt: string; recordedBy: string },
): void {
  statement(db, SQL.insertPlan).run({ ...row, checks: row.checks == null ? null : JSON.stringify(row.checks) });
}

export function handoverPlansOf(db: Database.Database, caseId: string): HandoverPlanRow[] {
  return (statement(db, SQL.plans).all(caseId) as PlanDbRow[]).map((r) => ({
    id: r.id, plannedOn: r.planned_on, place: r.place, escort: r.escort, contact: r.contact, checks: r.checks === null ? null : JSON.parse(r.checks),
    recordedAt: r.recorded_at, recordedBy: r.recorded_by, recordedByName: r.user_name,
  }));
}

export function insertCorrespondence(
  db: WriteDb,
  row: { caseId: string; kind: string; correspondent: string; outgoing: boolean; date: string; reference: string | null; subject: string | null; chaseOn: string | null; recordedAt: string; recordedBy: string },
): void {
  statement(db, SQL.insertLetter).run({ ...row, outgoing: row.outgoing ? 1 : 0 });
}

export function correspondenceOf(db: Database.Database, caseId: string): CorrespondenceRow[] {
  const rows = statement(db, SQL.letters).all(caseId) as {
    id: number; kind: string; correspondent: string; outgoing: number; date: string; reference: string | null; subject: string | null; chase_on: string | null;
    answered: number; recorded_at: string; recorded_by: string; user_name: string | null;
  }[];
  return rows.map((r) => ({
    id: r.id, kind: r.kind, correspondent: r.correspondent, outgoing: r.outgoing === 1, date: r.date, reference: r.reference, subject: r.subject,
    chaseOn: r.chase_on, answered: r.answered === 1, recordedAt: r.recorded_at, recordedBy: r.recorded_by, recordedByName: r.user_name,
  }));
}

export function insertNote(db: WriteDb, row: { caseId: string; text: string; createdAt: string; createdBy: string }): void {
  statement(db, SQL.insertNote).run(row);
}

export function notesOf(db: Database.Database, caseId: string): NoteRow[] {
  return (statement(db, SQL.notes).all(caseId) as { id: number; text: string; created_at: string; created_by: string; user_name: string | null }[]).map((r) => ({
    id: r.id, text: r.text, createdAt: r.created_at, createdBy: r.created_by, createdByName: r.user_name,
  }));
}

export function assignCase(db: Database.Database, caseId: string, userId: string | null): void {
  statement(db, SQL.assign).run({ caseId, userId });
}

export function assigneeOf(db: Database.Database, caseId: string): { id: string; name: string | null } | null {
  const row = statement(db, SQL.assigned).get(caseId) as { id: string | null; name: string | null } | undefined;
  return row === undefined || row.id === null ? null : { id: row.id, name: row.name };
}

export function insertPackageRecord(
  db: WriteDb,
  row: { caseId: string; sendingState: string; sendingReference: string; manifestSha256: string; importedAt: string; importedBy: string },
): void {
  statement(db, SQL.insertPackage).run(row);
}

export function caseOfPackage(db: Database.Database, sendingState: string, sendingReference: string): string | null {
  return (statement(db, SQL.packageCase).pluck().get(sendingState, sendingReference) as string | undefined) ?? null;
}

/** Open cases with a chase date on or before `until` that no reply answered: case id -> the latest such date. */
export function dueChases(db: Database.Database, until: string): Map<string, string> {
  const rows = statement(db, SQL.chases).all({ until }) as { caseId: string; chaseOn: string }[];
  return new Map(rows.map((r) => [r.caseId, r.chaseOn]));
}

/** Open cases at the handover step whose plan in force is dated on or before `until`: case id -> planned date. */
export function plannedHandovers(db: Database.Database, until: string): Map<string, string> {
  const rows = statement(db, SQL.plannedHandovers).all({ until }) as { caseId: string; plannedOn: string }[];
  return new Map(rows.map((r) => [r.caseId, r.plannedOn]));
}

/** The ids of the cases assigned to a user. */
export function casesAssignedTo(db: Database.Database, userId: string): string[] {
  return statement(db, SQL.assignedCases).pluck().all(userId) as string[];
}

/** What the Due page shows of each case named. */
export function caseHeads(db: Database.Database, ids: readonly string[]): { id: string; reference: string | null; familyName: string; givenNames: string | null; status: string | null; ruleSetId: string | null }[] {
  if (ids.length === 0) return [];
  return statement(db, SQL.heads).all(JSON.stringify(ids)) as ReturnType<typeof caseHeads>;
}

/** The latest chase date of a case's letters no reply answered, if any. */
export function chaseOfCase(db: Database.Database, caseId: string): string | null {
  return (statement(db, SQL.caseChase).pluck().get({ caseId }) as string | null | undefined) ?? null;
}

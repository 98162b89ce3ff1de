/**
 * SQL for re-assessment reports (schema 5): a report row with the cases it selected, then
 * one item per case as it is processed. Both append-only (triggers): progress is the count
 * of items, and a report read later is the report as it was run.
 */
import type Database from 'better-sqlite3';
import type { WriteDb } from './handles.ts';
import { statement } from './statements.ts';

export interface ReassessReportRow {
  id: string;
  /**
   * Schema 9: a rule-set version's report, or a jurisdiction profile's (rule_set_id then holds its
   * code); schema 15: or a treaty map version's (rule_set_id then holds "treaty-map").
   */
  subject: 'rule-set' | 'profile' | 'treaty-map';
  rule_set_id: string;
  rule_set_version: string;
  /** JSON array of case ids, in the order they are processed. */
  case_ids: string;
  total: number;
  reason: string;
  created_at: string;
  created_by: string;
}

export interface ReassessItemRow {
  report_id: string;
  position: number;
  case_id: string;
  outcome: 'changed' | 'unchanged' | 'skipped';
  before_verdict: string | null;
  after_verdict: string | null;
  after_assessment_id: string | null;
  /** JSON array of { id, before, after }. */
  changed_conditions: string;
  skipped_reason: string | null;
}

export interface ReportCounts {
  done: number;
  changed: number;
  skipped: number;
}

const SQL = {
  insertReport: `INSERT INTO reassess_reports (id, subject, rule_set_id, rule_set_version, case_ids, total, reason, created_at, created_by)
    VALUES (@id, @subject, @rule_set_id, @rule_set_version, @case_ids, @total, @reason, @created_at, @created_by)`,
  insertItem: `INSERT INTO reassess_items (report_id, position, case_id, outcome, before_verdict, after_verdict, after_assessment_id,
      changed_conditions, skipped_reason)
    VALUES (@report_id, @position, @case_id, @outcome, @before_verdict, @after_verdict, @after_assessment_id, @changed_conditions, @skipped_reason)`,
  report: 'SELECT * FROM reassess_reports WHERE id = ?',
  // The next cases of a selection, read in SQLite rather than parsing the whole list in each step.
  selection: 'SELECT j.value FROM reassess_reports r, json_each(r.case_ids) j WHERE r.id = ? ORDER BY j.key LIMIT ? OFFSET ?',
  reports: 'SELECT * FROM reassess_reports ORDER BY created_at DESC, rowid DESC',
  reportsOf: 'SELECT * FROM reassess_reports WHERE subject = ? AND rule_set_id = ? ORDER BY created_at DESC, rowid DESC',
  hasReport: 'SELECT 1 FROM reassess_reports WHERE subject = ? AND rule_set_id = ? AND rule_set_version = ? LIMIT 1',
  itemAt: 'SELECT 1 FROM reassess_items WHERE report_id = ? AND position = ?',
  counts: `SELECT count(*) AS done, coalesce(sum(outcome = 'changed'), 0) AS changed, coalesce(sum(outcome = 'skipped'), 0) AS skipped
    FROM reassess_items WHERE report_id = ?`,
  // What the report lists: the cases whose verdict changed and the ones skipped; unchanged ones are counted only.
  notable: `SELECT i.*, p.family_name, p.given_names, p.prison_number, c.reference FROM reassess_items i JOIN cases c ON c.id = i.case_id JOIN persons p ON p.id = c.person_id
    WHERE i.report_id = ? AND i.outcome <> 'unchanged' ORDER BY i.position`,
  persons: `SELECT c.id AS case_id, p.family_name, p.given_names, p.prison_number, c.reference FROM cases c JOIN persons p ON p.id = c.person_id
    WHERE c.id IN (SELECT value FROM json_each(?))`,
} as const;

/** Who a case is about, as a report names them. */
export interface CasePersonRow {
  case_id: string;
  family_name: string | null;
  given_names: string | null;
  prison_number: string | null;
  reference: string | null;
}

export function insertReassessReport(db: WriteDb, row: ReassessReportRow): void {
  statement(db, SQL.insertReport).run(row);
}

export function insertReassessItem(db: WriteDb, row: ReassessItemRow): void {
  statement(db, SQL.insertItem).run(row);
}

/** Case ids `offset` .. `offset + limit - 1` of a report's selection, in order. */
export function selectedCases(db: Database.Database, reportId: string, offset: number, limit: number): string[] {
  return statement(db, SQL.selection).pluck().all(reportId, limit, offset) as string[];
}

export function findReassessReport(db: Database.Database, id: string): ReassessReportRow | undefined {
  return statement(db, SQL.report).get(id) as ReassessReportRow | undefined;
}

/** Newest first; of one rule-set (or profile) when `of` is given. */
export function listReassessReports(db: Database.Database, of?: { subject: ReassessReportRow['subject']; id: string }): ReassessReportRow[] {
  return (of === undefined ? statement(db, SQL.reports).all() : statement(db, SQL.reportsOf).all(of.subject, of.id)) as ReassessReportRow[];
}

export function hasReassessReport(db: Database.Database, subject: ReassessReportRow['subject'], id: string, version: string): boolean {
  return statement(db, SQL.hasReport).get(subject, id, version) !== undefined;
}

/** Whether the report has its item at `position` (progress checked without counting a large report's items). */
export function hasItemAt(db: Database.Database, reportId: string, position: number): boolean {
  return statement(db, SQL.itemAt).get(reportId, position) !== undefined;
}

export function reportCounts(db: Database.Database, reportId: string): ReportCounts {
  return statement(db, SQL.counts).get(reportId) as ReportCounts;
}

export function notableItems(db: Database.Database, reportId: string): (ReassessItemRow & CasePersonRow)[] {
  return statement(db, SQL.notable).all(reportId) as (ReassessItemRow & CasePersonRow)[];
}

/** The person and reference of each case of `caseIds` (in no particular order). */
export function casePersons(db: Database.Database, caseIds: readonly string[]): CasePersonRow[] {
  return statement(db, SQL.persons).all(JSON.stringify(caseIds)) as CasePersonRow[];
}

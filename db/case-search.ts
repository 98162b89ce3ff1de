/**
 * The case list: filters, sort, paging, and text search over the person's names,
 * aliases and prison number (FTS5 trigram index person_search, migration 0002) or the
 * case reference.
 *
 * Text is split on whitespace and every word must match. A word of three or more
 * characters uses the trigram index; a shorter one (a two-character Chinese name, "Li")
 * cannot, and is matched by a scan with tsp_fold (db/search-fold.ts), the same folding
 * as the index.
 */
import type Database from 'better-sqlite3';
import type { CaseListQuery, CaseSummary } from '../shared/api-schemas.ts';
import { statement } from './statements.ts';

const TRIGRAM = 3;

const SORT_COLUMNS: Record<CaseListQuery['sort']['field'], string> = {
  familyName: 'p.family_name COLLATE NOCASE',
  updatedAt: 'c.updated_at',
  createdAt: 'c.created_at',
  status: 'c.status',
  reference: 'c.reference COLLATE NOCASE',
};

/** What the short-word scan looks at; U+0001 keeps a word from matching across two fields. */
const PERSON_TEXT = `tsp_fold(coalesce(p.family_name, '') || char(1) || coalesce(p.given_names, '') || char(1) ||
  coalesce(p.native_name, '') || char(1) || coalesce(p.aliases, '') || char(1) || coalesce(p.prison_number, ''))`;

/** An FTS5 phrase: the word quoted, so no character of it is read as query syntax. */
const phrase = (word: string): string => `"${word.replaceAll('"', '""')}"`;

interface Where {
  sql: string;
  params: unknown[];
}

function textCondition(text: string): Where {
  const words = text.split(/\s+/u).filter((w) => w !== '');
  const long = words.filter((w) => [...w].length >= TRIGRAM);
  const short = words.filter((w) => [...w].length < TRIGRAM);
  const personParts: string[] = [];
  const params: unknown[] = [];
  if (long.length > 0) {
    personParts.push('c.person_id IN (SELECT rowid FROM person_search WHERE person_search MATCH ?)');
    params.push(long.map(phrase).join(' AND '));
  }
  for (const word of short) {
    personParts.push(`instr(${PERSON_TEXT}, tsp_fold(?)) > 0`);
    params.push(word);
  }
  const person = `(${personParts.join(' AND ')})`;
  // A case reference always holds digits (CSD-2024-0012); without one the text cannot be a
  // reference, and leaving the LIKE out keeps name searches on the trigram index instead of
  // scanning every case. References are Latin letters and digits: LIKE's ASCII folding is enough.
  if (!/\d/u.test(text)) return { sql: person, params };
  params.push(`%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
  return { sql: `(${person} OR c.reference LIKE ? ESCAPE '\\')`, params };
}

function whereOf(query: CaseListQuery): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (!query.includeClosed) add('c.closed_at IS NULL');
  if (query.status !== undefined) add('c.status = ?', query.status);
  if (query.ruleSetId !== undefined) add('c.rule_set_id = ?', query.ruleSetId);
  if (query.sentencingState !== undefined) add('c.sentencing_state = ?', query.sentencingState);
  if (query.administeringState !== undefined) add('c.administering_state = ?', query.administeringState);
  if (query.verdict === 'not_assessed') add('c.latest_assessment_id IS NULL');
  else if (query.verdict !== undefined) add('a.verdict = ?', query.verdict);
  if (query.text !== undefined && query.text.trim() !== '') {
    const text = textCondition(query.text.trim());
    add(text.sql, ...text.params);
  }
  return { sql: parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`, params };
}

const FROM = `FROM cases c JOIN persons p ON p.id = c.person_id LEFT JOIN assessments a ON a.id = c.latest_assessment_id`;

interface SummaryRow {
  id: string;
  version: number;
  reference: string | null;
  family_name: string;
  given_names: string | null;
  native_name: string | null;
  prison_number: string | null;
  sentencing_state: string;
  administering_state: string;
  direction: CaseSummary['direction'];
  rule_set_id: string | null;
  status: CaseSummary['status'];
  verdict: CaseSummary['verdict'];
  assessed_at: string | null;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

export function searchCases(db: Database.Database, query: CaseListQuery): { total: number; items: CaseSummary[] } {
  const where = whereOf(query);
  const total = statement(db, `SELECT count(*) ${FROM} ${where.sql}`).pluck().get(...where.params) as number;
  const dir = query.sort.dir === 'asc' ? 'ASC' : 'DESC';
  // The id breaks ties so that paging through equal keys neither repeats nor skips a case.
  const rows = statement(
      db,
      `SELECT c.id, c.version, c.reference, p.family_name, p.given_names, p.native_name, p.prison_number,
        c.sentencing_state, c.administering_state, c.direction, c.rule_set_id, c.status,
        a.verdict, a.created_at AS assessed_at, c.closed_at, c.created_at, c.updated_at
       ${FROM} ${where.sql}
       ORDER BY ${SORT_COLUMNS[query.sort.field]} ${dir} NULLS LAST, c.id ${dir}
       LIMIT ? OFFSET ?`,
    ).all(...where.params, query.limit, query.offset) as SummaryRow[];
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      reference: r.reference,
      familyName: r.family_name,
      givenNames: r.given_names,
      nativeName: r.native_name,
      prisonNumber: r.prison_number,
      sentencingState: r.sentencing_state,
      administeringState: r.administering_state,
      direction: r.direction,
      ruleSetId: r.rule_set_id,
      status: r.status,
      verdict: r.verdict,
      assessedAt: r.assessed_at,
      closedAt: r.closed_at,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    })),
  };
}

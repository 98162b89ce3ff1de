/**
 * Many stored cases at once: one query per table for a whole batch of case ids (the ids go
 * in as one JSON array, read by json_each), assembled in JS into the same StoredCase that
 * findCase returns. What batch work (re-assessment) loads instead of seven queries a case.
 */
import type Database from 'better-sqlite3';
import type { ConsentRow, FinancialObligationRow, OffenceRow, SentenceOffenceRow, SentenceRow } from './case-mapping.ts';
import { CASE_VALUES_SELECT, storedCaseOfValues, type CaseChildRows, type StoredCase } from './cases-repo.ts';
import { statement } from './statements.ts';

const IDS = 'SELECT value FROM json_each(?)';

const SQL = {
  cases: `${CASE_VALUES_SELECT} WHERE c.id IN (${IDS})`,
  sentences: `SELECT * FROM sentences WHERE case_id IN (${IDS}) ORDER BY case_id, position`,
  links: `SELECT case_id, sentence_key, position, offence_key FROM sentence_offences WHERE case_id IN (${IDS})
    ORDER BY case_id, sentence_key, position`,
  offences: `SELECT * FROM offences WHERE case_id IN (${IDS}) ORDER BY case_id, position`,
  consents: `SELECT * FROM consents WHERE case_id IN (${IDS})`,
  obligations: `SELECT * FROM financial_obligations WHERE case_id IN (${IDS}) ORDER BY case_id, position`,
} as const;

type Keyed<T> = T & { case_id: string };

/** The rows of one child table, by case id (each list keeps the query's order). */
function byCase<T>(rows: Keyed<T>[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.case_id);
    if (list === undefined) out.set(row.case_id, [row]);
    else list.push(row);
  }
  return out;
}

/** The stored cases of `ids` that exist, by id (an unknown id is simply absent). */
export function loadCases(db: Database.Database, ids: readonly string[]): Map<string, StoredCase> {
  const list = JSON.stringify(ids);
  const all = <T>(sql: string) => statement(db, sql).all(list) as Keyed<T>[];
  const sentences = byCase(all<SentenceRow>(SQL.sentences));
  const links = byCase(all<SentenceOffenceRow>(SQL.links));
  const offences = byCase(all<OffenceRow>(SQL.offences));
  const consents = byCase(all<ConsentRow>(SQL.consents));
  const obligations = byCase(all<FinancialObligationRow>(SQL.obligations));
  const out = new Map<string, StoredCase>();
  // Values, not a 60-key object per row (the first value is the case's id).
  for (const values of statement(db, SQL.cases).raw(true).all(list) as unknown[][]) {
    const id = values[0] as string;
    const children: CaseChildRows = {
      sentences: sentences.get(id) ?? [],
      sentenceOffences: links.get(id) ?? [],
      offences: offences.get(id) ?? [],
      consent: consents.get(id)?.[0] ?? null,
      financialObligations: obligations.get(id) ?? [],
    };
    out.set(id, storedCaseOfValues(values, children));
  }
  return out;
}

/**
 * The case list: filters, sort, paging, and text search over the person's names,
 * aliases and prison number (FTS5 trigram index person_search, migration 0002) or the
 * case reference.
 *
 * Text is split on whitespace and every word must match. A word of three or more
 * characters uses the trigram index. A shorter one (a two-character Chinese name, "Li")
 * cannot: unless a longer word narrows the persons already, a word of two letters or digits is
 * looked up as one token in person_bigrams (migration 0010), any other as a phrase of its
 * characters in person_chars (migration 0006). Each person found is checked with tsp_fold
 * (db/search-fold.ts, the same folding as the trigram index; Chinese characters folded to one
 * form in both, so that Simplified and Traditional find each other: db/han-fold.ts, migration 0018),
 * so the index only narrows what
 * a scan would match — except where the index alone is exact (Lookup `exact`: a bigram or a
 * single character of Latin letters, digits or Han characters), which spares reading the
 * person's row: a common word's count then reads indexes alone. Only a text of short words
 * with no letter or digit at all ("/") still scans. The text is also looked for in the case
 * reference when it holds a digit and some reference holds its trigrams: trigram index
 * case_reference_search (0006), each candidate checked with LIKE. And a text of four letters or
 * digits or more, a digit among them, is looked for as the start of a prison number without its
 * punctuation, spaces or case ("csd16/98475" finds "CSD 16/98475"): person_keys (0016).
 *
 * With text, the count stops at COUNT_CAP, or just past the page asked for if that is further
 * (`countCapped`: the list shows "1,000+"): counting every case of a common surname is what
 * made search slow. So that it does stop early, the count reads the name index as a join
 * (IndexUse `drive`) rather than as a set computed in full: "ho" matches 50,000 persons of a
 * million. The first page of that many matches is found by walking the cases newest first
 * (walkedPage).
 */
import type Database from 'better-sqlite3';
import type { CaseSummary } from '../shared/api-schemas.ts';
import type { CaseListQuery } from '../shared/contracts/cases.ts';
import { normaliseName } from '../shared/domain/names.ts';
import { prisonKeyOfSearch } from '../shared/domain/prison-number.ts';
import { personsLike } from './person-keys.ts';
import { foldHan } from './han-fold.ts';
import { foldForSearch } from './search-fold.ts';
import { statement } from './statements.ts';

const TRIGRAM = 3;

/**
 * How far a text search counts: exactly up to this many cases, then "this many or more".
 * From this many matches on, a page sorted by last update is also found by walking the index
 * cases_updated_person (0006) in order, each case checked against the matching persons,
 * rather than by sorting every match: a common surname matches tens of thousands.
 */
export const COUNT_CAP = 1000;

/** A character that person_chars (tokenizer unicode61) keeps as a token of its own: a letter or digit. */
const TOKEN_CHARACTER = /[\p{L}\p{N}]/u;

/** Each sort key with its direction (`%`); a key that may be NULL puts NULL last both ways. */
const SORT_COLUMNS: Record<CaseListQuery['sort']['field'], string> = {
  familyName: 'p.family_name COLLATE NOCASE %',
  // Never NULL: without NULLS LAST, an index on it serves either direction.
  updatedAt: 'c.updated_at %',
  createdAt: 'c.created_at %',
  status: 'c.status % NULLS LAST',
  reference: 'c.reference COLLATE NOCASE % NULLS LAST',
};

/** What a short word is checked against; U+0001 keeps a word from matching across two fields. */
const PERSON_TEXT = `tsp_fold(coalesce(p.family_name, '') || char(1) || coalesce(p.given_names, '') || char(1) ||
  coalesce(p.native_name, '') || char(1) || coalesce(p.aliases, '') || char(1) || coalesce(p.prison_number, ''))`;

/** An FTS5 phrase: the word quoted, so no character of it is read as query syntax. */
const phrase = (word: string): string => `"${word.replaceAll('"', '""')}"`;

interface Where {
  sql: string;
  params: unknown[];
  /** Whether the condition reads the person's row (a short word is checked on it). */
  person: boolean;
  /** Whether it reads the latest assessment (the verdict filter). */
  assessment?: boolean;
  /** The name index the query starts from (`drive`): the table, joined on the person id. */
  from?: NameIndex;
}

type NameIndex = 'person_search' | 'person_chars' | 'person_bigrams';

/**
 * The token person_bigrams (0010) gives a person whose names hold a character its bigrams may
 * not fold as tsp_fold does (a combining mark, as in "e" + U+0301, which tsp_fold joins to the
 * letters around it; ſ, U+212B; a CJK compatibility ideograph), or more text than it indexes:
 * such a person is a candidate for every two-character word, and always checked with tsp_fold.
 */
const UNFOLDED = 'unfolded';

/**
 * A character for which person_bigrams' and person_chars' tokens (unicode61, remove_diacritics 2)
 * match exactly where tsp_fold matches, for a person without the UNFOLDED token: no character
 * outside those UNFOLDED marks is folded to one of these by one and not the other (checked over
 * every code point). A short word of these alone needs no check of the person's row.
 */
const EXACT_CHARACTER = /^[a-z0-9]$|^(?=\p{Script=Han})\p{L}$/u;

/**
 * How a text search uses its name index (person_search for a word of three or more characters,
 * person_bigrams when every short word is two letters or digits, else person_chars):
 * - `in`: as a set of person ids, computed in full before the first case is read: what a walk
 *   of cases_updated_person checks each case against;
 * - `drive`: the query starts from the index and reads each person's cases as the index yields
 *   it, so that a count or a page stops when it has enough instead of computing every match
 *   (not when the text may also be a case reference: that is an OR);
 * - `off`: not at all when only short words are searched, each person being checked by
 *   tsp_fold alone: for a walk of the newest cases, where a common short word ("ho") matches
 *   every few cases and computing all its matches would cost more than checking those read.
 */
type IndexUse = 'in' | 'drive' | 'off';

/** The words of a query, written as names are stored (NFC, without direction marks or zero-width spaces: shared/domain/names.ts). */
const wordsOf = (text: string): string[] => normaliseName(text).split(/\s+/u).filter((w) => w !== '');

/**
 * Whether the text may be found in a case reference: it holds a digit (every reference does:
 * CSD-2024-0012) and, if three characters or more, some reference holds its trigrams
 * (case_reference_search, looked up first). Otherwise only names can match, and a search can
 * start from their index.
 */
function mayBeReference(db: Database.Database, text: string): boolean {
  if (!/\d/u.test(text)) return false;
  if ([...text].length < TRIGRAM) return true;
  return statement(db, 'SELECT 1 FROM case_reference_search WHERE case_reference_search MATCH ? LIMIT 1').pluck().get(phrase(text)) !== undefined;
}

/** How a text's words are looked up in a name index. */
interface Lookup {
  long: string[];
  short: string[];
  table: NameIndex;
  /** The index's MATCH expression; undefined when no word holds a letter or digit. */
  match: string | undefined;
  /**
   * Whether the index alone says which persons match (short words only: each a bigram, or each
   * one character, not a phrase, which also matches across a space; of EXACT_CHARACTERs alone).
   */
  exact: boolean;
}

function lookupOf(text: string): Lookup {
  const words = wordsOf(text);
  const long = words.filter((w) => [...w].length >= TRIGRAM);
  const short = words.filter((w) => [...w].length < TRIGRAM);
  const folded = short.map((w) => [...foldForSearch(w)]).filter((chars) => chars.some((ch) => TOKEN_CHARACTER.test(ch)));
  const bigrams = folded.length > 0 && folded.every((chars) => chars.length === 2 && chars.every((ch) => TOKEN_CHARACTER.test(ch)));
  // With a longer word, its trigrams already narrow the persons to check.
  const table: NameIndex = long.length > 0 ? 'person_search' : bigrams ? 'person_bigrams' : 'person_chars';
  const phrases = {
    // The index holds names with their Chinese characters folded (tsp_han, migration 0018): so is the word.
    person_search: () => long.map((w) => phrase(foldHan(w))),
    person_bigrams: () => folded.map((chars) => `(${phrase(chars.join(''))} OR ${UNFOLDED})`),
    person_chars: () => folded.map((chars) => phrase(chars.join(' '))),
  }[table]();
  const exact = long.length === 0 && folded.length > 0 && folded.length === short.length
    && (bigrams || folded.every((chars) => chars.length === 1)) && folded.flat().every((ch) => EXACT_CHARACTER.test(ch));
  return { long, short, table, match: phrases.length > 0 ? phrases.join(' AND ') : undefined, exact };
}

/** `references`: whether the text is also looked for in case references (mayBeReference). */
function textCondition(text: string, use: IndexUse, references: boolean): Where {
  const { long, short, table, match, exact } = lookupOf(text);
  const drive = use === 'drive' && !references && match !== undefined;
  /** Conditions on the case's person id alone, answered by an index: each with its parameter. */
  const indexed: Where[] = [];
  if (match !== undefined && (use !== 'off' || long.length > 0)) {
    indexed.push(drive
      ? { sql: `${table} MATCH ?`, params: [match], person: false, from: table }
      : { sql: `c.person_id IN (SELECT rowid FROM ${table} WHERE ${table} MATCH ?)`, params: [match], person: false });
  }
  // An exact match in the index is the match: only a person with the UNFOLDED token is read and checked.
  const checks = short.map((word): Where => (exact && use !== 'off'
    ? {
      sql: `(c.person_id NOT IN (SELECT rowid FROM person_bigrams WHERE person_bigrams MATCH '${UNFOLDED}')
        OR instr((SELECT ${PERSON_TEXT} FROM persons p WHERE p.id = c.person_id), tsp_fold(?)) > 0)`,
      params: [word],
      person: false,
    }
    : { sql: `instr(${PERSON_TEXT}, tsp_fold(?)) > 0`, params: [word], person: true }));
  const person = all([...indexed, ...checks]);
  // Leaving references out keeps name searches on the name indexes alone. References are
  // Latin letters and digits: LIKE's ASCII folding is enough.
  if (!references) return person;
  const like = `%${text.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
  if ([...text].length < TRIGRAM) return any([person, { sql: "c.reference LIKE ? ESCAPE '\\'", params: [like], person: false }]);
  const reference: Where = { sql: 'c.person_id IN (SELECT rowid FROM case_reference_search WHERE case_reference_search MATCH ?)', params: [phrase(text)], person: false };
  const either = any([person, all([reference, { sql: "c.reference LIKE ? ESCAPE '\\'", params: [like], person: false }])]);
  // The candidates again, by index alone, so that a case is ruled out before its person is read.
  const first = indexed[0];
  return first === undefined ? either : all([any([first, reference]), either]);
}

function joined(parts: Where[], operator: 'AND' | 'OR'): Where {
  return {
    sql: `(${parts.map((p) => p.sql).join(` ${operator} `)})`,
    params: parts.flatMap((p) => p.params),
    person: parts.some((p) => p.person),
    from: parts.find((p) => p.from !== undefined)?.from,
  };
}
const all = (parts: Where[]): Where => joined(parts, 'AND');
const any = (parts: Where[]): Where => joined(parts, 'OR');

/** `closedOnly`: the closed cases the query would match with includeClosed (what it leaves out without). */
function whereOf(db: Database.Database, query: CaseListQuery, use: IndexUse, references: boolean, onlyIds?: readonly string[], closedOnly = false): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (closedOnly) add('c.closed_at IS NOT NULL');
  else if (!query.includeClosed) add('c.closed_at IS NULL');
  if (onlyIds !== undefined) add('c.id IN (SELECT value FROM json_each(?))', JSON.stringify(onlyIds));
  if (query.samePerson !== undefined) add('c.person_id IN (SELECT value FROM json_each(?))', JSON.stringify(personsLike(db, query.samePerson)));
  const statuses = query.status === undefined ? [] : [query.status].flat();
  if (statuses.length === 1) add('c.status = ?', statuses[0]);
  else if (statuses.length > 1) add('c.status IN (SELECT value FROM json_each(?))', JSON.stringify(statuses));
  if (query.ruleSetId !== undefined) add('c.rule_set_id = ?', query.ruleSetId);
  if (query.sentencingState !== undefined) add('c.sentencing_state = ?', query.sentencingState);
  if (query.administeringState !== undefined) add('c.administering_state = ?', query.administeringState);
  if (query.verdict === 'not_assessed') add('c.latest_assessment_id IS NULL');
  else if (query.verdict !== undefined) add('a.verdict = ?', query.verdict);
  let person = false;
  let from: NameIndex | undefined;
  if (query.text !== undefined && query.text.trim() !== '') {
    // A prison number also matches by its key, whatever its punctuation, spaces and case: the
    // whole text's letters and digits as a prefix of the key (an OR, so the name index cannot drive).
    const key = prisonKeyOfSearch(query.text);
    const words = textCondition(query.text.trim(), key !== undefined && use === 'drive' ? 'in' : use, references);
    const text = key === undefined ? words : any([words, {
      sql: 'c.person_id IN (SELECT person_id FROM person_keys WHERE prison_number_key >= ? AND prison_number_key < ? || char(1114111))',
      params: [key, key],
      person: false,
    }]);
    add(text.sql, ...text.params);
    person = text.person;
    from = text.from;
  }
  const assessment = query.verdict !== undefined && query.verdict !== 'not_assessed';
  return { sql: parts.length === 0 ? '' : `WHERE ${parts.join(' AND ')}`, params, person, assessment, from };
}

/**
 * The tables a query reads: persons and the latest assessment only when it needs them (every
 * case has its person), so that counting and ordering read the indexes of cases alone; first
 * the name index when the text condition starts from it (`from`).
 */
const fromOf = (where: { person: boolean; assessment?: boolean; from?: NameIndex }, index = ''): string =>
  `FROM ${where.from === undefined ? '' : `${where.from} JOIN`} cases c ${index} ${where.from === undefined ? '' : `ON c.person_id = ${where.from}.rowid`}
   ${where.person ? 'JOIN persons p ON p.id = c.person_id' : ''}
   ${where.assessment === true ? 'LEFT JOIN assessments a ON a.id = c.latest_assessment_id' : ''}`;

interface SummaryRow {
  id: string;
  version: number;
  reference: string | null;
  family_name: string;
  given_names: string | null;
  native_name: string | null;
  prison_number: string | null;
  date_of_birth: string | null;
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

/** The newest cases a walk checks by tsp_fold alone: this many times the cases up to the page's end. */
const WALK_WINDOW = 40;

/**
 * The page of a search that matches COUNT_CAP cases or more, sorted by last update: found by
 * walking cases_updated_person in that order. For short words alone, the walk first checks
 * each person of the newest WALK_WINDOW × (offset + limit) cases (a common short word such as
 * "ho" fills the page within them, without computing its tens of thousands of matches); if
 * those hold less than the page, or an exact lookup says they will (not `common`), it walks
 * all cases against the name index's set of matches.
 */
function walkedPage(db: Database.Database, query: CaseListQuery, references: boolean, onlyIds?: readonly string[]): SummaryRow[] {
  const walk = 'INDEXED BY cases_updated_person';
  const lookup = lookupOf(query.text ?? '');
  if (lookup.long.length === 0 && lookup.short.length > 0 && (!lookup.exact || common(db, lookup))) {
    const dir = query.sort.dir === 'asc' ? 'ASC' : 'DESC';
    const edge = statement(db, `SELECT updated_at, id FROM cases ${walk} ORDER BY updated_at ${dir}, id ${dir} LIMIT 1 OFFSET ?`)
      .raw().get(WALK_WINDOW * (query.offset + query.limit) - 1) as [string, string] | undefined;
    const window = edge === undefined ? undefined : { sql: `(c.updated_at, c.id) ${dir === 'ASC' ? '<=' : '>='} (?, ?)`, params: edge };
    const rows = pageOf(db, query, whereOf(db, query, 'off', references, onlyIds), walk, window);
    if (rows.length === query.limit || window === undefined) return rows;
  }
  return pageOf(db, query, whereOf(db, query, 'in', references, onlyIds), walk);
}

/**
 * Whether the persons an exact lookup finds are common enough for the walk's window of the newest
 * cases to hold the page: at least one in WALK_WINDOW of all persons (counted in the index up to
 * that many). Rarer, all its matches are looked up at once, by index alone.
 */
function common(db: Database.Database, { table, match }: Lookup): boolean {
  const persons = (statement(db, 'SELECT max(id) FROM persons').pluck().get() as number | null) ?? 0;
  const enough = Math.ceil(persons / WALK_WINDOW);
  return statement(db, `SELECT count(*) FROM (SELECT 1 FROM ${table} WHERE ${table} MATCH ? LIMIT ?)`).pluck().get(match, enough) === enough;
}

/**
 * One page of the cases `where` matches, in the query's order: chosen first from what the
 * sort and the conditions read (`index`: the index to read the cases by; `window`: a further
 * condition), then only its cases are read in full.
 */
function pageOf(db: Database.Database, query: CaseListQuery, where: Where, index = '', window?: { sql: string; params: unknown[] }): SummaryRow[] {
  const dir = query.sort.dir === 'asc' ? 'ASC' : 'DESC';
  // The id breaks ties so that paging through equal keys neither repeats nor skips a case.
  const order = `ORDER BY ${SORT_COLUMNS[query.sort.field].replace('%', dir)}, c.id ${dir}`;
  const conditions = window === undefined ? where.sql : `${where.sql === '' ? 'WHERE' : `${where.sql} AND`} ${window.sql}`;
  const page = `SELECT c.rowid ${fromOf({ ...where, person: where.person || query.sort.field === 'familyName' }, index)}
    ${conditions} ${order} LIMIT ? OFFSET ?`;
  return statement(
    db,
    `SELECT c.id, c.version, c.reference, p.family_name, p.given_names, p.native_name, p.prison_number, p.date_of_birth,
      c.sentencing_state, c.administering_state, c.direction, c.rule_set_id, c.status,
      a.verdict, a.created_at AS assessed_at, c.closed_at, c.created_at, c.updated_at
     ${fromOf({ person: true, assessment: true })} WHERE c.rowid IN (${page}) ${order}`,
  ).all(...where.params, ...(window?.params ?? []), query.limit, query.offset) as SummaryRow[];
}

interface Count {
  total: number;
  countCapped: boolean;
  /** Whether at least COUNT_CAP cases match. */
  many: boolean;
}

/**
 * How many cases match: exactly without text; with text, counting stops at `reach` (past
 * the page asked for, so `total` always says whether another page follows).
 */
function countOf(db: Database.Database, query: CaseListQuery, where: Where): Count {
  const from = fromOf(where);
  if (query.text === undefined || query.text.trim() === '') {
    const total = statement(db, `SELECT count(*) ${from} ${where.sql}`).pluck().get(...where.params) as number;
    return { total, countCapped: false, many: total >= COUNT_CAP };
  }
  const reach = Math.max(COUNT_CAP, query.offset + query.limit + 1);
  const total = statement(db, `SELECT count(*) FROM (SELECT 1 ${from} ${where.sql} LIMIT ?)`).pluck().get(...where.params, reach) as number;
  return { total, countCapped: total === reach, many: total >= COUNT_CAP };
}

/** Whether the query narrows the list (a text or a filter): what closed cases it leaves out is then worth saying. */
const narrows = (query: CaseListQuery, onlyIds?: readonly string[]): boolean =>
  (query.text !== undefined && query.text.trim() !== '') || onlyIds !== undefined || query.status !== undefined || query.ruleSetId !== undefined
  || query.sentencingState !== undefined || query.administeringState !== undefined || query.verdict !== undefined || query.samePerson !== undefined;

export interface CaseSearchResult {
  total: number;
  countCapped: boolean;
  items: CaseSummary[];
  /**
   * When closed cases are left out (no includeClosed) of a search or filter: how many closed cases it
   * would match too (counted as `total` is: with text, up to COUNT_CAP), so the list never hides them silently.
   */
  closedMatching?: { total: number; countCapped: boolean };
}

/** `onlyIds`: only these cases (the list's "due" filter, computed by electron/services/due.ts). */
export function searchCases(db: Database.Database, query: CaseListQuery, onlyIds?: readonly string[]): CaseSearchResult {
  const references = mayBeReference(db, query.text?.trim() ?? '');
  const where = whereOf(db, query, 'drive', references, onlyIds);
  const { total, countCapped, many } = countOf(db, query, where);
  const rows = many && query.sort.field === 'updatedAt' ? walkedPage(db, query, references, onlyIds) : pageOf(db, query, where);
  const closed = !query.includeClosed && narrows(query, onlyIds)
    ? countOf(db, { ...query, offset: 0, limit: 1 }, whereOf(db, query, 'drive', references, onlyIds, true))
    : undefined;
  return {
    total,
    countCapped,
    ...(closed === undefined ? {} : { closedMatching: { total: closed.total, countCapped: closed.countCapped } }),
    items: rows.map((r) => ({
      id: r.id,
      version: r.version,
      reference: r.reference,
      familyName: r.family_name,
      givenNames: r.given_names,
      nativeName: r.native_name,
      prisonNumber: r.prison_number,
      dateOfBirth: r.date_of_birth,
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

/**
 * The case fields a spreadsheet column can fill (issue 20), how a row becomes a `tsp-case/1`
 * file, and which column a problem of that file belongs to. A row holds one person, one
 * sentence and one offence: what a ministry's list of prisoners holds; the rest is added on the
 * case page. An empty cell is unknown, never `false` or 0. Pure.
 */
import { CASE_FORMAT, type CaseFile, type FieldProblem } from '../domain/case.ts';
import { t } from '../i18n/index.ts';

type Kind = 'text' | 'country' | 'countries' | 'date' | 'count' | 'yesNo' | 'choice';

interface FieldDefinition {
  key: string;
  /** Where it goes in the case file: a problem of the file at this path (or under it) is the column's. */
  path: string;
  kind: Kind;
  /** What the template's example row holds. */
  example: string | number;
}

export const SPREADSHEET_FIELDS = [
  { key: 'reference', path: 'reference', kind: 'text', example: 'CSD-2025-0001' },
  { key: 'familyName', path: 'person.familyName', kind: 'text', example: 'CHAN' },
  { key: 'givenNames', path: 'person.givenNames', kind: 'text', example: 'Tai Man' },
  { key: 'nativeName', path: 'person.nativeName', kind: 'text', example: '陳大文' },
  { key: 'prisonNumber', path: 'person.prisonNumber', kind: 'text', example: '2566/01234' },
  { key: 'prison', path: 'person.prison', kind: 'text', example: 'Stanley Prison' },
  { key: 'dateOfBirth', path: 'person.dateOfBirth', kind: 'date', example: '1985-03-14' },
  { key: 'nationalities', path: 'person.nationalities', kind: 'countries', example: 'TH' },
  { key: 'sentencingState', path: 'sentencingState', kind: 'country', example: 'HK' },
  { key: 'administeringState', path: 'administeringState', kind: 'country', example: 'TH' },
  { key: 'direction', path: 'direction', kind: 'choice', example: 'outgoing' },
  { key: 'ruleSetId', path: 'ruleSetId', kind: 'text', example: 'hk-th' },
  { key: 'judgmentDate', path: 'judgment.date', kind: 'date', example: '2023-06-01' },
  { key: 'sentencingCourt', path: 'judgment.sentencingCourt', kind: 'text', example: 'District Court' },
  { key: 'judgmentFinal', path: 'judgment.final', kind: 'yesNo', example: 'yes' },
  { key: 'sentenceStart', path: 'sentences[0].start', kind: 'date', example: '2023-06-01' },
  { key: 'termYears', path: 'sentences[0].term', kind: 'count', example: 6 },
  { key: 'termMonths', path: 'sentences[0].term', kind: 'count', example: 0 },
  { key: 'termDays', path: 'sentences[0].term', kind: 'count', example: 0 },
  { key: 'offence', path: 'offences[0].description', kind: 'text', example: 'Trafficking in a dangerous drug' },
  { key: 'remandDays', path: 'remandDays', kind: 'count', example: 120 },
  { key: 'consent', path: 'consent.status', kind: 'choice', example: 'given' },
] as const satisfies readonly FieldDefinition[];

export type SpreadsheetField = (typeof SPREADSHEET_FIELDS)[number]['key'];
/** A cell as read: text, a number, a truth value, or nothing (a date cell arrives as its YYYY-MM-DD text). */
export type Cell = string | number | boolean | null;
/** Which field each column fills (null: left out). */
export type Mapping = readonly (SpreadsheetField | null)[];
/** A saved mapping: a field by each header as compared (`headerKey`). */
export type SavedMapping = Readonly<Record<string, SpreadsheetField>>;

const definitionOf = new Map<string, FieldDefinition>(SPREADSHEET_FIELDS.map((f) => [f.key, f]));

export const fieldLabelKey = (key: SpreadsheetField): string => `import.field.${key}`;

/** A header as compared: letters and digits alone, NFKC, lower case ("Prison no." and "prison_no" agree). */
function headerKey(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The field each header most likely names: the one saved for that header in an earlier import,
 * else the field whose label (in English or Chinese) or name it is. A field fills one column:
 * the first that names it.
 */
export function suggestMapping(headers: readonly string[], saved: SavedMapping = {}): { mapping: (SpreadsheetField | null)[]; fromSaved: boolean } {
  const byName = new Map<string, SpreadsheetField>();
  for (const f of SPREADSHEET_FIELDS) {
    for (const name of [f.key, f.path, t('en', fieldLabelKey(f.key)), t('zh-Hant', fieldLabelKey(f.key))]) byName.set(headerKey(name), f.key);
  }
  const used = new Set<SpreadsheetField>();
  let fromSaved = false;
  const mapping = headers.map((header) => {
    const key = headerKey(header);
    const remembered = Object.hasOwn(saved, key) ? saved[key] : undefined;
    const field = remembered ?? byName.get(key) ?? null;
    if (field === null || used.has(field)) return null;
    used.add(field);
    if (remembered !== undefined) fromSaved = true;
    return field;
  });
  return { mapping, fromSaved };
}

/** The mapping to remember: each mapped column's header (as compared) and its field. */
export function mappingToSave(headers: readonly string[], mapping: Mapping): Record<string, SpreadsheetField> {
  const out: Record<string, SpreadsheetField> = {};
  mapping.forEach((field, i) => {
    const key = headerKey(headers[i] ?? '');
    if (field !== null && key !== '') out[key] = field;
  });
  return out;
}

const YES = new Set(['yes', 'y', 'true', '1', '是']);
const NO = new Set(['no', 'n', 'false', '0', '否']);

const isEmpty = (cell: Cell | undefined): cell is null | undefined => cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A problem of a cell before the file is checked, by its field: a truth value that is neither yes nor no. */
export interface CellProblem {
  field: SpreadsheetField;
  messageKey: string;
}

function valueOf(kind: Kind, cell: Cell): unknown {
  const text = String(cell).trim();
  switch (kind) {
    case 'country':
      return text.toUpperCase();
    case 'countries':
      return text.split(/[\s,;、，；]+/u).filter((s) => s !== '').map((s) => s.toUpperCase());
    case 'count':
      // A number stays a number (the schema then refuses 2.5 or -1); text of digits becomes one.
      return typeof cell === 'number' ? cell : /^\d+$/.test(text) ? Number(text) : text;
    case 'choice':
      return text.toLowerCase();
    default:
      return typeof cell === 'string' ? text : cell;
  }
}

function put(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let at = target;
  for (const part of path.slice(0, -1)) at = (at[part] ??= {}) as Record<string, unknown>;
  at[path.at(-1)!] = value;
}

/** The case file a row stands for (to be checked as any case file is), and the cells that could not be read. */
export function caseOfRow(cells: readonly Cell[], mapping: Mapping): { file: Record<string, unknown>; problems: CellProblem[] } {
  const file: Record<string, unknown> = { format: CASE_FORMAT };
  const problems: CellProblem[] = [];
  const values = new Map<SpreadsheetField, unknown>();
  mapping.forEach((field, i) => {
    const cell = cells[i];
    if (field === null || isEmpty(cell)) return;
    const { kind } = definitionOf.get(field)!;
    if (kind === 'yesNo') {
      const word = String(cell).trim().toLowerCase();
      if (YES.has(word) || cell === true) values.set(field, true);
      else if (NO.has(word) || cell === false) values.set(field, false);
      else problems.push({ field, messageKey: 'import.cell.yesNo' });
      return;
    }
    values.set(field, valueOf(kind, cell));
  });
  for (const [field, value] of values) {
    const { path } = definitionOf.get(field)!;
    if (path.startsWith('sentences[') || path.startsWith('offences[') || path.startsWith('consent.')) continue;
    put(file, path.split('.'), value);
  }
  const term = ['termYears', 'termMonths', 'termDays'] as const;
  const hasSentence = values.has('sentenceStart') || term.some((k) => values.has(k));
  if (values.has('offence')) file.offences = [{ id: 'O1', description: values.get('offence') }];
  if (hasSentence) {
    const [years, months, days] = term.map((k) => values.get(k));
    file.sentences = [
      {
        id: 'S1',
        start: values.get('sentenceStart') ?? null,
        term: years === undefined && months === undefined && days === undefined ? undefined : { years: years ?? 0, months: months ?? 0, days: days ?? 0 },
        offences: values.has('offence') ? ['O1'] : [],
      },
    ];
  }
  if (values.has('consent')) file.consent = { status: values.get('consent') };
  return { file, problems };
}

/** The field a problem of a row's case file belongs to (`person.dateOfBirth` -> dateOfBirth), or null (the file as a whole). */
export function fieldOfProblem(problem: Pick<FieldProblem, 'field'>, mapping: Mapping): SpreadsheetField | null {
  const candidates = SPREADSHEET_FIELDS.filter((f) => problem.field === f.path || problem.field.startsWith(`${f.path}.`) || problem.field.startsWith(`${f.path}[`));
  // Of a term's three columns, the first mapped one.
  return candidates.find((f) => mapping.includes(f.key))?.key ?? candidates[0]?.key ?? null;
}

/** A row's label for the reader: the family name and prison number, as the row gives them. */
export function labelOfRow(cells: readonly Cell[], mapping: Mapping): string {
  const cell = (field: SpreadsheetField) => {
    const i = mapping.indexOf(field);
    return i < 0 || isEmpty(cells[i]) ? '' : String(cells[i]).trim();
  };
  return [cell('familyName'), cell('givenNames'), cell('prisonNumber')].filter((s) => s !== '').join(' ');
}

type Json = Record<string, unknown>;

/**
 * A row's fields written over the stored case it matches: what the row fills replaces, the rest
 * stays (an empty cell changes nothing). The row's sentence and offence are the case's first.
 */
export function mergeRow(stored: CaseFile, row: Json): Json {
  const out = structuredClone(stored) as unknown as Json;
  for (const [key, value] of Object.entries(row)) {
    if (key === 'person' || key === 'judgment' || key === 'consent') out[key] = { ...((out[key] as Json | null | undefined) ?? {}), ...(value as Json) };
    else if (key !== 'sentences' && key !== 'offences') out[key] = value;
  }
  const offences = (out.offences as Json[] | undefined) ?? [];
  const rowOffence = (row.offences as Json[] | undefined)?.[0];
  if (rowOffence !== undefined) {
    if (offences[0] === undefined) offences.push(rowOffence);
    else offences[0] = { ...offences[0], description: rowOffence.description };
    out.offences = offences;
  }
  const rowSentence = (row.sentences as Json[] | undefined)?.[0];
  if (rowSentence !== undefined) {
    const sentences = (out.sentences as Json[] | undefined) ?? [];
    const first = sentences[0];
    if (first === undefined) sentences.push({ ...rowSentence, offences: offences[0] === undefined ? [] : [offences[0].id] });
    else {
      if (rowSentence.start !== null) first.start = rowSentence.start;
      if (rowSentence.term !== undefined) first.term = rowSentence.term;
    }
    out.sentences = sentences;
  }
  return out;
}

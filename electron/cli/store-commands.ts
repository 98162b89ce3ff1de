/**
 * The commands over the case store, through the same router as the app:
 *   tsp demo --db FILE --cases N
 *   tsp cases import --db FILE IN.json | export --db FILE --out OUT.json | search --db FILE [TEXT] [--json]
 * Bad input exits 2 with every problem listed, and the database is then unchanged.
 */
import fs from 'node:fs';
import type { ApiResponse, Channel } from '../../shared/api.ts';
import type { CaseSummary } from '../../shared/api-schemas.ts';
import { openApp, type OpenedApp } from '../app.ts';
import { DEMO_MAX_CASES, seedDemo } from '../services/demo.ts';
import { sealLegacyAttachments } from '../services/documents.ts';
import { ServiceError } from '../services/errors.ts';
import { StoreKeyError, type StoreKey } from '../../db/encryption.ts';
import { authorizeWriter, cliOsUser, type WriterProof } from './identity.ts';
import { readJsonFile, responseFailure, UsageError, type CliIo } from './io.ts';
import { checkOutput, writeOutput } from './output.ts';
import { readableStore } from './read-only-store.ts';
import { issueCliToken } from '../services/cli-tokens.ts';

export interface StoreValues {
  db?: string | undefined;
  cases?: string | undefined;
  out?: string | undefined;
  /** Replace an existing output file. */
  force?: boolean | undefined;
  json?: boolean | undefined;
  /** The store's key (cli/key.ts); none: a plain store. */
  key?: StoreKey | undefined;
  /** A write command's password or token (cli/identity.ts). */
  writer?: WriterProof | undefined;
  user?: string | undefined;
  hours?: string | undefined;
}

function open(values: StoreValues, mustExist: boolean, file: string): OpenedApp {
  if (!values.db) throw new UsageError('give the database file with --db FILE');
  if (mustExist && !fs.existsSync(values.db)) throw new UsageError(`no database at ${values.db}`);
  try {
    return openApp({ file, osUser: cliOsUser(), key: values.key });
  } catch (error) {
    if (error instanceof StoreKeyError) throw new UsageError(error.message);
    throw error;
  }
}

export function unwrap<C extends Channel>(response: ApiResponse<C>, what: string) {
  if (response.ok) return response.data;
  throw responseFailure(response.error, what);
}

/**
 * Opens the store, runs `work`, closes it. 'read': a command that only reads, which works on a
 * store it cannot write too (cli/read-only-store.ts); 'write': as the writer proved by
 * cli/identity.ts, or refused.
 */
export function withApp<T>(values: StoreValues, mustExist: boolean, work: (app: OpenedApp) => T, access: 'read' | 'write'): T {
  const store = access === 'read' && values.db ? readableStore(values.db) : undefined;
  try {
    const app = open(values, mustExist, store?.file ?? values.db ?? '');
    try {
      if (access === 'write') authorizeWriter(app, values.writer);
      return work(app);
    } finally {
      app.close();
    }
  } finally {
    store?.dispose();
  }
}

/** `tsp assess --db FILE`: the store's rule-set, profile and treaty map versions in force, then the built-ins. */
export function withStore<T>(db: string, key: StoreKey | undefined, work: (store: OpenedApp['db']) => T): T {
  return withApp({ db, key }, true, (app) => work(app.db), 'read');
}

export async function runStoreCommand(io: CliIo, command: string, sub: string | undefined, rest: readonly string[], values: StoreValues): Promise<number> {
  if (command === 'demo') return demo(io, values);
  if (command === 'attachments') return sealCommand(io, sub, values);
  if (command === 'token') return tokenCommand(io, sub, values);
  if (command !== 'cases') throw new UsageError(`unknown command "${command}" (see: tsp --help)`);
  switch (sub) {
    case 'import':
      return importCommand(io, rest[0], values);
    case 'export':
      return exportCommand(io, values);
    case 'search':
      return searchCommand(io, rest.join(' '), values);
    default:
      throw new UsageError('use: tsp cases import | export | search');
  }
}

/** `tsp attachments seal --db FILE`: seals the files attached before schema 8 (sealLegacyAttachments). */
function sealCommand(io: CliIo, sub: string | undefined, values: StoreValues): number {
  if (sub !== 'seal') throw new UsageError('use: tsp attachments seal --db FILE');
  return withApp(values, true, (app) => {
    const { sealed, damaged } = sealLegacyAttachments(app.context);
    io.out(`Sealed ${sealed} attached file${sealed === 1 ? '' : 's'} stored before schema 8 in ${values.db}.\n`);
    for (const sha256 of damaged) io.err(`not sealed: the attached file ${sha256} no longer matches its recorded hash or size; it is left as it is\n`);
    return damaged.length === 0 ? 0 : 1;
  }, 'write');
}

/** `tsp token issue --db FILE --user NAME --hours N`: a supervisor issues a token for a user's `tsp` writes (services/cli-tokens.ts). */
function tokenCommand(io: CliIo, sub: string | undefined, values: StoreValues): number {
  if (sub !== 'issue' || !values.user || !values.hours) throw new UsageError('use: tsp token issue --db FILE --user NAME --hours N');
  const hours = Number(values.hours);
  return withApp(values, true, (app) => {
    try {
      const issued = issueCliToken(app.context, { userName: values.user as string, hours });
      io.out(`${issued.token}\n`);
      io.err(`A token for ${values.user}, valid until ${issued.expiresAt}: give it as TSP_TOKEN; it is shown only now.\n`);
      return 0;
    } catch (error) {
      if (error instanceof ServiceError) throw new UsageError('no token was issued', error.problems.map((p) => `${p.field}: ${p.message}`));
      throw error;
    }
  }, 'write');
}

function demo(io: CliIo, values: StoreValues): number {
  const n = Number(values.cases);
  if (!values.cases || !Number.isInteger(n) || n < 1 || n > DEMO_MAX_CASES) {
    throw new UsageError(`--cases must be a whole number from 1 to ${DEMO_MAX_CASES}`);
  }
  return withApp(values, false, (app) => {
    const started = Date.now();
    try {
      const { ids, assessed } = seedDemo(app.context, n, { onProgress: (done, total) => io.err(`demo: ${done}/${total} cases\n`) });
      io.out(`Created ${ids.length} demo cases (${assessed} assessed) in ${values.db} in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
      return 0;
    } catch (error) {
      if (error instanceof ServiceError) throw new UsageError('demo', error.problems.map((p) => `${p.field}: ${p.message}`));
      throw error;
    }
  }, 'write');
}

function importCommand(io: CliIo, file: string | undefined, values: StoreValues): number {
  if (!file) throw new UsageError('use: tsp cases import --db FILE IN.json');
  const input = readJsonFile(io, file, 'case file');
  return withApp(values, false, (app) => {
    const result = unwrap(app.router.dispatch('cases.import', input), `${file} was not imported (nothing was written)`);
    for (const w of result.warnings) io.err(`warning: ${w.field}: ${w.message}\n`);
    // A case already in the store is updated or left as it is, never imported twice (issue 20).
    const count = (outcome: string) => result.outcomes.filter((o) => o === outcome).length;
    io.out(`Imported ${result.ids.length} case${result.ids.length === 1 ? '' : 's'} into ${values.db}: ${count('new')} new, ${count('update')} updated, ${count('unchanged')} unchanged.\n`);
    return 0;
  }, 'write');
}

function exportCommand(io: CliIo, values: StoreValues): number {
  if (!values.out) throw new UsageError('use: tsp cases export --db FILE --out OUT.json');
  const out = values.out;
  checkOutput({ ...values, out });
  return withApp(values, true, (app) => {
    const cases = unwrap(app.router.dispatch('cases.export', {}), 'export failed');
    writeOutput({ ...values, out }, `${JSON.stringify(cases, null, 2)}\n`);
    io.out(`Exported ${cases.length} case${cases.length === 1 ? '' : 's'} to ${out}.\n`);
    return 0;
  }, 'read');
}

function searchCommand(io: CliIo, text: string, values: StoreValues): number {
  return withApp(values, true, (app) => {
    const items: CaseSummary[] = [];
    for (let offset = 0; ; offset += 500) {
      const page = unwrap(
        app.router.dispatch('cases.list', { text: text.trim() || undefined, includeClosed: true, sort: { field: 'familyName', dir: 'asc' }, offset, limit: 500 }),
        'search failed',
      );
      items.push(...page.items);
      if (items.length >= page.total || page.items.length === 0) break;
    }
    if (values.json) {
      io.out(`${JSON.stringify(items, null, 2)}\n`);
      return 0;
    }
    for (const c of items) {
      const name = `${c.familyName}${c.givenNames ? `, ${c.givenNames}` : ''}${c.nativeName ? ` (${c.nativeName})` : ''}`;
      io.out(`${c.id}  ${name}  ${c.prisonNumber ?? ''}  ${c.sentencingState}->${c.administeringState}  ${c.ruleSetId ?? '-'}  ${c.status ?? '-'}  ${c.verdict ?? 'not assessed'}\n`);
    }
    io.out(`${items.length} case${items.length === 1 ? '' : 's'}\n`);
    return 0;
  }, 'read');
}

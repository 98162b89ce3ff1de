/**
 * `tsp`: the command line over the same engine and services as the app.
 *   tsp assess --case FILE --treaty ID [--treaty-file FILE] [--db FILE] [--on YYYY-MM-DD] [--json] [--lang en|zh-Hant]
 *   tsp enforce --case FILE [--handover YYYY-MM-DD] [--procedure continued|conversion] [--json] [--lang en|zh-Hant]
 *   tsp treaties list [--json] | tsp treaties show ID [--json] | tsp treaties validate FILE
 *   tsp treaties import --db FILE IN.json | tsp treaties export --db FILE ID --out OUT.json
 *   tsp demo --db FILE --cases N
 *   tsp cases import --db FILE IN.json | export --db FILE --out OUT.json | search --db FILE [TEXT] [--json]
 *   tsp backup --db FILE --out FILE | tsp restore --db FILE --from FILE | tsp encrypt --db FILE (key: TSP_DB_KEY, cli/key.ts)
 *   tsp dossier --db FILE --case ID --out OUT.pdf [--lang en|zh-Hant]
  tsp package export --db FILE --case ID --out OUT.tsp.zip [--lang en|zh-Hant]   (the transfer package for the other State)
  tsp package import --db FILE IN.tsp.zip   (a received package as an incoming case; again: what differs)
 *   tsp package export --db FILE --case ID --out OUT.tsp.zip [--lang en|zh-Hant] | package import --db FILE IN.tsp.zip (cli/package.ts)
 *   tsp report statistics --db FILE --from DATE --to DATE --format pdf|xlsx|csv --out FILE [--direction D] [--rule-set ID] [--state XX]
 *   tsp audit verify --db FILE [--json] (exit 1 with every finding: rows, chain, schema, integrity, anchors; cli/audit.ts)
 *   tsp token issue --db FILE --user NAME --hours N (a supervisor issues a token for TSP_TOKEN; cli/identity.ts)
 *   tsp due --db FILE [--json] [--on YYYY-MM-DD] [--lang en|zh-Hant]
 *   tsp routes --case FILE.json | --db FILE --case ID | --db FILE --all --json [--on YYYY-MM-DD]
 *   tsp treaties table A B [--on YYYY-MM-DD] [--db FILE] [--json]
 *   tsp treaties map [--db FILE] [--json] | map validate FILE | map import --db FILE MAP.json | map export [--db FILE] --out OUT.json
 * `--out FILE` never names the store or its companions, and replaces an existing file only with --force (cli/output.ts).
 * Exit codes: 0 done (whatever the verdict), 2 bad input (message on stderr, the store unchanged), 1 anything
 * else: the store busy, the disk full or read-only, the file damaged (one line each, electron/store-failure.ts),
 * an unexpected failure (its first line; TSP_DEBUG=1 prints where it was thrown).
 * The acting user of the store commands is the store's user named as the OS account (os.userInfo(), not $USER),
 * else, for reads only, its first supervisor; a write needs that user (a new store's first user is created as its
 * supervisor) and, on a store with sign-in, their password (TSP_PASSWORD or asked) or a token (TSP_TOKEN): cli/identity.ts.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { StoreKey } from '../db/encryption.ts';
import { LOCALES, t, type Locale } from '../shared/i18n/index.ts';
import { runAssess } from './cli/assess.ts';
import { CommandFailure, processIo, UsageError, type CliIo } from './cli/io.ts';
import { describeError, storeFailureOf, type StoreFailure } from './store-failure.ts';
import { StoreKeyError } from '../db/encryption.ts';
import { runTreatiesExport, runTreatiesImport, runTreatiesList, runTreatiesShow, runTreatiesValidate } from './cli/treaties.ts';

const USAGE = `usage:
  tsp assess --case FILE.json (--treaty ID | --treaty-file RULESET.json) [--db FILE] [--on YYYY-MM-DD] [--json] [--lang en|zh-Hant]
  tsp enforce --case FILE.json [--handover YYYY-MM-DD] [--procedure continued|conversion] [--json] [--lang en|zh-Hant]
  tsp treaties list [--json]
  tsp treaties show ID [--json]
  tsp treaties validate FILE
  tsp treaties table A B [--on YYYY-MM-DD] [--db FILE] [--json]
  tsp treaties map [--db FILE] [--json]   (which instrument binds which States, from when)
  tsp treaties map validate FILE | map import --db FILE MAP.json | map export [--db FILE] --out OUT.json
  tsp treaties import --db FILE IN.json
  tsp treaties export --db FILE ID --out OUT.json
  tsp demo --db FILE --cases N
  tsp cases import --db FILE IN.json
  tsp cases export --db FILE --out OUT.json
  tsp cases search --db FILE [TEXT] [--json]
  tsp backup --db FILE --out FILE
  tsp restore --db FILE --from FILE
  tsp encrypt --db FILE            (with TSP_DB_KEY: encrypts a plain store)
  tsp attachments seal --db FILE   (seals files attached before schema 8)
  tsp dossier --db FILE --case ID --out OUT.pdf [--lang en|zh-Hant]
  tsp report statistics --db FILE --from YYYY-MM-DD --to YYYY-MM-DD --format pdf|xlsx|csv --out FILE
      [--direction outgoing|incoming] [--rule-set ID] [--state XX] [--lang en|zh-Hant]
  tsp audit verify --db FILE [--json]
  tsp token issue --db FILE --user NAME --hours N   (a supervisor; prints a token for TSP_TOKEN)
  tsp due --db FILE [--json] [--on YYYY-MM-DD] [--lang en|zh-Hant]
  tsp routes --case FILE.json [--on YYYY-MM-DD] [--json]        (where could this person go?)
  tsp routes --db FILE --case ID [--on YYYY-MM-DD] [--json]     (a stored case)
  tsp routes --db FILE --all --json [--on YYYY-MM-DD]           (every open case, one JSON line each)
--out never writes over the store or its files, nor over an existing file unless --force is given.
An encrypted store's key comes from TSP_DB_KEY (or is asked for on a terminal).
Writes are attributed to the store's user named as your OS account; on a store with sign-in they need
that user's password (asked, or TSP_PASSWORD) or a token a supervisor issued (TSP_TOKEN).
`;

const OPTIONS = {
  case: { type: 'string' },
  treaty: { type: 'string' },
  'treaty-file': { type: 'string' },
  on: { type: 'string' },
  handover: { type: 'string' },
  procedure: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'en' },
  db: { type: 'string' },
  cases: { type: 'string' },
  out: { type: 'string' },
  force: { type: 'boolean', default: false },
  from: { type: 'string' },
  to: { type: 'string' },
  format: { type: 'string' },
  direction: { type: 'string' },
  'rule-set': { type: 'string' },
  state: { type: 'string' },
  all: { type: 'boolean', default: false },
  user: { type: 'string' },
  hours: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** The commands that write to a store: they act as a proved user (cli/identity.ts). */
const writes = (command: string, sub: string | undefined, object: string | undefined): boolean =>
  ['demo', 'attachments', 'backup', 'restore', 'encrypt', 'token'].includes(command) ||
  (['cases', 'treaties', 'package'].includes(command) && sub === 'import') ||
  (command === 'treaties' && sub === 'map' && object === 'import');

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values: v, positionals } = parsed;
    const [command, sub, ...rest] = positionals;
    if (v.help || command === undefined) {
      io.out(USAGE);
      return command === undefined && !v.help ? 2 : 0;
    }
    if (!LOCALES.includes(v.lang as Locale)) throw new UsageError(`--lang must be one of ${LOCALES.join(', ')}`);
    const locale = v.lang as Locale;
    const proveWriter = async (key: StoreKey | undefined) => (writes(command, sub, rest[0]) ? (await import('./cli/identity.ts')).writerProof(v.db, key) : undefined);
    switch (command) {
      case 'assess':
        if (!v.case) throw new UsageError('assess needs --case FILE.json');
        if (v.db) {
          const store = await import('./cli/store-commands.ts');
          const key = await (await import('./cli/key.ts')).cliStoreKey(v.db);
          return store.withStore(v.db, key, (db) =>
            runAssess(io, { casePath: v.case as string, treaty: v.treaty, treatyFile: v['treaty-file'], on: v.on, json: v.json, locale, store: db }),
          );
        }
        return runAssess(io, { casePath: v.case, treaty: v.treaty, treatyFile: v['treaty-file'], on: v.on, json: v.json, locale });
      case 'enforce':
        if (!v.case) throw new UsageError('enforce needs --case FILE.json');
        return (await import('./cli/enforce.ts')).runEnforce(io, { casePath: v.case, handover: v.handover, procedure: v.procedure, json: v.json, locale });
      case 'treaties':
        if (sub === 'list') return runTreatiesList(io, v.json);
        if (sub === 'show' && rest[0]) return runTreatiesShow(io, rest[0], v.json, locale);
        if (sub === 'validate') return runTreatiesValidate(io, rest[0]);
        if (sub === 'map') {
          const key = v.db ? await (await import('./cli/key.ts')).cliStoreKey(v.db) : undefined;
          return await (await import('./cli/treaty-map.ts')).runTreatyMap(io, rest[0], rest[1], { ...v, key, writer: await proveWriter(key) });
        }
        if (sub === 'table') {
          const key = v.db ? await (await import('./cli/key.ts')).cliStoreKey(v.db) : undefined;
          return await (await import('./cli/routes.ts')).runTreatyTable(io, rest[0], rest[1], { ...v, key });
        }
        if (sub === 'import' || sub === 'export') {
          const key = await (await import('./cli/key.ts')).cliStoreKey(v.db);
          const values = { ...v, key, writer: await proveWriter(key) };
          return sub === 'import' ? await runTreatiesImport(io, rest[0], values) : await runTreatiesExport(io, rest[0], values);
        }
        throw new UsageError('use: tsp treaties list | show ID | validate FILE | table A B | map | import --db FILE IN.json | export --db FILE ID --out OUT.json');
      case 'dossier':
      case 'report': {
        const values = { ...v, key: await (await import('./cli/key.ts')).cliStoreKey(v.db) };
        if (command === 'dossier') return await (await import('./cli/dossier.ts')).runDossier(io, values, locale);
        return await (await import('./cli/report.ts')).runReport(io, sub, values, locale);
      }
      case 'package': {
        const key = await (await import('./cli/key.ts')).cliStoreKey(v.db);
        return (await import('./cli/package.ts')).runPackage(io, sub, rest[0], { ...v, key, writer: await proveWriter(key) }, locale);
      }
      case 'audit': {
        const values = { ...v, key: await (await import('./cli/key.ts')).cliStoreKey(v.db) };
        return (await import('./cli/audit.ts')).runAudit(io, sub, values);
      }
      case 'routes': {
        const key = v.db ? await (await import('./cli/key.ts')).cliStoreKey(v.db) : undefined;
        return await (await import('./cli/routes.ts')).runRoutes(io, { ...v, key }, locale);
      }
      case 'due':
        return (await import('./cli/due.ts')).runDue(io, { ...v, key: await (await import('./cli/key.ts')).cliStoreKey(v.db) }, locale);
      case 'encrypt': {
        const keys = await import('./cli/key.ts');
        return keys.runEncrypt(io, v.db, await keys.cliStoreKey(v.db), await proveWriter(undefined));
      }
      case 'backup':
      case 'restore': {
        const backup = await import('./cli/backup.ts');
        const key = await (await import('./cli/key.ts')).cliStoreKey(v.db);
        const values = { ...v, key, writer: await proveWriter(key) };
        return command === 'backup' ? backup.runBackup(io, values) : backup.runRestore(io, values);
      }
      default: {
        const store = await import('./cli/store-commands.ts');
        const key = await (await import('./cli/key.ts')).cliStoreKey(v.db);
        return await store.runStoreCommand(io, command, sub, rest, { ...v, key, writer: await proveWriter(key) });
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tsp: ${error.message}\n`);
      for (const d of error.details) io.err(`  - ${d}\n`);
      return 2;
    }
    // A missing or wrong key is bad input, wherever the store is opened (cli/key.ts says what to do).
    if (error instanceof StoreKeyError) {
      io.err(`tsp: ${error.message}\n`);
      return 2;
    }
    if (error instanceof CommandFailure) {
      io.err(`tsp: ${error.message}\n`);
      return 1;
    }
    const failure = storeFailureOf(error);
    if (failure !== null) {
      io.err(`tsp: ${failureLine(failure, error as NodeJS.ErrnoException)}\n`);
      if (process.env.TSP_DEBUG === '1') io.err(`${(error as Error).stack ?? ''}\n`);
      return 1;
    }
    io.err(`tsp: unexpected failure: ${describeError(error)}\n`);
    return 1;
  }
}

/** What a file the command reads or writes (an output, a backup) could not take, by kind. */
const FILE_REASONS: Record<StoreFailure, string> = {
  busy: 'it is locked by another program',
  full: 'the disk is full',
  readonly: 'the disk is read-only or you may not write there',
  corrupt: 'it is damaged',
  cantopen: 'it cannot be opened',
};

/** One line for a failure of the store (SQLite's code) or of a file (Node's, with its path). */
function failureLine(failure: StoreFailure, error: NodeJS.ErrnoException): string {
  if (typeof error.path === 'string') return `cannot ${error.syscall ?? 'use'} ${error.path}: ${FILE_REASONS[failure]} (${error.code}); nothing was changed`;
  return `${t('en', `error.store.${failure}`)} (${error.code})`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}

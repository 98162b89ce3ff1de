/**
 * `tsp`: the command line over the same engine and services as the app.
 *   tsp assess --case FILE --treaty ID [--treaty-file FILE] [--db FILE] [--on YYYY-MM-DD] [--json] [--lang en|zh-Hant]
 *   tsp treaties list [--json] | tsp treaties show ID [--json]
 *   tsp demo --db FILE --cases N
 *   tsp cases import --db FILE IN.json | export --db FILE --out OUT.json | search --db FILE [TEXT] [--json]
 * Exit codes: 0 done (whatever the verdict), 2 bad input (message on stderr), 1 unexpected failure.
 */
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { LOCALES, type Locale } from '../shared/i18n/index.ts';
import { runAssess } from './cli/assess.ts';
import { processIo, UsageError, type CliIo } from './cli/io.ts';
import { runTreatiesList, runTreatiesShow } from './cli/treaties.ts';

const USAGE = `usage:
  tsp assess --case FILE.json (--treaty ID | --treaty-file RULESET.json) [--db FILE] [--on YYYY-MM-DD] [--json] [--lang en|zh-Hant]
  tsp treaties list [--json]
  tsp treaties show ID [--json]
  tsp demo --db FILE --cases N
  tsp cases import --db FILE IN.json
  tsp cases export --db FILE --out OUT.json
  tsp cases search --db FILE [TEXT] [--json]
`;

const OPTIONS = {
  case: { type: 'string' },
  treaty: { type: 'string' },
  'treaty-file': { type: 'string' },
  on: { type: 'string' },
  json: { type: 'boolean', default: false },
  lang: { type: 'string', default: 'en' },
  db: { type: 'string' },
  cases: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

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
    switch (command) {
      case 'assess':
        if (!v.case) throw new UsageError('assess needs --case FILE.json');
        if (v.db) {
          const store = await import('./cli/store-commands.ts');
          return store.withStoredRuleSets(v.db, (ruleSetInForce) =>
            runAssess(io, { casePath: v.case as string, treaty: v.treaty, treatyFile: v['treaty-file'], on: v.on, json: v.json, locale, ruleSetInForce }),
          );
        }
        return runAssess(io, { casePath: v.case, treaty: v.treaty, treatyFile: v['treaty-file'], on: v.on, json: v.json, locale });
      case 'treaties':
        if (sub === 'list') return runTreatiesList(io, v.json);
        if (sub === 'show' && rest[0]) return runTreatiesShow(io, rest[0], v.json, locale);
        throw new UsageError('use: tsp treaties list | tsp treaties show ID');
      default: {
        const store = await import('./cli/store-commands.ts');
        return await store.runStoreCommand(io, command, sub, rest, v);
      }
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`tsp: ${error.message}\n`);
      for (const d of error.details) io.err(`  - ${d}\n`);
      return 2;
    }
    io.err(`tsp: unexpected failure: ${(error as Error).stack ?? String(error)}\n`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // A reader that stops early (`| head`) is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  process.exitCode = await main(process.argv.slice(2));
}

/**
 * `tsp report statistics --db FILE --from DATE --to DATE --format pdf|xlsx|csv --out FILE
 *   [--direction outgoing|incoming] [--rule-set ID] [--state XX] [--lang en|zh-Hant]`:
 * the statistics of a period, written as a file. Bad input exits 2 naming each bad field.
 */
import fs from 'node:fs';
import type { StoreKey } from '../../db/encryption.ts';
import { t, type Locale } from '../../shared/i18n/index.ts';
import { openApp, type OpenedApp } from '../app.ts';
import { cliOsUser } from './identity.ts';
import { ServiceError } from '../services/errors.ts';
import { exportStatistics } from '../services/reports.ts';
import { UsageError, type CliIo } from './io.ts';
import { checkOutput, writeOutput } from './output.ts';
import { readableStore } from './read-only-store.ts';

export interface StoreValues {
  db?: string | undefined;
  /** An encrypted store's key (cli/key.ts). */
  key?: StoreKey | undefined;
}

export interface ReportValues extends StoreValues {
  out?: string | undefined;
  force?: boolean | undefined;
  from?: string | undefined;
  to?: string | undefined;
  format?: string | undefined;
  direction?: string | undefined;
  'rule-set'?: string | undefined;
  state?: string | undefined;
}

/** Opens an existing store as the OS user, runs `work`, closes it; a refused request becomes exit code 2. */
export async function withStore<T>({ db, key }: StoreValues, work: (app: OpenedApp) => T | Promise<T>): Promise<T> {
  if (!db) throw new UsageError('give the database file with --db FILE');
  if (!fs.existsSync(db)) throw new UsageError(`no database at ${db}`);
  // Reports only read: a store on a read-only medium is read through a private copy.
  const store = readableStore(db);
  try {
    const app = openApp({ file: store.file, key, osUser: cliOsUser() });
    try {
      return await work(app);
    } catch (error) {
      if (error instanceof ServiceError) throw new UsageError(t('en', error.messageKey), error.problems.map((p) => `${p.field}: ${p.message}`));
      throw error;
    } finally {
      app.close();
    }
  } finally {
    store.dispose();
  }
}

export async function runReport(io: CliIo, sub: string | undefined, values: ReportValues, locale: Locale): Promise<number> {
  if (sub !== 'statistics') throw new UsageError('use: tsp report statistics --db FILE --from DATE --to DATE --format pdf|xlsx|csv --out FILE');
  const missing = (['from', 'to', 'format', 'out'] as const).filter((name) => !values[name]).map((name) => `--${name} is required`);
  if (missing.length > 0) throw new UsageError('report statistics: missing options', missing);
  const out = values.out as string;
  checkOutput({ ...values, out });
  return withStore(values, async (app) => {
    const started = Date.now();
    const query = { from: values.from, to: values.to, direction: values.direction, ruleSetId: values['rule-set'], state: values.state };
    const file = await exportStatistics(app.context, { query, format: values.format, locale }, (phase) => io.err(`report: ${phase}\n`));
    writeOutput({ ...values, out }, file.bytes);
    if (file.unreadable.length > 0) io.err(`warning: ${t('en', 'reports.unreadable', { count: file.unreadable.length, ids: file.unreadable.join(', ') })}\n`);
    io.out(`Wrote ${out} (${file.bytes.length.toLocaleString('en')} bytes) in ${((Date.now() - started) / 1000).toFixed(1)} s.\n`);
    return 0;
  });
}

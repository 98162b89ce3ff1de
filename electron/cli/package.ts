/**
 * The transfer package (issue 19, electron/services/packages.ts), through the same router (and
 * role check) as the app:
 *   tsp package export --db FILE --case ID --out OUT.tsp.zip [--lang en|zh-Hant]
 *   tsp package import --db FILE IN.tsp.zip
 * An import makes the package an incoming case; a package imported before (the same sending
 * State and reference) makes none and lists what differs. A package whose files do not match
 * their digests is refused with exit 2, the store unchanged.
 */
import fs from 'node:fs';
import type { Locale } from '../../shared/i18n/index.ts';
import { ATTACHMENT_BASE64_MAX_LENGTH } from '../../shared/workflow-schemas.ts';
import { readFailure, UsageError, type CliIo } from './io.ts';
import { checkOutput, writeOutput } from './output.ts';
import { unwrap, withApp, type StoreValues } from './store-commands.ts';

type PackageValues = StoreValues & { case?: string | undefined };

/** The largest package the import channel takes (its base64 bound), in bytes. */
const MAX_PACKAGE_BYTES = Math.floor((ATTACHMENT_BASE64_MAX_LENGTH * 2 * 3) / 4);

export function runPackage(io: CliIo, sub: string | undefined, file: string | undefined, values: PackageValues, locale: Locale): number {
  if (sub === 'export') return exportPackage(io, values, locale);
  if (sub === 'import') return importPackage(io, file, values);
  throw new UsageError('use: tsp package export --db FILE --case ID --out OUT.tsp.zip [--lang en|zh-Hant] | package import --db FILE IN.tsp.zip');
}

function exportPackage(io: CliIo, values: PackageValues, locale: Locale): number {
  const missing = (['case', 'out'] as const).filter((name) => !values[name]).map((name) => `--${name} is required`);
  if (missing.length > 0) throw new UsageError('package export: missing options', missing);
  const out = values.out as string;
  checkOutput({ ...values, out });
  return withApp(values, true, (app) => {
    const made = unwrap(app.router.dispatch('packages.make', { caseId: values.case, locale }), 'package export');
    const bytes = Buffer.from(made.base64, 'base64');
    writeOutput({ ...values, out }, bytes);
    io.out(`Wrote the transfer package of case ${values.case} to ${out} (${bytes.length.toLocaleString('en')} bytes).\n`);
    return 0;
  }, 'read');
}

function importPackage(io: CliIo, file: string | undefined, values: PackageValues): number {
  if (!file) throw new UsageError('use: tsp package import --db FILE IN.tsp.zip');
  let bytes: Buffer;
  try {
    if (fs.statSync(file).size > MAX_PACKAGE_BYTES) throw new UsageError(`${file} is larger than a package may be (${MAX_PACKAGE_BYTES.toLocaleString('en')} bytes)`);
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read the package ${file}: ${readFailure(error)}`);
  }
  return withApp(values, false, (app) => {
    const result = unwrap(app.router.dispatch('packages.import', { contentBase64: bytes.toString('base64') }), `${file} was not imported (nothing was written)`);
    const from = `${result.sendingState} ${result.sendingReference}`;
    if (result.outcome === 'created') {
      io.out(`Imported the package of ${from} as the incoming case ${result.caseId}.\n`);
      return 0;
    }
    io.out(`The package of ${from} was imported before, as case ${result.caseId}: nothing was written. `);
    if (result.differences.length === 0) io.out('The case and the package agree.\n');
    else {
      io.out(`What differs (the case / the package):\n`);
      for (const d of result.differences) io.out(`  ${d.field}: ${d.stored || '(none)'} / ${d.package || '(none)'}\n`);
    }
    return 0;
  }, 'write');
}

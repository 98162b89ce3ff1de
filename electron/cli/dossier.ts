/**
 * `tsp dossier --db FILE --case ID --out OUT.pdf [--lang en|zh-Hant]`: the transfer dossier of
 * a stored case as a PDF, through the same router (and role check) as the app.
 */
import fs from 'node:fs';
import type { Locale } from '../../shared/i18n/index.ts';
import { UsageError, type CliIo } from './io.ts';
import { withStore, type StoreValues } from './report.ts';

export async function runDossier(io: CliIo, values: StoreValues & { case?: string | undefined; out?: string | undefined }, locale: Locale): Promise<number> {
  const missing = (['case', 'out'] as const).filter((name) => !values[name]).map((name) => `--${name} is required`);
  if (missing.length > 0) throw new UsageError('dossier: missing options', missing);
  const out = values.out as string;
  return withStore(values, (app) => {
    const response = app.router.dispatch('dossier.pdf', { caseId: values.case, locale });
    if (!response.ok) throw new UsageError(`dossier: ${response.error.code.replace('_', ' ')}`, response.error.problems.map((p) => `${p.field}: ${p.message}`));
    const bytes = Buffer.from(response.data.base64, 'base64');
    fs.writeFileSync(out, bytes, { mode: 0o600 });
    io.out(`Wrote the dossier of case ${values.case} to ${out} (${bytes.length.toLocaleString('en')} bytes).\n`);
    return 0;
  });
}

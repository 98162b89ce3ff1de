/** The transfer package `tsp-package/1` (shared/package-schemas.ts): made for a case, imported as an incoming one (electron/services/packages.ts). */
import { z } from 'zod';
import { caseId } from '../api-schemas.ts';
import type { PackageImport } from '../package-schemas.ts';
import { ATTACHMENT_BASE64_MAX_LENGTH } from '../workflow-schemas.ts';
import { CASEWORK, LEGAL, typed, type AreaContract } from './channel.ts';
import { locale } from './inputs.ts';
import type { ProducedFile } from './reports.ts';

const makePackageInput = z.strictObject({ caseId, locale });

/** A package file's bytes, base64 (as an attachment travels). */
const importPackageInput = z.strictObject({
  contentBase64: z.string().min(1).max(ATTACHMENT_BASE64_MAX_LENGTH * 2, { error: 'validation.package.over40MiB' }),
});

export const packagesContract = {
  'packages.make': { input: makePackageInput, output: typed<ProducedFile>(), roles: LEGAL },
  'packages.import': { input: importPackageInput, output: typed<PackageImport>(), roles: CASEWORK },
} as const satisfies AreaContract;

/**
 * A case's documents (electron/services/dossier.ts): the dossier's model for the print
 * preview, and as PDF (issue 19) the internal annex (the dossier with the audit trail, kept by
 * the officer) or the request for the other State's central authority.
 */
import { z } from 'zod';
import { caseId } from '../api-schemas.ts';
import type { Dossier } from '../reports/dossier-model.ts';
import { LEGAL, typed, type AreaContract } from './channel.ts';
import { locale } from './inputs.ts';
import type { ProducedFile } from './reports.ts';

const dossierInput = z.strictObject({ caseId, locale });

const dossierPdfInput = dossierInput.extend({ document: z.enum(['annex', 'request']).default('annex') });

export const dossierContract = {
  'dossier.model': { input: dossierInput, output: typed<Dossier>(), roles: LEGAL },
  'dossier.pdf': { input: dossierPdfInput, output: typed<ProducedFile>(), roles: LEGAL },
} as const satisfies AreaContract;

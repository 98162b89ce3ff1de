/**
 * The transfer dossier of a case: the document model (for the in-app print preview) and the
 * PDF. Read-only: reads the case, its latest assessment, its timeline and its checklist, and for
 * an incoming case computes the sentence to be enforced here.
 */
import { chainHead } from '../../db/audit-anchor.ts';
import { buildDossier, type DossierDocument } from '../../shared/reports/dossier.ts';
import type { Dossier } from '../../shared/reports/dossier-model.ts';
import { dossierInput, type ProducedFile } from '../../shared/reports/schemas.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { dossierPdf } from '../pdf/dossier-pdf.ts';
import { listAssessments } from './assessments.ts';
import { getCase, listCaseEvents } from './cases.ts';
import type { ServiceContext } from './context.ts';
import { listDocuments } from './documents.ts';
import { computeCaseEnforcement } from './enforcement.ts';
import { validate } from './validate.ts';

/** The case's document checklist, as the workflow keeps it. */
function documentsOf(ctx: ServiceContext, caseId: string): DossierDocument[] {
  return listDocuments(ctx, { caseId }).map(({ kind, labelKey, required, status, note }) => ({ kind, labelKey, required, status, note }));
}

export function dossierModel(ctx: ServiceContext, input: unknown): Dossier {
  const { caseId, locale } = validate(dossierInput, input);
  const record = getCase(ctx, { id: caseId });
  const assessment = listAssessments(ctx, { caseId })[0] ?? null;
  const events = listCaseEvents(ctx, { caseId });
  const enforcement = record.case.direction === 'incoming' ? computeCaseEnforcement(ctx, { caseId }) : null;
  return buildDossier(
    {
      record,
      assessment,
      events,
      documents: documentsOf(ctx, caseId),
      producedOn: formatIsoDate(todayFrom(ctx.clock())),
      enforcement,
      auditHead: chainHead(ctx.db),
    },
    locale,
  );
}

/** A file name from the case's reference or id, safe on every file system. */
export function dossierFileName(dossier: Dossier, caseId: string): string {
  const stem = (dossier.name.split(/[ ,]/)[0] ?? '').replace(/[^A-Za-z0-9-]/g, '') || 'case';
  return `dossier-${stem}-${caseId.slice(0, 8)}-${dossier.locale}.pdf`;
}

export function dossierPdfFile(ctx: ServiceContext, input: unknown): ProducedFile {
  const dossier = dossierModel(ctx, input);
  const { caseId } = validate(dossierInput, input);
  return { fileName: dossierFileName(dossier, caseId), mediaType: 'application/pdf', base64: dossierPdf(dossier).toString('base64') };
}

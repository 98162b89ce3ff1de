/**
 * A case's two documents from one source (issue 19): the internal annex — the transfer dossier
 * (the assessment with every condition, sources, confidence, the rule-set hash, documents,
 * consent, timeline) with the case's audit trail — as a model (the in-app print preview) and a
 * PDF; and the request for the other State's central authority (shared/reports/request.ts) as a
 * PDF/A-2b with the attached PDFs appended. Read-only: reads the case, its latest assessment,
 * timeline, checklist, correspondence and audit entries, and for an incoming case computes the
 * sentence to be enforced here.
 */
import { chainHead } from '../../db/audit-anchor.ts';
import { listAuditEntries } from '../../db/audit-repo.ts';
import { findAttachment } from '../../db/documents-repo.ts';
import { correspondenceOf } from '../../db/transfer-records-repo.ts';
import { findUser } from '../../db/users-repo.ts';
import { buildAnnex } from '../../shared/reports/annex.ts';
import type { DossierDocument } from '../../shared/reports/dossier.ts';
import type { Dossier } from '../../shared/reports/dossier-model.ts';
import { buildRequest, type RequestDocument } from '../../shared/reports/request.ts';
import type { dossierContract } from '../../shared/contracts/dossier.ts';
import type { ProducedFile } from '../../shared/contracts/reports.ts';
import type { Locale } from '../../shared/i18n/index.ts';
import { appendPdfs } from '../pdf/append-pdfs.ts';
import { dossierPdf } from '../pdf/dossier-pdf.ts';
import { requestPdf } from '../pdf/request-pdf.ts';
import { readAttachmentBytes } from './attachment-files.ts';
import { listAssessments } from './assessments.ts';
import { getCase, listCaseEvents } from './cases.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { listDocuments } from './documents.ts';
import { computeCaseEnforcement } from './enforcement.ts';
import { letterSettings } from './letter-settings.ts';
import type { Handlers, Input } from './handlers.ts';
import { ruleSetOfCase } from './workflow.ts';

/** The case's document checklist, as the workflow keeps it. */
function documentsOf(ctx: ServiceContext, caseId: string): DossierDocument[] {
  return listDocuments(ctx, { caseId }).map(({ kind, labelKey, required, status, note }) => ({ kind, labelKey, required, status, note }));
}

/** The latest assessment under the case's own rule-set (an exploration under another is never the case's). */
function latestAssessment(ctx: ServiceContext, caseId: string, latestId: string | null) {
  const all = listAssessments(ctx, { caseId });
  return (latestId === null ? undefined : all.find((a) => a.id === latestId)) ?? null;
}

/** The internal annex: the dossier and the case's audit trail. */
export function annexModel(ctx: ServiceContext, caseId: string, locale: Locale): Dossier {
  const record = getCase(ctx, { id: caseId });
  const names = new Map<string, string | null>();
  const audit = listAuditEntries(ctx.db, { entity: 'case', entityId: caseId, limit: 1000 })
    .reverse()
    .map(({ seq, at, userId, action, reason, hash }) => {
      if (!names.has(userId)) names.set(userId, findUser(ctx.db, userId)?.name ?? null);
      return { seq, at, userName: names.get(userId) ?? null, action, reason, hash };
    });
  return buildAnnex(
    {
      record,
      assessment: latestAssessment(ctx, caseId, record.latestAssessment?.id ?? null),
      events: listCaseEvents(ctx, { caseId }),
      documents: documentsOf(ctx, caseId),
      producedOn: todayOf(ctx),
      enforcement: record.case.direction === 'incoming' ? computeCaseEnforcement(ctx, { caseId }) : null,
      auditHead: chainHead(ctx.db),
      audit,
    },
    locale,
  );
}

export function dossierModel(ctx: ServiceContext, { caseId, locale }: Input<'dossier.model'>): Dossier {
  return annexModel(ctx, caseId, locale);
}

/** A file name from the person's family name and the case id, safe on every file system. */
export function dossierFileName(document: { name: string; locale: Locale }, caseId: string, kind = 'dossier'): string {
  const stem = (document.name.split(/[ ,]/)[0] ?? '').replace(/[^A-Za-z0-9-]/g, '') || 'case';
  return `${kind}-${stem}-${caseId.slice(0, 8)}-${document.locale}.pdf`;
}

/** A PDF is appended only when it looks like one (its header, its end); pdf-lib then has the last word. */
function looksLikePdf(bytes: Buffer): boolean {
  return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(Math.max(0, bytes.length - 1024)).toString('latin1').includes('%%EOF');
}

export interface MadeRequest {
  request: RequestDocument;
  pdf: Buffer;
  /** Every attachment of the documents sent with the request, with its bytes (the package encloses them all). */
  attachments: { id: number; kind: string; fileName: string; mediaType: string; sha256: string; bytes: Buffer }[];
}

/** The request for the other State's central authority, with the attached PDFs appended after it. */
export function makeRequest(ctx: ServiceContext, caseId: string, locale: Locale): MadeRequest {
  const record = getCase(ctx, { id: caseId });
  const ruleSet = ruleSetOfCase(ctx.db, record, todayOf(ctx));
  const checklist = listDocuments(ctx, { caseId });
  const attachments: MadeRequest['attachments'] = [];
  for (const doc of checklist) {
    for (const a of doc.attachments) {
      const stored = findAttachment(ctx.db, caseId, a.id);
      const bytes = stored === undefined ? null : readAttachmentBytes(ctx.db, stored.sha256, stored.size);
      // A file changed or lost on disk is never sent as the document.
      if (bytes !== null) attachments.push({ id: a.id, kind: doc.kind, fileName: a.fileName, mediaType: a.mediaType, sha256: a.sha256, bytes });
    }
  }
  const theirs = correspondenceOf(ctx.db, caseId).filter((c) => c.correspondent === 'other-state' && !c.outgoing && c.reference !== null).at(-1)?.reference ?? null;
  const build = (appendable: ReadonlySet<number>) =>
    buildRequest(
      {
        record,
        assessment: latestAssessment(ctx, caseId, record.latestAssessment?.id ?? null),
        ruleSet: ruleSet === null ? null : { id: ruleSet.id, title: ruleSet.title },
        documents: checklist.map(({ kind, labelKey, step, required, status, attachments: files }) => ({
          kind, labelKey, step, required, status, attachments: files.filter((f) => attachments.some((x) => x.id === f.id)).map(({ id, fileName, mediaType }) => ({ id, fileName, mediaType })),
        })),
        letter: letterSettings(ctx),
        producedOn: todayOf(ctx),
        theirReference: theirs,
        appendable,
      },
      locale,
    );
  let appendable = new Set(attachments.filter((a) => looksLikePdf(a.bytes)).map((a) => a.id));
  let request = build(appendable);
  let appended = appendPdfs(requestPdf(request), request.appendix.map((a) => ({ id: a.attachmentId, bytes: attachments.find((x) => x.id === a.attachmentId)!.bytes })));
  if (appended.failed.length > 0) {
    // A file pdf-lib could not read: the letter says it is enclosed, not appended, and the rest are appended again.
    appendable = new Set([...appendable].filter((id) => !appended.failed.includes(id)));
    request = build(appendable);
    appended = appendPdfs(requestPdf(request), request.appendix.map((a) => ({ id: a.attachmentId, bytes: attachments.find((x) => x.id === a.attachmentId)!.bytes })));
  }
  return { request, pdf: appended.bytes, attachments };
}

export function dossierPdfFile(ctx: ServiceContext, { caseId, locale, document }: Input<'dossier.pdf'>): ProducedFile {
  if (document === 'request') {
    const { request, pdf } = makeRequest(ctx, caseId, locale);
    return { fileName: dossierFileName(request, caseId, 'request'), mediaType: 'application/pdf', base64: pdf.toString('base64') };
  }
  const annex = annexModel(ctx, caseId, locale);
  return { fileName: dossierFileName({ name: annex.name, locale }, caseId), mediaType: 'application/pdf', base64: dossierPdf(annex).toString('base64') };
}

export const dossierHandlers: Handlers<keyof typeof dossierContract> = {
  'dossier.model': dossierModel,
  'dossier.pdf': dossierPdfFile,
};

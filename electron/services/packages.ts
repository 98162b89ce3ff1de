/**
 * The transfer package (issue 19, shared/package-schemas.ts): made from a case for the other
 * State — its file as tsp-case/1, the request (the same PDF as dossier.pdf's), every attached
 * document, and a manifest of SHA-256 digests — and imported from the other State as an
 * incoming case: every file checked against its digest first (one that does not match refuses
 * the whole package, writing nothing), then, in one write with one audit entry, the case, its
 * documents received with their files, the request among them, and the record of the package.
 * A package whose sending State and reference were imported before makes no new case: the
 * import says what differs between the case and the package.
 *
 * What stays with us never goes in a package: notes, correspondence, assignment, the audit
 * trail, the internal annex, the assessments.
 */
import { appendAudit } from '../../db/audit-repo.ts';
import { appendCaseEvent } from '../../db/case-events-repo.ts';
import { findCase, insertCase } from '../../db/cases-repo.ts';
import { insertAttachment, setDocumentStatus as writeDocumentStatus } from '../../db/documents-repo.ts';
import { caseOfPackage, insertPackageRecord } from '../../db/transfer-records-repo.ts';
import { parseStorableCase } from '../../shared/api-schemas.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import type { packagesContract } from '../../shared/contracts/packages.ts';
import type { ProducedFile } from '../../shared/contracts/reports.ts';
import {
  PACKAGE_FORMAT, packageManifestSchema, type PackageDifference, type PackageImport, type PackageManifest,
} from '../../shared/package-schemas.ts';
import { readZip, writeZip, ZipError, type ZipEntry } from '../packages/zip.ts';
import { sha256Of, storeAttachment } from './attachment-files.ts';
import { auditStateOf, loadRecord } from './case-records.ts';
import { creationProblems, creationRefused } from './cases.ts';
import { todayOf, type ServiceContext } from './context.ts';
import { dossierFileName, makeRequest } from './dossier.ts';
import { ServiceError } from './errors.ts';
import { timeOrderedUuid } from './time-ordered-id.ts';
import type { Handlers, Input } from './handlers.ts';
import { write } from './write.ts';

/** A file name inside the archive: letters, digits, dot, dash and underscore, the rest replaced. */
const safeName = (name: string) => name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_').slice(0, 120) || 'file';

/** The case as the package carries it: the file as stored, without what only the sending store knows of it. */
function packagedCase(c: CaseFile): CaseFile {
  const { closure: _closure, ...file } = c;
  return file;
}

/** Our State is the one that sends: the sentencing State of an outgoing case, the administering one of an incoming. */
const sendingStateOf = (c: CaseFile) => (c.direction === 'incoming' ? c.administeringState : c.sentencingState);

export function makePackage(ctx: ServiceContext, { caseId, locale }: Input<'packages.make'>): ProducedFile {
  const record = loadRecord(ctx.db, caseId);
  const reference = record.case.reference?.trim() ?? '';
  if (reference === '') throw new ServiceError('invalid_input', 'error.package_no_reference', [{ field: 'caseId', message: 'the case has no reference: the other State matches the package on it' }]);
  const { request, pdf, attachments } = makeRequest(ctx, caseId, locale);
  const entries: ZipEntry[] = [
    { name: 'case.json', bytes: Buffer.from(`${JSON.stringify(packagedCase(record.case), null, 2)}\n`, 'utf8') },
    { name: 'request.pdf', bytes: pdf },
  ];
  const used = new Set<string>();
  const files: PackageManifest['files'] = [
    { path: 'case.json', role: 'case', mediaType: 'application/json', size: entries[0]!.bytes.length, sha256: sha256Of(entries[0]!.bytes) },
    { path: 'request.pdf', role: 'request', mediaType: 'application/pdf', size: pdf.length, sha256: sha256Of(pdf) },
  ];
  for (const a of attachments) {
    let path = `attachments/${a.kind}/${safeName(a.fileName)}`;
    for (let n = 2; used.has(path); n++) path = `attachments/${a.kind}/${n}-${safeName(a.fileName)}`;
    used.add(path);
    entries.push({ name: path, bytes: a.bytes });
    files.push({ path, role: 'attachment', kind: a.kind, mediaType: a.mediaType, size: a.bytes.length, sha256: a.sha256 });
  }
  const manifest: PackageManifest = { format: PACKAGE_FORMAT, sendingState: sendingStateOf(record.case), sendingReference: reference, madeOn: todayOf(ctx), language: locale, files };
  const zip = writeZip([{ name: 'manifest.json', bytes: Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`, 'utf8') }, ...entries]);
  return { fileName: dossierFileName(request, caseId, 'package').replace(/\.pdf$/, '.tsp.zip'), mediaType: 'application/zip', base64: zip.toString('base64') };
}

const invalid = (detail: string) => new ServiceError('invalid_input', 'error.package_invalid', [{ field: 'contentBase64', message: detail, params: { detail } }]);

/** The package read and every file checked against the manifest; throws naming what is wrong, writing nothing. */
export function readPackage(bytes: Buffer): { manifest: PackageManifest; manifestSha256: string; files: Map<string, Buffer>; case: CaseFile } {
  let entries: ZipEntry[];
  try {
    entries = readZip(bytes);
  } catch (error) {
    if (error instanceof ZipError) throw invalid(error.message);
    throw error;
  }
  const byName = new Map(entries.map((e) => [e.name, e.bytes]));
  const manifestBytes = byName.get('manifest.json');
  if (manifestBytes === undefined) throw invalid('no manifest.json');
  let manifestJson: unknown;
  try {
    manifestJson = JSON.parse(manifestBytes.toString('utf8'));
  } catch {
    throw invalid('manifest.json is not JSON');
  }
  const parsed = packageManifestSchema.safeParse(manifestJson);
  if (!parsed.success) throw invalid(`manifest.json is not ${PACKAGE_FORMAT}`);
  const manifest = parsed.data;
  // Every file the manifest names is there with its digest and size, and nothing else is.
  for (const f of manifest.files) {
    const content = byName.get(f.path);
    if (content === undefined || content.length !== f.size || sha256Of(content) !== f.sha256) {
      throw new ServiceError('conflict', 'error.package_digest', [{ field: 'contentBase64', message: `${f.path} does not match its SHA-256 digest in the manifest`, params: { detail: f.path } }]);
    }
  }
  const extra = [...byName.keys()].filter((name) => name !== 'manifest.json' && !manifest.files.some((f) => f.path === name));
  if (extra.length > 0) throw new ServiceError('conflict', 'error.package_digest', [{ field: 'contentBase64', message: `${extra[0]} is not in the manifest`, params: { detail: extra[0]! } }]);
  const caseEntry = manifest.files.find((f) => f.role === 'case');
  if (caseEntry === undefined || manifest.files.filter((f) => f.role === 'case').length !== 1) throw invalid('the manifest names no single case');
  let caseJson: unknown;
  try {
    caseJson = JSON.parse(byName.get(caseEntry.path)!.toString('utf8'));
  } catch {
    throw invalid(`${caseEntry.path} is not JSON`);
  }
  const storable = parseStorableCase(caseJson);
  if (!storable.ok) throw new ServiceError('invalid_input', 'error.invalid_case', storable.errors.map((p) => ({ ...p, field: `case.${p.field}` })));
  if (sendingStateOf(storable.value) !== manifest.sendingState || storable.value.reference?.trim() !== manifest.sendingReference) {
    throw invalid('the manifest names another sending State or reference than its case');
  }
  return { manifest, manifestSha256: sha256Of(manifestBytes), files: byName, case: storable.value };
}

/** The case as it enters our store: ours is the other side (the direction turns), at the start of our steps. */
function receivedCase(c: CaseFile): CaseFile {
  return { ...packagedCase(c), direction: c.direction === 'incoming' ? 'outgoing' : 'incoming', status: 'draft' };
}

/** Every leaf of a JSON value by its dotted path, for the differences of a second import. */
function leaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v, i) => leaves(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) leaves(v, path === '' ? k : `${path}.${k}`, out);
  else if (value !== null && value !== undefined) out.set(path, String(value));
  return out;
}

export function caseDifferences(stored: CaseFile, incoming: CaseFile): PackageDifference[] {
  // Where each side stands in its own workflow is its own business.
  const strip = (c: CaseFile) => leaves({ ...c, status: undefined, direction: undefined });
  const a = strip(stored);
  const b = strip(incoming);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields.filter((f) => a.get(f) !== b.get(f)).map((field) => ({ field, stored: a.get(field) ?? '', package: b.get(field) ?? '' }));
}

export function importPackage(ctx: ServiceContext, { contentBase64 }: Input<'packages.import'>): PackageImport {
  const { manifest, manifestSha256, files, case: sent } = readPackage(Buffer.from(contentBase64, 'base64'));
  const incoming = receivedCase(sent);
  const matched = caseOfPackage(ctx.db, manifest.sendingState, manifest.sendingReference);
  const head = { sendingState: manifest.sendingState, sendingReference: manifest.sendingReference };
  if (matched !== null) {
    const stored = findCase(ctx.db, matched);
    return { outcome: 'matched', caseId: matched, ...head, differences: stored === undefined ? [] : caseDifferences(stored.case, incoming) };
  }
  const problems = creationProblems(ctx.user.role, incoming, 'case');
  if (problems.length > 0) throw creationRefused(problems);
  const documents = manifest.files.filter((f) => f.role !== 'case');
  // Stored before the transaction: content-addressed, so a write that then fails leaves at most unreferenced files.
  for (const f of documents) storeAttachment(ctx.db, files.get(f.path)!);
  return write(ctx, (scope) => {
    const id = timeOrderedUuid();
    insertCase(scope.db, id, incoming, scope.at);
    appendCaseEvent(scope.db, { caseId: id, kind: 'package-imported', date: scope.today, note: `${manifest.sendingState} ${manifest.sendingReference}`, userId: scope.userId, createdAt: scope.at });
    for (const f of documents) {
      const kind = f.role === 'request' ? 'request-or-reply' : (f.kind ?? 'request-or-reply');
      insertAttachment(scope.db, id, { kind, sha256: f.sha256, fileName: f.path.split('/').at(-1)!, mediaType: f.mediaType, size: f.size, createdAt: scope.at, createdBy: scope.userId });
      writeDocumentStatus(scope.db, id, { kind, status: 'received', note: null, updatedAt: scope.at, updatedBy: scope.userId });
    }
    insertPackageRecord(scope.db, { caseId: id, ...head, manifestSha256, importedAt: scope.at, importedBy: scope.userId });
    const record = { id, version: 1, createdAt: scope.at, updatedAt: scope.at, closedAt: null, closeOutcome: null, closeReason: null, case: incoming, latestAssessment: null };
    appendAudit(scope.db, {
      at: scope.at, userId: scope.userId, action: 'case.package', entity: 'case', entityId: id, reason: null, before: null,
      after: { ...auditStateOf(record), package: { ...head, manifestSha256, files: manifest.files.map(({ path, sha256 }) => ({ path, sha256 })) } },
    });
    return { outcome: 'created' as const, caseId: id, ...head, differences: [] };
  });
}

export const packagesHandlers: Handlers<keyof typeof packagesContract> = {
  'packages.make': makePackage,
  'packages.import': importPackage,
};

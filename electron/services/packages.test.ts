/**
 * The transfer package (issue 19): made by one store, imported into another as an incoming case
 * without loss (the case file as sent, every document byte for byte, the request among them);
 * imported again, matched on the sending State's reference with what differs shown and no
 * duplicate; refused, writing nothing, when a file does not match its digest or the archive is
 * not a package. Notes and correspondence stay with the sender.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyStore } from '../../db/audit-verify.ts';
import { CASE_FIXTURES } from '../../db/case-fixtures.ts';
import { storeDigest } from '../../db/testing.ts';
import { PACKAGE_FORMAT, type PackageManifest } from '../../shared/package-schemas.ts';
import { readZip, writeZip } from '../packages/zip.ts';
import { sha256Of } from './attachment-files.ts';
import { addNote } from './case-work.ts';
import { createCase, getCase, listCaseEvents, updateCase } from './cases.ts';
import { attachDocument, listDocuments, readAttachment } from './documents.ts';
import { importPackage, makePackage } from './packages.ts';
import { expectRefused, parsed, serviceHarness, type ServiceHarness } from './testing.ts';

let sender: ServiceHarness;
let receiver: ServiceHarness;
beforeEach(() => {
  sender = serviceHarness('2025-01-15T08:00:00.000Z');
  receiver = serviceHarness('2025-01-20T08:00:00.000Z');
});
afterEach(() => {
  sender.dispose();
  receiver.dispose();
});

const example = { ...(CASE_FIXTURES.formatExample as object), sentencingState: 'CH', administeringState: 'RU', ruleSetId: 'coe-ets-112', direction: 'outgoing' };
const judgment = Buffer.from('%PDF-1.4\n% a judgment\n%%EOF\n');
const consent = Buffer.from('scanned consent, not a PDF');

function sent(): { caseId: string; base64: string } {
  const { id } = createCase(sender.admin, { case: example });
  attachDocument(sender.admin, { caseId: id, kind: 'certified-judgment', fileName: 'Urteil 2022.pdf', mediaType: 'application/pdf', contentBase64: judgment.toString('base64') });
  attachDocument(sender.admin, { caseId: id, kind: 'consent-declaration', fileName: 'consent.jpg', mediaType: 'image/jpeg', contentBase64: consent.toString('base64') });
  addNote(sender.admin, { caseId: id, text: 'internal: the prosecutor is against' });
  return { caseId: id, base64: makePackage(sender.admin, parsed('packages.make', { caseId: id, locale: 'en' })).base64 };
}

describe('a transfer package', () => {
  it('holds the case, the request and the documents, each named in the manifest with its SHA-256 digest, and nothing kept internal', () => {
    const { base64 } = sent();
    const entries = new Map(readZip(Buffer.from(base64, 'base64')).map((e) => [e.name, e.bytes]));
    const manifest = JSON.parse(entries.get('manifest.json')!.toString('utf8')) as PackageManifest;
    expect(manifest).toMatchObject({ format: PACKAGE_FORMAT, sendingState: 'CH', sendingReference: 'CSD-2024-0012', madeOn: '2025-01-15', language: 'en' });
    expect(manifest.files.map((f) => [f.path, f.role, f.kind])).toEqual([
      ['case.json', 'case', undefined], ['request.pdf', 'request', undefined],
      ['attachments/certified-judgment/Urteil_2022.pdf', 'attachment', 'certified-judgment'], ['attachments/consent-declaration/consent.jpg', 'attachment', 'consent-declaration'],
    ]);
    for (const f of manifest.files) expect(sha256Of(entries.get(f.path)!), f.path).toBe(f.sha256);
    expect(entries.get('case.json')!.toString('utf8')).not.toContain('prosecutor');
  });

  it('imports into another store as an incoming case without loss, and round-trips: the case file as sent, each document byte for byte', () => {
    const { caseId, base64 } = sent();
    const result = importPackage(receiver.officer, { contentBase64: base64 });
    expect(result).toMatchObject({ outcome: 'created', sendingState: 'CH', sendingReference: 'CSD-2024-0012', differences: [] });
    const original = getCase(sender.admin, { id: caseId }).case;
    const received = getCase(receiver.admin, { id: result.caseId }).case;
    expect(received).toEqual({ ...original, direction: 'incoming', status: 'draft' });
    const files = listDocuments(receiver.admin, { caseId: result.caseId }).flatMap((d) => d.attachments.map((a) => ({ kind: d.kind, status: d.status, ...a })));
    expect(files.map((f) => [f.kind, f.status, f.fileName])).toEqual(
      expect.arrayContaining([['certified-judgment', 'received', 'Urteil_2022.pdf'], ['consent-declaration', 'received', 'consent.jpg'], ['request-or-reply', 'received', 'request.pdf']]),
    );
    const bytes = (kind: string) => Buffer.from(readAttachment(receiver.admin, { caseId: result.caseId, attachmentId: files.find((f) => f.kind === kind)!.id }).contentBase64, 'base64');
    expect(bytes('certified-judgment').equals(judgment)).toBe(true);
    expect(bytes('consent-declaration').equals(consent)).toBe(true);
    expect(bytes('request-or-reply').subarray(0, 5).toString()).toBe('%PDF-');
    expect(listCaseEvents(receiver.admin, { caseId: result.caseId }).map((e) => [e.kind, e.note])).toEqual([['package-imported', 'CH CSD-2024-0012']]);
    expect(verifyStore(receiver.store.db).findings).toEqual([]);
    // Round trip: the receiver's own package of the case carries the same file back (its direction its own).
    const back = readZip(Buffer.from(makePackage(receiver.admin, parsed('packages.make', { caseId: result.caseId })).base64, 'base64')).find((e) => e.name === 'case.json')!;
    expect({ ...JSON.parse(back.bytes.toString('utf8')), direction: 'outgoing', status: original.status }).toEqual(original);
  });

  it('a second import of the same sending State and reference makes no duplicate and shows what differs', () => {
    const { caseId, base64 } = sent();
    const first = importPackage(receiver.officer, { contentBase64: base64 });
    const before = storeDigest(receiver.store.db);
    expect(importPackage(receiver.officer, { contentBase64: base64 })).toEqual({ ...first, outcome: 'matched', differences: [] });
    const record = getCase(sender.admin, { id: caseId });
    updateCase(sender.admin, { id: caseId, expectedVersion: record.version, case: { ...record.case, remandDays: 200 }, reason: 'remand corrected' });
    const again = importPackage(receiver.officer, { contentBase64: makePackage(sender.admin, parsed('packages.make', { caseId })).base64 });
    expect(again).toMatchObject({ outcome: 'matched', caseId: first.caseId, differences: [{ field: 'remandDays', stored: '190', package: '200' }] });
    expect(storeDigest(receiver.store.db)).toBe(before);
  });

  it('is refused, writing nothing, when a file does not match its digest, a file is added, the manifest names another reference than its case, or it is no package', () => {
    const { base64 } = sent();
    const entries = readZip(Buffer.from(base64, 'base64'));
    const tampered = writeZip(entries.map((e) => (e.name === 'attachments/certified-judgment/Urteil_2022.pdf' ? { ...e, bytes: Buffer.from('%PDF-1.4\n% another judgment\n%%EOF\n') } : e)));
    const refused = expectRefused(receiver.officer, 'conflict', () => importPackage(receiver.officer, { contentBase64: tampered.toString('base64') }));
    expect(refused).toMatchObject({ messageKey: 'error.package_digest', problems: [{ params: { detail: 'attachments/certified-judgment/Urteil_2022.pdf' } }] });
    const added = writeZip([...entries, { name: 'attachments/extra.exe', bytes: Buffer.from('MZ') }]);
    expect(expectRefused(receiver.officer, 'conflict', () => importPackage(receiver.officer, { contentBase64: added.toString('base64') })).messageKey).toBe('error.package_digest');
    // A manifest re-made with its digests, naming another reference than its case: the match would be on a reference the case does not carry.
    const manifest = JSON.parse(entries.find((e) => e.name === 'manifest.json')!.bytes.toString('utf8')) as PackageManifest;
    const renamed = writeZip(entries.map((e) => (e.name === 'manifest.json' ? { ...e, bytes: Buffer.from(JSON.stringify({ ...manifest, sendingReference: 'CSD-2024-9999' })) } : e)));
    expect(expectRefused(receiver.officer, 'invalid_input', () => importPackage(receiver.officer, { contentBase64: renamed.toString('base64') })).messageKey).toBe('error.package_invalid');
    expect(expectRefused(receiver.officer, 'invalid_input', () => importPackage(receiver.officer, { contentBase64: Buffer.from('not a zip at all').toString('base64') })).messageKey).toBe('error.package_invalid');
    expect(expectRefused(receiver.officer, 'invalid_input', () => importPackage(receiver.officer, { contentBase64: writeZip([{ name: '../evil', bytes: Buffer.from('x') }]).toString('base64') })).messageKey).toBe('error.package_invalid');
  });
});

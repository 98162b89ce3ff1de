/**
 * The request for the other State's central authority and the internal annex (issue 19), as
 * their readers get them, in English and Traditional Chinese: the covering letter configured
 * in Settings; the information of ETS 112 Art. 4(3) and the documents of Art. 6(2) in that
 * order; States by name, dates in words, the release at expiry and with remission; no internal
 * code, id, hash or [U]/[S] marker in the request; the attached PDF appended after it (and a
 * file that is not a readable PDF named as enclosed, not appended); PDF/A-2b claimed only by
 * the request that appends nothing, every font embedded. The annex keeps the assessment, the
 * rule-set hash and the audit trail. Pages go to e2e/out/pdf as PNG, to look at.
 * Needs poppler-utils (pdftotext, pdffonts, pdftoppm).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASE_FIXTURES } from '../db/case-fixtures.ts';
import { runAssessment } from '../electron/services/assessments.ts';
import { createCase } from '../electron/services/cases.ts';
import { attachDocument, setDocumentStatus } from '../electron/services/documents.ts';
import { dossierPdfFile } from '../electron/services/dossier.ts';
import { saveLetterSettings } from '../electron/services/letter-settings.ts';
import { parsed, serviceHarness, type ServiceHarness } from '../electron/services/testing.ts';
import { t, type Locale } from '../shared/i18n/index.ts';

const OUT = path.join(import.meta.dirname, '..', 'e2e', 'out', 'pdf');
let h: ServiceHarness;
let caseId: string;
let bare: string;

const squeeze = (s: string) => s.replace(/\s+/g, '');
const text = (file: string) => execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });

/** A one-page PDF with a line of text: the certified judgment as the court sent it. */
function judgmentPdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A4' });
    const chunks: Buffer[] = [];
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.fontSize(18).text('DISTRICT COURT OF ZURICH — certified copy of the judgment of 10 May 2022');
    doc.end();
  });
}

beforeAll(async () => {
  h = serviceHarness('2025-01-15T08:00:00.000Z');
  fs.mkdirSync(OUT, { recursive: true });
  saveLetterSettings(h.admin, {
    letter: {
      authority: 'Federal Office of Justice, Central Authority', address: ['Bundesrain 20', '3003 Bern'], place: 'Bern', referencePrefix: 'B 22/',
      signatory: 'Anna Muster', signatoryTitle: 'Head of Unit, International Transfers', addressees: { RU: 'Ministry of Justice of the Russian Federation\nUl. Zhitnaya 14\nMoscow' },
    },
  });
  const example = { ...(CASE_FIXTURES.formatExample as object), sentencingState: 'CH', administeringState: 'RU', ruleSetId: 'coe-ets-112', direction: 'outgoing' };
  caseId = createCase(h.admin, { case: example }).id;
  runAssessment(h.admin, { caseId });
  for (const kind of ['information-notice', 'notification-to-administering-state', 'time-served-statement']) setDocumentStatus(h.admin, { caseId, kind, status: 'received' });
  attachDocument(h.admin, { caseId, kind: 'certified-judgment', fileName: 'judgment.pdf', mediaType: 'application/pdf', contentBase64: (await judgmentPdf()).toString('base64') });
  attachDocument(h.admin, { caseId, kind: 'consent-declaration', fileName: 'consent.pdf', mediaType: 'application/pdf', contentBase64: Buffer.from('%PDF-1.4 not really').toString('base64') });
  // A case with nothing attached: its request appends nothing, and is PDF/A-2b.
  bare = createCase(h.admin, { case: example }).id;
}, 120_000);
afterAll(() => h.dispose());

function write(name: string, base64: string): string {
  const file = path.join(OUT, name);
  fs.writeFileSync(file, Buffer.from(base64, 'base64'));
  execFileSync('pdftoppm', ['-png', '-r', '60', file, file.replace(/\.pdf$/, '')]);
  return file;
}

describe.each<Locale>(['en', 'zh-Hant'])('the request in %s', (locale) => {
  let file: string;
  let body: string;
  beforeAll(() => {
    file = write(`request-${locale}.pdf`, dossierPdfFile(h.admin, parsed('dossier.pdf', { caseId, locale, document: 'request' })).base64);
    body = text(file);
  }, 180_000);

  it('opens with the covering letter of Settings: letterhead, date in words, addressee, references, subject, signature', () => {
    const L = (key: string, params = {}) => t(locale, key, params);
    for (const expected of ['Federal Office of Justice, Central Authority', 'Bundesrain 20', 'Ministry of Justice of the Russian Federation', 'B 22/CSD-2024-0012', 'Anna Muster']) {
      expect(body).toContain(expected);
    }
    expect(squeeze(body)).toContain(squeeze(locale === 'en' ? 'Bern, 15 January 2025' : 'Bern，2025年1月15日'));
    expect(squeeze(body)).toContain(squeeze(L('request.subject', { name: 'IVANOV, Pyotr', born: locale === 'en' ? '14 March 1985' : '1985年3月14日' })));
  });

  it('gives the information of ETS 112 Art. 4(3) and the documents of Art. 6(2) in that order, States by name, both releases', () => {
    const squeezed = squeeze(body);
    const headings: [string, string][] = [
      ['person', 'Art. 4(3)(a)-(b)'], ['facts', 'Art. 4(3)(c)'], ['sentence', 'Art. 4(3)(d)'], ['served', 'Art. 6(2)(b)'], ['consent', 'Art. 6(2)(c)'], ['documents', 'Art. 6(2)'],
    ];
    const order = headings.map(([id, article]) => squeezed.indexOf(squeeze(t(locale, 'request.article', { title: t(locale, `request.section.${id}`), article: `ETS 112 ${article}` }))));
    expect(order.every((at, i) => at > 0 && (i === 0 || at > order[i - 1]!))).toBe(true);
    expect(body).toContain(locale === 'en' ? 'Switzerland' : '瑞士');
    expect(body).toContain(locale === 'en' ? 'Russia' : '俄羅斯');
    expect(squeezed).toContain(squeeze(t(locale, 'request.served.expiry')));
    expect(squeezed).toContain(squeeze(t(locale, 'request.served.remission')));
    expect(squeezed).toContain(squeeze(locale === 'en' ? '6 years' : '6年'));
  });

  it('says no internal code, id, hash or confidence marker', () => {
    for (const code of [caseId, caseId.slice(0, 8), 'coe-ets-112', '[U]', '[S]', 'S1', 'O1', 'eu:illicit', 'remaining-sentence']) expect(body, code).not.toContain(code);
  });

  it('appends the attached PDF after itself, and names the file it could not read as enclosed', () => {
    expect(body).toContain('DISTRICT COURT OF ZURICH');
    expect(squeeze(body)).toContain(squeeze(t(locale, 'request.documents.appended', { files: 'judgment.pdf' })));
    expect(squeeze(body)).toContain(squeeze(t(locale, 'request.documents.enclosed', { files: 'consent.pdf' })));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
    expect(pages).toBeGreaterThanOrEqual(3);
  });
});

describe('PDF/A', () => {
  it('the request that appends nothing declares PDF/A-2b, with every font embedded; one with pages appended claims nothing', () => {
    const file = write('request-bare-en.pdf', dossierPdfFile(h.admin, parsed('dossier.pdf', { caseId: bare, locale: 'en', document: 'request' })).base64);
    const raw = fs.readFileSync(file, 'latin1');
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(raw).toContain('GTS_PDFA1');
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts.length).toBeGreaterThan(0);
    for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
    expect(fs.readFileSync(path.join(OUT, 'request-en.pdf'), 'latin1')).not.toContain('pdfaid:part');
  });
});

describe.each<Locale>(['en', 'zh-Hant'])('the internal annex in %s', (locale) => {
  it('keeps the conditions, the rule-set hash and the audit trail, and says it stays with us', () => {
    const file = write(`annex-${locale}.pdf`, dossierPdfFile(h.admin, parsed('dossier.pdf', { caseId, locale })).base64);
    const body = squeeze(text(file));
    expect(body).toContain(squeeze(t(locale, 'annex.notice')));
    expect(body).toContain(squeeze(t(locale, 'annex.audit')));
    expect(body).toContain(squeeze(t(locale, 'ui.audit.action.case.create')));
    expect(body).toMatch(/[0-9a-f]{64}/);
  });
});

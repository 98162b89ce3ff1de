/**
 * The request for the other State's central authority (shared/reports/request.ts) drawn as an
 * A4 PDF/A-2b: the covering letter on its own page, then the information and documents the
 * instrument requires, numbered as the instrument orders them, ending with the list of the
 * attached PDFs that are appended after it, in that order (append-pdfs.ts).
 */
import type { RequestDocument } from '../../shared/reports/request.ts';
import { t } from '../../shared/i18n/index.ts';
import { drawBlock } from './dossier-pdf.ts';
import { PdfWriter } from './layout.ts';

/** The request without its appendix (the letter and the information), as PDF/A-2b. */
export function requestPdf(request: RequestDocument): Buffer {
  const L = (key: string, params = {}) => t(request.locale, key, params);
  const pdf = new PdfWriter({ title: `${request.title}: ${request.name}`, subject: request.title, language: request.locale, pdfa: true });
  const { letter } = request;
  const [authority, ...address] = letter.letterhead;
  pdf.text(authority ?? '', { size: 14, bold: true, gapAfter: 2 });
  for (const line of address) pdf.text(line, { size: 9, color: '#505a5f', gapAfter: 0 });
  pdf.space(6);
  pdf.rule();
  pdf.text(letter.placeAndDate, { align: 'right', gapAfter: 14 });
  for (const line of letter.addressee) pdf.text(line, { gapAfter: 0 });
  pdf.space(14);
  pdf.facts(letter.references);
  pdf.text(letter.subject, { bold: true, size: 11, gapAfter: 10 });
  for (const paragraph of letter.body) pdf.text(paragraph, { gapAfter: 10 });
  pdf.text(letter.closing, { gapAfter: 36 });
  for (const line of letter.signature) pdf.text(line, { gapAfter: 0 });
  request.sections.forEach((section, i) => {
    if (i === 0) pdf.newPage();
    pdf.heading(`${i + 1}. ${section.title}`, 2);
    for (const block of section.blocks) drawBlock(pdf, block);
  });
  if (request.appendix.length > 0) {
    pdf.heading(L('request.appendix'), 3);
    request.appendix.forEach((a, i) => pdf.text(`${i + 1}. ${a.document}: ${a.fileName}`, { indent: 8, gapAfter: 1 }));
  }
  return pdf.finish((page, pages) => L('request.footer', { title: request.title, name: request.name, page: L('reports.pdf.page', { page, pages }) }));
}

/**
 * The transfer dossier (shared/reports/dossier.ts) drawn as an A4 PDF: a cover page with the
 * case at a glance and the contents, then one section per heading. Fonts are embedded.
 */
import type { Block, Dossier } from '../../shared/reports/dossier-model.ts';
import { t } from '../../shared/i18n/index.ts';
import { PdfWriter } from './layout.ts';

/** One block of a dossier or of the request (electron/pdf/request-pdf.ts). */
export function drawBlock(pdf: PdfWriter, block: Block): void {
  switch (block.kind) {
    case 'facts':
      pdf.facts(block.rows);
      return;
    case 'table':
      pdf.table({ columns: block.columns, rows: block.rows, widths: block.widths });
      return;
    case 'paragraph':
      if (block.emphasis === 'muted') pdf.muted(block.text);
      else pdf.text(block.text, { bold: block.emphasis === 'strong', gapAfter: 6 });
      return;
    case 'steps':
      pdf.heading(block.title, 3);
      block.items.forEach((item, i) => pdf.text(`${i + 1}. ${item}`, { indent: 8, size: 9.5, gapAfter: 1 }));
      pdf.text('', { gapAfter: 4 });
      return;
  }
}

export function dossierPdf(dossier: Dossier): Buffer {
  const L = (key: string, params = {}) => t(dossier.locale, key, params);
  const pdf = new PdfWriter({ title: `${dossier.title}: ${dossier.name}`, subject: dossier.title, language: dossier.locale });
  pdf.text(dossier.title, { size: 24, bold: true, gapAfter: 6 });
  pdf.text(dossier.name, { size: 16, bold: true, gapAfter: dossier.notice === undefined ? 18 : 4 });
  if (dossier.notice !== undefined) pdf.text(dossier.notice, { color: '#505a5f', gapAfter: 14 });
  pdf.facts(dossier.cover);
  pdf.heading(L('reports.dossier.contents'), 3);
  dossier.sections.forEach((section, i) => pdf.text(`${i + 1}. ${section.title}`, { indent: 8, gapAfter: 1 }));
  dossier.sections.forEach((section, i) => {
    if (i === 0) pdf.newPage();
    pdf.heading(`${i + 1}. ${section.title}`, 2);
    for (const block of section.blocks) drawBlock(pdf, block);
  });
  return pdf.finish((page, pages) => `${dossier.title} — ${dossier.name} — ${L('reports.pdf.page', { page, pages })}`);
}

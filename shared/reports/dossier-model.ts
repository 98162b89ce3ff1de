/**
 * The transfer dossier as a document: a cover and sections of facts, tables, paragraphs and
 * steps, in one language. shared/reports/dossier.ts builds it; the print preview and the PDF
 * (electron/pdf/dossier-pdf.ts) lay it out.
 */
import type { Locale } from '../i18n/index.ts';

export type Block =
  | { kind: 'facts'; rows: [label: string, value: string][] }
  | { kind: 'table'; caption: string; columns: string[]; rows: string[][]; /** Relative column widths. */ widths: number[] }
  | { kind: 'paragraph'; text: string; emphasis?: 'strong' | 'muted' }
  | { kind: 'steps'; title: string; items: string[] };

export interface DossierSection {
  id: 'person' | 'judgment' | 'dates' | 'enforcement' | 'eligibility' | 'documents' | 'consent' | 'timeline' | 'audit';
  title: string;
  blocks: Block[];
}

export interface Dossier {
  locale: Locale;
  title: string;
  /** The person's name as officers write it: family name in capitals, then the native-script name. */
  name: string;
  cover: [label: string, value: string][];
  /** A line under the title (the internal annex: "for our file only"). */
  notice?: string;
  sections: DossierSection[];
}

/**
 * The internal annex to the request (issue 19): what the officer keeps — the dossier of
 * shared/reports/dossier.ts (the assessment with every condition, its legal source and
 * confidence, the rule-set id, version and hash, the documents, consent and timeline) and the
 * case's audit trail (who did what, when, why, with the digest of the rows each write left),
 * under a title and a line that say it is not sent to the other State. Pure.
 */
import { hasMessage, t, type Locale } from '../i18n/index.ts';
import { buildDossier, type DossierInput } from './dossier.ts';
import type { Dossier } from './dossier-model.ts';
import { instantInWords } from './wording.ts';

export interface AnnexAuditEntry {
  seq: number;
  at: string;
  userName: string | null;
  action: string;
  reason: string | null;
  /** The entry's hash in the chain: the trail printed ties to the log. */
  hash: string;
}

export function buildAnnex(input: DossierInput & { audit: readonly AnnexAuditEntry[] }, locale: Locale): Dossier {
  const L = (key: string, params = {}) => t(locale, key, params);
  const dossier = buildDossier(input, locale);
  const audit = {
    id: 'audit' as const,
    title: L('annex.audit'),
    blocks: [
      {
        kind: 'table' as const,
        caption: L('annex.audit'),
        columns: ['#', L('annex.audit.when'), L('annex.audit.who'), L('annex.audit.action'), L('annex.audit.reason'), L('annex.audit.digest')],
        widths: [0.5, 1.9, 1.3, 1.6, 2.2, 1.3],
        rows: input.audit.map((e) => [String(e.seq), instantInWords(locale, e.at), e.userName ?? '—', actionLabel(locale, e.action), e.reason ?? '', e.hash.slice(0, 16)]),
      },
    ],
  };
  return { ...dossier, title: L('annex.title'), notice: L('annex.notice'), sections: [...dossier.sections, audit] };
}

/** An audit action in words where the catalogue has it (as the case page's history names it), else as recorded. */
function actionLabel(locale: Locale, action: string): string {
  const key = `ui.audit.action.${action}`;
  return hasMessage(locale, key) ? t(locale, key) : action;
}

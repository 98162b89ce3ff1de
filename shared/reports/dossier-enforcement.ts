/**
 * The dossier's section on an incoming case's enforcement: the sentence as imposed abroad and
 * as enforced here, sentence by sentence against our maximum, the decision recorded and
 * whether it keeps the limits, time served, what remains and the projected release, with every
 * step (shared/enforcement, as the case page shows it).
 */
import { toMessageParams } from '../messages.ts';
import type { Term } from '../domain/case.ts';
import type { StoredEnforcement, StoredSpan } from '../enforcement/report.ts';
import { formatPeriod, t, type Locale } from '../i18n/index.ts';
import { sourceText, withSourceIn } from '../i18n/sources.ts';
import type { DossierSection } from './dossier-model.ts';
import { dateInWords, paperFormat } from './wording.ts';

export function enforcementSection(e: StoredEnforcement, locale: Locale): DossierSection {
  const format = paperFormat(locale);
  const L = (key: string, params: Record<string, string | number> = {}) => t(locale, key, params, format);
  const none = L('enforce.ui.notComputed');
  const term = (value: Term | null) => (value === null ? none : typeof value === 'string' ? L(`ui.term.${value}`) : formatPeriod(locale, value));
  const release = (s: StoredSpan | null) => (s === null || s.kind === 'unknown' ? none : s.kind === 'indeterminate' ? L('enforce.ui.noEnd') : dateInWords(locale, s.releaseDate));
  const d = e.decision;
  return {
    id: 'enforcement',
    title: L('enforce.ui.title'),
    blocks: [
      { kind: 'paragraph', text: `${L(`enforce.status.${e.status}`)}: ${L(`enforce.status.${e.status}.detail`)}`, emphasis: 'strong' },
      {
        kind: 'facts',
        rows: [
          [L('enforce.report.procedure'), `${L(`param.procedure.${e.procedure}`)} (${sourceText(e.allowedProcedures[e.procedure].source, locale)})`],
          [L('enforce.report.handover'), e.handoverSource === 'today' ? `${e.handover} (${L('enforce.report.provisional')})` : e.handover],
          [L('enforce.report.decision'), d === null ? L('ui.value.none') : `${d.authority ?? '—'}, ${d.date === null ? '—' : dateInWords(locale, d.date)}: ${term(d.term)} — ${L(d.accepted ? 'enforce.ui.decision.accepted' : 'enforce.ui.decision.refused')}`],
          [`${L('enforce.report.imposed')}: ${L('report.releaseDate')}`, release(e.imposed)],
          [`${L('enforce.report.enforced')}: ${L('report.releaseDate')}`, release(e.enforced)],
          [L('enforce.report.served'), e.served === null ? none : L('ui.days', { count: e.served.totalDays })],
          [L('enforce.report.remaining'), e.remainingDays === null ? none : L('ui.days', { count: e.remainingDays })],
          [L('enforce.report.release'), e.release === null ? none : e.release.projectedRelease],
        ],
      },
      {
        kind: 'table',
        caption: L('enforce.report.sentences'),
        columns: [L('ui.sentences.id'), L('enforce.report.imposed'), L('ui.form.offence.administeringMaxPenaltyMonths'), L('enforce.report.enforced')],
        widths: [0.8, 1.2, 1.4, 3.2],
        rows: e.sentences.map((s) => [
          s.id,
          term(s.imposed),
          s.maximum === null ? L('ui.value.notRecorded') : s.maximum === 'life' ? L('ui.term.life') : L('enforce.ui.months', { count: s.maximum }),
          `${term(s.enforced)} — ${L(`enforce.outcome.${s.outcome}`)}`,
        ]),
      },
      ...(e.flags.length === 0 ? [] : [{ kind: 'steps' as const, title: L('report.flags'), items: e.flags.map((f) => L(`enforce.flag.${f}`)) }]),
      { kind: 'steps', title: L('enforce.ui.howComputed'), items: e.steps.map((s) => t(locale, s.key, toMessageParams(withSourceIn(s.params, locale)), format)) },
    ],
  };
}

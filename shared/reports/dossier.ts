/**
 * The transfer dossier of a case as a document model in one language: a cover, then the
 * person, the judgment and sentences with the computed dates and every step of their
 * arithmetic, for an incoming case the sentence to be enforced here, the eligibility assessment condition by condition (status, explanation,
 * legal source, confidence) with the rule-set id, version and hash, the document checklist,
 * consent, and the timeline.
 *
 * Pure: the PDF (electron/pdf/dossier-pdf.ts) and the in-app print preview
 * (renderer/dossier/) both draw this same model, so what is printed is what was previewed.
 */
import type { AssessmentRecord, CaseEvent, CaseRecord } from '../api-schemas.ts';
import { toMessageParams } from '../messages.ts';
import { fieldInWords, formatPeriod, hasMessage, t, type Locale } from '../i18n/index.ts';
import { sourceText, withSourceIn } from '../i18n/sources.ts';
import type { StoredEnforcement } from '../enforcement/report.ts';
import { enforcementSection } from './dossier-enforcement.ts';
import type { Dossier, DossierSection } from './dossier-model.ts';
import { dateInWords, instantInWords, instrumentTitle, paperFormat, placeName } from './wording.ts';

/** A checklist row (electron/services/documents.ts `listDocuments`). */
export interface DossierDocument {
  kind: string;
  /** The catalog key of its name. */
  labelKey: string;
  required: boolean;
  status: string;
  note: string | null;
}

export interface DossierInput {
  record: CaseRecord;
  /** The latest assessment, or null when the case was never assessed. */
  assessment: AssessmentRecord | null;
  events: CaseEvent[];
  /** Null when the store keeps no checklist for the case. */
  documents: DossierDocument[] | null;
  /** Civil date the dossier was produced. */
  producedOn: string;
  /** An incoming case's sentence to be enforced here (shared/enforcement); absent for other cases. */
  enforcement?: StoredEnforcement | null;
  /** The head of the store's audit chain when it was produced (db/audit-anchor.ts): printed, it anchors the chain outside the file. */
  auditHead?: { seq: number; hash: string } | undefined;
}

/** A label from the catalog, or the code itself when the catalog has none. */
function labelOr(locale: Locale, key: string, code: string): string {
  return hasMessage(locale, key) ? t(locale, key) : code;
}

export function personName(record: CaseRecord): string {
  const p = record.case.person;
  const latin = [p.familyName?.toUpperCase(), p.givenNames].filter(Boolean).join(', ');
  return p.nativeName ? `${latin} ${p.nativeName}` : latin;
}

export function buildDossier(input: DossierInput, locale: Locale): Dossier {
  const { record, assessment, events } = input;
  const c = record.case;
  const format = paperFormat(locale);
  const L = (key: string, params = {}) => t(locale, key, params, format);
  const unknown = L('ui.value.notRecorded');
  const text = (v: string | null | undefined) => (v == null || v === '' ? unknown : v);
  // Dates in words, as in the request letter ("20 November 2025", "2025年11月20日"); a stored value that is not a date, as written.
  const date = (v: string | null | undefined) => (v == null || v === '' ? unknown : dateInWords(locale, v));
  const yesNo = (v: boolean | null | undefined) => (v == null ? unknown : L(v ? 'ui.value.yes' : 'ui.value.no'));
  const list = (v: readonly string[] | null | undefined) => (v == null ? unknown : v.length === 0 ? L('ui.value.none') : v.join(', '));
  // States and places by name, instruments by title: never a code on a page sent to another State.
  const place = (code: string | null | undefined) => (code == null || code === '' ? unknown : placeName(locale, code));
  const places = (codes: readonly string[] | null | undefined) => list(codes?.map((code) => placeName(locale, code)));
  const status = c.status == null ? L('ui.caseStatus.none') : L(`ui.caseStatus.${c.status}`);

  const cover: [string, string][] = [
    [L('ui.person.name'), personName(record)],
    [L('ui.case.prisonNumber'), text(c.person.prisonNumber)],
    [L('ui.case.reference'), text(c.reference)],
    [L('ui.case.states'), L('ui.states', { from: place(c.sentencingState), to: place(c.administeringState) })],
    [L('reports.dossier.direction'), c.direction == null ? unknown : L(`reports.direction.${c.direction}`)],
    [L('ui.case.ruleSet'), c.ruleSetId == null ? unknown : instrumentTitle(locale, c.ruleSetId)],
    [L('ui.case.status'), record.closedAt === null ? status : `${status} — ${L(`ui.outcome.${record.closeOutcome}`)}`],
    [L('reports.dossier.verdict'), assessment === null ? L('ui.verdict.not_assessed') : L(`verdict.${assessment.verdict}`)],
    [L('reports.dossier.caseId'), record.id],
    [L('reports.dossier.producedOn'), date(input.producedOn)],
    ...(input.auditHead === undefined ? [] : [[L('reports.dossier.auditHead'), L('reports.dossier.auditHeadValue', { seq: String(input.auditHead.seq), hash: input.auditHead.hash.slice(0, 16) })] as [string, string]]),
  ];

  const person: DossierSection = {
    id: 'person',
    title: L('ui.person.title'),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [L('ui.person.name'), personName(record) || unknown],
          [L('ui.person.aliases'), list(c.person.aliases)],
          [L('ui.person.dateOfBirth'), date(c.person.dateOfBirth)],
          [L('ui.person.nationalities'), places(c.person.nationalities)],
          [L('ui.person.permanentResidence'), places(c.person.permanentResidence)],
          [L('ui.person.livesIn'), place(c.person.livesIn)],
          [L('ui.case.prisonNumber'), text(c.person.prisonNumber)],
          [L('ui.person.prison'), text(c.person.prison)],
          [L('ui.person.representativeNeeded'), yesNo(c.person.representativeNeeded)],
        ],
      },
    ],
  };

  const offenceText = new Map(c.offences.map((o) => [o.id, o.description ? `${o.id}: ${o.description}` : o.id]));
  const judgment: DossierSection = {
    id: 'judgment',
    title: L('ui.judgment.title'),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [L('ui.judgment.date'), date(c.judgment.date)],
          [L('ui.judgment.sentencingCourt'), text(c.judgment.sentencingCourt)],
          [L('ui.judgment.final'), yesNo(c.judgment.final)],
          [L('ui.judgment.appealPending'), yesNo(c.judgment.appealPending)],
          [L('ui.judgment.appealPeriodEnds'), date(c.judgment.appealPeriodEnds)],
          [L('ui.judgment.remand'), c.remandDays == null ? unknown : L('ui.days', { count: c.remandDays })],
        ],
      },
      c.sentences.length === 0
        ? { kind: 'paragraph', text: L('ui.sentences.none'), emphasis: 'muted' }
        : {
            kind: 'table',
            caption: L('ui.sentences.caption'),
            columns: [L('ui.sentences.id'), L('ui.sentences.term'), L('ui.sentences.start'), L('ui.sentences.consecutiveTo'), L('ui.sentences.offences')],
            widths: [1, 1.4, 1.2, 1.2, 3],
            rows: c.sentences.map((s) => [
              s.id,
              typeof s.term === 'string' ? L(`ui.term.${s.term}`) : formatPeriod(locale, s.term),
              date(s.start),
              s.consecutiveTo ?? '—',
              s.offences.map((o) => offenceText.get(o) ?? o).join('; ') || '—',
            ]),
          },
    ],
  };

  const dates: DossierSection = { id: 'dates', title: L('ui.dates.title'), blocks: [] };
  if (assessment === null) {
    dates.blocks.push({ kind: 'paragraph', text: L('ui.dates.none'), emphasis: 'muted' });
  } else {
    const d = assessment.result.dates;
    const remaining =
      d.remainingDays === null || d.releaseDate === null
        ? L('ui.dates.notComputable')
        : L('reports.dossier.remaining', { days: d.remainingDays, reference: date(assessment.result.referenceDate) });
    dates.blocks.push(
      {
        kind: 'facts',
        rows: [
          [L('reports.dossier.remand'), d.remandDays === null ? unknown : L('ui.days', { count: d.remandDays })],
          [L('reports.dossier.remission'), d.remissionDays === null ? unknown : L('ui.days', { count: d.remissionDays })],
          [L('report.sentenceExpiryDate'), d.sentenceExpiryDate === null ? L('ui.dates.notComputable') : date(d.sentenceExpiryDate)],
          [L('report.releaseDate'), d.releaseDate === null ? L('ui.dates.notComputable') : date(d.releaseDate)],
          // Where remission is projected: the earliest release with it, beside the release at expiry.
          ...(d.expectedDischargeDate !== null && d.remissionDays !== null && d.remissionDays > 0
            ? [[L('ui.dates.discharge'), L('ui.dates.dischargeValue', { date: date(d.expectedDischargeDate), days: d.remissionDays })] as [string, string]]
            : []),
          [L('report.reference'), date(assessment.result.referenceDate)],
          [L('report.remainingDays'), remaining],
        ],
      },
      { kind: 'steps', title: L('report.arithmetic'), items: assessment.result.steps.map((s) => t(locale, s.key, toMessageParams(withSourceIn(s.params, locale)), format)) },
    );
  }

  const eligibility: DossierSection = { id: 'eligibility', title: L('ui.eligibility.title'), blocks: [] };
  if (assessment === null) {
    eligibility.blocks.push({ kind: 'paragraph', text: L('ui.eligibility.notAssessed'), emphasis: 'muted' });
  } else {
    const r = assessment.result;
    eligibility.blocks.push(
      { kind: 'paragraph', text: `${L(`verdict.${r.verdict}`)}: ${L(`verdict.${r.verdict}.detail`)}`, emphasis: 'strong' },
      {
        kind: 'facts',
        rows: [
          [L('reports.dossier.ruleSetId'), instrumentTitle(locale, assessment.ruleSet.id)],
          [L('reports.dossier.ruleSetVersion'), assessment.ruleSet.version],
          [L('reports.dossier.ruleSetHash'), assessment.ruleSet.hash],
          [L('reports.dossier.assessedAt'), instantInWords(locale, assessment.createdAt)],
          [L('report.reference'), date(r.referenceDate)],
          [L('report.rescreen'), r.rescreenOn === null ? '—' : date(r.rescreenOn)],
        ],
      },
      {
        kind: 'table',
        caption: L('report.conditions'),
        columns: [L('ui.condition.col.name'), L('ui.condition.col.status'), L('ui.condition.col.explanation'), L('ui.condition.col.source')],
        widths: [1.4, 0.8, 3.2, 2.4],
        rows: r.conditions.map((cond) => {
          const missing = cond.missing.length === 0 ? '' : ` ${L('ui.condition.findOut')} ${cond.missing.map((m) => missingLabel(locale, m)).join('; ')}`;
          return [
            L(`condition.${cond.id}`),
            L(`status.${cond.status}`),
            `${t(locale, cond.messageKey, toMessageParams(withSourceIn(cond.params, locale)), format)}${missing}`,
            `${sourceText(cond.source, locale)} [${cond.confidence}]`,
          ];
        }),
      },
    );
    for (const flag of r.flags) eligibility.blocks.push({ kind: 'paragraph', text: L(`flag.${flag}`), emphasis: 'muted' });
  }

  const documents: DossierSection = {
    id: 'documents',
    title: L('reports.dossier.documents'),
    blocks:
      input.documents === null || input.documents.length === 0
        ? [{ kind: 'paragraph', text: L('reports.dossier.noDocuments'), emphasis: 'muted' }]
        : [
            {
              kind: 'table',
              caption: L('reports.dossier.documents'),
              columns: [L('reports.dossier.document'), L('reports.dossier.required'), L('ui.condition.col.status'), L('reports.dossier.note')],
              widths: [3, 0.9, 1.2, 2.2],
              rows: input.documents.map((doc) => [
                labelOr(locale, doc.labelKey, doc.kind),
                doc.required ? L('ui.value.yes') : L('ui.value.no'),
                labelOr(locale, `workflow.docStatus.${doc.status}`, doc.status),
                doc.note ?? '',
              ]),
            },
          ],
  };

  const consent: DossierSection = {
    id: 'consent',
    title: L('reports.dossier.consent'),
    blocks: [
      {
        kind: 'facts',
        rows:
          c.consent == null
            ? [[L('ui.field.consent.status'), unknown]]
            : [
                [L('ui.field.consent.status'), c.consent.status == null ? unknown : labelOr(locale, `reports.consent.${c.consent.status}`, c.consent.status)],
                [L('ui.field.consent.by'), c.consent.by == null ? unknown : labelOr(locale, `reports.consentBy.${c.consent.by}`, c.consent.by)],
                [L('reports.dossier.consentDate'), date(c.consent.date)],
                [L('ui.field.consent.withdrawnOn'), date(c.consent.withdrawnOn)],
                [L('reports.dossier.consentVerified'), yesNo(c.consent.verified)],
                [L('ui.field.consent.opinionRecorded'), yesNo(c.consent.opinionRecorded)],
              ],
      },
    ],
  };

  // ISO dates sort as text; a stored date that is not one still sorts, and is shown as written.
  const sortedEvents = [...events].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : b.id - a.id));
  const timeline: DossierSection = {
    id: 'timeline',
    title: L('ui.timeline.title'),
    blocks:
      sortedEvents.length === 0
        ? [{ kind: 'paragraph', text: L('ui.timeline.empty'), emphasis: 'muted' }]
        : [
            {
              kind: 'table',
              caption: L('ui.timeline.title'),
              columns: [L('reports.dossier.date'), L('reports.dossier.event'), L('reports.dossier.note')],
              widths: [1, 2.2, 3.5],
              rows: sortedEvents.map((e) => [date(e.date), eventLabel(locale, e.kind), e.note ?? '']),
            },
          ],
  };

  return {
    locale,
    title: L('reports.dossier.title'),
    name: personName(record),
    cover,
    sections: [person, judgment, dates, ...(input.enforcement == null ? [] : [enforcementSection(input.enforcement, locale)]), eligibility, documents, consent, timeline],
  };
}

/** A missing fact in words where the catalog has its field (`offences[0].categories` -> "Offence categories (offences[0])"), else its path. */
function missingLabel(locale: Locale, missing: string): string {
  return fieldInWords(locale, missing.split(' ')[0] ?? missing);
}

/** A timeline entry in words: created, status changed to …, closed: …, or the workflow's own kinds. */
export function eventLabel(locale: Locale, kind: string): string {
  const [head, value] = kind.split(':', 2) as [string, string | undefined];
  if (head === 'status' && value) return t(locale, 'ui.event.status', { status: labelOr(locale, `ui.caseStatus.${value}`, value) });
  if (head === 'closed' && value) return t(locale, 'ui.event.closed', { outcome: labelOr(locale, `ui.outcome.${value}`, value) });
  return labelOr(locale, `ui.event.${kind}`, kind);
}

/**
 * The request for the other State's central authority (issue 19), as a document model in one
 * language: a covering letter (our letterhead, the addressee, the references, the subject, the
 * request itself, the signature block, configured in Settings), then the information and
 * documents the instrument requires, in its order — for the Council of Europe Convention the
 * information of ETS 112 Art. 4(3) and the documents of Art. 6(2), cited; for another
 * instrument the same facts under plain headings and the rule-set's own document list —
 * with States by name, dates in words, terms in words, the release both at the expiry of the
 * sentence and with remission, and every document listed with where it stands (enclosed,
 * appended, to follow, not applicable).
 *
 * It is made from the same source as the internal annex (shared/reports/dossier.ts: the case,
 * its latest assessment, its documents), but says only what the other State needs: no
 * internal id, rule-set hash, condition code, confidence marker or audit entry.
 * Pure: the PDF (electron/pdf/request-pdf.ts) draws it.
 */
import type { AssessmentRecord, CaseRecord } from '../api-schemas.ts';
import { t, type Locale } from '../i18n/index.ts';
import type { Step } from '../workflow/steps.ts';
import { stepIndex } from '../workflow/steps.ts';
import type { Block } from './dossier-model.ts';
import type { LetterSettings } from './letter.ts';
import { dateInWords, listInWords, placeName, termInWords } from './wording.ts';

export interface RequestDocumentRow {
  kind: string;
  labelKey: string;
  step: Step;
  required: boolean;
  status: string;
  attachments: { id: number; fileName: string; mediaType: string }[];
}

export interface RequestInput {
  record: CaseRecord;
  assessment: AssessmentRecord | null;
  /** The case's rule-set: its id (whether the Convention's articles are cited) and title. Null: no instrument named. */
  ruleSet: { id: string; title: string } | null;
  /** The case's document checklist, in the rule-set's order. */
  documents: readonly RequestDocumentRow[];
  letter: LetterSettings;
  producedOn: string;
  /** The other State's reference for the case, from its latest letter, if any. */
  theirReference: string | null;
  /** Attachments (ids) that are PDFs the request appends after the letter. */
  appendable: ReadonlySet<number>;
}

export interface RequestSection {
  id: 'person' | 'facts' | 'sentence' | 'served' | 'consent' | 'documents';
  title: string;
  blocks: Block[];
}

export interface RequestDocument {
  locale: Locale;
  title: string;
  name: string;
  letter: {
    letterhead: string[];
    placeAndDate: string;
    addressee: string[];
    references: [label: string, value: string][];
    subject: string;
    body: string[];
    closing: string;
    signature: string[];
  };
  sections: RequestSection[];
  /** The PDFs appended after the letter, in the order of the documents list. */
  appendix: { attachmentId: number; fileName: string; document: string }[];
}

/** The Convention's article for each part, cited where the case is under ETS 112 or its Protocol. */
const ETS_112_ARTICLES: Record<RequestSection['id'], string> = {
  person: 'ETS 112 Art. 4(3)(a)-(b)',
  facts: 'ETS 112 Art. 4(3)(c)',
  sentence: 'ETS 112 Art. 4(3)(d)',
  served: 'ETS 112 Art. 6(2)(b)',
  consent: 'ETS 112 Art. 6(2)(c)',
  documents: 'ETS 112 Art. 6(2)',
};

/** What goes with the request: the documents needed by the time it is sent. */
const WITH_THE_REQUEST: Step = 'requested';

export function requestName(record: CaseRecord): string {
  const p = record.case.person;
  return [p.familyName?.toUpperCase(), p.givenNames].filter(Boolean).join(', ');
}

export function buildRequest(input: RequestInput, locale: Locale): RequestDocument {
  const { record, assessment, letter } = input;
  const c = record.case;
  const L = (key: string, params: Record<string, string | number> = {}) => t(locale, key, params);
  const unknown = L('request.unknown');
  const date = (iso: string | null | undefined) => (iso == null ? unknown : dateInWords(locale, iso));
  // An empty list is known to be empty: "None", not "Not known".
  const places = (codes: readonly string[] | null | undefined) =>
    codes == null ? unknown : codes.length === 0 ? L('ui.value.none') : listInWords(locale, codes.map((x) => placeName(locale, x)));
  const coe = input.ruleSet !== null && input.ruleSet.id.startsWith('coe-ets-');
  const heading = (id: RequestSection['id'], key: string) => (coe ? L('request.article', { title: L(key), article: ETS_112_ARTICLES[id] }) : L(key));
  const name = requestName(record);
  const outgoing = c.direction !== 'incoming';
  const other = outgoing ? c.administeringState : c.sentencingState;
  const authority = letter.authority || L('request.authority.default');
  const instrument = input.ruleSet?.title ?? unknown;

  const references: [string, string][] = [[L('request.ourReference'), `${letter.referencePrefix}${c.reference ?? ''}` || unknown]];
  if (input.theirReference !== null) references.push([L('request.yourReference'), input.theirReference]);

  const body = L(outgoing ? 'request.body.outgoing' : 'request.body.incoming', {
    instrument, authority, from: placeName(locale, c.sentencingState), to: placeName(locale, c.administeringState),
  });

  const person: RequestSection = {
    id: 'person',
    title: heading('person', 'request.section.person'),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [L('request.person.name'), name || unknown],
          ...(c.person.nativeName ? [[L('request.person.nativeName'), c.person.nativeName] as [string, string]] : []),
          ...(c.person.aliases != null && c.person.aliases.length > 0 ? [[L('request.person.aliases'), c.person.aliases.join('; ')] as [string, string]] : []),
          [L('request.person.dateOfBirth'), date(c.person.dateOfBirth)],
          [L('request.person.nationalities'), places(c.person.nationalities)],
          [L('request.person.permanentResidence'), places(c.person.permanentResidence)],
          [L('request.person.livesIn'), c.person.livesIn == null ? unknown : placeName(locale, c.person.livesIn)],
          [L('request.person.prisonNumber'), c.person.prisonNumber ?? unknown],
          [L('request.person.prison'), c.person.prison ?? unknown],
        ],
      },
    ],
  };

  // Offences and sentences by their order, never by the store's keys.
  const offenceNumber = new Map(c.offences.map((o, i) => [o.id, i + 1]));
  const sentenceNumber = new Map(c.sentences.map((s, i) => [s.id, i + 1]));
  const facts: RequestSection = {
    id: 'facts',
    title: heading('facts', 'request.section.facts'),
    blocks:
      c.offences.length === 0
        ? [{ kind: 'paragraph', text: L('request.offence.none'), emphasis: 'muted' }]
        : [{ kind: 'facts', rows: c.offences.map((o, i) => [L('request.offence', { n: i + 1 }), o.description ?? unknown]) }],
  };

  const yes = (v: boolean | null | undefined) => (v == null ? unknown : L(v ? 'ui.value.yes' : 'ui.value.no'));
  const sentence: RequestSection = {
    id: 'sentence',
    title: heading('sentence', 'request.section.sentence'),
    blocks: [
      { kind: 'facts', rows: [
        [L('request.judgment.date'), date(c.judgment.date)],
        [L('request.judgment.court'), c.judgment.sentencingCourt ?? unknown],
        [L('request.judgment.final'), yes(c.judgment.final)],
      ] },
      ...c.sentences.map((s, i): Block => ({
        kind: 'facts',
        rows: [
          [L('request.sentence', { n: i + 1 }), typeof s.term === 'string' ? L(`request.term.${s.term}`) : termInWords(locale, s.term)],
          [
            L('request.sentence.start'),
            s.start != null ? date(s.start) : s.consecutiveTo != null ? L('request.sentence.startsAfter', { n: sentenceNumber.get(s.consecutiveTo) ?? 0 }) : unknown,
          ],
          [L('request.sentence.offences'), s.offences.map((o) => L('request.offence', { n: offenceNumber.get(o) ?? 0 })).join(', ') || unknown],
        ],
      })),
    ],
  };

  const served: RequestSection = { id: 'served', title: heading('served', 'request.section.served'), blocks: [] };
  const d = assessment?.result.dates;
  const expiry = d?.sentenceExpiryDate ?? d?.nominalReleaseDate ?? null;
  served.blocks.push({
    kind: 'facts',
    rows: [
      [L('request.served.remand'), c.remandDays == null ? unknown : termInWords(locale, { years: 0, months: 0, days: c.remandDays })],
      // Both releases, each labelled (issue 18): at the expiry of the sentence, and the earliest with remission.
      [L('request.served.expiry'), expiry === null ? L('request.served.notComputed') : date(expiry)],
      [
        L('request.served.remission'),
        d == null || expiry === null ? L('request.served.notComputed') : d.expectedDischargeDate === null ? L('request.served.noRemission') : date(d.expectedDischargeDate),
      ],
    ],
  });
  if (assessment !== null) served.blocks.push({ kind: 'paragraph', text: L('request.served.asOf', { date: date(assessment.result.referenceDate) }), emphasis: 'muted' });

  const consent: RequestSection = {
    id: 'consent',
    title: heading('consent', 'request.section.consent'),
    blocks: [
      {
        kind: 'facts',
        rows: [
          [L('request.consent.status'), c.consent?.status == null ? unknown : L(`reports.consent.${c.consent.status}`)],
          [L('request.consent.by'), c.consent?.by == null ? unknown : L(`reports.consentBy.${c.consent.by}`)],
          [L('request.consent.date'), date(c.consent?.date)],
        ],
      },
    ],
  };

  const listed = input.documents.filter((doc) => stepIndex(doc.step) <= stepIndex(WITH_THE_REQUEST));
  const appendix: RequestDocument['appendix'] = [];
  const rows = listed.map((doc) => {
    const label = t(locale, doc.labelKey);
    const files = doc.attachments;
    let state: string;
    if (doc.status === 'not_applicable') state = L('request.documents.notApplicable');
    else if (files.length === 0) state = ['received', 'verified', 'sent'].includes(doc.status) ? L('request.documents.held') : L('request.documents.toFollow');
    else {
      const appended = files.filter((f) => input.appendable.has(f.id));
      for (const f of appended) appendix.push({ attachmentId: f.id, fileName: f.fileName, document: label });
      state = L(appended.length === files.length ? 'request.documents.appended' : 'request.documents.enclosed', { files: files.map((f) => f.fileName).join(', ') });
    }
    return [label, state];
  });
  const documents: RequestSection = {
    id: 'documents',
    title: heading('documents', 'request.section.documents'),
    blocks: [
      { kind: 'paragraph', text: L('request.documents.intro') },
      { kind: 'table', caption: L('request.section.documents'), columns: [L('request.documents.col.document'), L('request.documents.col.state')], widths: [3, 2.4], rows },
    ],
  };

  return {
    locale,
    title: L('request.title'),
    name,
    letter: {
      letterhead: [authority, ...letter.address],
      placeAndDate: [letter.place, date(input.producedOn)].filter(Boolean).join(locale === 'en' ? ', ' : '，'),
      addressee: (letter.addressees[other] ?? L('request.addressee.default', { state: placeName(locale, other) })).split('\n'),
      references,
      subject: L('request.subject', { name: name || unknown, born: date(c.person.dateOfBirth) }),
      body: [body],
      closing: L('request.closing'),
      signature: [letter.signatory, letter.signatoryTitle, letter.signatory === '' ? authority : ''].filter(Boolean),
    },
    sections: [person, facts, sentence, served, consent, documents],
    appendix,
  };
}

/**
 * Which documents each instrument requires, by direction and step (docs/domain.md "Documents of a dossier"), as data
 * for the rule-sets' `documents` parameter. `step` is the step the case cannot enter until
 * the document is received (or verified, sent, or marked not applicable); `required: false`
 * lists a document that is needed only in some cases ("where appropriate", "on request").
 * Our State's direction decides who produces what: outgoing, we are the sentencing State.
 */
import type { Step } from './steps.ts';
import type { Direction } from '../vocabularies.ts';

export interface DocumentRequirement {
  kind: string;
  direction: Direction | 'both';
  step: Step;
  required: boolean;
}

const req = (kind: string, direction: DocumentRequirement['direction'], step: Step, required = true): DocumentRequirement => ({
  kind, direction, step, required,
});

/** ETS 112 Arts. 4–7, 15–17 (§10.1); also the default for a rule-set that lists no documents. */
export const ETS_112_DOCUMENTS: readonly DocumentRequirement[] = [
  req('information-notice', 'outgoing', 'screening'), // Art. 4(1)
  req('notification-to-administering-state', 'outgoing', 'requested'), // Art. 4(2)-(4)
  req('request-or-reply', 'both', 'awaiting-other-state', false), // Art. 5(1)-(3)
  req('certified-judgment', 'outgoing', 'requested'), // Art. 6(2)(a), 17(4)
  req('time-served-statement', 'outgoing', 'requested'), // Art. 6(2)(b)
  req('consent-declaration', 'outgoing', 'requested'), // Art. 6(2)(c)
  req('medical-social-reports', 'outgoing', 'requested', false), // Art. 6(2)(d) "where appropriate"
  req('nationality-proof', 'incoming', 'requested'), // Art. 6(1)(a)
  req('dual-criminality-law', 'incoming', 'requested'), // Art. 6(1)(b)
  req('enforcement-statement', 'incoming', 'requested'), // Art. 6(1)(c), Art. 9(2)
  req('certified-judgment', 'incoming', 'agreed'), // Art. 6(2)(a), sent by the sentencing State
  req('time-served-statement', 'incoming', 'agreed'), // Art. 6(2)(b)
  req('consent-declaration', 'incoming', 'agreed'), // Art. 6(2)(c)
  req('consent-verification-record', 'both', 'handover-scheduled'), // Art. 7(2)
  req('translations', 'both', 'requested', false), // Art. 17(3), as declared
  req('transit-request', 'both', 'transferred', false), // Art. 16
  req('enforcement-reports', 'both', 'post-transfer', false), // Art. 15
  req('clemency-notices', 'both', 'post-transfer', false), // Arts. 12-14
];

/** ETS 167 as amended by CETS 222 (§10.2): ETS 112's list and the Protocol's additions. */
export const ETS_167_DOCUMENTS: readonly DocumentRequirement[] = [
  ...ETS_112_DOCUMENTS,
  req('opinion-declaration', 'outgoing', 'requested', false), // Art. 3(3)(a)
  req('expulsion-order', 'outgoing', 'requested', false), // Art. 3(3)(b)
];

/** EU FD 2008/909 (§10.3); outgoing, we are the issuing State. */
export const EU_909_DOCUMENTS: readonly DocumentRequirement[] = [
  req('certified-judgment', 'outgoing', 'requested'), // "Art. 5(1)"
  req('eu-certificate', 'outgoing', 'requested'), // Annex I, "Art. 23(1)"
  req('judgment-translation', 'outgoing', 'requested', false), // "Art. 23(3)", if requested
  req('opinion-declaration', 'outgoing', 'requested', false), // "Art. 6(3)", person in the issuing State
  req('eu-notification-form', 'outgoing', 'requested', false), // Annex II, "Art. 6(4)"
  req('consent-declaration', 'outgoing', 'requested', false), // "Art. 6(1)", when required
  req('executing-state-consent', 'outgoing', 'requested', false), // "Art. 4(1)(c)"
  req('certified-judgment', 'incoming', 'decision'), // received with the certificate
  req('eu-certificate', 'incoming', 'decision'),
  req('early-release-information', 'both', 'agreed', false), // "Art. 17(3)", on request
  req('recognition-decision', 'both', 'agreed'), // "Art. 12"
  req('enforcement-reports', 'both', 'post-transfer', false), // "Art. 21"
];

/** Russian bilateral Agreement Art. 6(2)-(3) (§10.4): the requesting side sends (a)-(b), the sentencing side answers (c)-(i). */
export const RU_BILATERAL_DOCUMENTS: readonly DocumentRequirement[] = [
  req('person-information', 'both', 'requested'), // (a)
  req('nationality-proof', 'both', 'requested'), // (b)
  ...(['outgoing', 'incoming'] as const).flatMap((direction) => {
    const step: Step = direction === 'outgoing' ? 'requested' : 'agreed';
    return [
      req('certified-judgment', direction, step), // (c), with proof of finality
      req('time-served-statement', direction, step), // (d), with conduct in prison
      req('additional-punishment', direction, step, false), // (e)
      req('criminal-law-text', direction, step), // (f)
      req('consent-declaration', direction, step), // (g), written
      req('financial-obligations-record', direction, step, false), // (h), if any
      req('health-report', direction, step), // (i)
    ];
  }),
];

/** US IPTP (§10.6): 28 CFR 527.44-527.46, CRM 737, 18 U.S.C. §§ 4107-4109. */
export const US_IPTP_DOCUMENTS: readonly DocumentRequirement[] = [
  req('application-form', 'outgoing', 'screening'), // 527.44(a)
  req('classification-package', 'outgoing', 'decision'), // 527.44(b), 527.45(a)
  req('prosecutor-views', 'outgoing', 'decision'), // CRM 737
  req('state-consent', 'outgoing', 'decision', false), // state prisoners only
  req('consent-verification-record', 'both', 'handover-scheduled'), // §§ 4107-4108
  req('certified-judgment', 'incoming', 'handover-scheduled'), // 527.46(a)
  req('time-served-statement', 'incoming', 'handover-scheduled'), // 527.46(a), authenticated, in English
  req('nationality-proof', 'incoming', 'handover-scheduled'), // 527.46(a)
  req('admission-notice', 'incoming', 'post-transfer', false), // 527.46(c)
];

/** Italy–Brazil 2008 (§10.9): what the text confirms; other documents are unconfirmed. */
export const IT_BR_DOCUMENTS: readonly DocumentRequirement[] = [
  req('consent-declaration', 'both', 'requested'), // Art. 7
  req('financial-obligations-record', 'outgoing', 'requested'), // Art. 3(1)(g)
  req('nationality-proof', 'both', 'requested'), // Art. 3(1)(a)
];

/**
 * Hong Kong's own side of every route under the Transfer of Sentenced Persons Ordinance
 * (Cap. 513): the warrant that moves the person, needed before the handover. Section 2 (read)
 * defines the inward warrant as one issued under s. 3(1)(a) and the outward warrant as one
 * issued under s. 3(1)(b); s. 3 itself (who issues them, on what conditions) was not read.
 * Hong Kong is our side: outgoing, Hong Kong is the sentencing place.
 */
export const CAP_513_DOCUMENTS: readonly DocumentRequirement[] = [
  req('outward-warrant', 'outgoing', 'transferred'), // s. 2, s. 3(1)(b)
  req('inward-warrant', 'incoming', 'transferred'), // s. 2, s. 3(1)(a)
];

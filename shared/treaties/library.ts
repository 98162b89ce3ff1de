/**
 * The built-in rule-set library. Every parameter carries its legal source and confidence
 * (C confirmed from the instrument, S secondary source, U unconfirmed); the ids are fixed.
 * Where an instrument's text was not available, the rule-set follows the pattern named in
 * its source and marks the parameter as such.
 */
import {
  ETS_112_DOCUMENTS, ETS_167_DOCUMENTS, EU_909_DOCUMENTS, IT_BR_DOCUMENTS, RU_BILATERAL_DOCUMENTS, US_IPTP_DOCUMENTS,
} from '../workflow/document-sets.ts';
import { hongKongRuleSets } from './hong-kong-rulesets.ts';
import { asReported, p } from './ruleset-builders.ts';
import { RULESET_FORMAT, ruleSetSchema, type RuleSet, type RuleSetInput } from './schema.ts';

const ETS_112: RuleSetInput = {
  format: RULESET_FORMAT,
  id: 'coe-ets-112',
  version: '1983',
  effectiveFrom: '1985-07-01',
  title: 'Council of Europe Convention on the Transfer of Sentenced Persons (ETS 112, 1983)',
  kind: 'multilateral',
  referenceEvent: p('requestReceived', 'ETS 112 Art. 3(1)(c): at the time of receipt of the request for transfer', 'C'),
  statesAgreementRequired: p(true, 'ETS 112 Art. 3(1)(f)', 'C'),
  link: p({ default: ['nationality'], byAdministeringState: {} }, 'ETS 112 Art. 3(1)(a); a State may define "national" by declaration (Art. 3(4))', 'C'),
  dualNationality: p('allow', 'ETS 112 (no dual-nationality ground)', 'C'),
  finality: p({ required: true, definition: 'per-sentencing-law' }, 'ETS 112 Art. 3(1)(b)', 'C'),
  otherProceedings: p('not-addressed', 'ETS 112 (no pending-proceedings condition)', 'C'),
  minRemaining: p(
    { duration: { months: 6 }, effect: 'mandatory-with-exception' },
    'ETS 112 Art. 3(1)(c); exceptional cases by agreement, Art. 3(2)',
    'C',
  ),
  remainingBasis: p('expiry', 'ETS 112 Art. 3(1)(c) "sentence to serve": counted to expiry net of credits (app reading)', 'U'),
  indeterminateBypass: p(true, 'ETS 112 Art. 3(1)(c): "or if the sentence is indeterminate"', 'C'),
  minServed: p(null, 'ETS 112 (no minimum period served)', 'C'),
  consent: p(
    { required: true, representativeTriggers: ['age', 'physical', 'mental'], minorAge: null, irrevocableAfter: 'not-specified' },
    'ETS 112 Art. 3(1)(d), Art. 7; no rule on withdrawal',
    'C',
  ),
  consentExceptions: [],
  dualCriminality: p({ required: true, test: 'conduct-criminal-or-would-be' }, 'ETS 112 Art. 3(1)(e)', 'C'),
  listExemption: p(null, 'ETS 112 (no list of offences exempt from dual criminality)', 'C'),
  excludedOffences: p([], 'ETS 112 (no excluded offences)', 'C'),
  deathSentence: p('not-addressed', 'ETS 112 (no death-sentence condition)', 'C'),
  financialObligations: p({ rule: 'none', scope: [] }, 'ETS 112 (no financial condition)', 'C'),
  partialTransfer: p(false, 'ETS 112 (partial transfer not provided)', 'U'),
  discretionaryRefusalGrounds: p(['no-reasons-needed'], 'ETS 112 Art. 3(1)(f), 5(4): each State free to agree (Swiss message on ETS 112)', 'S'),
  deadlines: p([], 'ETS 112 Art. 5(4): "promptly", no figure', 'C'),
  documents: p([...ETS_112_DOCUMENTS], 'ETS 112 Arts. 4(1)-(5), 5, 6, 7(2), 12-17', 'C'),
  conditionalRelease: p('not-covered', 'ETS 112 Art. 1(a): "any punishment or measure involving deprivation of liberty"', 'C'),
};

const ETS_167_AMENDED: RuleSetInput = {
  ...ETS_112,
  id: 'coe-ets-167',
  version: '2017',
  effectiveFrom: '2017-11-22',
  title: 'Additional Protocol to the Transfer Convention (ETS 167, 1997) as amended by CETS 222 (2017)',
  notes:
    'Applies between States bound by the Protocol as amended (CETS 222 in force or provisionally applied, Art. 5). ' +
    'ETS 112 conditions other than consent continue to apply (ETS 167 Art. 1(2)). Art. 3(6) declarations: none recorded here [U].',
  consentExceptions: [
    { kind: 'left-aware-of-proceedings', opinionRequired: false, source: 'ETS 167 Art. 2(1)(a) as amended by CETS 222 Art. 1; Art. 2(3)', confidence: 'C' },
    { kind: 'left-aware-of-judgment', opinionRequired: false, source: 'ETS 167 Art. 2(1)(b) as amended by CETS 222 Art. 1; Art. 2(3)', confidence: 'C' },
    { kind: 'expulsion-in-sentence', opinionRequired: true, source: 'ETS 167 Art. 3(1)-(3)', confidence: 'C' },
    { kind: 'expulsion-administrative-any', opinionRequired: true, source: 'ETS 167 Art. 3(1) as amended by CETS 222 Art. 2 ("or an administrative decision")', confidence: 'C' },
  ],
  deadlines: p(
    [{ id: 'speciality-consent', after: 'speciality-request-received', days: 90, extendable: false }],
    'ETS 167 Art. 3(4)(a) as amended by CETS 222 Art. 2',
    'C',
  ),
  documents: p([...ETS_167_DOCUMENTS], 'ETS 112 Arts. 4-7, 12-17; ETS 167 Art. 2(1)-(2), 3(3) as amended by CETS 222', 'C'),
};

const ETS_167_ORIGINAL: RuleSetInput = {
  ...ETS_112,
  id: 'coe-ets-167-original',
  version: '1997',
  effectiveFrom: '2000-06-01',
  title: 'Additional Protocol to the Transfer Convention (ETS 167, 1997), original text',
  notes: 'ETS 112 conditions other than consent continue to apply (ETS 167 Art. 1(2)). Art. 3(6) declarations: none recorded here [U].',
  consentExceptions: [
    { kind: 'fled-after-final-judgment', opinionRequired: false, source: 'ETS 167 Art. 2(1), 2(3)', confidence: 'C' },
    { kind: 'expulsion-in-sentence', opinionRequired: true, source: 'ETS 167 Art. 3(1)-(3)', confidence: 'C' },
    { kind: 'expulsion-administrative-consequential', opinionRequired: true, source: 'ETS 167 Art. 3(1): "an administrative decision consequential to that sentence"', confidence: 'C' },
  ],
  documents: p([...ETS_167_DOCUMENTS], 'ETS 112 Arts. 4-7, 12-17; ETS 167 Art. 2, 3(3)', 'C'),
};

const EU_909: RuleSetInput = {
  format: RULESET_FORMAT,
  id: 'eu-fd-2008-909',
  version: '2008',
  effectiveFrom: '2011-12-05',
  title: 'EU Council Framework Decision 2008/909/JHA (mutual recognition of custodial sentences)',
  kind: 'eu-mutual-recognition',
  notes: 'Article numbers other than Art. 7 are read through the Dutch implementing act (WETS) and may differ [U].',
  referenceEvent: p('judgmentReceived', 'FD 2008/909 Art. 9(1)(h): when the executing State receives the judgment (NL WETS 2:14(1)(b))', 'S'),
  statesAgreementRequired: p(false, 'FD 2008/909 Art. 4(1)(a)-(b): no consent of the executing State needed (NL WETS 2:4, 2:25)', 'S'),
  link: p(
    { default: ['nationality-and-lives-in', 'nationality-and-deportation', 'consenting-state'], byAdministeringState: {} },
    'FD 2008/909 Art. 4(1)(a)-(c) (NL WETS 2:3)',
    'S',
  ),
  dualNationality: p('allow', 'FD 2008/909 (no dual-nationality ground)', 'U'),
  finality: p({ required: true, definition: 'per-sentencing-law' }, 'FD 2008/909 Art. 1(a) ("final decision")', 'U'),
  otherProceedings: p('not-addressed', 'FD 2008/909 (no pending-proceedings ground)', 'U'),
  minRemaining: p(
    { duration: { months: 6 }, effect: 'optional-refusal' },
    'FD 2008/909 Art. 9(1)(h): less than six months to serve is an optional ground (NL WETS 2:14(1)(b))',
    'S',
  ),
  remainingBasis: p('expiry', 'FD 2008/909 Art. 9(1)(h) "still to be served" (app reading: expiry net of credits)', 'U'),
  indeterminateBypass: p(true, 'FD 2008/909 Art. 9(1)(h) (an unlimited sentence always has six months to serve)', 'U'),
  minServed: p(null, 'FD 2008/909 (no minimum period served)', 'S'),
  consent: p(
    { required: true, representativeTriggers: ['age', 'physical', 'mental'], minorAge: null, irrevocableAfter: 'not-specified' },
    'FD 2008/909 Art. 6(1) (NL WETS 2:24(c))',
    'S',
  ),
  consentExceptions: [
    { kind: 'national-living-in-executing', opinionRequired: true, source: 'FD 2008/909 Art. 6(2)(a), opinion Art. 6(3) (NL WETS 2:5(a), 2:27)', confidence: 'S' },
    { kind: 'deported-to-executing', opinionRequired: true, source: 'FD 2008/909 Art. 6(2)(b), opinion Art. 6(3) (NL WETS 2:5(b), 2:27)', confidence: 'S' },
    { kind: 'fled-to-executing', opinionRequired: false, source: 'FD 2008/909 Art. 6(2)(c) (NL WETS 2:5(c))', confidence: 'S' },
  ],
  dualCriminality: p(
    { required: true, test: 'conduct-criminal-or-would-be', effect: 'optional-refusal' },
    'FD 2008/909 Art. 7(3), 9(1)(d): for an offence outside the list the executing State may make recognition subject to dual criminality and may refuse where it fails (a ground, not a bar)',
    'S',
  ),
  conditionalRelease: p('not-covered', 'FD 2008/909 Art. 1(b): custodial sentences (probation and conditional release: FD 2008/947)', 'S'),
  listExemption: p(
    { thresholdMonths: 36, optOutStates: [] },
    'FD 2008/909 Art. 7(1): the 32 listed offences punishable by at least 3 years need no dual criminality; Art. 7(4) opt-outs',
    'S',
    'Twelve Member States had made an Art. 7(4) declaration by December 2017 (Council doc 14223/17); which ones is not known. The treaty map records them as unidentified, so the list is read as unconfirmed for every executing State (a listed offence whose dual criminality is not confirmed is unknown) until a map version names them; a State whose declaration is confirmed can be added to optOutStates.',
  ),
  excludedOffences: p([], 'FD 2008/909 (no excluded offences)', 'S'),
  deathSentence: p('not-addressed', 'FD 2008/909 (not relevant between Member States)', 'S'),
  financialObligations: p({ rule: 'none', scope: [] }, 'FD 2008/909 (no financial ground)', 'U'),
  partialTransfer: p(true, 'FD 2008/909 Art. 10: partial recognition by agreement with the issuing State (NL WETS 2:12(2))', 'S'),
  discretionaryRefusalGrounds: p(['statute-of-limitations', 'no-rehabilitation-benefit'], 'FD 2008/909 Art. 9(1)(e); Art. 4(2) social rehabilitation', 'S'),
  deadlines: p(
    [
      { id: 'recognition-decision', after: 'judgmentReceived', days: 90, extendable: true, until: 'final-decision' },
      { id: 'transfer-after-decision', after: 'final-decision', days: 30, extendable: true, until: 'transferred' },
    ],
    'FD 2008/909 Art. 12(2), 15(1) (NL WETS 2:10, 2:16)',
    'S',
  ),
  documents: p([...EU_909_DOCUMENTS], 'FD 2008/909 Arts. 4(1)(c), 5(1), 6, 12, 17(3), 21, 23, Annexes I-II (NL WETS 2:7, 2:8, 2:18, 2:27)', 'S'),
};

const US_TH: RuleSetInput = {
  format: RULESET_FORMAT,
  id: 'us-th-1982',
  version: '1982',
  effectiveFrom: '1982-10-29',
  title: 'Treaty between the United States and Thailand on Cooperation in the Execution of Penal Sentences (1982)',
  kind: 'bilateral',
  referenceEvent: p('application', 'US–Thailand Treaty Art. II(4): at the time of the application', 'C'),
  statesAgreementRequired: p(true, 'US–Thailand Treaty Art. III', 'C'),
  link: p({ default: ['nationality'], byAdministeringState: {} }, 'US–Thailand Treaty Art. II(2)', 'C'),
  dualNationality: p('discretionary-refusal', 'US–Thailand Treaty Art. II(7)(b)', 'C'),
  finality: p({ required: true, definition: 'no-appeal-or-collateral-attack' }, 'Thai Department of Corrections principles (final, no appeal or collateral attack pending)', 'S'),
  otherProceedings: p('bar', 'US–Thailand Treaty Art. II(5): no other proceedings for the offence or any other offence', 'C'),
  minRemaining: p({ duration: { years: 1 }, effect: 'mandatory' }, 'US–Thailand Treaty Art. II(4): at least one year', 'C'),
  remainingBasis: p('expiry', 'US–Thailand Treaty Art. II(4) (app reading: expiry net of credits)', 'U'),
  indeterminateBypass: p(true, 'Thai Department of Corrections: life and indeterminate sentences qualify', 'S'),
  minServed: p(
    { numerator: 1, denominator: 3, lifeMinimum: null, sentencingStates: ['TH'], testedAt: 'transfer' },
    'US–Thailand Treaty Art. II(6): "at the time of transfer", any minimum period of the transferring State\'s law; one third reported for Thailand',
    'S',
    'Tested at the time of transfer, not of the application: a minimum not yet served does not bar the application, it opens the transfer window. The minimum for life sentences under Thai law is not known [U]; no minimum is recorded for the United States.',
  ),
  consent: p(
    { required: true, representativeTriggers: ['age', 'physical', 'mental'], minorAge: null, irrevocableAfter: 'not-specified' },
    'US–Thailand Treaty Art. II (consent of the offender); Thai Act B.E. 2527 s. 13',
    'S',
  ),
  consentExceptions: [],
  dualCriminality: p({ required: true, test: 'crime-ignoring-terminology' }, 'US–Thailand Treaty Art. II(1)', 'C'),
  listExemption: p(null, 'US–Thailand Treaty (no list exemption)', 'C'),
  excludedOffences: p(
    ['excluded:state-security', 'excluded:head-of-state-or-family', 'excluded:national-art-treasures'],
    'US–Thailand Treaty Art. II(3)(a)-(c)',
    'C',
  ),
  deathSentence: p('not-addressed', 'US–Thailand Treaty (no death-sentence condition)', 'U'),
  financialObligations: p(
    { rule: 'none', scope: [] },
    'US–Thailand Treaty (no financial condition)',
    'U',
    'Payment of fines before transfer is reported as Thai practice [S, weak]; not applied.',
  ),
  partialTransfer: p(false, 'US–Thailand Treaty (not provided)', 'U'),
  discretionaryRefusalGrounds: p(['sovereignty-security-public-order', 'dual-national'], 'US–Thailand Treaty Art. II(7)', 'C'),
  deadlines: p([], 'US–Thailand Treaty (no deadlines)', 'U'),
  documents: p([...ETS_112_DOCUMENTS], 'US–Thailand Treaty Art. III (request via diplomatic channels); document list not retrieved, ETS 112 pattern', 'U'),
};

const US_IPTP: RuleSetInput = {
  format: RULESET_FORMAT,
  id: 'us-iptp',
  version: '1977',
  effectiveFrom: '1977-10-28',
  title: 'US International Prisoner Transfer Program (18 U.S.C. §§ 4100–4115; DOJ Criminal Resource Manual 732)',
  kind: 'domestic-scheme',
  notes: 'Treaty extras (e.g. US–Mexico: immigration offences and domiciliaries excluded, CRM 732) are not part of this rule-set.',
  referenceEvent: p('application', 'DOJ Criminal Resource Manual 732 (6): at the time of application', 'C'),
  statesAgreementRequired: p(true, 'DOJ Criminal Resource Manual 732 (8)', 'C'),
  link: p({ default: ['nationality'], byAdministeringState: {} }, 'DOJ Criminal Resource Manual 732 (1)', 'C'),
  dualNationality: p('allow', 'DOJ Criminal Resource Manual 732 (no dual-nationality bar)', 'U'),
  finality: p({ required: true, definition: 'no-appeal-or-collateral-attack' }, 'DOJ Criminal Resource Manual 732 (4)', 'C'),
  otherProceedings: p('bar', 'DOJ Criminal Resource Manual 732 (7): no other pending criminal charges', 'C'),
  minRemaining: p(
    { duration: { months: 6 }, effect: 'mandatory-with-exception' },
    'DOJ Criminal Resource Manual 732 (6): "in the absence of exceptional circumstances", typically 6 months',
    'C',
  ),
  remainingBasis: p('expiry', 'DOJ Criminal Resource Manual 732 (6) (app reading: expiry net of credits)', 'U'),
  indeterminateBypass: p(true, 'DOJ Criminal Resource Manual 732 (an unlimited sentence always has the minimum to serve)', 'U'),
  minServed: p(null, 'DOJ Criminal Resource Manual 732 (no minimum period served)', 'C'),
  consent: p(
    { required: true, representativeTriggers: ['age', 'mental'], minorAge: 18, minorAgeAt: 'transfer', irrevocableAfter: 'not-specified' },
    '18 U.S.C. § 4100(b): under 18 at the time of transfer, or incompetent, consent by a parent, guardian, guardian ad litem or court',
    'S',
    'When consent becomes irrevocable under US law is not confirmed [U].',
  ),
  consentExceptions: [],
  dualCriminality: p({ required: true, test: 'conduct-criminal-or-would-be' }, 'DOJ Criminal Resource Manual 732 (5)', 'C'),
  listExemption: p(null, 'DOJ Criminal Resource Manual 732 (no list exemption)', 'C'),
  excludedOffences: p([], 'DOJ Criminal Resource Manual 732 (treaty-specific exclusions only)', 'C'),
  deathSentence: p('not-addressed', 'DOJ Criminal Resource Manual 732 (no death-sentence condition)', 'U'),
  financialObligations: p(
    { rule: 'none', scope: [] },
    'DOJ Criminal Resource Manual 733 (unpaid fines a discretionary factor at most)',
    'U',
  ),
  partialTransfer: p(false, 'DOJ Criminal Resource Manual 732 (not provided)', 'U'),
  discretionaryRefusalGrounds: p(
    ['no-rehabilitation-benefit', 'sovereignty-security-public-order'],
    'DOJ Criminal Resource Manual 733; DOJ Guidelines (rehabilitation, law-enforcement interests)',
    'S',
  ),
  deadlines: p([{ id: 'usao-input', after: 'request', days: 14, extendable: false }], 'DOJ Criminal Resource Manual 737', 'C'),
  subnationalConsent: p(
    { sentencingStates: ['US'] },
    'US communication under ETS 112 Art. 3(1)(f) (BGBl. III Nr. 116/2018): a person convicted under a US State\'s law and held by it is transferred only if that State first agrees (a sentence imposed by the other State needs no US State\'s consent)',
    'C',
  ),
  documents: p([...US_IPTP_DOCUMENTS], '28 CFR 527.44-527.46; DOJ Criminal Resource Manual 737; 18 U.S.C. §§ 4107-4109', 'C'),
};

/**
 * The US–Mexico treaty (1976), one of the treaties the US programme runs on for its largest
 * partner: the programme's own conditions (DOJ CRM 732) with the treaty's extras — immigration,
 * political and military offences excluded, and persons who have become domiciliaries of the
 * sentencing State (present five years or more with intent to remain permanently).
 */
const US_MX: RuleSetInput = {
  ...US_IPTP,
  id: 'us-mx-1976',
  version: '1976',
  effectiveFrom: '1977-11-30',
  title: 'Treaty between the United States and Mexico on the Execution of Penal Sentences (1976)',
  kind: 'bilateral',
  notes:
    'In force 30 November 1977 (TIAS 8718). The article numbers of the exclusions were not read: they come from the DOJ Criminal Resource Manual 732 and the State Department briefing on the agreed text (FRUS 1969-76 vol. E-11 doc. 105) [S].',
  minRemaining: p(
    { duration: { months: 6 }, effect: 'mandatory' },
    'US–Mexico Treaty (sentences under six months excluded; State Department briefing, FRUS 1969-76 E-11 doc. 105); DOJ CRM 732 (6)',
    'S',
  ),
  excludedOffences: p(
    ['excluded:immigration', 'excluded:political', 'excluded:military'],
    'US–Mexico Treaty: immigration, political and military offences excluded (DOJ CRM 732; FRUS 1969-76 E-11 doc. 105)',
    'S',
  ),
  domicileExclusion: p(
    { years: 5, intentToRemain: true },
    'US–Mexico Treaty: not a domiciliary of the sentencing State, i.e. present there five years or more with the intent to remain permanently (DOJ CRM 732)',
    'S',
  ),
  subnationalConsent: p(true, 'US practice for State prisoners (the US communication under ETS 112 Art. 3(1)(f), BGBl. III Nr. 116/2018), applied under the treaty', 'S'),
};

/** The US–Canada treaty (1977): only Arts. I(d) and II(a) were read; its exclusions, if any, are not known. */
const US_CA: RuleSetInput = {
  ...US_IPTP,
  id: 'us-ca-1977',
  version: '1977',
  effectiveFrom: '1978-07-19',
  title: 'Treaty between Canada and the United States on the Execution of Penal Sentences (1977)',
  kind: 'bilateral',
  notes: 'In force 19 July 1978 (Canada Treaty Series 1978 No. 12). Only Arts. I(d) and II(a) were read; do not assume the US–Mexico exclusions.',
  link: p({ default: ['nationality'], byAdministeringState: {} }, 'US–Canada Treaty Art. I(d): "citizen" includes a dual national of both Parties', 'C'),
  dualNationality: p('allow', 'US–Canada Treaty Art. I(d): a dual national of both Parties is a citizen of each', 'C'),
  dualCriminality: p({ required: true, test: 'crime-ignoring-terminology' }, 'US–Canada Treaty Art. II(a): punishable as a crime in the receiving State; differences not affecting its character ignored', 'C'),
  minRemaining: p({ duration: { months: 6 }, effect: 'mandatory' }, 'US–Canada Treaty (at least six months to serve when the offender applies; NCJRS 57308 summary)', 'S'),
  excludedOffences: p([], 'US–Canada Treaty: exclusions not read', 'U', 'Whether the treaty excludes immigration, political or military offences was not verified.'),
  subnationalConsent: p(true, 'US practice for State prisoners (the US communication under ETS 112 Art. 3(1)(f)), applied under the treaty', 'S'),
};

const IT_BR: RuleSetInput = {
  format: RULESET_FORMAT,
  id: 'it-br-2008',
  version: '2008',
  effectiveFrom: '2015-03-05',
  title: 'Treaty between Italy and Brazil on the transfer of sentenced persons (Brasília, 2008)',
  kind: 'bilateral',
  notes: 'In force for Italy under Law 17/2015 (GU 4 March 2015); the exact date of entry into force is not recorded [U].',
  referenceEvent: p('requestReceived', 'Italy–Brazil Treaty Art. 3(1)(c): at the date of receipt of the request', 'C'),
  statesAgreementRequired: p(true, 'Italy–Brazil Treaty Art. 3(1)(h)', 'C'),
  link: p({ default: ['nationality', 'permanent-residence'], byAdministeringState: {} }, 'Italy–Brazil Treaty Art. 3(1)(a)', 'C'),
  dualNationality: p('allow', 'Italy–Brazil Treaty (no dual-nationality ground seen)', 'U'),
  finality: p({ required: true, definition: 'per-sentencing-law' }, 'Italy–Brazil Treaty Art. 3(1)(b)', 'C'),
  otherProceedings: p('not-addressed', 'Italy–Brazil Treaty (no pending-proceedings condition seen)', 'U'),
  minRemaining: p({ duration: { months: 12 }, effect: 'mandatory' }, 'Italy–Brazil Treaty Art. 3(1)(c): at least twelve months', 'C'),
  remainingBasis: p('expiry', 'Italy–Brazil Treaty Art. 3(1)(c) (app reading: expiry net of credits)', 'U'),
  indeterminateBypass: p(true, 'Italy–Brazil Treaty Art. 3(1)(c) (an unlimited sentence always has twelve months to serve)', 'U'),
  minServed: p(null, 'Italy–Brazil Treaty (no minimum period served)', 'C'),
  consent: p(
    { required: true, representativeTriggers: ['age', 'physical', 'mental'], minorAge: null, irrevocableAfter: 'not-specified' },
    'Italy–Brazil Treaty Art. 3(1)(d), Art. 7',
    'C',
  ),
  consentExceptions: [],
  dualCriminality: p({ required: true, test: 'conduct-criminal-or-would-be' }, 'Italy–Brazil Treaty Art. 3(1)(e)', 'C'),
  listExemption: p(null, 'Italy–Brazil Treaty (no list exemption)', 'C'),
  excludedOffences: p([], 'Italy–Brazil Treaty (no excluded offences seen)', 'U'),
  deathSentence: p('bar-unless-commuted', 'Italy–Brazil Treaty Art. 3(1)(f)', 'C'),
  financialObligations: p(
    { rule: 'mandatory-paid-unless-incapacity', scope: ['fine', 'compensation', 'costs', 'confiscation'] },
    'Italy–Brazil Treaty Art. 3(1)(g): non-custodial provisions executed, except absolute incapacity',
    'C',
  ),
  partialTransfer: p(false, 'Italy–Brazil Treaty (not provided)', 'U'),
  discretionaryRefusalGrounds: p([], 'Italy–Brazil Treaty (not recorded)', 'U'),
  deadlines: p([], 'Italy–Brazil Treaty (no deadlines recorded)', 'U'),
  documents: p([...IT_BR_DOCUMENTS], 'Italy–Brazil Treaty Arts. 3(1)(a), 3(1)(g), 7; other documents unconfirmed', 'C'),
};

const RU_BILATERAL: RuleSetInput = {
  format: RULESET_FORMAT,
  id: 'ru-bilateral',
  version: 'pattern',
  effectiveFrom: '2000-01-01',
  title: 'Russian Federation bilateral transfer agreement (pattern of garant 571652584)',
  kind: 'bilateral',
  notes: 'The pattern of a Russian bilateral agreement whose counterparty is not identified; check the agreement in force with the other State.',
  referenceEvent: p('requestReceived', 'Russian bilateral Agreement Art. 4(1)(c): at the time of receipt of the request', 'C'),
  statesAgreementRequired: p(true, 'Russian bilateral Agreement Art. 4 (agreement of the Parties)', 'S'),
  link: p({ default: ['nationality'], byAdministeringState: {} }, 'Russian bilateral Agreement Art. 4(1)(a)', 'U'),
  dualNationality: p('allow', 'Russian bilateral Agreement (no dual-nationality ground seen)', 'U'),
  finality: p({ required: true, definition: 'per-sentencing-law' }, 'Russian bilateral Agreement Art. 4(1)(b): judgment final and binding', 'C'),
  otherProceedings: p('bar', 'Russian bilateral Agreement Art. 4(1)(b): no proceedings pending in respect of this person', 'C'),
  minRemaining: p(
    { duration: { months: 6 }, effect: 'mandatory-with-exception' },
    'Russian bilateral Agreement Art. 4(1)(c): six months, shorter by agreement',
    'C',
  ),
  remainingBasis: p('expiry', 'Russian bilateral Agreement Art. 4(1)(c) (app reading: expiry net of credits)', 'U'),
  indeterminateBypass: p(true, 'Russian bilateral Agreement (indeterminate sentences not addressed)', 'U'),
  minServed: p(null, 'Russian bilateral Agreement (no minimum period served)', 'C'),
  consent: p(
    { required: true, representativeTriggers: ['age', 'physical', 'mental'], minorAge: null, irrevocableAfter: 'not-specified' },
    'Russian bilateral Agreement Art. 4(1)(d): written consent, or the legal representative\'s',
    'C',
  ),
  consentExceptions: [],
  dualCriminality: p({ required: true, test: 'punishable-by-deprivation-of-liberty' }, 'Russian bilateral Agreement Art. 4(1)(e)', 'C'),
  listExemption: p(null, 'Russian bilateral Agreement (no list exemption)', 'C'),
  excludedOffences: p([], 'Russian bilateral Agreement (no excluded offences seen)', 'U'),
  deathSentence: p('not-addressed', 'Russian bilateral Agreement (no death-sentence condition seen)', 'U'),
  financialObligations: p(
    { rule: 'discretionary-refusal', scope: ['fine', 'compensation', 'costs', 'confiscation'] },
    'Russian bilateral Agreement Art. 4(2)(b): financial obligations unfulfilled',
    'C',
  ),
  partialTransfer: p(false, 'Russian bilateral Agreement (not provided)', 'U'),
  discretionaryRefusalGrounds: p(
    ['sovereignty-security-public-order', 'punishment-incompatible', 'financial-obligations'],
    'Russian bilateral Agreement Art. 4(1)(g), 4(2)(a)-(b)',
    'C',
  ),
  deadlines: p([], 'Russian bilateral Agreement (no deadlines recorded)', 'U'),
  documents: p([...RU_BILATERAL_DOCUMENTS], 'Russian bilateral Agreement Art. 6(2)-(3); Treaty Art. 6(3)', 'C'),
};

const CH_294: RuleSetInput = {
  ...asReported(ETS_112, 'Swiss bilateral SR 0.344.294 (read in part)', 'U'),
  id: 'ch-0-344-294',
  version: 'SR 0.344.294',
  effectiveFrom: '2000-01-01',
  title: 'Swiss bilateral treaty on the transfer of sentenced persons (SR 0.344.294)',
  notes: 'Counterparty not identified; date of entry into force not recorded [U].',
  consent: p(
    { required: true, representativeTriggers: ['age', 'physical', 'mental'], minorAge: null, irrevocableAfter: 'states-agreement' },
    'SR 0.344.294: "Le consentement de la personne condamnée est irrévocable après l\'accord des deux Etats sur le transfèrement"',
    'C',
  ),
};

const OAS_1993: RuleSetInput = {
  format: RULESET_FORMAT,
  id: 'oas-1993',
  version: '1993',
  effectiveFrom: '1996-04-12',
  title: 'Inter-American Convention on Serving Criminal Sentences Abroad (Managua, 1993)',
  kind: 'multilateral',
  notes: 'Art. III read from a German translation only [S].',
  referenceEvent: p('application', 'Inter-American Convention Art. III(6): at the time of the application', 'S'),
  statesAgreementRequired: p(true, 'Inter-American Convention Art. V (the States\' consent)', 'S'),
  link: p({ default: ['nationality'], byAdministeringState: {} }, 'Inter-American Convention Art. II, III(4)', 'S'),
  dualNationality: p('allow', 'Inter-American Convention (no dual-nationality ground seen)', 'U'),
  finality: p(
    { required: true, definition: 'no-ordinary-appeal-and-period-expired' },
    'Inter-American Convention Art. I(3), III(1)',
    'C',
  ),
  otherProceedings: p('not-addressed', 'Inter-American Convention (no pending-proceedings condition seen)', 'U'),
  minRemaining: p({ duration: { months: 6 }, effect: 'mandatory' }, 'Inter-American Convention Art. III(6): at least six months', 'S'),
  remainingBasis: p('expiry', 'Inter-American Convention Art. III(6) (app reading: expiry net of credits)', 'U'),
  indeterminateBypass: p(true, 'Inter-American Convention (an unlimited sentence always has six months to serve)', 'U'),
  minServed: p(null, 'Inter-American Convention (no minimum period served)', 'S'),
  consent: p(
    { required: true, representativeTriggers: ['age', 'physical', 'mental'], minorAge: null, irrevocableAfter: 'not-specified' },
    'Inter-American Convention Art. III(2): consent after being informed of the legal consequences',
    'S',
  ),
  consentExceptions: [],
  dualCriminality: p({ required: true, test: 'crime-ignoring-terminology' }, 'Inter-American Convention Art. III(3)', 'S'),
  listExemption: p(null, 'Inter-American Convention (no list exemption)', 'S'),
  excludedOffences: p([], 'Inter-American Convention (no excluded offences seen)', 'U'),
  deathSentence: p(
    'bar-unless-commuted',
    'Inter-American Convention Art. III(5): the sentence to be served is not the death penalty; a death sentence commuted to imprisonment is served as imprisonment',
    'S',
    'A reading: the bar is on the death penalty as the sentence to be served (the Convention\'s Art. III(5) as read in translation).',
  ),
  conditionalRelease: p('covered', 'Inter-American Convention Art. I: a sentence includes conditional release, probation or other supervision without incarceration', 'S'),
  financialObligations: p({ rule: 'none', scope: [] }, 'Inter-American Convention (no financial condition seen)', 'U'),
  partialTransfer: p(false, 'Inter-American Convention (not provided)', 'U'),
  discretionaryRefusalGrounds: p([], 'Inter-American Convention Art. VI (refusal with reasons where possible)', 'S'),
  deadlines: p([], 'Inter-American Convention (no deadlines)', 'U'),
  documents: p([...ETS_112_DOCUMENTS], 'Inter-American Convention Art. IV (content not retrieved); ETS 112 pattern', 'U'),
};

const INPUTS: readonly RuleSetInput[] = [
  ETS_112, ETS_167_AMENDED, ETS_167_ORIGINAL, EU_909, US_TH, US_IPTP, US_MX, US_CA, IT_BR, RU_BILATERAL, CH_294, OAS_1993,
  ...hongKongRuleSets({ ets112: ETS_112, usTh: US_TH, ruBilateral: RU_BILATERAL }),
];

/** The built-in rule-sets, validated against the schema (a broken entry fails at load, and in tests). */
export const BUILT_IN_RULESETS: readonly RuleSet[] = INPUTS.map((input) => ruleSetSchema.parse(input));

export function builtInRuleSet(id: string): RuleSet | undefined {
  return BUILT_IN_RULESETS.find((r) => r.id === id);
}

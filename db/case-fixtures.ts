/**
 * Case files for tests of the store: each exercises a way a fact can be written — known,
 * null, left out, empty — in the scripts the app meets. Inputs, as a file would hold them.
 */
export const CASE_FIXTURES: Record<string, unknown> = {
  /** The example of docs/case-format.md. */
  formatExample: {
    format: 'tsp-case/1',
    reference: 'CSD-2024-0012',
    sentencingState: 'HK',
    administeringState: 'RU',
    person: {
      familyName: 'IVANOV', givenNames: 'Pyotr', dateOfBirth: '1985-03-14', nationalities: ['RU'], permanentResidence: [],
      livesIn: 'RU', representativeNeeded: false,
    },
    judgment: {
      date: '2022-05-10', final: true, appealPending: false, appealPeriodEnds: null, otherProceedingsPending: false,
      deathSentence: false, deathSentenceCommuted: false,
    },
    sentences: [
      { id: 'S1', start: '2021-11-02', term: { years: 6, months: 0, days: 0 }, consecutiveTo: null, offences: ['O1'] },
      { id: 'S2', start: null, term: { years: 1, months: 0, days: 0 }, consecutiveTo: 'S1', offences: ['O2'] },
    ],
    remandDays: 190,
    offences: [
      { id: 'O1', description: 'Trafficking in a dangerous drug', categories: ['eu:illicit-trafficking-narcotics'], maxPenaltyMonths: 300, dualCriminality: 'yes' },
      { id: 'O2', description: 'Assaulting a prison officer', categories: [], maxPenaltyMonths: 24, dualCriminality: 'unknown' },
    ],
    consent: { status: 'given', by: 'person', date: '2024-01-15', withdrawnOn: null, verified: true, opinionRecorded: false },
    financialObligations: [{ kind: 'fine', amount: 10000, currency: 'EUR', paid: false, incapacityToPay: false }],
    expulsion: null,
    leftSentencingState: null,
    events: { application: null, request: null, requestReceived: '2024-03-01', judgmentReceived: null, statesAgreed: null },
  },
  /** Only what the store requires: every other fact left out (unknown). */
  minimal: { format: 'tsp-case/1', sentencingState: 'TH', administeringState: 'US', person: { familyName: 'SMITH' } },
  /** Every optional fact written as null (unknown), nested objects too. */
  allNull: {
    format: 'tsp-case/1', reference: null, sentencingState: 'US', administeringState: 'TH', direction: null, ruleSetId: null, status: null,
    person: {
      familyName: 'SRISUK', givenNames: null, nativeName: null, aliases: null, prisonNumber: null, dateOfBirth: null, nationalities: null,
      permanentResidence: null, livesIn: null, representativeNeeded: null,
    },
    judgment: { date: null, final: null, appealPending: null, appealPeriodEnds: null, otherProceedingsPending: null, deathSentence: null, deathSentenceCommuted: null },
    sentences: [{ id: 'S1', start: null, term: { months: 8 }, consecutiveTo: null, offences: [] }],
    remandDays: null,
    offences: [{ id: 'O1', description: null, categories: null, maxPenaltyMonths: null, dualCriminality: null }],
    consent: null,
    financialObligations: null,
    expulsion: null,
    leftSentencingState: null,
    events: { application: null, request: null, requestReceived: null, judgmentReceived: null, statesAgreed: null },
  },
  /** Chinese names, a commuted death sentence served as life, an indeterminate term. */
  lifeChinese: {
    format: 'tsp-case/1', reference: 'CSD-2023-0101', sentencingState: 'TH', administeringState: 'HK', direction: 'incoming', ruleSetId: 'hk-th', status: 'dossier',
    person: {
      familyName: 'CHAN', givenNames: 'Tai Man', nativeName: '陳大文', aliases: ['Peter CHAN', '陳仔'], prisonNumber: '2566/01234',
      dateOfBirth: '1970-02-28', nationalities: ['CN'], permanentResidence: ['HK'], livesIn: 'HK', representativeNeeded: false,
      domiciliaryOfSentencingState: false,
    },
    custody: { status: 'conditional-release', since: '2024-05-01' },
    judgment: { date: '2019-09-09', final: true, appealPending: false, deathSentence: true, deathSentenceCommuted: true, jurisdiction: 'national' },
    sentences: [
      { id: 'S1', start: '2018-01-31', term: 'life', offences: ['O1'] },
      { id: 'S2', start: '2018-01-31', term: 'indeterminate', offences: ['O2'] },
    ],
    remandDays: 0,
    offences: [
      { id: 'O1', description: 'Trafficking in a dangerous drug', categories: ['eu:illicit-trafficking-narcotics'], maxPenaltyMonths: 1200, dualCriminality: 'yes' },
      { id: 'O2', description: 'Defaming the King', categories: ['excluded:head-of-state-or-family'], maxPenaltyMonths: 180, dualCriminality: 'no' },
    ],
    consent: { status: 'given', by: 'person', date: '2023-03-03', verified: null, stateAuthority: 'not-asked' },
    financialObligations: [],
    events: { application: '2023-02-01' },
  },
  /** A chain of three consecutive sentences written out of order, days in the terms, a repeated offence. */
  consecutiveChain: {
    format: 'tsp-case/1', reference: 'IPTU-2022-77', sentencingState: 'US', administeringState: 'GB', direction: 'outgoing', ruleSetId: 'coe-ets-112', status: 'requested',
    person: { familyName: "O'BRIEN", givenNames: 'Seán "Jack"', nationalities: ['GB', 'IE'], prisonNumber: '12345-678' },
    sentences: [
      { id: 'S3', term: { years: 0, months: 0, days: 45 }, consecutiveTo: 'S2', offences: ['O1', 'O1'] },
      { id: 'S1', start: '2020-02-29', term: { years: 2, months: 11, days: 30 }, offences: ['O2'] },
      { id: 'S2', start: '1999-01-01', term: { years: 1 }, consecutiveTo: 'S1', offences: [] },
    ],
    remandDays: 1,
    offences: [
      { id: 'O2', description: 'Wire fraud', categories: ['eu:fraud', 'x:unknown-code'], maxPenaltyMonths: 240 },
      { id: 'O1', description: 'Escape from custody ✂︎ 🏃', dualCriminality: 'unknown' },
    ],
    consent: {},
    financialObligations: [
      { kind: 'compensation', amount: 1234.56, currency: 'USD', paid: null },
      { kind: 'costs', amount: 0 },
      { kind: 'confiscation' },
    ],
    expulsion: { kind: 'administrative' },
    leftSentencingState: {},
    events: { request: '2022-06-30', requestReceived: null },
  },
  /** An incoming case with our maxima (months and life, one left out) and a recorded conversion decision. */
  incomingConversion: {
    format: 'tsp-case/1', reference: 'SB-IN-2025-004', sentencingState: 'TH', administeringState: 'HK', direction: 'incoming', ruleSetId: 'hk-th', status: 'agreed',
    person: { familyName: 'WONG', givenNames: 'Ka Ho', nativeName: '黃家豪', nationalities: ['CN'], permanentResidence: ['HK'] },
    sentences: [
      { id: 'S1', start: '2022-03-01', term: { years: 8 }, offences: ['O1'] },
      { id: 'S2', start: '2022-03-01', term: 'life', offences: ['O2', 'O3'] },
    ],
    remandDays: 45,
    offences: [
      { id: 'O1', description: 'Possession of a dangerous drug', maxPenaltyMonths: 120, administeringMaxPenaltyMonths: 84, dualCriminality: 'yes' },
      { id: 'O2', description: 'Trafficking in a dangerous drug', administeringMaxPenaltyMonths: 'life', dualCriminality: 'yes' },
      { id: 'O3', description: 'Conspiracy', administeringMaxPenaltyMonths: null },
    ],
    enforcement: { procedure: 'conversion', decision: { authority: 'Court of First Instance', date: '2025-04-02', term: { years: 6, months: 6 } } },
  },
  /** Cyrillic names only, expulsion and flight with details, consent withdrawn. */
  cyrillic: {
    format: 'tsp-case/1', sentencingState: 'DE', administeringState: 'RU', ruleSetId: 'coe-ets-167', status: 'screening',
    person: {
      familyName: 'Фёдорова', givenNames: 'Наталья Сергеевна', aliases: ['Natasha'], prisonNumber: 'ИК-5/012345', nationalities: ['RU'],
      permanentResidence: [], livesIn: 'RU', representativeNeeded: true,
    },
    judgment: { date: '2021-12-24', final: false, appealPending: true, appealPeriodEnds: '2022-01-21', otherProceedingsPending: true },
    sentences: [{ id: 'S1', start: null, term: { years: 4, months: 6 }, consecutiveTo: null, offences: ['O1'] }],
    offences: [{ id: 'O1', description: 'Betrug (§ 263 StGB)', categories: ['eu:swindling'], maxPenaltyMonths: 60, dualCriminality: 'yes' }],
    consent: { status: 'withdrawn', by: 'representative', date: '2022-03-01', withdrawnOn: '2022-04-01', verified: false, opinionRecorded: true },
    expulsion: { kind: 'in-sentence', date: '2021-12-24' },
    leftSentencingState: { date: '2022-02-01', when: 'after-final-judgment', to: 'RU' },
    events: { application: '2022-01-10', request: '2022-02-10', requestReceived: '2022-02-20', judgmentReceived: '2022-02-21', statesAgreed: null },
  },
};

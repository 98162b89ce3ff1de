/**
 * Hong Kong's transfer arrangements as rule-sets: one for each arrangement of the treaty map
 * (shared/treaties/map/built-in/hong-kong.ts), under the Transfer of Sentenced Persons
 * Ordinance (Cap. 513), which applies to arrangements with places outside the People's
 * Republic of China and, since 2005, with Macao (s. 2). There is none with the Mainland.
 *
 * Almost no arrangement's text could be read (docs/treaties.md, "Hong Kong's arrangements"):
 * each rule-set follows the pattern its papers describe (most: the 1983 Council of Europe
 * Convention, ETS 112) and marks every parameter taken from it [U] with "pattern: …". What
 * Cap. 513 requires of every arrangement (LegCo 1997: dual criminality, three consents) and
 * press or parliamentary summaries of an arrangement are [S]; [C] only where the
 * arrangement's own text was read (Macao, Arts. 1–3). Whether an arrangement binds Hong Kong
 * and its partner on a day is the treaty map's to say, not `effectiveFrom`.
 */
import { CAP_513_DOCUMENTS, ETS_112_DOCUMENTS, type DocumentRequirement } from '../workflow/document-sets.ts';
import type { Confidence } from './confidence.ts';
import { asReported, p, weaker } from './ruleset-builders.ts';
import type { LinkBasis, Param, RuleSetInput } from './schema.ts';

const LEGCO_1997 = 'Provisional LegCo Panel on Security paper "Transfer of Prisoners", 20 Nov 1997, para 4';
const SECURITY_BUREAU_2026 = 'Security Bureau, January 2026, as reported by Yahoo News HK (21 Jan 2026) and World Journal (11 Feb 2026)';
const HK_PERMANENT_RESIDENTS = 'LegCo questions of 18 Apr 2012 (Philippines) and 18 Oct 2017 speak of Hong Kong permanent residents applying under the arrangements';
const CAP_513_WARRANTS =
  'Cap. 513 s. 2 (read, version of 1 Dec 2005): an inward warrant is one issued under s. 3(1)(a), an outward warrant one issued under s. 3(1)(b); s. 3 itself (who issues them, on what conditions) was not read [U]';
const TREATY_BASIS = 'Whether the arrangement binds Hong Kong and its partner on a given day is read from the treaty map, not from effectiveFrom.';

type DualNationalityValue = RuleSetInput['dualNationality']['value'];
type ConsentValue = RuleSetInput['consent']['value'];

/**
 * Hong Kong does not transfer out a Chinese citizen under any of its arrangements (the
 * Security Bureau, January 2026; the PRC does not recognise dual nationality): a bar where
 * Hong Kong is the sentencing place, read by the dual-nationality condition as holding
 * Chinese nationality. The other side keeps the pattern's rule. The statement is not read as
 * concerning transfers into Hong Kong, which are made for Hong Kong people.
 */
function chineseCitizensNotTransferredOut(other: Param<DualNationalityValue>): Param<DualNationalityValue> {
  const rule = typeof other.value === 'string' ? other.value : other.value.default;
  return p(
    { default: rule, bySentencingState: { HK: 'bar' } },
    `Sentenced in Hong Kong: ${SECURITY_BUREAU_2026}: Hong Kong's transfer arrangements do not apply to Chinese citizens, the PRC not recognising dual nationality [S]. Sentenced on the other side: ${other.source}`,
    weaker('S', other.confidence),
    'The Hong Kong side is a Government statement, not an article of the arrangement. Hong Kong and Macao have no nationality of their own: the condition reads Chinese nationality (CN) for them.',
  );
}

/**
 * Cap. 513's three consents [S]; who else may consent, for whom, and until when follow the
 * pattern (`pattern` is the pattern's own parameter, named as such) [U].
 */
function threeConsents(via: string, pattern: Param<ConsentValue>, extra = ''): Param<ConsentValue> {
  return p(
    pattern.value,
    `${via}: the sentenced person's consent, required of every arrangement under Cap. 513 (${LEGCO_1997}(b)) [S]${extra}; a representative, minors and irrevocability: pattern: ${pattern.source} [U]`,
    'U',
  );
}

/** The partner's link as the pattern has it [U]; Hong Kong's, permanent residence [S]. */
function link(via: string, pattern: RuleSetInput['link']) {
  return p(
    { default: pattern.value.default, byAdministeringState: { HK: ['permanent-residence'] as LinkBasis[] } },
    `${via}: to the partner, pattern: ${pattern.source} [U]; to Hong Kong, permanent residence (${HK_PERMANENT_RESIDENTS}) [S]`,
    'U',
  );
}

function documents(via: string, pattern: RuleSetInput, extra: readonly DocumentRequirement[] = [], extraSource = '') {
  const own = pattern.documents ?? p([...ETS_112_DOCUMENTS], 'ETS 112 Arts. 4-7, 15-17', 'U');
  return p([...own.value, ...CAP_513_DOCUMENTS, ...extra], `${CAP_513_WARRANTS}; ${via}: pattern: ${own.source}${extraSource}`, 'U' as Confidence);
}

/**
 * What every Hong Kong arrangement has whatever its pattern: Cap. 513's conditions (LegCo
 * 1997 para 4: the conduct criminal in both places; the receiving and transferring sides and
 * the person consent), Hong Kong permanent residence as Hong Kong's link, the bar on Chinese
 * citizens leaving, and the Cap. 513 warrants; the rest is the pattern's, marked [U].
 */
function hongKongSide(via: string, pattern: RuleSetInput) {
  const base = asReported(pattern, via, 'U');
  return {
    ...base,
    kind: 'bilateral' as const,
    statesAgreementRequired: p(true, `${via}: both sides consent, required of every arrangement under Cap. 513 (${LEGCO_1997}(b))`, 'S' as Confidence),
    dualCriminality: p(
      { required: true, test: 'conduct-criminal-or-would-be' as const },
      `${via}: the conduct is criminal in both places, required of every arrangement under Cap. 513 (${LEGCO_1997}(a))`,
      'S' as Confidence,
    ),
    consent: threeConsents(via, pattern.consent),
    dualNationality: chineseCitizensNotTransferredOut(base.dualNationality),
    link: link(via, pattern.link),
    documents: documents(via, pattern),
  };
}

/** A signed arrangement whose entry into force no source gives (the treaty map reads its basis as unknown). */
const signedOnly = (signed: string) =>
  `Signed ${signed}; entry into force not found in any source read. effectiveFrom is the date of signature, not of entry into force: the treaty map reads the treaty basis as unknown, so no case under this rule-set can be eligible until the date is recorded there.`;

const noTermsRead = (pattern: string) =>
  `No term of the arrangement was found: every parameter follows ${pattern} [U], but for what Cap. 513 requires of every Hong Kong arrangement and Hong Kong's position on Chinese citizens [S].`;

interface Patterns {
  ets112: RuleSetInput;
  usTh: RuleSetInput;
  ruBilateral: RuleSetInput;
}

/** Every Hong Kong rule-set, built on the patterns of the library (ETS 112, US–Thailand, the Russian bilateral). */
export function hongKongRuleSets({ ets112, usTh, ruBilateral }: Patterns): RuleSetInput[] {
  const onEts112 = (via: string) => hongKongSide(via, ets112);

  const gbVia = 'Hong Kong–UK agreement (1997), text not read';
  const gbSummary = 'HK01 (2016) and World Journal (11 Feb 2026), summarising the agreement';
  const HK_GB: RuleSetInput = {
    ...onEts112(gbVia),
    id: 'hk-gb',
    version: '1997',
    effectiveFrom: '1998-03-19',
    title: 'Agreement between Hong Kong and the United Kingdom concerning the transfer of sentenced persons (1997)',
    notes:
      'Signed at Hong Kong 5 November 1997 (LegCo Panel on Security paper, 20 Nov 1997), in force 19 March 1998 (Department of Justice, as reported in January 2026) [S]; ' +
      'still in force in 2026: the UK suspended only its surrender-of-fugitive-offenders agreement in 2020 (World Journal, 11 Feb 2026). 19 persons were transferred from Hong Kong to the UK from 1998 to 2026 (Security Bureau). ' +
      'The conditions are press summaries of the agreement (HK01 2016; World Journal 2026) [S]: its text was not read. The receiving side bears the costs and may seek to recover them from the prisoner (HK01) [S]. ' +
      TREATY_BASIS,
    referenceEvent: p('request', `${gbSummary}: the year left is counted at the time the transfer is requested`, 'S'),
    link: p(
      { default: ['nationality'], byAdministeringState: { HK: ['permanent-residence'] } },
      `${gbSummary}: to the UK, a British citizen or a person with close ties with the UK [S] (close ties read through the UK's definition in the treaty map); to Hong Kong, permanent residence (${HK_PERMANENT_RESIDENTS}) [S]`,
      'S',
    ),
    finality: p({ required: true, definition: 'per-sentencing-law' }, `${gbSummary}: the judgment is final`, 'S'),
    otherProceedings: p('bar', `${gbSummary}: no appeal or other proceedings pending`, 'S'),
    minRemaining: p(
      { duration: { years: 1 }, effect: 'mandatory' },
      `${gbSummary}: a fixed term with at least one year still to serve`,
      'S',
      'Whether the agreement lets the two sides agree to a shorter time in exceptional cases is not known [U].',
    ),
    indeterminateBypass: p(
      true,
      `${gbSummary}: a life sentence, or one indeterminate on account of mental condition, qualifies`,
      'S',
      'The summaries name indeterminate sentences on account of mental condition; the engine does not tell why a sentence is indeterminate.',
    ),
    dualCriminality: p(
      { required: true, test: 'conduct-criminal-or-would-be' },
      `${gbSummary}: the offence is also an offence under UK law; required of every arrangement under Cap. 513 (${LEGCO_1997}(a))`,
      'S',
    ),
  };

  const itVia = 'Hong Kong–Italy agreement (1999), text not read';
  const HK_IT: RuleSetInput = {
    ...onEts112(itVia),
    id: 'hk-it',
    version: '1999',
    effectiveFrom: '2002-12-14',
    title: 'Agreement between Hong Kong and Italy on the transfer of sentenced persons (1999)',
    notes:
      'Done at Hong Kong 18 December 1999; made executory in Italy by Law 11 July 2002 n. 149; in force 14 December 2002 (Camera dei deputati, A.C. 2934 (XVI leg.), report of 13 Nov 2009; dossier ES0360, 2010) [S]. ' +
      `${noTermsRead('ETS 112')} ${TREATY_BASIS}`,
  };

  const phVia = 'Hong Kong–Philippines agreement, text not read';
  const HK_PH: RuleSetInput = {
    ...onEts112(phVia),
    id: 'hk-ph',
    version: 'by 2010',
    effectiveFrom: '2011-08-31',
    title: 'Agreement between Hong Kong and the Philippines on the transfer of sentenced persons',
    notes:
      'Neither the date of signature nor that of entry into force was found. The Philippine DOJ Circular No. 90 (6 Dec 2010) names the HKSAR among the places the Philippines has transfer agreements with; ' +
      'the Philippine DFA announced transfers under it in August 2011, Hong Kong having agreed in principle to eight applications; the Philippine DOJ lists it in March 2026 (Manila Bulletin, 31 Mar 2026) [S]. ' +
      'effectiveFrom is the day from which the treaty map knows the agreement in operation (end of August 2011), not a date of entry into force; earlier days read as unknown. ' +
      noTermsRead('ETS 112'),
  };

  const frVia = 'Hong Kong–France agreement (2006), text not read';
    const HK_FR: RuleSetInput = {
    ...onEts112(frVia),
    id: 'hk-fr',
    version: '2006',
    effectiveFrom: '2006-11-09',
    title: 'Agreement between France and Hong Kong on the transfer of sentenced persons (2006)',
    notes:
      'Signed at Paris 9 November 2006 (French Senate bill no. 457, 2006-2007); in force "in 2008" according to the HKSAR Government (press release 4 May 2017; LegCo speech 23 Jan 2019), the day not found; published in France by décret no. 2009-815 of 1 July 2009 [S]. ' +
      'effectiveFrom is the date of signature: the treaty map knows the agreement in force by 31 December 2008 and reads earlier days as unknown. ' +
      'The French Senate rapporteur (report no. 122, 2007-2008) says the agreement closely follows the 1983 Council of Europe Convention except its Article 3, the conditions of transfer, whose content was not read: ' +
      'the conditions here follow ETS 112 [U] and may be exactly where the agreement departs from it.',
    consent: threeConsents(
      frVia,
      ets112.consent,
      '; the transfer must be asked for by the sentenced person and cannot be imposed (French Senate rapporteur, Commission des affaires étrangères, 12 Dec 2007) [S]',
    ),
  };

  const moVia = 'Macao–Hong Kong arrangement (2005), Arts. 1-3 read, the conditions of transfer not read';
  const HK_MO: RuleSetInput = {
    ...onEts112(moVia),
    id: 'hk-mo',
    version: '2005',
    effectiveFrom: '2005-12-01',
    title: 'Arrangement between the Macao SAR and the Hong Kong SAR on the transfer of sentenced persons (2005)',
    notes:
      "An inter-regional arrangement under Art. 95 of Hong Kong's Basic Law and Art. 93 of Macao's, not a treaty (preamble, read [C]); Cap. 513 applies to it since its s. 2 was amended by Ord. 13 of 2005. " +
      'Signed at Hong Kong 20 May 2005, published in Macao by Aviso do Chefe do Executivo n.º 13/2005 (Chinese text on MacauLII), in force 1 December 2005 (Macao Correctional Services Bureau, 2019) [S]. ' +
      'Read [C]: Art. 1 (a sentence is any deprivation of liberty ordered by a court in its criminal jurisdiction, of limited, unlimited or indeterminate duration; the sentenced person is one held in a prison, hospital or other institution of the transferring side), ' +
      'Art. 2 (a person sentenced on one side may be transferred to the other to serve the sentence) and Art. 3 (liaison authorities, content not read). ' +
      'The conditions of transfer were not read: they follow ETS 112 [U] (Art. 1 of the arrangement resembles ETS 112 Art. 1(a)). 82 persons were transferred from Macao to Hong Kong from 1 Dec 2005 to 30 Apr 2019 (Macao Correctional Services Bureau).',
    link: p(
      { default: ['permanent-residence'], byAdministeringState: {} },
      `${moVia}: permanent residence of the receiving side, as Hong Kong's link in its other arrangements (${HK_PERMANENT_RESIDENTS}); nationality cannot tell the two sides apart, both being parts of China`,
      'U',
    ),
    dualNationality: p(
      'allow',
      `${moVia}: no dual-nationality ground known; the Security Bureau's statement on Chinese citizens (January 2026) concerns arrangements with places outside the PRC, and the people of both sides are Chinese citizens`,
      'U',
    ),
    indeterminateBypass: p(
      true,
      `${moVia}: sentences of unlimited or indeterminate duration are sentences under it (Art. 1, read) [C]; the time condition itself was not read [U]`,
      'U',
    ),
  };

  const ptVia = 'Hong Kong–Portugal agreement (2001), text not read';
  const HK_PT: RuleSetInput = {
    ...onEts112(ptVia),
    id: 'hk-pt',
    version: '2001',
    effectiveFrom: '2001-05-24',
    title: 'Agreement between Portugal and Hong Kong on the transfer of sentenced persons (2001)',
    notes:
      `${signedOnly("at Hong Kong on 24 May 2001 (Resolução da Assembleia da República n.º 55/2004, which approves it and publishes its Portuguese, Chinese and English texts; only the title and preamble were read)")} ` +
      noTermsRead('ETS 112'),
  };

  const esVia = 'Hong Kong–Spain agreement (2012), text not read';
  const esSummary = "; it follows the criteria of the 1983 Council of Europe Convention and Spain's bilateral treaties, on the principle of the sentenced person's consent (Spanish Council of Ministers, 1 Oct 2010, as reported by Europa Press) [S]";
  const HK_ES: RuleSetInput = {
    ...onEts112(esVia),
    id: 'hk-es',
    version: '2012',
    effectiveFrom: '2012-11-15',
    title: 'Agreement between Spain and Hong Kong on the transfer of sentenced persons (2012)',
    notes:
      `${signedOnly("in Spain on 15 November 2012, Hong Kong's twelfth such agreement (People's Daily, 16 Nov 2012)")} ` +
      'The Spanish Government said it follows the criteria of the 1983 Council of Europe Convention and of Spain\'s bilateral treaties (1 Oct 2010) [S]: the parameters follow ETS 112 [U].',
    consent: threeConsents(esVia, ets112.consent, esSummary),
  };

  const krVia = 'Hong Kong–Korea agreement (2013), text not read';
  const HK_KR: RuleSetInput = {
    ...onEts112(krVia),
    id: 'hk-kr',
    version: '2013',
    effectiveFrom: '2013-05-28',
    title: 'Agreement between the Republic of Korea and Hong Kong on the transfer of sentenced persons (2013)',
    notes:
      `${signedOnly('at Hong Kong on 28 May 2013 (NewDaily, 29 May 2013; Yonhap, 19 Nov 2013, counts Hong Kong among Korea\'s bilateral transfer pacts)')} ` +
      noTermsRead('ETS 112, to which Korea is a party'),
  };

  const ngVia = 'Hong Kong–Nigeria agreement (2017), text not read';
  const HK_NG: RuleSetInput = {
    ...onEts112(ngVia),
    id: 'hk-ng',
    version: '2017',
    effectiveFrom: '2017-09-11',
    title: 'Agreement between Hong Kong and Nigeria on the transfer of sentenced persons (2017)',
    notes:
      `${signedOnly("on 11 September 2017, Hong Kong's seventeenth agreement of its kind (news.gov.hk)")} ` +
      'A Nigerian prisoner was transferred in 2002 under an arrangement for that one person, before any agreement (LegCo question, 13 Mar 2002). ' +
      noTermsRead('ETS 112'),
  };

  const zmVia = 'Hong Kong–Zambia agreement (2025), text not read';
  const HK_ZM: RuleSetInput = {
    ...onEts112(zmVia),
    id: 'hk-zm',
    version: '2025',
    effectiveFrom: '2025-09-26',
    title: 'Agreement between Hong Kong and Zambia on the transfer of sentenced persons (2025)',
    notes: `${signedOnly('at Hong Kong on 26 September 2025 (HKSAR press release)')} ${noTermsRead('ETS 112')}`,
  };

  const thVia = 'Hong Kong–Thailand agreement (2000), text not read';
  const thaiRules = "Thai Department of Corrections, general principles for all Thailand's transfer treaties (Act B.E. 2527), not a term read in this agreement";
  const HK_TH: RuleSetInput = {
    ...hongKongSide(thVia, usTh),
    id: 'hk-th',
    version: '2000',
    effectiveFrom: '2005-09-16',
    title: 'Hong Kong–Thailand agreement on the transfer of sentenced persons (2000), as reported',
    notes:
      'Concluded in 2000 (Thai Consulate-General, quoted by SCMP, 20 Jul 2022); neither the date of signature nor that of entry into force was found. ' +
      'effectiveFrom is the earliest day a source shows the agreement in operation (Wen Wei Po, 16 Sep 2005), not a date of entry into force; the treaty map reads earlier days as unknown. ' +
      'Transfers from Thailand to Hong Kong took place in 2005-2007 (LegCo, 27 Feb 2008), the first from Hong Kong to Thailand in July 2022 (SCMP). ' +
      "The Thai terms here (one year left, a third served, the excluded offences, finality) are Thailand's general rules under its Act B.E. 2527 for all its transfer treaties (Thai Department of Corrections), not terms read in this agreement. " +
      'Thai pardons after a transfer are given effect in Hong Kong (LegCo, 27 Feb 2008; Cap. 513 policy, LegCo 1997 para 4(c)).',
    referenceEvent: p(
      'application',
      `${thVia}; pattern: US–Thailand Treaty Art. II(4): at the time of the application`,
      'U',
      "The Thai Department of Corrections says \"at the time of the request\"; whether that is the person's application or a State's request is not settled [U].",
    ),
    link: p(
      { default: ['nationality'], byAdministeringState: { HK: ['permanent-residence'] } },
      'Hong Kong–Thailand agreement as reported (The Standard 2022): Hong Kong residents jailed in Thailand, Thai citizens jailed in Hong Kong; Hong Kong permanent residence is the link for Hong Kong',
      'S',
    ),
    finality: p({ required: true, definition: 'no-appeal-or-collateral-attack' }, `${thaiRules}: the judgment final, no appeal or collateral attack pending`, 'S'),
    otherProceedings: p('bar', 'Hong Kong–Thailand agreement as reported (SCMP/The Standard 2022): all legal proceedings concluded', 'S'),
    minRemaining: p({ duration: { years: 1 }, effect: 'mandatory' }, `${thaiRules}: at least one year left`, 'S'),
    indeterminateBypass: p(true, `${thaiRules}: life sentences and those indeterminate on account of mental incapacity qualify`, 'S'),
    minServed: p(
      { numerator: 1, denominator: 3, lifeMinimum: null, sentencingStates: ['TH'], testedAt: 'transfer' },
      `${thaiRules}: the minimum period of the transferring State's law, at the time of transfer (US–Thailand Art. II(6) pattern); one third, as Thai practice reported by the press (Pattaya One)`,
      'S',
      'Reported as "more than one third"; tested at the transfer, as in the US–Thailand pattern; the minimum for life sentences is not known [U]; no minimum is recorded for Hong Kong.',
    ),
    excludedOffences: p(
      ['excluded:state-security', 'excluded:head-of-state-or-family', 'excluded:national-art-treasures'],
      `${thaiRules}; Hong Kong–Thailand agreement as reported (The Standard 2022): offences against the security of Thailand, the monarch, national treasures`,
      'S',
    ),
    consent: threeConsents(thVia, usTh.consent, `; ${thaiRules}: all three consents [S]`),
    statesAgreementRequired: p(true, `${thVia}: both sides consent, required of every arrangement under Cap. 513 (${LEGCO_1997}(b)); ${thaiRules}`, 'S'),
  };

  const usVia = 'Hong Kong–US agreement (1997), text not read';
  const whiteHouse = 'White House letter of transmittal, 5 May 1997 (Senate Treaty Doc. 105-7)';
  const HK_US: RuleSetInput = {
    ...onEts112(usVia),
    id: 'hk-us-1997',
    version: '1997',
    effectiveFrom: '1999-04-18',
    title: 'Agreement between Hong Kong and the United States on the transfer of sentenced persons (1997)',
    notes:
      'Signed at Hong Kong 15 April 1997; in force 17 or 18 April 1999 (a Chinese academic source says the 17th, the TIAS number 99-418 points to the 18th; the later is used) [S]. ' +
      'Not operative since 19 August 2020: the United States notified the "suspension or termination" of the agreement that day (US Department of State; news.gov.hk, 20 Aug 2020), which of the two not said: the treaty map reads it as ceased from then, so no case assessed as on that day or later is eligible under it. ' +
      `Modelled on the 1983 Council of Europe Convention and US bilateral treaties (${whiteHouse}) [S]: parameters not summarised anywhere follow ETS 112 [U]. ` +
      'Where the person was sentenced under the law of a US State, that State\'s authorities must consent too (White House, 1997) [S]: the condition "state-consent" reads it, and the document "Consent of the state authorities" is listed for cases coming to Hong Kong.',
    referenceEvent: p('request', 'BOP Program Statement 5140.42 CN-1: remaining time at the time of the request', 'S'),
    statesAgreementRequired: p(true, `${whiteHouse}: the sentencing and receiving sides consent; required of every arrangement under Cap. 513 (${LEGCO_1997}(b))`, 'S'),
    link: p(
      { default: ['nationality'], byAdministeringState: { HK: ['permanent-residence'] } },
      `${usVia}: to the US, nationality (pattern: ETS 112 Art. 3(1)(a)) [U]; to Hong Kong, permanent residence (${HK_PERMANENT_RESIDENTS}) [S]`,
      'U',
    ),
    minRemaining: p(
      { duration: { months: 12 }, effect: 'mandatory' },
      'BOP Program Statement 5140.42 CN-1: Hong Kong requires 12 months',
      'S',
      'Neither confirmed nor contradicted by any other source read. Assumed symmetric for Hong Kong to US transfers, and no exceptional-cases clause configured [U].',
    ),
    remainingBasis: p(
      'release-with-remission',
      `${usVia}: counted to the expected discharge with remission, as BOP screening counts to the projected release`,
      'U',
      'A setting: the agreement does not fix the basis in any text retrieved. Set "expiry" to count to sentence expiry.',
    ),
    consent: threeConsents(usVia, ets112.consent, `; ${whiteHouse}: the sentenced person, and a US State's authorities where the sentence is under State law [S]`),
    subnationalConsent: p(
      { sentencingStates: ['US'] },
      `${whiteHouse}: a person sentenced under a US State's law needs that State's consent too (a sentence imposed in Hong Kong needs none)`,
      'S',
    ),
    dualCriminality: p(
      { required: true, test: 'conduct-criminal-or-would-be' },
      `${usVia}: the conduct is criminal in both places, required of every arrangement under Cap. 513 (${LEGCO_1997}(a))`,
      'S',
    ),
    documents: documents(
      usVia,
      ets112,
      [{ kind: 'state-consent', direction: 'incoming', step: 'agreed', required: false }],
      `; the consent of a US State's authorities for a person sentenced under State law (${whiteHouse}) [S]`,
    ),
  };

  const ruVia = 'Hong Kong–Russia agreement (2021), text not public';
  const HK_RU: RuleSetInput = {
    ...hongKongSide(ruVia, ruBilateral),
    id: 'hk-ru-2021',
    version: '2021',
    effectiveFrom: '2021-09-21',
    title: 'Agreement between Hong Kong and the Russian Federation on the transfer of sentenced persons (2021)',
    notes:
      'Signed by video conference 21 September 2021 (HKSAR release; TASS); ratified by Russia by federal laws signed 5 December 2022; it enters into force 30 days after the last notification that internal procedures are complete (Sputnik, 5 Dec 2022) [S]. ' +
      "Hong Kong's notification and the date of entry into force were not found: effectiveFrom is the date of signature, and the treaty map reads the treaty basis as unknown, so no case under it can be eligible until the date is recorded there. " +
      'The text is not public: every parameter follows the Russian bilateral pattern [U], but for what Cap. 513 requires of every Hong Kong arrangement and Hong Kong\'s position on Chinese citizens [S].',
  };

  return [HK_TH, HK_US, HK_RU, HK_GB, HK_IT, HK_PH, HK_FR, HK_MO, HK_PT, HK_ES, HK_KR, HK_NG, HK_ZM];
}

/**
 * Hong Kong's transfer arrangements in the treaty map. Cap. 513 applies to arrangements
 * between the HKSAR and places outside the People's Republic of China, and with the Macao SAR
 * (s. 2, as amended by Ord. 13 of 2005); there is none with the Mainland. Dates are from
 * Government, LegCo, partner-State and press sources (docs/treaties.md, "Hong Kong's
 * arrangements"); where only a signature is known the arrangement reads as unknown, never as
 * in force.
 */
import type { Confidence } from '../../confidence.ts';
import type { TreatyMapInput } from '../schema.ts';
import { party, type PartyDates } from './rows.ts';

type InstrumentInput = TreatyMapInput['instruments'][number];

interface Arrangement {
  id: string;
  partner: string;
  title: string;
  entryIntoForce: string | null;
  source: string;
  confidence: Confidence;
  dates: PartyDates;
  note?: string;
  declarations?: InstrumentInput['declarations'];
}

function arrangement(a: Arrangement): InstrumentInput {
  return {
    id: a.id,
    title: a.title,
    kind: 'bilateral',
    ruleSets: [a.id],
    inForce: { date: a.entryIntoForce ?? a.dates.inForceBy ?? null, source: a.source, confidence: a.confidence },
    parties: [party('HK', a.entryIntoForce, a.source, a.confidence, a.dates), party(a.partner, a.entryIntoForce, a.source, a.confidence, a.dates)],
    ...(a.note === undefined ? {} : { note: a.note }),
    ...(a.declarations === undefined ? {} : { declarations: a.declarations }),
  };
}

const SIGNED_ONLY = 'Signed; entry into force not found in any source read, so a transfer under it reads as unknown until the date is recorded.';

export const HONG_KONG_ARRANGEMENTS: InstrumentInput[] = [
  arrangement({
    id: 'hk-gb',
    partner: 'GB',
    title: 'Hong Kong–United Kingdom agreement concerning the transfer of sentenced persons (1997)',
    entryIntoForce: '1998-03-19',
    source: 'Provisional LegCo Panel on Security paper, 20 Nov 1997; Department of Justice list as reported (Jan 2026); World Journal (Feb 2026): still in force',
    confidence: 'S',
    dates: { signature: '1997-11-05', note: 'Two press reports say "signed in 1998"; the 1997 LegCo paper and the Department of Justice give 5 November 1997. The UK suspended only its surrender-of-fugitive-offenders agreement (2020).' },
    declarations: [
      {
        state: 'GB',
        kind: 'national-definition',
        article: 'RPA 1984 s. 1(3)',
        includes: ['close-ties'],
        summary: 'A transfer to the UK is for a British citizen or a person with close ties with the UK, as the press summarises the agreement; the UK law that governs every inward transfer says the same (Repatriation of Prisoners Act 1984 s. 1(3)). The agreement\'s own article was not read.',
        source: 'HK01 (2016) and World Journal (11 Feb 2026) summarising the Hong Kong–UK agreement; UK, Repatriation of Prisoners Act 1984, s. 1 (legislation.gov.uk)',
        confidence: 'S',
      },
    ],
  }),
  arrangement({
    id: 'hk-it',
    partner: 'IT',
    title: 'Hong Kong–Italy agreement on the transfer of sentenced persons (1999)',
    entryIntoForce: '2002-12-14',
    source: 'Camera dei deputati, A.C. 2934 (XVI leg.), report of 13 Nov 2009; dossier ES0360 (2010)',
    confidence: 'S',
    dates: { signature: '1999-12-18', note: 'Made executory in Italy by Law 11 July 2002 n. 149.' },
  }),
  arrangement({
    id: 'hk-th',
    partner: 'TH',
    title: 'Hong Kong–Thailand agreement on the transfer of sentenced persons (2000)',
    entryIntoForce: null,
    source: 'SCMP 20 Jul 2022 (concluded in 2000; first transfer to Thailand July 2022); Wen Wei Po 16 Sep 2005; Thai Department of Corrections: in force; LegCo question 27 Feb 2008 (transfers 2005-2007)',
    confidence: 'S',
    dates: { inForceBy: '2005-09-16', note: 'Concluded in 2000; the dates of signature and entry into force were not found. Known to be in operation by September 2005: earlier dates read as unknown.' },
  }),
  arrangement({
    id: 'hk-ph',
    partner: 'PH',
    title: 'Hong Kong–Philippines agreement on the transfer of sentenced persons',
    entryIntoForce: null,
    source: 'Philippine DFA announcement (Aug 2011) and DOJ Circular No. 90 (Dec 2010); Manila Bulletin 31 Mar 2026',
    confidence: 'S',
    dates: { inForceBy: '2011-08-31', note: 'Signature and entry into force not found; in operation by 2011 (Hong Kong agreed in principle to eight applications).' },
  }),
  arrangement({
    id: 'hk-fr',
    partner: 'FR',
    title: 'Hong Kong–France agreement on the transfer of sentenced persons (2006)',
    entryIntoForce: null,
    source: 'French Senate bill no. 457 (2006-2007) and report no. 122 (2007-2008); HKSAR press release 4 May 2017 ("came into force in 2008"); décret no. 2009-815 of 1 July 2009',
    confidence: 'S',
    dates: { signature: '2006-11-09', inForceBy: '2008-12-31', note: 'In force "in 2008" by the HKSAR Government; the exact day was not found, so 2008 dates before 31 December read as unknown.' },
  }),
  arrangement({
    id: 'hk-mo',
    partner: 'MO',
    title: 'Arrangement between the Macao SAR and the Hong Kong SAR on the transfer of sentenced persons (2005)',
    entryIntoForce: '2005-12-01',
    source: 'Aviso do Chefe do Executivo n.º 13/2005 (Macao Boletim Oficial; MacauLII official Chinese text); Cap. 513 s. 2 as amended by Ord. 13 of 2005; Macao Correctional Services Bureau (2019)',
    confidence: 'S',
    dates: { signature: '2005-05-20', note: 'An inter-regional arrangement under Art. 95 of the Basic Law (Art. 93 of Macao\'s), not a treaty.' },
  }),
  arrangement({
    id: 'hk-pt',
    partner: 'PT',
    title: 'Hong Kong–Portugal agreement on the transfer of sentenced persons (2001)',
    entryIntoForce: null,
    source: 'Resolução da Assembleia da República n.º 55/2004 (approves the agreement signed at Hong Kong on 24 May 2001)',
    confidence: 'U',
    dates: { signature: '2001-05-24', note: `${SIGNED_ONLY} Approved by Portugal's Assembly in 2004.` },
  }),
  arrangement({
    id: 'hk-es',
    partner: 'ES',
    title: 'Hong Kong–Spain agreement on the transfer of sentenced persons (2012)',
    entryIntoForce: null,
    source: "People's Daily 16 Nov 2012 (signed in Spain on 15 Nov 2012; Hong Kong's twelfth such agreement)",
    confidence: 'U',
    dates: { signature: '2012-11-15', note: SIGNED_ONLY },
  }),
  arrangement({
    id: 'hk-kr',
    partner: 'KR',
    title: 'Hong Kong–Republic of Korea agreement on the transfer of sentenced persons (2013)',
    entryIntoForce: null,
    source: 'NewDaily (Korea) 29 May 2013: signed 28 May 2013',
    confidence: 'U',
    dates: { signature: '2013-05-28', note: SIGNED_ONLY },
  }),
  arrangement({
    id: 'hk-ng',
    partner: 'NG',
    title: 'Hong Kong–Nigeria agreement on the transfer of sentenced persons (2017)',
    entryIntoForce: null,
    source: 'news.gov.hk 11 Sep 2017: signed, the seventeenth agreement of its kind',
    confidence: 'U',
    dates: { signature: '2017-09-11', note: SIGNED_ONLY },
  }),
  arrangement({
    id: 'hk-ru-2021',
    partner: 'RU',
    title: 'Hong Kong–Russian Federation agreement on the transfer of sentenced persons (2021)',
    entryIntoForce: null,
    source: 'HKSAR release 21 Sep 2021 (signed); Russian ratification laws signed 5 Dec 2022 (Sputnik/UrduPoint)',
    confidence: 'U',
    dates: { signature: '2021-09-21', note: `${SIGNED_ONLY} It enters into force 30 days after the last notification of internal procedures; Hong Kong's was not found.` },
  }),
  arrangement({
    id: 'hk-zm',
    partner: 'ZM',
    title: 'Hong Kong–Zambia agreement on the transfer of sentenced persons (2025)',
    entryIntoForce: null,
    source: 'HKSAR press release 26 Sep 2025: signed',
    confidence: 'U',
    dates: { signature: '2025-09-26', note: SIGNED_ONLY },
  }),
  arrangement({
    id: 'hk-us-1997',
    partner: 'US',
    title: 'Agreement between Hong Kong and the United States for the transfer of sentenced persons (1997)',
    entryIntoForce: '1999-04-18',
    source: 'Senate Treaty Doc. 105-7; TIAS 99-418; US Department of State, 19 Aug 2020: "suspension or termination" notified; news.gov.hk 20 Aug 2020',
    confidence: 'S',
    dates: {
      signature: '1997-04-15',
      ceasesFrom: '2020-08-19',
      note: 'Entry into force 17 or 18 April 1999 (a Chinese academic source and the TIAS number differ by a day; the later is kept). The United States notified its suspension or termination on 19 August 2020 (Hong Kong received the notice on 18 August): not operative since.',
    },
  }),
];

export const HONG_KONG_NO_ARRANGEMENTS: TreatyMapInput['noArrangements'] = [
  {
    between: ['HK', 'CN'],
    summary:
      'No arrangement with the Mainland: Cap. 513 covers places outside the People\'s Republic of China and the Macao SAR only (s. 2); the Government told LegCo in 2007, 2008 and 2012 that no arrangement had been reached, and said in January 2026 that Hong Kong\'s arrangements do not apply to Chinese citizens.',
    source: 'Cap. 513 s. 2; LegCo questions of 9 May 2007, 9 Apr 2008 and 8 Feb 2012; Security Bureau as reported 21 Jan 2026',
    confidence: 'S',
  },
];

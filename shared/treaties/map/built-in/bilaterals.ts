/**
 * Bilateral treaties in the treaty map (other than Hong Kong's), the US transfer programme
 * as a domestic scheme running on its treaties, and the rule-sets built on the pattern of an
 * agreement whose counterparty is not identified (their treaty basis is always unknown:
 * check the agreement in force between the two States).
 */
import type { Confidence } from '../../confidence.ts';
import type { TreatyMapInput } from '../schema.ts';
import { party, type PartyDates } from './rows.ts';

type InstrumentInput = TreatyMapInput['instruments'][number];

interface Bilateral {
  id: string;
  parties: [string, string];
  title: string;
  ruleSets: string[];
  entryIntoForce: string | null;
  source: string;
  confidence: Confidence;
  dates?: PartyDates;
  note?: string;
}

function bilateral(b: Bilateral): InstrumentInput {
  const dates = b.dates ?? {};
  return {
    id: b.id,
    title: b.title,
    kind: 'bilateral',
    ruleSets: b.ruleSets,
    inForce: { date: b.entryIntoForce ?? dates.inForceBy ?? null, source: b.source, confidence: b.confidence },
    parties: b.parties.map((state) => party(state, b.entryIntoForce, b.source, b.confidence, dates)),
    ...(b.note === undefined ? {} : { note: b.note }),
  };
}

const REAGAN_1983 = 'Message of the President transmitting the US–Thailand treaty, 21 Sep 1983 (Treaty Doc. 98-8): treaties "currently in force" with Bolivia, Canada, Mexico, Panama, Peru and Turkey';
const STATE_2012 = 'US Department of State, Prisoner Transfer Treaties (archived October 2012): bilateral treaties in force';

export const BILATERALS: InstrumentInput[] = [
  bilateral({
    id: 'us-th-1982',
    parties: ['US', 'TH'],
    title: 'Treaty between the United States and Thailand on Cooperation in the Execution of Penal Sentences (1982)',
    ruleSets: ['us-th-1982'],
    entryIntoForce: null,
    source: `Treaty Doc. 98-8 (signed Bangkok 29 Oct 1982, transmitted 21 Sep 1983); ${STATE_2012}`,
    confidence: 'S',
    dates: {
      signature: '1982-10-29',
      inForceBy: '2012-10-31',
      note: 'The date of entry into force was not found (the built-in rule-set used to take the signature date for it). In force by 2012 on the US Department of State\'s list: earlier dates read as unknown until the date is recorded.',
    },
  }),
  bilateral({
    id: 'it-br-2008',
    parties: ['IT', 'BR'],
    title: 'Treaty between Italy and Brazil on the transfer of sentenced persons (Brasília, 2008)',
    ruleSets: ['it-br-2008'],
    entryIntoForce: '2016-04-20',
    source: 'Law 10 February 2015 n. 17 (GU n. 52 of 4 March 2015); La Rassegna (ISGI-CNR): "entrata in vigore: 20 aprile 2016"',
    confidence: 'S',
    dates: { signature: '2008-03-27', note: 'The Brazilian decree promulgating it was not found; the built-in rule-set used to take 5 March 2015 (the Italian law) for it.' },
  }),
  bilateral({
    id: 'us-mx-1976',
    parties: ['US', 'MX'],
    title: 'Treaty between the United States and Mexico on the Execution of Penal Sentences (1976)',
    ruleSets: ['us-mx-1976'],
    entryIntoForce: '1977-11-30',
    source: 'TIAS 8718: presidential proclamation of 12 Nov 1977, in force 30 Nov 1977',
    confidence: 'C',
    dates: { signature: '1976-11-25' },
  }),
  bilateral({
    id: 'us-ca-1977',
    parties: ['US', 'CA'],
    title: 'Treaty between Canada and the United States on the Execution of Penal Sentences (1977)',
    ruleSets: ['us-ca-1977'],
    entryIntoForce: '1978-07-19',
    source: 'Canada Treaty Series 1978 No. 12 (E102461), dated 19 July 1978',
    confidence: 'S',
    dates: { signature: '1977-03-02', note: 'The date is the one printed on the Canada Treaty Series copy; to be checked in the US "Treaties in Force".' },
  }),
  ...(
    [
      ['us-bo', 'BO', 'Bolivia', REAGAN_1983, '1983-09-21'],
      ['us-pa', 'PA', 'Panama', REAGAN_1983, '1983-09-21'],
      ['us-pe-1979', 'PE', 'Peru', `TIAS 9784 (signed Washington 6 Jul 1979); ${REAGAN_1983}`, '1983-09-21'],
      ['us-tr', 'TR', 'Turkey', REAGAN_1983, '1983-09-21'],
      ['us-fr', 'FR', 'France', STATE_2012, '2012-10-31'],
      ['us-mh', 'MH', 'the Marshall Islands', STATE_2012, '2012-10-31'],
      ['us-fm', 'FM', 'Micronesia', STATE_2012, '2012-10-31'],
      ['us-pw', 'PW', 'Palau', STATE_2012, '2012-10-31'],
    ] as const
  ).map(([id, state, name, source, by]) =>
    bilateral({
      id,
      parties: ['US', state],
      title: `Prisoner transfer treaty between the United States and ${name}`,
      ruleSets: [],
      entryIntoForce: null,
      source,
      confidence: 'S',
      dates: { inForceBy: by, note: 'A basis of the US transfer programme; its own date of entry into force was not found, so earlier dates read as unknown.' },
    }),
  ),
];

export const US_IPTP: InstrumentInput = {
  id: 'us-iptp',
  title: 'US International Prisoner Transfer Program (18 U.S.C. §§ 4100-4115)',
  kind: 'domestic-scheme',
  ruleSets: ['us-iptp'],
  inForce: { date: '1977-10-28', source: '18 U.S.C. §§ 4100-4115 (Pub. L. 95-144, 28 Oct 1977)', confidence: 'S' },
  note: 'The programme transfers only under a treaty: ETS 112, the Inter-American Convention, or a bilateral treaty (US Department of State: twelve bilaterals). The treaty\'s own extras (e.g. the US–Mexico exclusions) come from its own rule-set.',
  basis: ['coe-ets-112', 'oas-1993', 'us-mx-1976', 'us-ca-1977', 'us-th-1982', 'hk-us-1997', 'us-bo', 'us-pa', 'us-pe-1979', 'us-tr', 'us-fr', 'us-mh', 'us-fm', 'us-pw'],
  parties: [party('US', '1977-10-28', '18 U.S.C. §§ 4100-4115', 'S')],
};

export const PATTERNS: InstrumentInput[] = [
  {
    id: 'ru-bilateral',
    title: 'Russian Federation bilateral transfer agreement (a pattern; counterparty not identified)',
    kind: 'pattern',
    ruleSets: ['ru-bilateral'],
    inForce: { date: null, source: 'Russian bilateral agreement (garant 571652584): counterparty and dates not identified', confidence: 'U' },
    note: 'A model of the Russian bilateral agreements: which agreement binds the Russian Federation and the other State, and from when, must be checked and recorded before a verdict can rest on it.',
    parties: [party('RU', null, 'Russian bilateral agreement (garant 571652584)', 'U')],
  },
  {
    id: 'ch-0-344-294',
    title: 'Swiss bilateral treaty SR 0.344.294 (counterparty not identified)',
    kind: 'pattern',
    ruleSets: ['ch-0-344-294'],
    inForce: { date: null, source: 'SR 0.344.294 (read in part): counterparty and date of entry into force not recorded', confidence: 'U' },
    note: 'The counterparty of SR 0.344.294 is not identified here; record it (and its date) before relying on this rule-set.',
    parties: [party('CH', null, 'SR 0.344.294', 'U')],
  },
];

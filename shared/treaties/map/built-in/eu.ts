/**
 * EU Council Framework Decision 2008/909/JHA in the treaty map: the Member States it binds
 * (from 5 December 2011, or from accession), the United Kingdom until the end of the
 * transition period, and its replacement of ETS 112 and ETS 167 between Member States
 * (Art. 26(1)) with the transitional declarations of Art. 28(2). Research notes:
 * docs/treaties.md, "The treaty map".
 */
import type { TreatyMapInput } from '../schema.ts';
import { party } from './rows.ts';

type InstrumentInput = TreatyMapInput['instruments'][number];

const EU_SOURCE = 'FD 2008/909 Art. 26(1), 29(1) (from 5 December 2011); accession dates: europa.eu, "EU countries"';

export const EU_FD_2008_909: InstrumentInput = {
  id: 'eu-fd-2008-909',
  title: 'EU Council Framework Decision 2008/909/JHA (custodial sentences)',
  kind: 'eu-mutual-recognition',
  ruleSets: ['eu-fd-2008-909'],
  inForce: { date: '2011-12-05', source: 'FD 2008/909 Art. 26(1), 29(1): transposition by 5 December 2011 (official Bulgarian text, exlege.bg; Lexparency)', confidence: 'C' },
  note:
    'A Member State binds from 5 December 2011 or from its accession, on the text of Art. 26(1) (a reading: the Framework Decision has no direct effect, CJEU C-573/17, and a State that had not implemented it in fact went on using ETS 112; national implementation dates are in the notes where found). ' +
    'Art. 7(4) declarations (the executing State verifies dual criminality for listed offences too): twelve Member States had made one by 4 December 2017 (Council doc. 14223/17, per Statewatch, 19 December 2017 [S]); the Council Secretariat\'s list is linked from the rows of the EJN status table for 2008/909 (reviewed 26 April 2023), an earlier one is the "Declarations" table of SWD(2014) 34. Their contents were not read: which States declared, and any later declaration or withdrawal, is not known, so no row is recorded and no State is confirmed as not having declared. So that no executing State is taken as bound by the list on a guess, they are recorded as unidentified declarations: for every Member State, a listed offence whose dual criminality is not confirmed reads as unknown until a map version records the State\'s declaration or lists it as not having declared (notBy). ' +
    'Art. 4(7) notifications (no consent of the executing State needed to forward a judgment on its nationals or five-year permanent residents, between States that notified the same) were not identified either: none is recorded, and the Art. 4(1)(c) route still needs that consent.',
  unidentifiedDeclarations: [
    {
      kind: 'dual-criminality-opt-out',
      article: '7(4)',
      asOf: '2017-12-04',
      summary:
        'Twelve Member States had declared by 4 December 2017 that they will not apply Art. 7(1): they verify dual criminality for the listed offences too. Which ones is not known to the map; the Council Secretariat\'s list is linked from each row of the EJN status table for 2008/909.',
      source: 'Council doc. 14223/17 (4 December 2017), Declarations under Article 7(4) and Article 28(2), as reported by Statewatch, 19 December 2017; EJN, status of implementation of FD 2008/909 (reviewed 26 April 2023)',
      confidence: 'S',
      notBy: [],
    },
  ],
  parties: [
  party('BE', '2011-12-05', EU_SOURCE, 'S', { note: "National implementation in force 2012-06-18 (EJN status table)." }),
  party('FR', '2011-12-05', EU_SOURCE, 'S'),
  party('DE', '2011-12-05', EU_SOURCE, 'S', { note: "National implementation in force 2015-07-25 (EJN status table)." }),
  party('IT', '2011-12-05', EU_SOURCE, 'S', { note: "National implementation in force 2011-12-05 (EJN fiche)." }),
  party('LU', '2011-12-05', EU_SOURCE, 'S'),
  party('NL', '2011-12-05', EU_SOURCE, 'S'),
  party('DK', '2011-12-05', EU_SOURCE, 'S', { note: "National implementation in force 2011-12-05 (EJN status table, row matched by order)." }),
  party('IE', null, `${EU_SOURCE}; Criminal Justice (Mutual Recognition of Custodial Sentences) Act 2023 (No. 3 of 2023), commenced by ministerial order`, 'U', {
    note: 'Not transposed by 5 December 2011 (CJEU C-125/21, Commission v Ireland, 24 March 2022); the 2023 Act commences by ministerial order, whose date was not found. Until it is known, a transfer between Ireland and another Member State reads as unknown.',
  }),
  party('GB', '2011-12-05', EU_SOURCE, 'S', { ceasesFrom: '2021-01-01', note: "Left the EU on 31 January 2020; the Framework Decision applied until the end of the transition period, 31 December 2020 (Eurojust/EJN, EU-UK judicial cooperation from 1 January 2021). ETS 112 applies again between the UK and Member States." }),
  party('GR', '2011-12-05', EU_SOURCE, 'S'),
  party('PT', '2011-12-05', EU_SOURCE, 'S'),
  party('ES', '2011-12-05', EU_SOURCE, 'S'),
  party('AT', '2011-12-05', EU_SOURCE, 'S'),
  party('FI', '2011-12-05', EU_SOURCE, 'S'),
  party('SE', '2011-12-05', EU_SOURCE, 'S'),
  party('CY', '2011-12-05', EU_SOURCE, 'S', { note: "National implementation in force 2014-05-23 (EJN status table, row matched by order)." }),
  party('CZ', '2011-12-05', EU_SOURCE, 'S'),
  party('EE', '2011-12-05', EU_SOURCE, 'S'),
  party('HU', '2011-12-05', EU_SOURCE, 'S'),
  party('LV', '2011-12-05', EU_SOURCE, 'S'),
  party('LT', '2011-12-05', EU_SOURCE, 'S'),
  party('MT', '2011-12-05', EU_SOURCE, 'S'),
  party('PL', '2011-12-05', EU_SOURCE, 'S'),
  party('SK', '2011-12-05', EU_SOURCE, 'S'),
  party('SI', '2011-12-05', EU_SOURCE, 'S'),
  party('BG', '2011-12-05', EU_SOURCE, 'S', { note: "National implementation in force 2020-01-01 (EJN status table, row matched by order)." }),
  party('RO', '2011-12-05', EU_SOURCE, 'S'),
  party('HR', '2013-07-01', EU_SOURCE, 'S'),  ],
  declarations: [
    {
      state: 'IE', kind: 'transitional', article: '28(2)', judgmentsBefore: null,
      summary: 'As issuing and executing State, Ireland keeps applying the earlier instruments to judgments that became final before the Framework Decision "enters into force"; the declaration names no calendar date, and which date it means is not settled by a source.',
      source: 'Declaration of Ireland under FD 2008/909 Art. 28(2) (reproduced in the EU translation memory, wordscope.be)', confidence: 'U',
    },
    {
      state: 'PL', kind: 'other', article: '28(2)',
      summary: 'Poland made an Art. 28(2) declaration after the Framework Decision was adopted; the Court of Justice held that such a late declaration has no legal effect (C-573/17, Popławski, 24 June 2019). Not applied.',
      source: 'CJEU C-573/17, Popławski II, operative part 1 (ECLAN note)', confidence: 'S',
    },
    {
      state: 'NL', kind: 'other', article: '28(2)',
      summary: 'The Netherlands made an Art. 28(2) declaration and later withdrew it (Opinion of AG Campos Sánchez-Bordona in C-573/17); the dates were not found. Not applied.',
      source: 'Opinion of AG Campos Sánchez-Bordona in C-573/17, 27 November 2018', confidence: 'S',
    },
  ],
  replaces: [
    {
      instruments: ['coe-ets-112', 'coe-ets-167', 'coe-ets-167-original'],
      from: '2011-12-05',
      summary:
        'From 5 December 2011 the Framework Decision replaces the corresponding provisions of ETS 112 and its Additional Protocol (ETS 167) in relations between Member States, without prejudice to their application with third States and to the transitional declarations of Art. 28.',
      source: 'FD 2008/909 Art. 26(1) (official Bulgarian text, exlege.bg)',
      confidence: 'C',
    },
  ],
};

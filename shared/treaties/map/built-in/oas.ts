/**
 * The Inter-American Convention on Serving Criminal Sentences Abroad (Managua, 1993) in the
 * treaty map: its parties from the OAS depositary's table. The Convention's article on entry
 * into force for each party was not read: dates derived from the deposit say so (S).
 */
import type { TreatyMapInput } from '../schema.ts';
import { party } from './rows.ts';

type InstrumentInput = TreatyMapInput['instruments'][number];

export const OAS_1993: InstrumentInput = {
  id: 'oas-1993',
  title: 'Inter-American Convention on Serving Criminal Sentences Abroad (Managua, 1993)',
  kind: 'multilateral',
  ruleSets: ['oas-1993'],
  inForce: { date: '1996-04-12', source: 'OAS Department of International Law, A-57: in force 12 April 1996', confidence: 'C' },
  note: 'Every party has reservations, declarations or notifications on file with the OAS (its table marks them); their text was not read. The United States ratified subject to Senate conditions (Senate Executive Report 106-21).',
  parties: [
    party("AR", "2014-12-10", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2014-09-29", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("BZ", "2005-08-14", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "2005-05-10", consentToBeBound: "2005-06-29", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("BR", "2001-05-26", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "1999-05-05", consentToBeBound: "2001-01-03", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("CA", "1996-04-12", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "1994-07-08", consentToBeBound: "1995-06-03", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read). The printed dates fall on a Sunday, so the date format of the page may be mixed." }),
    party("CZ", "2011-11-12", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2011-10-13", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("CL", "1998-11-13", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "1997-04-22", consentToBeBound: "1998-08-20", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("CR", "1996-04-12", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "1993-06-09", consentToBeBound: "1996-03-20", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read). The OAS page gives a deposit after the Convention's entry into force (2 June 1996 read as mm/dd); the earlier reading is kept." }),
    party("EC", "2007-01-20", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "1996-03-14", consentToBeBound: "2006-08-28", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("SV", "2008-01-17", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2007-11-05", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("GT", "2006-03-31", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "2003-11-25", consentToBeBound: "2005-10-18", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("IN", "2014-06-04", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2014-03-14", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("KZ", "2015-12-06", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2015-10-27", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("SA", "2011-08-07", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2011-07-08", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("MX", "1997-07-02", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "1995-06-04", consentToBeBound: "1997-05-27", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read). The printed dates fall on a Sunday, so the date format of the page may be mixed." }),
    party("MN", "2022-12-17", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2020-05-08", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("NI", "2001-11-08", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2001-07-09", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("PA", "1999-01-06", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "1994-12-05", consentToBeBound: "1998-11-05", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("PY", "2004-09-11", "OAS Department of International Law, A-57 signatures and ratifications", "S", { signature: "1998-06-02", consentToBeBound: "2004-06-30", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("QA", "2024-04-04", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2024-01-10", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("SK", "2016-05-18", "OAS Department of International Law, A-57 signatures and ratifications", "S", { consentToBeBound: "2016-02-22", note: "Entry into force derived: deposit plus 30 days, as for the United States (the Convention's own article was not read)." }),
    party("US", "2001-06-24", "OAS Department of International Law, A-57 signatures and ratifications; TIAS 01-624.1 (in force for the United States on 24 June 2001)", "C", { signature: "1995-01-10", consentToBeBound: "2001-04-17" }),
    party("UY", "2009-11-22", "OAS press release E-346/09 (23 October 2009); Montevideo Portal", "S", { note: "Entry into force derived: deposit of 23 October 2009 plus 30 days (Art. XVIII reading, unverified)." }),
    party("VE", null, "OAS press release E-346/09; US State Department prisoner transfer page (2007)", "U", { note: "Listed as a party; its dates were not found." }),
  ],
  declarations: [

  ],
};

/**
 * Offence category codes of the case file.
 *
 * `eu:*` are the 32 offences of Framework Decision 2008/909/JHA Art. 7(1) (the same list
 * as the European Arrest Warrant FD Art. 2(2)); `excluded:*` are the categories some
 * treaties exclude from transfer (e.g. US–Thailand 1982 Art. II(3)).
 */
export const EU_LIST_CATEGORIES = [
  ['eu:participation-criminal-organisation', 'participation in a criminal organisation'],
  ['eu:terrorism', 'terrorism'],
  ['eu:trafficking-human-beings', 'trafficking in human beings'],
  ['eu:sexual-exploitation-children', 'sexual exploitation of children and child pornography'],
  ['eu:illicit-trafficking-narcotics', 'illicit trafficking in narcotic drugs and psychotropic substances'],
  ['eu:illicit-trafficking-weapons', 'illicit trafficking in weapons, munitions and explosives'],
  ['eu:corruption', 'corruption'],
  ['eu:fraud', 'fraud, including that affecting the financial interests of the European Communities'],
  ['eu:laundering-proceeds-of-crime', 'laundering of the proceeds of crime'],
  ['eu:counterfeiting-currency', 'counterfeiting currency, including of the euro'],
  ['eu:computer-related-crime', 'computer-related crime'],
  ['eu:environmental-crime', 'environmental crime, including illicit trafficking in endangered animal and plant species and varieties'],
  ['eu:facilitation-unauthorised-entry', 'facilitation of unauthorised entry and residence'],
  ['eu:murder-grievous-bodily-injury', 'murder, grievous bodily injury'],
  ['eu:illicit-trade-human-organs', 'illicit trade in human organs and tissue'],
  ['eu:kidnapping-hostage-taking', 'kidnapping, illegal restraint and hostage-taking'],
  ['eu:racism-xenophobia', 'racism and xenophobia'],
  ['eu:organised-armed-robbery', 'organised or armed robbery'],
  ['eu:illicit-trafficking-cultural-goods', 'illicit trafficking in cultural goods, including antiques and works of art'],
  ['eu:swindling', 'swindling'],
  ['eu:racketeering-extortion', 'racketeering and extortion'],
  ['eu:counterfeiting-piracy-products', 'counterfeiting and piracy of products'],
  ['eu:forgery-administrative-documents', 'forgery of administrative documents and trafficking therein'],
  ['eu:forgery-means-of-payment', 'forgery of means of payment'],
  ['eu:illicit-trafficking-hormonal-substances', 'illicit trafficking in hormonal substances and other growth promoters'],
  ['eu:illicit-trafficking-nuclear-materials', 'illicit trafficking in nuclear or radioactive materials'],
  ['eu:trafficking-stolen-vehicles', 'trafficking in stolen vehicles'],
  ['eu:rape', 'rape'],
  ['eu:arson', 'arson'],
  ['eu:icc-crimes', 'crimes within the jurisdiction of the International Criminal Court'],
  ['eu:unlawful-seizure-aircraft-ships', 'unlawful seizure of aircraft/ships'],
  ['eu:sabotage', 'sabotage'],
] as const;

export const EXCLUDED_CATEGORIES = [
  ['excluded:state-security', 'offence against the internal or external security of the State'],
  ['excluded:head-of-state-or-family', 'offence against the Head of State or a member of his family (including the monarch, consort and children)'],
  ['excluded:national-art-treasures', 'offence under legislation protecting national art treasures'],
  ['excluded:immigration', 'immigration offence'],
  ['excluded:military', 'military offence'],
  ['excluded:political', 'political offence'],
] as const;

export const EU_LIST_CODES: ReadonlySet<string> = new Set(EU_LIST_CATEGORIES.map(([code]) => code));
export const EXCLUDED_CODES: ReadonlySet<string> = new Set(EXCLUDED_CATEGORIES.map(([code]) => code));

/** A code the app knows; other `namespace:slug` codes are kept but have no effect. */
export function isKnownCategory(code: string): boolean {
  return EU_LIST_CODES.has(code) || EXCLUDED_CODES.has(code);
}

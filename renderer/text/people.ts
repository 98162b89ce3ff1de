/** How people and places are written on screen: family name in capitals, as officers write it. */
import { INTL_LOCALE } from './formats.ts';
import type { Text } from './use-text.ts';

export interface PersonName {
  family: string;
  given: string | null;
}

export function personName(familyName: string | null | undefined, givenNames: string | null | undefined): PersonName {
  return { family: (familyName ?? '').toLocaleUpperCase(), given: givenNames?.trim() || null };
}

export function fullName(name: PersonName): string {
  return name.given === null ? name.family : `${name.family} ${name.given}`;
}

/** "Hong Kong → Thailand" for the eye; the words for a screen reader come from `statesSpoken`. */
export function statesSpoken(text: Text, from: string, to: string): string {
  return text.ui('ui.states', { from: text.region(from), to: text.region(to) });
}

export function regionList(text: Text, codes: readonly string[]): string {
  return new Intl.ListFormat(INTL_LOCALE[text.locale], { type: 'conjunction', style: 'narrow' }).format(codes.map(text.region));
}

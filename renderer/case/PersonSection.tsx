/** The sentenced person: names, date of birth, custody, and the links with States that eligibility turns on. */
import type { CaseFile } from '../../shared/domain/case.ts';
import { ageOn, parseIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { Facts } from '../components/Facts.tsx';
import { fullName, personName, regionList } from '../text/people.ts';
import { useText, type Text } from '../text/use-text.ts';
import { yesNo } from '../text/values.ts';

type Person = CaseFile['person'];
type Custody = CaseFile['custody'];

/** "On conditional release (parole, licence) since 3 Mar 2025"; not recorded when no custody status is. */
function custodyWords(text: Text, custody: Custody): string | null {
  if (custody == null) return null;
  const status = text.ui(`ui.form.custody.${custody.status}`);
  return custody.since == null ? status : text.ui('ui.person.custody.since', { status, date: text.date(custody.since) });
}

/** A list of States; an empty list is a recorded "none", which is not the same as unknown. */
function states(text: Text, codes: readonly string[] | null | undefined): string | null {
  if (codes == null) return null;
  return codes.length === 0 ? text.ui('ui.value.none') : regionList(text, codes);
}

export function PersonSection({ person, custody }: { person: Person; custody: Custody }) {
  const text = useText();
  const born = person.dateOfBirth;
  return (
    <section className="panel panel--person" aria-labelledby="person-title">
      <h2 id="person-title">{text.ui('ui.person.title')}</h2>
      <Facts
        facts={[
          { label: text.ui('ui.person.name'), value: fullName(personName(person.familyName, person.givenNames)) },
          { label: text.ui('ui.person.nativeName'), value: person.nativeName },
          { label: text.ui('ui.person.aliases'), value: person.aliases == null ? null : person.aliases.length === 0 ? text.ui('ui.value.none') : person.aliases.join('; ') },
          {
            label: text.ui('ui.person.dateOfBirth'),
            value: born == null ? null : text.ui('ui.person.born', { date: text.date(born), age: ageOn(parseIsoDate(born), todayFrom(new Date())) }),
          },
          { label: text.ui('ui.person.nationalities'), value: states(text, person.nationalities) },
          { label: text.ui('ui.person.permanentResidence'), value: states(text, person.permanentResidence) },
          { label: text.ui('ui.person.livesIn'), value: person.livesIn == null ? null : text.region(person.livesIn) },
          { label: text.ui('ui.person.representativeNeeded'), value: yesNo(text, person.representativeNeeded) },
          { label: text.ui('ui.person.custody'), value: custodyWords(text, custody) },
          { label: text.ui('ui.person.prison'), value: person.prison },
          { label: text.ui('ui.person.domiciliary'), value: yesNo(text, person.domiciliaryOfSentencingState) },
        ]}
      />
    </section>
  );
}

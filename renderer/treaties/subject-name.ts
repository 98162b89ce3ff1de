/** How a re-assessment's subject is named on screen: a rule-set by its instrument's name, a jurisdiction profile by its place, the treaty map as such. */
import type { ReassessSubject } from '../../shared/treaties/api-schemas.ts';
import { ruleSetName } from '../text/instruments.ts';
import type { Text } from '../text/use-text.ts';

export const jurisdictionName = (text: Text, code: string) => (code === '*' ? text.ui('ui.profiles.default') : `${text.region(code)} (${code})`);

/** A rule-set by its instrument's name where the catalogue has one, else its id (`inSentence`: as it reads after "of"). */
export function subjectName(text: Text, subject: ReassessSubject, id: string, inSentence = false): string {
  if (subject === 'treaty-map') return text.ui('ui.treaties.pending.treatyMap');
  return subject === 'profile' ? text.ui('ui.treaties.pending.profile', { name: jurisdictionName(text, id) }) : ruleSetName(text, [], { ruleSetId: id }, inSentence);
}

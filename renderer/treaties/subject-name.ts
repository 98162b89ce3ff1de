/** How a re-assessment's subject is named on screen: a rule-set by its id, a jurisdiction profile by its place, the treaty map as such. */
import type { ReassessSubject } from '../../shared/treaties/api-schemas.ts';
import type { Text } from '../text/use-text.ts';

export const jurisdictionName = (text: Text, code: string) => (code === '*' ? text.ui('ui.profiles.default') : `${text.region(code)} (${code})`);

export function subjectName(text: Text, subject: ReassessSubject, id: string): string {
  if (subject === 'treaty-map') return text.ui('ui.treaties.pending.treatyMap');
  return subject === 'profile' ? text.ui('ui.treaties.pending.profile', { name: jurisdictionName(text, id) }) : id;
}

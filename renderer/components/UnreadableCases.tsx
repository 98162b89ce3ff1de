/**
 * The open cases a store-wide view left out because a date or rule-set stored for them cannot be
 * computed (written by an older version or by hand): named, each opening its case, so that one
 * such case is corrected rather than hiding what is due on the others (electron/services/due.ts).
 */
import type { UnreadableCase } from '../../shared/workflow-schemas.ts';
import { fullName, personName } from '../text/people.ts';
import { useText } from '../text/use-text.ts';
import { Icon } from './Icon.tsx';

export function UnreadableCases({ cases }: { cases: readonly UnreadableCase[] }) {
  const text = useText();
  if (cases.length === 0) return null;
  return (
    <section className="state state--error" aria-labelledby="unreadable-cases">
      <h2 id="unreadable-cases">
        <Icon name="warning" />
        {text.ui('due.unreadable.title')}
      </h2>
      <p>{text.ui('due.unreadable.intro')}</p>
      <ul>
        {cases.map((c) => (
          <li key={c.caseId}>
            <a href={`#/case/${c.caseId}`}>{fullName(personName(c.familyName, c.givenNames))}</a>
            {c.reference !== null && <span className="muted"> {c.reference}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The MoJ identity bar: who the case is about, where they are held, A → B, rule-set (by name), status. */
import type { ReactNode, RefObject } from 'react';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import { Facts } from '../components/Facts.tsx';
import { VerdictBadge } from '../components/StatusBadges.tsx';
import { useDesk } from '../store/index.ts';
import { caseStatusLabel } from '../text/case-labels.ts';
import { ruleSetName } from '../text/instruments.ts';
import { personName } from '../text/people.ts';
import { useText } from '../text/use-text.ts';

interface IdentityBarProps {
  record: CaseRecord;
  back: ReactNode;
  /** The main actions on the case (Edit). */
  actions?: ReactNode;
  headingRef: RefObject<HTMLHeadingElement | null>;
}

export function IdentityBar({ record, back, actions, headingRef }: IdentityBarProps) {
  const text = useText();
  const ruleSets = useDesk((s) => s.ruleSets);
  const c = record.case;
  const name = personName(c.person.familyName, c.person.givenNames);
  return (
    <div className="identity-bar">
      {back}
      <div className="identity-bar__who">
        <h1 tabIndex={-1} ref={headingRef}>
          <span className="family-name">{name.family}</span>
          {name.given !== null && <> {name.given}</>}
          {c.person.nativeName != null && <span className="identity-bar__native">{c.person.nativeName}</span>}
        </h1>
        <VerdictBadge verdict={record.latestAssessment?.verdict ?? null} />
        {actions !== undefined && <div className="identity-bar__actions">{actions}</div>}
      </div>
      <Facts
        className="facts--inline"
        facts={[
          { label: text.ui('ui.case.prisonNumber'), value: c.person.prisonNumber },
          { label: text.ui('ui.case.states'), value: `${text.region(c.sentencingState)} → ${text.region(c.administeringState)}` },
          { label: text.ui('ui.case.ruleSet'), value: c.ruleSetId == null ? null : ruleSetName(text, ruleSets, { ruleSetId: c.ruleSetId }) },
          {
            label: text.ui('ui.case.status'),
            value:
              record.closedAt !== null && record.closeOutcome !== null
                ? `${caseStatusLabel(text, c.status ?? null)} — ${text.ui('ui.case.closed', { date: text.localDate(record.closedAt), outcome: text.ui(`ui.outcome.${record.closeOutcome}`) })}`
                : caseStatusLabel(text, c.status ?? null),
          },
          { label: text.ui('ui.case.reference'), value: c.reference },
        ]}
      />
    </div>
  );
}

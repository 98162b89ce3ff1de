/**
 * Verdicts and condition statuses as icon + word + colour, so that none of the three is
 * needed alone (colour-blind officers, black-and-white print).
 */
import type { StoredAssessment } from '../../shared/api-schemas.ts';
import type { StoredVerdict } from '../../shared/vocabularies.ts';
import { useText } from '../text/use-text.ts';
import { Icon, type IconName } from './Icon.tsx';

type ConditionStatus = StoredAssessment['conditions'][number]['status'];

const VERDICT_ICON: Record<StoredVerdict, IconName> = {
  eligible: 'check',
  ineligible: 'cross',
  needs_information: 'question',
  eligible_by_exception: 'exception',
};

const STATUS_ICON: Record<ConditionStatus, IconName> = {
  met: 'check',
  not_met: 'cross',
  unknown: 'question',
  waived: 'exception',
  not_applicable: 'dash',
};

export function verdictIcon(verdict: StoredVerdict): IconName {
  return VERDICT_ICON[verdict];
}

export function VerdictBadge({ verdict }: { verdict: StoredVerdict | null }) {
  const text = useText();
  if (verdict === null) {
    return (
      <span className="badge badge--none">
        <Icon name="dash" />
        {text.ui('ui.verdict.not_assessed')}
      </span>
    );
  }
  return (
    <span className={`badge badge--${verdict}`}>
      <Icon name={VERDICT_ICON[verdict]} />
      {text.ui(`verdict.${verdict}`)}
    </span>
  );
}

export function ConditionStatusMark({ status }: { status: ConditionStatus }) {
  const text = useText();
  return (
    <span className={`status-mark status-mark--${status}`}>
      <Icon name={STATUS_ICON[status]} />
      {text.ui(`status.${status}`)}
    </span>
  );
}

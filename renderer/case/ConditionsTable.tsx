/**
 * Every condition of the rule-set, one row each: status (icon + word), the condition,
 * the explanation with the facts used, what to find out, from when it is met or holds, and the article, marked when
 * the rule's source is secondary or unconfirmed.
 */
import type { AssessmentRecord } from '../../shared/api-schemas.ts';
import { Icon } from '../components/Icon.tsx';
import { ConditionStatusMark } from '../components/StatusBadges.tsx';
import { useText } from '../text/use-text.ts';
import { MissingFacts } from './MissingFacts.tsx';

type Condition = AssessmentRecord['result']['conditions'][number];

function SourceMarker({ confidence }: { confidence: Condition['confidence'] }) {
  const text = useText();
  if (confidence === 'C') return null;
  return (
    <span className={`marker marker--${confidence}`}>
      <Icon name="warning" />
      {text.ui(`confidence.${confidence}`)}
    </span>
  );
}

export function ConditionsTable({ assessment }: { assessment: AssessmentRecord }) {
  const text = useText();
  return (
    <table className="data-table conditions-table">
      <caption>{text.ui('report.conditions')}</caption>
      <thead>
        <tr>
          <th scope="col" className="col-status">{text.ui('ui.condition.col.status')}</th>
          <th scope="col" className="col-condition">{text.ui('ui.condition.col.name')}</th>
          <th scope="col">{text.ui('ui.condition.col.explanation')}</th>
          <th scope="col" className="col-source">{text.ui('ui.condition.col.source')}</th>
        </tr>
      </thead>
      <tbody>
        {assessment.result.conditions.map((condition) => (
          <tr key={condition.id} className={`condition condition--${condition.status}`} data-condition={condition.id}>
            <td className="col-status">
              <ConditionStatusMark status={condition.status} />
            </td>
            <th scope="row" className="col-condition">
              {text.ui(`condition.${condition.id}`)}
              {condition.effect !== 'mandatory' && <span className="condition__effect">{text.ui(`effect.${condition.effect}`)}</span>}
            </th>
            <td>
              <p className="condition__explanation">{text.message(condition.messageKey, condition.params)}</p>
              <MissingFacts missing={condition.missing} snapshot={assessment.caseSnapshot} />
              {condition.clearsOn !== null && <p className="condition__clears">{text.ui('ui.condition.clearsOn', { date: text.deadline(condition.clearsOn) })}</p>}
              {condition.holdsFrom != null && <p className="condition__clears">{text.ui('ui.condition.holdsFrom', { date: text.deadline(condition.holdsFrom) })}</p>}
            </td>
            <td className="col-source">
              <span className="condition__source">{text.source(condition.source)}</span>
              <SourceMarker confidence={condition.confidence} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Every assessment of the case, newest first: when, the verdict, the rule-set version and reference date used, why. */
import type { AssessmentRecord } from '../../shared/api-schemas.ts';
import { VerdictBadge } from '../components/StatusBadges.tsx';
import { useText } from '../text/use-text.ts';

export function AssessmentHistory({ assessments }: { assessments: readonly AssessmentRecord[] }) {
  const text = useText();
  return (
    <section className="panel panel--history" aria-labelledby="history-title">
      <h2 id="history-title">{text.ui('ui.history.title')}</h2>
      {assessments.length === 0 ? (
        <p className="muted">{text.ui('ui.history.empty')}</p>
      ) : (
        <ol className="history">
          {assessments.map((a, index) => (
            <li key={a.id} className="history__item">
              <div className="history__head">
                <time dateTime={a.createdAt}>{text.dateTime(a.createdAt)}</time>
                <VerdictBadge verdict={a.verdict} />
                {index === 0 && <span className="tag">{text.ui('ui.history.latest')}</span>}
              </div>
              <p className="history__detail">
                {text.ui('ui.history.item', { ruleSet: a.ruleSet.id, version: a.ruleSet.version, reference: text.date(a.referenceDate) })}
              </p>
              {a.reason !== null && <p className="history__detail muted">{text.ui('ui.history.reason', { reason: a.reason })}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

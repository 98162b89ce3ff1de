/**
 * Every assessment of the case, newest first: when, the verdict, the instrument and version and
 * the reference date used, why. The one that is the case's verdict is marked; a what-if (under
 * another instrument than the case's own) is marked as such, never as the case's verdict.
 */
import type { AssessmentRecord, CaseRecord } from '../../shared/api-schemas.ts';
import { VerdictBadge } from '../components/StatusBadges.tsx';
import { useDesk } from '../store/index.ts';
import { assessmentRuleSetName } from '../text/instruments.ts';
import { useText } from '../text/use-text.ts';
import { caseVerdictAssessment, isWhatIf } from './what-if.ts';

export function AssessmentHistory({ record, assessments }: { record: CaseRecord; assessments: readonly AssessmentRecord[] }) {
  const text = useText();
  const ruleSets = useDesk((s) => s.ruleSets);
  const verdictId = caseVerdictAssessment(record, assessments)?.id;
  return (
    <section className="panel panel--history" aria-labelledby="history-title">
      <h2 id="history-title">{text.ui('ui.history.title')}</h2>
      {assessments.length === 0 ? (
        <p className="muted">{text.ui('ui.history.empty')}</p>
      ) : (
        <ol className="history">
          {assessments.map((a, index) => {
            const whatIf = isWhatIf(a);
            return (
              <li key={a.id} className={whatIf ? 'history__item history__item--what-if' : 'history__item'} data-assessment-id={a.id}>
                <div className="history__head">
                  <time dateTime={a.createdAt}>{text.dateTime(a.createdAt)}</time>
                  <VerdictBadge verdict={a.verdict} />
                  {index === 0 && <span className="tag">{text.ui('ui.history.latest')}</span>}
                  {a.id === verdictId && <span className="tag tag--verdict">{text.ui('ui.history.caseVerdict')}</span>}
                  {whatIf && (
                    <span className="tag tag--what-if">
                      {text.ui('ui.whatIf.tag', { instrument: assessmentRuleSetName(text, ruleSets, a, true) })} ({text.ui('ui.whatIf.notVerdict')})
                    </span>
                  )}
                </div>
                <p className="history__detail">
                  {text.ui('ui.history.item', { ruleSet: assessmentRuleSetName(text, ruleSets, a), version: a.ruleSet.version, reference: text.date(a.referenceDate) })}
                </p>
                {a.reason !== null && <p className="history__detail muted">{text.ui('ui.history.reason', { reason: a.reason })}</p>}
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

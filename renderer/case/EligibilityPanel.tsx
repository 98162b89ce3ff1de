/**
 * Eligibility: the verdict in words, colour and icon with its detail sentence, when and
 * under which rule-set version it was assessed, the rescreen date, the flags as
 * sentences, then every condition. The run form sits above so a fresh result replaces
 * the one shown.
 */
import type { AssessmentRecord, CaseRecord } from '../../shared/api-schemas.ts';
import { Icon } from '../components/Icon.tsx';
import { verdictIcon } from '../components/StatusBadges.tsx';
import { useText, type Text } from '../text/use-text.ts';
import { ConditionsTable } from './ConditionsTable.tsx';
import { RunAssessmentForm } from './RunAssessmentForm.tsx';

function flagSentence(text: Text, flag: string): string {
  if (flag.startsWith('partial:')) return text.ui('flag.partial', { id: flag.slice('partial:'.length) });
  return text.message(`flag.${flag}`);
}

function AssessmentResult({ assessment }: { assessment: AssessmentRecord }) {
  const text = useText();
  const { result } = assessment;
  return (
    <div className="assessment-result" data-assessment-id={assessment.id}>
      <div className={`verdict verdict--${result.verdict}`}>
        <Icon name={verdictIcon(result.verdict)} className="verdict__icon" />
        <div>
          <p className="verdict__word">{text.ui(`verdict.${result.verdict}`)}</p>
          <p className="verdict__detail">{text.ui(`verdict.${result.verdict}.detail`)}</p>
        </div>
      </div>
      <p className="assessment-result__meta">
        {text.ui('ui.eligibility.assessed', { dateTime: text.dateTime(assessment.createdAt), ruleSet: assessment.ruleSet.id, version: assessment.ruleSet.version })}{' '}
        {text.ui('ui.eligibility.reference', { date: text.date(result.referenceDate) })}
      </p>
      {result.rescreenOn !== null && (
        <p className="assessment-result__rescreen">
          <strong>{text.ui('report.rescreen')}</strong> {text.deadline(result.rescreenOn)}
        </p>
      )}
      {result.flags.length > 0 && (
        <div className="flags">
          <h3>{text.ui('report.flags')}</h3>
          <ul>
            {result.flags.map((flag) => (
              <li key={flag}>{flagSentence(text, flag)}</li>
            ))}
          </ul>
        </div>
      )}
      <ConditionsTable assessment={assessment} />
    </div>
  );
}

export function EligibilityPanel({ record, assessments }: { record: CaseRecord; assessments: readonly AssessmentRecord[] }) {
  const text = useText();
  const latest = assessments[0];
  return (
    <section className="panel panel--eligibility" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{text.ui('ui.eligibility.title')}</h2>
      <RunAssessmentForm record={record} />
      {latest === undefined ? <p className="muted">{text.ui('ui.eligibility.notAssessed')}</p> : <AssessmentResult assessment={latest} />}
    </section>
  );
}

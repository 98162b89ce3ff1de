/**
 * Release date, sentence expiry and time remaining as the latest assessment computed
 * them, and "how we got this date": the engine's own steps, rendered in the user's language.
 */
import type { AssessmentRecord } from '../../shared/api-schemas.ts';
import { Disclosure } from '../components/Disclosure.tsx';
import { Facts } from '../components/Facts.tsx';
import { periodBetween } from '../text/periods.ts';
import { useText, type Text } from '../text/use-text.ts';

function remaining(text: Text, assessment: AssessmentRecord): string | null {
  const { remainingDays, releaseDate } = assessment.result.dates;
  if (remainingDays === null || releaseDate === null) return null;
  const period = text.period(periodBetween(assessment.result.referenceDate, releaseDate));
  const days = Math.abs(remainingDays);
  return remainingDays > 0 ? text.ui('ui.dates.remaining', { period, days }) : text.ui('ui.dates.remainingNone', { period, days });
}

export function ComputedDates({ assessment }: { assessment: AssessmentRecord | null }) {
  const text = useText();
  return (
    <div className="computed-dates">
      <h3>{text.ui('ui.dates.title')}</h3>
      {assessment === null ? (
        <p className="muted">{text.ui('ui.dates.none')}</p>
      ) : (
        <>
          <Facts
            facts={[
              { label: text.ui('report.releaseDate'), value: assessment.result.dates.releaseDate === null ? text.ui('ui.dates.notComputable') : text.deadline(assessment.result.dates.releaseDate) },
              { label: text.ui('report.sentenceExpiryDate'), value: assessment.result.dates.sentenceExpiryDate === null ? text.ui('ui.dates.notComputable') : text.deadline(assessment.result.dates.sentenceExpiryDate) },
              { label: text.ui('report.remainingDays'), value: remaining(text, assessment) ?? text.ui('ui.dates.notComputable') },
            ]}
          />
          <p className="muted small">
            {text.ui('ui.dates.source', { date: text.dateTime(assessment.createdAt), reference: text.date(assessment.result.referenceDate) })}
          </p>
          <Disclosure label={text.ui('ui.dates.howWeGotIt')}>
            <ol className="steps">
              {assessment.result.steps.map((step, index) => (
                <li key={`${index}:${step.key}`}>{text.message(step.key, step.params)}</li>
              ))}
            </ol>
          </Disclosure>
        </>
      )}
    </div>
  );
}

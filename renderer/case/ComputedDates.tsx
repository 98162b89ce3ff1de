/**
 * Release date, sentence expiry, the earliest release with remission where the law projects
 * one, and the time remaining, labelled with the day it is counted from (the reference date,
 * and today), as the latest assessment computed them, and "how we got this date": the engine's own steps, rendered in the user's language.
 */
import type { AssessmentRecord } from '../../shared/api-schemas.ts';
import { Disclosure } from '../components/Disclosure.tsx';
import { Facts } from '../components/Facts.tsx';
import { formatIsoDate, parseIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { periodBetween } from '../text/periods.ts';
import { useText, type Text } from '../text/use-text.ts';

/** The release the remaining time runs to (the rule-set's basis: expiry, or discharge with remission), as the engine counted it. */
function basisRelease(assessment: AssessmentRecord): string | null {
  const { remainingDays } = assessment.result.dates;
  return remainingDays === null ? null : formatIsoDate(parseIsoDate(assessment.result.referenceDate) + remainingDays);
}

/** The time from `from` to the basis release, in words and days. */
function remainingFrom(text: Text, assessment: AssessmentRecord, from: string): string | null {
  const release = basisRelease(assessment);
  if (release === null) return null;
  const days = parseIsoDate(release) - parseIsoDate(from);
  const period = text.period(periodBetween(from, release));
  return days > 0 ? text.ui('ui.dates.remaining', { period, days }) : text.ui('ui.dates.remainingNone', { period, days: Math.abs(days) });
}

/** The earliest release with remission, where the sentencing State's law projects remission. */
function discharge(text: Text, assessment: AssessmentRecord): { label: string; value: string }[] {
  const { expectedDischargeDate, remissionDays } = assessment.result.dates;
  if (expectedDischargeDate === null || remissionDays === null || remissionDays <= 0) return [];
  return [{ label: text.ui('ui.dates.discharge'), value: text.ui('ui.dates.dischargeValue', { date: text.deadline(expectedDischargeDate), days: remissionDays }) }];
}

export function ComputedDates({ assessment }: { assessment: AssessmentRecord | null }) {
  const text = useText();
  const today = formatIsoDate(todayFrom(new Date()));
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
              ...discharge(text, assessment),
              {
                label: text.ui('ui.dates.remainingOn', { date: text.date(assessment.result.referenceDate) }),
                value: remainingFrom(text, assessment, assessment.result.referenceDate) ?? text.ui('ui.dates.notComputable'),
              },
              ...(today === assessment.result.referenceDate ? [] : [{ label: text.ui('ui.dates.remainingToday'), value: remainingFrom(text, assessment, today) ?? text.ui('ui.dates.notComputable') }]),
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

/**
 * Eligibility: the verdict in words, colour and icon with its detail sentence, when and
 * under which instrument it was assessed, the rescreen date, the transfer window, the flags as
 * sentences, then every condition. The run form sits above so a fresh result replaces
 * the one shown. A what-if (an assessment under another instrument than the case's own) is
 * shown as such, with the case's own verdict beside it: it never stands as the case's verdict.
 */
import type { AssessmentRecord, CaseRecord } from '../../shared/api-schemas.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { Icon } from '../components/Icon.tsx';
import { verdictIcon } from '../components/StatusBadges.tsx';
import { useDesk } from '../store/index.ts';
import { assessmentRuleSetName } from '../text/instruments.ts';
import { useText, type Text } from '../text/use-text.ts';
import { ConditionsTable } from './ConditionsTable.tsx';
import { RunAssessmentForm } from './RunAssessmentForm.tsx';
import { caseVerdictAssessment, isWhatIf } from './what-if.ts';

function flagSentence(text: Text, flag: string): string {
  if (flag.startsWith('partial:')) return text.ui('flag.partial', { id: flag.slice('partial:'.length) });
  return text.message(`flag.${flag}`);
}

type StoredResult = AssessmentRecord['result'];

/** Whether the transfer window has closed: its last day is before today, or it closed before it opened. */
function windowClosed(span: StoredResult['transferWindow'], today: string): boolean {
  return span != null && span.to !== null && (span.from > span.to || span.to < today);
}

/** The conditions that decide the verdict: not met, to be found out, or met only by exception; none for eligible. */
function deciding(result: StoredResult): StoredResult['conditions'][number]['id'][] {
  const status = { eligible: null, ineligible: 'not_met', needs_information: 'unknown', eligible_by_exception: 'waived' } as const;
  const wanted = status[result.verdict];
  return wanted === null ? [] : result.conditions.filter((c) => c.status === wanted && (wanted === 'waived' || c.effect === 'mandatory')).map((c) => c.id);
}

/**
 * The banner's sentence: why, and as of which day (the reference date the conditions were tested on);
 * then, for a case that could be transferred, whether the window for it has closed since.
 */
function VerdictWhy({ result, today }: { result: StoredResult; today: string }) {
  const text = useText();
  const names = deciding(result).map((id) => text.ui(`condition.${id}`));
  const conditions = new Intl.ListFormat(text.locale, { type: 'conjunction' }).format(names);
  const closed = (result.verdict === 'eligible' || result.verdict === 'eligible_by_exception') && windowClosed(result.transferWindow, today);
  const span = result.transferWindow;
  return (
    <>
      <p className="verdict__detail">
        {result.verdict !== 'eligible' && names.length === 0
          ? text.ui(`verdict.${result.verdict}.detail`)
          : text.ui(`ui.verdict.why.${result.verdict}`, { date: text.date(result.referenceDate), conditions, count: names.length })}
      </p>
      {closed && span != null && span.to !== null && (
        <p className="verdict__closed">
          <Icon name="warning" />
          {text.ui('ui.verdict.windowClosed', { to: text.date(span.to) })}
        </p>
      )}
    </>
  );
}

/** The window in a sentence: open, open-ended, closed (its last day before today, or before it opened), or none. */
function windowSentence(text: Text, span: NonNullable<AssessmentRecord['result']['transferWindow']> | null, today: string): string {
  if (span === null) return text.ui('ui.window.none');
  if (span.to === null) return text.ui('ui.window.fromOpen', { from: text.deadline(span.from) });
  if (span.from > span.to) return text.ui('ui.window.neverOpened', { from: text.date(span.from), to: text.date(span.to) });
  if (span.to < today) return text.ui('ui.window.closedBefore', { to: text.deadline(span.to) });
  return text.ui('ui.window.fromTo', { from: text.deadline(span.from), to: text.deadline(span.to) });
}

function TransferWindow({ assessment }: { assessment: AssessmentRecord }) {
  const text = useText();
  const { result } = assessment;
  // Assessments stored before the window was computed have none to show.
  if (result.transferWindow === undefined) return null;
  const span = result.transferWindow;
  const today = formatIsoDate(todayFrom(new Date()));
  const closed = windowClosed(span, today);
  const planned = assessment.caseSnapshot.events.transferPlanned ?? null;
  const inside = span !== null && planned !== null && planned >= span.from && (span.to === null || planned <= span.to);
  const counted =
    result.referenceSource === 'event'
      ? text.ui('ui.window.counted.event', { date: text.date(result.referenceDate), event: result.referenceEvent })
      : text.ui(result.referenceSource === 'override' ? 'ui.window.counted.override' : 'ui.window.counted.today', { date: text.date(result.referenceDate), event: result.referenceEvent });
  return (
    <div className={`transfer-window transfer-window--${span === null ? 'none' : closed ? 'closed' : 'open'}`}>
      <h3>{text.ui('ui.window.title')}</h3>
      <p className="transfer-window__span">
        {closed && <Icon name="warning" />}
        {windowSentence(text, span, today)}
      </p>
      <p className="transfer-window__counted muted">{counted}</p>
      {planned !== null && (
        <p className="transfer-window__planned">
          {text.ui(span === null ? 'ui.window.planned.noWindow' : inside ? 'ui.window.planned.inside' : 'ui.window.planned.outside', { date: text.deadline(planned) })}
        </p>
      )}
    </div>
  );
}

function AssessmentResult({ assessment, whatIf }: { assessment: AssessmentRecord; whatIf: boolean }) {
  const text = useText();
  const ruleSets = useDesk((s) => s.ruleSets);
  const { result } = assessment;
  const name = assessmentRuleSetName(text, ruleSets, assessment, true);
  return (
    <div className={whatIf ? 'assessment-result assessment-result--what-if' : 'assessment-result'} data-assessment-id={assessment.id}>
      <div className={`verdict verdict--${result.verdict}`}>
        <Icon name={verdictIcon(result.verdict)} className="verdict__icon" />
        <div>
          {whatIf && <p className="verdict__what-if">{text.ui('ui.whatIf.tag', { instrument: name })} — {text.ui('ui.whatIf.notVerdict')}</p>}
          <p className="verdict__word">{text.ui(`verdict.${result.verdict}`)}</p>
          <VerdictWhy result={result} today={formatIsoDate(todayFrom(new Date()))} />
        </div>
      </div>
      <p className="assessment-result__meta">
        {text.ui(whatIf ? 'ui.whatIf.assessed' : 'ui.eligibility.assessed', { dateTime: text.dateTime(assessment.createdAt), ruleSet: name, version: assessment.ruleSet.version })}{' '}
        {text.ui('ui.eligibility.reference', { date: text.date(result.referenceDate) })}
      </p>
      {result.rescreenOn !== null && (
        <p className="assessment-result__rescreen">
          <strong>{text.ui('report.rescreen')}</strong> {text.deadline(result.rescreenOn)}
        </p>
      )}
      <TransferWindow assessment={assessment} />
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

/** Above a what-if: the case's own verdict stays what it was. */
function CaseVerdictLine({ verdict }: { verdict: AssessmentRecord | null }) {
  const text = useText();
  return (
    <p className="what-if-notice">
      <Icon name="exception" />
      {verdict === null ? text.ui('ui.whatIf.noCaseVerdict') : text.ui('ui.whatIf.caseVerdict', { verdict: text.ui(`verdict.${verdict.verdict}`) })}
    </p>
  );
}

export function EligibilityPanel({ record, assessments }: { record: CaseRecord; assessments: readonly AssessmentRecord[] }) {
  const text = useText();
  const newest = assessments[0];
  const whatIf = newest !== undefined && isWhatIf(newest);
  return (
    <section className="panel panel--eligibility" aria-labelledby="eligibility-title">
      <h2 id="eligibility-title">{text.ui('ui.eligibility.title')}</h2>
      <RunAssessmentForm record={record} />
      {newest === undefined ? (
        <p className="muted">{text.ui('ui.eligibility.notAssessed')}</p>
      ) : whatIf ? (
        <>
          <CaseVerdictLine verdict={caseVerdictAssessment(record, assessments)} />
          <AssessmentResult assessment={newest} whatIf />
        </>
      ) : (
        <AssessmentResult assessment={newest} whatIf={false} />
      )}
    </section>
  );
}

/**
 * Incoming case: the sentence as imposed abroad and the sentence to be enforced here side by
 * side (enforcement.compute, shared/enforcement), each sentence with the adaptation or its
 * reason, the decision recorded and whether it keeps the limits, the time served abroad, what
 * remains from the handover and the release projected under our rules; then every step of
 * the computation, and the Adaptation step's form (RecordDecisionForm). Reloaded whenever the
 * case changes (a decision recorded, a handover).
 */
import { fieldOfMissing } from '../../shared/eligibility/missing.ts';
import { useEffect, useState, type ReactNode } from 'react';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { Term } from '../../shared/domain/case.ts';
import type { StoredEnforcement, StoredSpan } from '../../shared/enforcement/report.ts';
import type { EnforcementStatus } from '../../shared/enforcement/types.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { Disclosure } from '../components/Disclosure.tsx';
import { Facts } from '../components/Facts.tsx';
import { Icon, type IconName } from '../components/Icon.tsx';
import { periodBetween } from '../text/periods.ts';
import { useText, type Text } from '../text/use-text.ts';
import { RecordDecisionForm } from './RecordDecisionForm.tsx';

/** The status in the colours of the verdicts it resembles: computed is settled, a refusal is a stop, the rest ask for something. */
const LOOK: Record<EnforcementStatus, { tone: string; icon: IconName }> = {
  computed: { tone: 'eligible', icon: 'check' },
  needs_information: { tone: 'needs_information', icon: 'question' },
  needs_decision: { tone: 'eligible_by_exception', icon: 'exception' },
  decision_refused: { tone: 'ineligible', icon: 'cross' },
  procedure_not_allowed: { tone: 'ineligible', icon: 'cross' },
};

export function termText(text: Text, term: Term | null): string | null {
  if (term === null) return null;
  return typeof term === 'string' ? text.ui(`ui.term.${term}`) : text.period(term);
}

function endText(text: Text, span: StoredSpan | null, what: 'nominalRelease' | 'releaseDate' | 'sentenceExpiryDate'): string | null {
  if (span === null || span.kind === 'unknown') return null;
  if (span.kind === 'indeterminate') return text.ui('enforce.ui.noEnd');
  return text.date(span[what]);
}

function lengthText(text: Text, span: StoredSpan | null): string | null {
  if (span === null || span.kind !== 'fixed') return span?.kind === 'indeterminate' ? text.ui('enforce.ui.noEnd') : null;
  return text.ui('ui.dates.remaining', { period: text.period(periodBetween(span.start, span.nominalRelease)), days: span.termDays });
}

function maximumText(text: Text, maximum: number | 'life' | null): string {
  if (maximum === null) return text.ui('ui.value.notRecorded');
  return maximum === 'life' ? text.ui('ui.term.life') : text.ui('enforce.ui.months', { count: maximum });
}

/** The two sentences side by side: per sentence, then where the whole ends. */
function Comparison({ e }: { e: StoredEnforcement }) {
  const text = useText();
  const enforced = e.enforced;
  const start = e.imposed.kind === 'unknown' ? null : e.imposed.start;
  const notComputed = <span className="muted">{text.ui('enforce.ui.notComputed')}</span>;
  const rows: { key: string; label: string; imposed: string | null; here: ReactNode; outcome?: string }[] = [
    // Whatever is decided runs from the same start: the custody already served counts (ETS 112 Art. 11(1)(c)).
    { key: 'start', label: text.ui('enforce.ui.row.start'), imposed: start === null ? null : text.date(start), here: start === null || e.status === 'procedure_not_allowed' ? notComputed : text.date(start) },
    ...e.sentences.map((s) => {
      const under = e.procedure === 'conversion' ? text.ui('enforce.ui.limitUnderConversion') : '';
      const reason = text.ui('enforce.ui.reason', { outcome: text.ui(`enforce.outcome.${s.outcome}`), maximum: maximumText(text, s.maximum), offence: s.offence ?? '—' });
      return {
        key: `sentence:${s.id}`,
        label: text.ui('enforce.ui.row.sentence', { id: s.id }),
        imposed: termText(text, s.imposed),
        here: (
          <>
            <span className="enforcement-term">{termText(text, s.enforced) ?? notComputed}</span>
            {under !== '' && s.enforced !== null && <span className="muted"> {under}</span>}
            <span className={`enforcement-reason enforcement-reason--${s.outcome}`}>{reason}</span>
          </>
        ),
        outcome: s.outcome,
      };
    }),
    { key: 'end', label: text.ui('enforce.ui.row.end'), imposed: endText(text, e.imposed, 'nominalRelease'), here: endText(text, enforced, 'nominalRelease') ?? notComputed },
    { key: 'release', label: text.ui('report.releaseDate'), imposed: endText(text, e.imposed, 'releaseDate'), here: endText(text, enforced, 'releaseDate') ?? notComputed },
    { key: 'expiry', label: text.ui('report.sentenceExpiryDate'), imposed: endText(text, e.imposed, 'sentenceExpiryDate'), here: endText(text, enforced, 'sentenceExpiryDate') ?? notComputed },
    { key: 'length', label: text.ui('enforce.ui.row.length'), imposed: lengthText(text, e.imposed), here: lengthText(text, enforced) ?? notComputed },
  ];
  return (
    <table className="data-table enforcement-table">
      <caption>{text.ui('enforce.ui.compare.caption')}</caption>
      <thead>
        <tr>
          <td />
          <th scope="col">{text.ui('enforce.report.imposed')}</th>
          <th scope="col">{text.ui('enforce.report.enforced')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-row={r.key} data-outcome={r.outcome}>
            <th scope="row">{r.label}</th>
            <td className="enforcement-table__imposed">{r.imposed ?? <span className="muted">{text.ui('ui.value.notRecorded')}</span>}</td>
            <td className="enforcement-table__here">{r.here}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Decision({ e }: { e: StoredEnforcement }) {
  const text = useText();
  const d = e.decision;
  if (d === null) return null;
  return (
    <p className={d.accepted ? 'enforcement-decision' : 'enforcement-decision enforcement-decision--refused'}>
      <Icon name={d.accepted ? 'check' : 'warning'} />
      {text.ui('enforce.ui.decisionValue', {
        authority: d.authority ?? text.ui('ui.value.notRecorded'),
        date: d.date === null ? text.ui('ui.value.notRecorded') : text.date(d.date),
        term: termText(text, d.term) ?? '',
        verdict: text.ui(d.accepted ? 'enforce.ui.decision.accepted' : 'enforce.ui.decision.refused'),
      })}
    </p>
  );
}

function Result({ e }: { e: StoredEnforcement }) {
  const text = useText();
  const look = LOOK[e.status];
  const handover = text.date(e.handover);
  return (
    <div className="enforcement-result" data-status={e.status}>
      <div className={`verdict verdict--${look.tone}`}>
        <Icon name={look.icon} className="verdict__icon" />
        <div>
          <p className="verdict__word">{text.ui(`enforce.status.${e.status}`)}</p>
          <p className="verdict__detail">{text.ui(`enforce.status.${e.status}.detail`)}</p>
        </div>
      </div>
      <p className="assessment-result__meta">
        {text.ui('enforce.ui.meta', { procedure: text.ui(`param.procedure.${e.procedure}`), source: text.source(e.allowedProcedures[e.procedure].source) })}{' '}
        {text.ui(e.handoverSource === 'today' ? 'enforce.ui.handoverToday' : e.handoverSource === 'recorded' ? 'enforce.ui.handoverRecorded' : 'enforce.ui.handoverGiven', { date: handover })}
      </p>
      {e.flags.length > 0 && (
        <div className="flags">
          <h3>{text.ui('report.flags')}</h3>
          <ul>
            {e.flags.map((flag) => (
              <li key={flag} data-flag={flag}>
                {text.message(`enforce.flag.${flag}`)}
              </li>
            ))}
          </ul>
        </div>
      )}
      <Comparison e={e} />
      <Decision e={e} />
      <Facts
        className="enforcement-facts"
        facts={[
          ...(e.ceilingRelease === null ? [] : [{ label: text.ui('enforce.report.ceiling'), value: text.date(e.ceilingRelease) }]),
          {
            label: text.ui('enforce.report.served'),
            value:
              e.served === null
                ? null
                : text.ui('enforce.ui.servedValue', {
                    total: text.days(e.served.totalDays),
                    parts: text.ui('enforce.ui.servedParts', { custody: e.served.custodyDays, remand: e.served.remandDays }),
                  }),
          },
          {
            label: text.ui('enforce.report.remaining'),
            value:
              e.remainingDays === null || e.enforced?.kind !== 'fixed'
                ? text.ui('enforce.ui.notComputed')
                : e.remainingDays === 0
                  ? text.ui('enforce.ui.remainingNone')
                  : text.ui('ui.dates.remaining', { period: text.period(periodBetween(e.handover, e.enforced.releaseDate)), days: e.remainingDays }),
          },
          {
            label: text.ui('enforce.report.release'),
            value:
              e.release === null
                ? text.ui('enforce.ui.notComputed')
                : e.release.base === null
                  ? text.deadline(e.release.projectedRelease)
                  : text.ui('enforce.ui.releaseValue', {
                      date: text.deadline(e.release.projectedRelease),
                      days: e.release.remissionDays,
                      base: text.ui(`param.base.${e.release.base}`),
                    }),
          },
        ]}
      />
      {e.missing.length > 0 && (
        <p className="enforcement-missing">
          <strong>{text.ui('report.missing')}:</strong> {e.missing.map((m) => (text.has(`ui.field.${fieldOfMissing(m)}`) ? text.message(`ui.field.${fieldOfMissing(m)}`) : m)).join('; ')}
        </p>
      )}
      <Disclosure label={text.ui('enforce.ui.howComputed')}>
        <ol className="steps">
          {e.steps.map((step, index) => (
            <li key={`${index}:${step.key}`}>{text.message(step.key, step.params)}</li>
          ))}
        </ol>
      </Disclosure>
    </div>
  );
}

export function EnforcementSection({ record }: { record: CaseRecord }) {
  const text = useText();
  const [result, setResult] = useState<StoredEnforcement | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);

  useEffect(() => {
    let live = true;
    call('enforcement.compute', { caseId: record.id })
      .then((e) => {
        if (!live) return;
        setResult(e);
        setError(null);
      })
      .catch((e: unknown) => live && setError(asApiError('enforcement.compute', e)));
    return () => {
      live = false;
    };
  }, [record.id, record.version]);

  return (
    <section className="panel panel--enforcement" aria-labelledby="enforcement-title" aria-busy={result === null && error === null}>
      <h2 id="enforcement-title">{text.ui('enforce.ui.title')}</h2>
      {error !== null && result === null ? (
        <p className="state state--error" role="alert">
          {text.message(error.messageKey)}
        </p>
      ) : result === null ? (
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('ui.case.loading')}
        </p>
      ) : (
        <>
          <Result e={result} />
          <RecordDecisionForm record={record} procedure={result.procedure} />
        </>
      )}
    </section>
  );
}

/**
 * What a re-assessment would change, shown before it runs: the dry run (`rulesets.reassessPreview`)
 * asked for step by step with a progress bar, its counts added up — the open cases under the
 * rule-set, how many verdicts would change and from what to what — and the first people whose
 * verdict would change, by name, prison number and case reference. Nothing is saved by it; the
 * caller's buttons confirm or go back.
 */
import { useEffect, useState } from 'react';
import type { ApiInputs } from '../../shared/api.ts';
import { REASSESS_PREVIEW_PEOPLE, type ReassessPreview } from '../../shared/treaties/api-schemas.ts';
import type { StoredVerdict } from '../../shared/vocabularies.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { VerdictBadge } from '../components/StatusBadges.tsx';
import { useText } from '../text/use-text.ts';

export type PreviewSubject = Omit<ApiInputs['rulesets.reassessPreview'], 'from'>;

type Totals = Omit<ReassessPreview, 'from' | 'finished'>;

const add = (a: Totals | null, b: ReassessPreview): Totals => {
  if (a === null) return { total: b.total, done: b.done, changed: b.changed, unchanged: b.unchanged, skipped: b.skipped, transitions: b.transitions, people: b.people };
  const transitions = [...a.transitions.map((t) => ({ ...t }))];
  for (const t of b.transitions) {
    const same = transitions.find((x) => x.before === t.before && x.after === t.after);
    if (same === undefined) transitions.push({ ...t });
    else same.count += t.count;
  }
  return {
    total: b.total, done: b.done, changed: a.changed + b.changed, unchanged: a.unchanged + b.unchanged, skipped: a.skipped + b.skipped,
    transitions, people: [...a.people, ...b.people].slice(0, REASSESS_PREVIEW_PEOPLE),
  };
};

export type PreviewState = { phase: 'running' | 'done'; totals: Totals | null } | { phase: 'error'; error: ApiCallError };

/** Runs the dry run for `subject` (again whenever it changes), step by step. */
export function useReassessPreview(subject: PreviewSubject | null): PreviewState | null {
  const key = subject === null ? null : JSON.stringify(subject);
  // Each answer is kept with the subject it is for: a stale run's never shows for another.
  const [state, setState] = useState<{ key: string; state: PreviewState } | null>(null);
  useEffect(() => {
    if (subject === null || key === null) return;
    let live = true;
    void (async () => {
      let totals: Totals | null = null;
      try {
        for (let from = 0; ; ) {
          const step = await call('rulesets.reassessPreview', { ...subject, from } as ApiInputs['rulesets.reassessPreview']);
          if (!live) return;
          totals = add(totals, step);
          setState({ key, state: { phase: step.finished ? 'done' : 'running', totals } });
          if (step.finished) return;
          from = step.done;
        }
      } catch (e) {
        if (live) setState({ key, state: { phase: 'error', error: asApiError('rulesets.reassessPreview', e) } });
      }
    })();
    return () => {
      live = false;
    };
    // The subject is compared by content: a new object of the same draft runs nothing again.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  if (key === null) return null;
  return state?.key === key ? state.state : { phase: 'running', totals: null };
}

function Verdict({ verdict }: { verdict: StoredVerdict | null }) {
  const text = useText();
  return verdict === null ? <span className="muted">{text.ui('reassess.preview.verdictNone')}</span> : <VerdictBadge verdict={verdict} />;
}

/** The dry run's figures and people; `notice` says when the version takes effect later. */
export function ReassessImpact({ state, notice }: { state: PreviewState; notice?: string | undefined }) {
  const text = useText();
  if (state.phase === 'error') return <ErrorSummary error={state.error} />;
  const t = state.totals;
  return (
    <section className="reassess-impact" aria-labelledby="impact-title" data-phase={state.phase}>
      <h2 id="impact-title">{text.ui('reassess.preview.title')}</h2>
      {state.phase === 'running' && (
        <div className="reassess__progress">
          <label htmlFor="impact-progress">{text.ui('reassess.preview.progress', { done: text.number(t?.done ?? 0), total: text.number(t?.total ?? 0) })}</label>
          <progress id="impact-progress" max={Math.max(t?.total ?? 0, 1)} value={t?.done ?? 0} />
        </div>
      )}
      {state.phase === 'done' && t !== null && (
        <>
          {notice !== undefined && <p className="notice">{notice}</p>}
          <p role="status" data-impact-summary>
            {text.ui('reassess.preview.summary', { total: t.total, changed: t.changed, unchanged: t.unchanged })}
          </p>
          {t.skipped > 0 && <p>{text.ui('reassess.preview.skipped', { count: t.skipped })}</p>}
          {t.transitions.length > 0 && (
            <table className="data-table impact-table">
              <caption>{text.ui('reassess.preview.transitions')}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.ui('ui.treaties.report.verdict')}</th>
                  <th scope="col" className="numeric">
                    {text.ui('reassess.preview.count')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {t.transitions.map((x) => (
                  <tr key={`${x.before}>${x.after}`} data-transition={`${x.before}>${x.after}`}>
                    <th scope="row">
                      <Verdict verdict={x.before} />
                      <span aria-hidden="true"> → </span>
                      <Verdict verdict={x.after} />
                    </th>
                    <td className="numeric">{text.number(x.count)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {t.people.length > 0 && (
            <table className="data-table impact-people">
              <caption>{text.ui('reassess.preview.people')}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.ui('ui.form.f.person.familyName')}</th>
                  <th scope="col">{text.ui('ui.form.f.person.givenNames')}</th>
                  <th scope="col">{text.ui('ui.form.f.person.prisonNumber')}</th>
                  <th scope="col">{text.ui('ui.form.f.reference')}</th>
                  <th scope="col">{text.ui('ui.treaties.report.verdict')}</th>
                </tr>
              </thead>
              <tbody>
                {t.people.map((p) => (
                  <tr key={p.caseId} data-case-id={p.caseId}>
                    <th scope="row">{p.familyName ?? text.ui('ui.value.notRecorded')}</th>
                    <td>{p.givenNames ?? text.ui('ui.value.notRecorded')}</td>
                    <td>{p.prisonNumber ?? text.ui('ui.value.notRecorded')}</td>
                    <td>{p.reference ?? text.ui('ui.value.notRecorded')}</td>
                    <td>
                      <Verdict verdict={p.before} />
                      <span aria-hidden="true"> → </span>
                      <Verdict verdict={p.after} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {t.changed > t.people.length && <p className="muted">{text.ui('reassess.preview.more', { count: t.changed - t.people.length })}</p>}
        </>
      )}
    </section>
  );
}

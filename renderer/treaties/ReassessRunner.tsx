/**
 * Re-assessment when a version of the law has taken effect (a rule-set, a jurisdiction profile —
 * the cases sentenced there — or the treaty map). The main process runs it (why and when:
 * electron/services/reassess-report.ts): by itself at its start and daily, or at once when a legal
 * officer confirms it here after a save. This panel shows what is pending with that choice (for a
 * rule-set version, its effect first: the dry run, ReassessImpact, then the confirmation), each
 * run's progress while the main process works (read again every second), a way to stop a run or
 * resume one stopped, and, once a run is done, the count of verdicts that changed with a link to
 * the report.
 */
import { mayCall, type ApiInputs } from '../../shared/api.ts';
import { useEffect, useRef, useState } from 'react';
import type { PendingReassessment, ReassessReportSummary } from '../../shared/treaties/api-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { ReassessImpact, useReassessPreview } from './ReassessImpact.tsx';
import { treatiesHref } from './routes.ts';
import { subjectName } from './subject-name.ts';

/** How often the panel reads the runs' progress while one is running. */
const POLL_MS = 1000;

interface Runs {
  pending: PendingReassessment[];
  /** Reports not finished, and those that finished while this panel watched them. */
  reports: ReassessReportSummary[];
}

/** Runs started elsewhere in this window (the editor's "save and re-assess"): watched from the panel's first read, so a short run's result is not missed. */
const startedHere = new Set<string>();
export const watchReassessment = (reportId: string) => void startedHere.add(reportId);

const keyOf = (r: { subject: string; ruleSetId: string; version: string }) => `${r.subject}:${r.ruleSetId}@${r.version}`;

/** A pending rule-set version's effect, then the officer's confirmation or "not now". */
function ConfirmRun({ pending, onRun, onCancel }: { pending: PendingReassessment; onRun: () => void; onCancel: () => void }) {
  const text = useText();
  const preview = useReassessPreview({ ruleSetId: pending.ruleSetId, version: pending.version });
  const done = preview?.phase === 'done' ? preview.totals : null;
  return (
    <div className="reassess__confirm">
      {preview !== null && <ReassessImpact state={preview} />}
      <p className="reassess__actions">
        {done !== null && (
          <button type="button" className="button" onClick={onRun}>
            {text.ui('reassess.preview.run', { count: done.total })}
          </button>
        )}
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {text.ui('reassess.preview.cancel')}
        </button>
      </p>
    </div>
  );
}

export function ReassessRunner({ onFinished }: { onFinished?: () => void }) {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  const mayRun = mayCall(role, 'rulesets.reassess');
  const [runs, setRuns] = useState<Runs>({ pending: [], reports: [] });
  const [error, setError] = useState<ApiCallError | null>(null);
  const [generation, setGeneration] = useState(0);
  // The pending rule-set version whose effect is shown, waiting for confirmation.
  const [confirming, setConfirming] = useState<string | null>(null);
  // Reports seen unfinished in this visit: when one finishes, its result stays on show.
  const watched = useRef(new Set<string>(startedHere)).current;

  useEffect(() => {
    let live = true;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const read = async () => {
      let pending: PendingReassessment[];
      let reports: ReassessReportSummary[];
      try {
        [pending, reports] = await Promise.all([call('rulesets.pendingReassessments', undefined), call('rulesets.reassessReports', undefined)]);
      } catch {
        return; // the page itself shows a failing store
      }
      if (!live) return;
      const finishedNow = reports.some((r) => watched.has(r.id) && r.done >= r.total);
      for (const r of reports) if (r.done < r.total) watched.add(r.id);
      // Handed over to this panel: another visit does not show it again once finished.
      for (const r of reports) startedHere.delete(r.id);
      setRuns({ pending, reports: reports.filter((r) => watched.has(r.id)) });
      if (reports.some((r) => r.running)) timer = setTimeout(() => void read(), POLL_MS);
      // The caller reloads what it shows (new verdicts, counts), which remounts this panel.
      else if (finishedNow) onFinished?.();
    };
    void read();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // Read again after each action here; the callback is the caller's reload, stable for the page's life.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [generation]);

  const act = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (e) {
      setError(asApiError('rulesets.reassess', e));
    }
    setGeneration((g) => g + 1);
  };
  const runNow = (r: { subject: PendingReassessment['subject']; ruleSetId: string; version: string; effectiveFrom?: string }) =>
    act(() =>
      call('rulesets.reassess', {
        subject: r.subject, ruleSetId: r.ruleSetId, version: r.version,
        reason: text.ui('ui.treaties.pending.reason', { id: subjectName(text, r.subject, r.ruleSetId, true), version: r.version, date: r.effectiveFrom === undefined ? '' : text.date(r.effectiveFrom) }),
      } as ApiInputs['rulesets.reassess']),
    );

  if (runs.pending.length === 0 && runs.reports.length === 0 && error === null) return null;
  return (
    <section className="reassess" aria-labelledby="reassess-title">
      <h2 id="reassess-title">{text.ui('ui.treaties.pending.title')}</h2>
      {error !== null && <ErrorSummary error={error} />}
      {runs.pending.map((p) => {
        const id = subjectName(text, p.subject, p.ruleSetId);
        const params = { id, version: p.version, date: text.date(p.effectiveFrom), count: p.openCases };
        return (
          <div key={keyOf(p)} className="reassess__run" data-pending={keyOf(p)}>
            <p>{text.ui(mayRun ? 'ui.treaties.pending.text' : 'ui.treaties.pending.waiting', params)}</p>
            {mayRun && confirming === keyOf(p) && (
              <ConfirmRun
                pending={p}
                onRun={() => {
                  setConfirming(null);
                  void runNow(p);
                }}
                onCancel={() => setConfirming(null)}
              />
            )}
            {mayRun && confirming !== keyOf(p) && (
              <p className="reassess__actions">
                <button type="button" className="button" onClick={() => (p.subject === 'rule-set' ? setConfirming(keyOf(p)) : void runNow(p))}>
                  {text.ui('ui.treaties.pending.run')}
                </button>
                <span className="muted">{text.ui('ui.treaties.pending.later')}</span>
              </p>
            )}
          </div>
        );
      })}
      {runs.reports.map((r) => {
        const id = subjectName(text, r.subject, r.ruleSetId);
        const progressId = `progress-${r.id}`;
        const finished = r.done >= r.total;
        return (
          <div key={r.id} className="reassess__run" data-report={r.id}>
            <div className="reassess__progress">
              <label htmlFor={progressId}>{text.ui('ui.treaties.progress.label', { id, version: r.version })}</label>
              <progress id={progressId} max={Math.max(r.total, 1)} value={r.done} />
              <span role="status">
                {finished
                  ? text.ui('ui.treaties.progress.done', { changed: text.number(r.changed), total: r.total })
                  : text.ui(r.running ? 'ui.treaties.progress.count' : 'ui.treaties.progress.stopped', { done: text.number(r.done), total: r.total })}
              </span>
              {finished && <a href={treatiesHref.report(r.id)}>{text.ui('ui.treaties.progress.open')}</a>}
              {!finished && mayRun && r.running && (
                <button type="button" className="button button--secondary" onClick={() => void act(() => call('rulesets.reassessCancel', { reportId: r.id }))}>
                  {text.ui('ui.treaties.progress.stop')}
                </button>
              )}
              {!finished && mayRun && !r.running && (
                <button type="button" className="button" onClick={() => void runNow(r)}>
                  {text.ui('ui.treaties.progress.resume')}
                </button>
              )}
            </div>
          </div>
        );
      })}
    </section>
  );
}

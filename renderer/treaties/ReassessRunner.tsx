/**
 * Re-assessment of the open cases when a rule-set or jurisdiction profile version has taken
 * effect (the profile's: the cases sentenced there): pending versions
 * are asked for when the page opens; for a legal officer or supervisor each is run at once, a
 * batch per call with a progress bar between calls, ending with a link to the report. Anyone
 * else is told a run is waiting. (Why then: electron/services/reassess-report.ts.)
 */
import { mayCall } from '../../shared/api.ts';
import { useEffect, useState } from 'react';
import type { PendingReassessment, ReassessProgress } from '../../shared/treaties/api-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { treatiesHref } from './routes.ts';
import { subjectName } from './subject-name.ts';

type Run = { pending: PendingReassessment; progress: ReassessProgress | null; changed: number | null; error: ApiCallError | null };

/** Versions started in this window: a remounted page (React's strict mode, Back) joins the run instead of starting another. */
const started = new Set<string>();

async function runToEnd(pending: PendingReassessment, reason: string, update: (progress: ReassessProgress) => void): Promise<number> {
  let progress = await call('rulesets.reassess', { subject: pending.subject, ruleSetId: pending.ruleSetId, version: pending.version, reason });
  update(progress);
  while (!progress.finished) {
    progress = await call('rulesets.reassessStep', { reportId: progress.reportId });
    update(progress);
  }
  return (await call('rulesets.reassessReport', { reportId: progress.reportId })).changed;
}

export function ReassessRunner({ onFinished }: { onFinished?: () => void }) {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  const mayRun = mayCall(role, 'rulesets.reassess');
  const [runs, setRuns] = useState<Run[]>([]);

  useEffect(() => {
    let live = true;
    void (async () => {
      let pending: PendingReassessment[];
      try {
        pending = await call('rulesets.pendingReassessments', undefined);
      } catch {
        return; // the list itself shows a failing store
      }
      if (!live) return;
      setRuns(pending.map((p) => ({ pending: p, progress: null, changed: null, error: null })));
      if (!mayRun || pending.length === 0) return;
      for (const p of pending) {
        const key = `${p.subject}:${p.ruleSetId}@${p.version}`;
        if (started.has(key)) continue;
        started.add(key);
        const patch = (change: Partial<Run>) => setRuns((all) => all.map((r) => (r.pending === p ? { ...r, ...change } : r)));
        try {
          const reason = text.ui('ui.treaties.pending.reason', { id: subjectName(text, p.subject, p.ruleSetId), version: p.version, date: text.date(p.effectiveFrom) });
          const changed = await runToEnd(p, reason, (progress) => patch({ progress }));
          patch({ changed });
        } catch (error) {
          patch({ error: asApiError('rulesets.reassess', error) });
        } finally {
          started.delete(key);
        }
      }
      // Only after a run: the caller reloads what it shows, which remounts this runner.
      onFinished?.();
    })();
    return () => {
      live = false;
    };
    // Once per page visit; the text of the reason is taken in the language of that moment.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mayRun]);

  if (runs.length === 0) return null;
  return (
    <section className="reassess" aria-labelledby="reassess-title">
      <h2 id="reassess-title">{text.ui('ui.treaties.pending.title')}</h2>
      {runs.map(({ pending: p, progress, changed, error }) => {
        const id = subjectName(text, p.subject, p.ruleSetId);
        const progressId = `progress-${p.subject}-${p.ruleSetId === '*' ? 'default' : p.ruleSetId}`;
        return (
          <div key={`${p.subject}:${p.ruleSetId}@${p.version}`} className="reassess__run">
            <p>
              {text.ui(mayRun ? 'ui.treaties.pending.text' : 'ui.treaties.pending.waiting', {
                id, version: p.version, date: text.date(p.effectiveFrom), count: p.openCases,
              })}
            </p>
            {progress !== null && (
              <div className="reassess__progress">
                <label htmlFor={progressId}>{text.ui('ui.treaties.progress.label', { id, version: p.version })}</label>
                <progress id={progressId} max={Math.max(progress.total, 1)} value={progress.done} />
                <span role="status">
                  {changed === null
                    ? text.ui('ui.treaties.progress.count', { done: text.number(progress.done), total: progress.total })
                    : text.ui('ui.treaties.progress.done', { changed: text.number(changed), total: progress.total })}
                </span>
                {changed !== null && <a href={treatiesHref.report(progress.reportId)}>{text.ui('ui.treaties.progress.open')}</a>}
              </div>
            )}
            {error !== null && <ErrorSummary error={error} />}
          </div>
        );
      })}
    </section>
  );
}

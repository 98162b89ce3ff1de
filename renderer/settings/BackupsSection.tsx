/**
 * Settings › Backups (supervisors): the folder the app backs up into every day, what is kept,
 * the backups there, and "Back up now". The backup is written and checked in the main
 * process's worker thread, so the page asks for the state every second until it is done
 * and then says how it went; a failure stays shown until a backup succeeds.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BackupsState } from '../../shared/backups-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useText } from '../text/use-text.ts';
import { RestoreBackup } from './RestoreBackup.tsx';

const POLL_MS = 1000;

export function BackupsSection() {
  const text = useText();
  // undefined: not read yet; null: this window makes no backups (no scheduler).
  const [state, setState] = useState<BackupsState | null | undefined>(undefined);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  // The backup being checked for a restore.
  const [checking, setChecking] = useState<string | null>(null);
  const asked = useRef(false);

  const take = useCallback((next: BackupsState | null) => {
    setState(next);
    if (asked.current && next !== null && next.running === null) {
      asked.current = false;
      setDone(next.lastFailure === null ? (next.backups[0]?.name ?? null) : null);
    }
  }, []);
  const fail = useCallback((failure: unknown) => setError(asApiError('backups.state', failure)), []);

  useEffect(() => {
    call('backups.state', {}).then(take, fail);
  }, [take, fail]);

  const running = state?.running ?? null;
  useEffect(() => {
    if (running === null) return undefined;
    const timer = setTimeout(() => call('backups.state', {}).then(take, fail), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, state, take, fail]);

  const backUpNow = async () => {
    setError(null);
    setDone(null);
    try {
      asked.current = true;
      setState(await call('backups.run', {}));
    } catch (failure) {
      asked.current = false;
      setError(asApiError('backups.run', failure));
    }
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-backups-title" aria-busy={running !== null}>
      <h2 id="settings-backups-title">{text.ui('ui.settings.backups.title')}</h2>
      {error !== null && <ErrorSummary error={error} />}
      {state === null && <p>{text.ui('ui.settings.backups.unavailable')}</p>}
      {state != null && (
        <>
          <p>{text.ui('ui.settings.backups.intro', { daily: state.policy.daily, weekly: state.policy.weekly, monthly: state.policy.monthly })}</p>
          <dl className="facts">
            <dt>{text.ui('ui.settings.backups.folder')}</dt>
            <dd>
              <code className="settings-path">{state.dir}</code>
            </dd>
          </dl>
          {state.lastFailure !== null && running === null && (
            <div className="notice notice--error" role="alert">
              <p>{text.ui(`ui.settings.backups.failed.${state.lastFailure.reason}`, { time: text.dateTime(state.lastFailure.at) })}</p>
              <p className="notice-detail">{text.ui('ui.settings.backups.failed.detail', { detail: state.lastFailure.detail })}</p>
            </div>
          )}
          {done !== null && (
            <p className="notice notice--ok" role="status">
              {text.ui('ui.settings.backups.done', { file: done })}
            </p>
          )}
          {running !== null && (
            <p className="notice notice--busy" role="status">
              <progress aria-label={text.ui('ui.settings.backups.title')} />
              {text.ui('ui.settings.backups.running', { time: text.dateTime(running.startedAt) })}
            </p>
          )}
          <div className="settings-form__actions">
            <button type="button" className="button" onClick={() => void backUpNow()} disabled={running !== null}>
              {text.ui('ui.settings.backups.run')}
            </button>
          </div>
          {state.backups.length === 0 ? (
            <p className="settings-hint">{text.ui('ui.settings.backups.none')}</p>
          ) : (
            <table className="settings-backups">
              <caption>{text.ui('ui.settings.backups.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{text.ui('ui.settings.backups.taken')}</th>
                  <th scope="col">{text.ui('ui.settings.backups.file')}</th>
                  <th scope="col" className="numeric">
                    {text.ui('ui.settings.backups.size')}
                  </th>
                  <th scope="col">{text.ui('ui.settings.backups.col.action')}</th>
                </tr>
              </thead>
              <tbody>
                {state.backups.map((backup) => (
                  <tr key={backup.name}>
                    <td>{text.dateTime(backup.at)}</td>
                    <td>
                      <code>{backup.name}</code>
                    </td>
                    <td className="numeric">{text.ui('ui.settings.backups.megabytes', { size: text.number(Math.round(backup.bytes / 100_000) / 10) })}</td>
                    <td>
                      <button
                        type="button"
                        className="link-button"
                        aria-label={text.ui('ui.settings.backups.check', { file: backup.name })}
                        aria-expanded={checking === backup.name}
                        onClick={() => setChecking(backup.name)}
                      >
                        {text.ui('ui.settings.backups.col.action')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <p className="settings-hint">{text.ui('ui.settings.backups.restore')}</p>
          {checking !== null && <RestoreBackup key={checking} name={checking} onClose={() => setChecking(null)} />}
        </>
      )}
    </section>
  );
}

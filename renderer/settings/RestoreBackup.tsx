/**
 * Settings › Backups › Restore (supervisors; issue 20): what a backup holds, checked as a restore
 * checks it, then the restore asked for with a reason and a confirmation. The main process does it
 * when the app starts again (electron/pending-restore.ts), keeping the replaced store beside it.
 */
import { useEffect, useRef, useState } from 'react';
import type { BackupInspection, RestoreRequested } from '../../shared/backups-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useText } from '../text/use-text.ts';

interface Props {
  name: string;
  onClose(): void;
}

export function RestoreBackup({ name, onClose }: Props) {
  const text = useText();
  const [inspection, setInspection] = useState<BackupInspection | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [requested, setRequested] = useState<RestoreRequested | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    // One backup per mount (BackupsSection keys it by name): nothing to reset here.
    let live = true;
    call('backups.inspect', { name }).then(
      (found) => {
        if (!live) return;
        setInspection(found);
        heading.current?.focus();
      },
      (failure) => live && setError(asApiError('backups.inspect', failure)),
    );
    return () => {
      live = false;
    };
  }, [name]);

  const restore = async () => {
    setError(null);
    setBusy(true);
    try {
      setRequested(await call('backups.restore', { name, reason, confirm: true }));
    } catch (failure) {
      setError(asApiError('backups.restore', failure));
    } finally {
      setBusy(false);
    }
  };

  const time = inspection === null ? '' : text.dateTime(inspection.at);
  return (
    <section className="restore-backup" aria-labelledby="restore-backup-title" aria-busy={inspection === null && error === null}>
      {error !== null && <ErrorSummary error={error} fieldIds={{ reason: 'restore-reason' }} fieldLabels={{ reason: text.ui('ui.settings.backups.restore.reason'), name: text.ui('ui.settings.backups.file') }} />}
      {inspection === null && error === null && (
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('ui.settings.backups.checking')}
        </p>
      )}
      {inspection !== null && (
        <>
          <h3 id="restore-backup-title" tabIndex={-1} ref={heading}>
            {text.ui('ui.settings.backups.inspect.title', { time })}
          </h3>
          <dl className="facts">
            <dt>{text.ui('ui.settings.backups.file')}</dt>
            <dd>
              <code>{inspection.name}</code>
            </dd>
            <dt>{text.ui('ui.settings.backups.inspect.cases')}</dt>
            <dd>{inspection.cases === null ? text.ui('ui.value.notRecorded') : text.number(inspection.cases)}</dd>
            <dt>{text.ui('ui.settings.backups.inspect.schema')}</dt>
            <dd>{inspection.schemaVersion === null ? text.ui('ui.value.notRecorded') : text.number(inspection.schemaVersion)}</dd>
            <dt>{text.ui('ui.settings.backups.inspect.audit')}</dt>
            <dd>{inspection.auditEntries === null ? text.ui('ui.value.notRecorded') : text.number(inspection.auditEntries)}</dd>
          </dl>
          {inspection.problems.length > 0 ? (
            <div className="notice notice--error" role="alert">
              <p>{text.ui('ui.settings.backups.inspect.unsound')}</p>
              <ul>
                {inspection.problems.map((problem) => (
                  <li key={problem} className="notice-detail">
                    {text.ui('ui.settings.backups.inspect.problem', { problem })}
                  </li>
                ))}
              </ul>
            </div>
          ) : requested !== null ? (
            <p className="notice notice--ok" role="status">
              {text.ui(requested.restarting ? 'ui.settings.backups.restore.restarting' : 'ui.settings.backups.restore.waiting', { time })}
            </p>
          ) : (
            <form
              className="settings-form"
              onSubmit={(e) => {
                e.preventDefault();
                void restore();
              }}
            >
              <p className="notice notice--ok">{text.ui('ui.settings.backups.inspect.sound')}</p>
              <div className="field">
                <label htmlFor="restore-reason" className="field__label">
                  {text.ui('ui.settings.backups.restore.reason')}
                </label>
                <p id="restore-reason-hint" className="field__hint">
                  {text.ui('ui.settings.backups.restore.reason.hint')}
                </p>
                <textarea id="restore-reason" rows={2} value={reason} aria-describedby="restore-reason-hint" onChange={(e) => setReason(e.currentTarget.value)} />
              </div>
              <div className="field field--checkbox">
                <input id="restore-confirm" type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.currentTarget.checked)} />
                <label htmlFor="restore-confirm">{text.ui('ui.settings.backups.restore.confirm', { time })}</label>
              </div>
              <div className="settings-form__actions">
                <button type="submit" className="button button--warning" disabled={!confirmed || busy}>
                  {text.ui('ui.settings.backups.restore.button')}
                </button>
                <button type="button" className="button button--secondary" onClick={onClose}>
                  {text.ui('ui.settings.backups.restore.cancel')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}

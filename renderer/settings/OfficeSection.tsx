/**
 * Settings › Office server (issue 22): where this computer works, on its own store or on the
 * office's server; a supervisor connects it (address, the certificate's fingerprint, a reason),
 * anyone goes back. Either way the window starts again, signed in to the store it now works on.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { ApiCallError, asApiError, call } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../session/fields.tsx';
import { messagesByField } from '../session/problems.ts';
import type { OfficeStatus } from '../../shared/contracts/office.ts';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

const FIELD_IDS = { url: 'office-url', fingerprint: 'office-fingerprint', reason: 'office-reason' } as const;

/** The window starts again: the session is the one of the store it now works on. */
const startAgain = () => window.location.reload();

export function OfficeSection() {
  const text = useText();
  const supervisor = useDesk((s) => s.user?.role === 'supervisor');
  const [status, setStatus] = useState<OfficeStatus | null>(null);
  const [url, setUrl] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiCallError | null>(null);
  const fields = messagesByField(text, error);
  const labels = { url: text.ui('ui.settings.office.url'), fingerprint: text.ui('ui.settings.office.fingerprint'), reason: text.ui('ui.settings.office.reason') };
  useEffect(() => {
    call('office.status', {}).then(setStatus, () => setStatus(null));
  }, []);
  if (status === null || !status.available) return null;

  const connect = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await call('office.connect', { url, fingerprint: fingerprint.trim() === '' ? null : fingerprint, reason });
      startAgain();
    } catch (failure) {
      setError(asApiError('office.connect', failure));
    }
  };
  const back = async () => {
    try {
      await call('office.disconnect', {});
      startAgain();
    } catch (failure) {
      setError(asApiError('office.disconnect', failure));
    }
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-office-title">
      <h2 id="settings-office-title">{text.ui('ui.settings.office.title')}</h2>
      {status.mode === 'office' ? (
        <>
          <p>{text.ui('ui.settings.office.office', { url: status.url ?? '' })}</p>
          {status.fingerprint !== null && <p className="field__hint">{text.ui('ui.settings.office.pinned', { fingerprint: status.fingerprint })}</p>}
          {error !== null && <ErrorSummary error={error} />}
          <button type="button" className="button button--secondary" onClick={() => void back()}>
            {text.ui('ui.settings.office.back')}
          </button>
        </>
      ) : (
        <>
          <p>{text.ui('ui.settings.office.desk')}</p>
          {supervisor && (
            <form className="settings-form" onSubmit={(event) => void connect(event)} noValidate>
              <p>{text.ui('ui.settings.office.intro')}</p>
              {error !== null && <ErrorSummary error={error} fieldIds={FIELD_IDS} fieldLabels={labels} />}
              <TextField id={FIELD_IDS.url} label={text.ui('ui.settings.office.url')} hint={text.ui('ui.settings.office.urlHint')} value={url} onChange={setUrl} autoComplete="off" errors={fields.get('url')} />
              <TextField id={FIELD_IDS.fingerprint} label={text.ui('ui.settings.office.fingerprint')} hint={text.ui('ui.settings.office.fingerprintHint')} value={fingerprint} onChange={setFingerprint} autoComplete="off" errors={fields.get('fingerprint')} />
              <TextField id={FIELD_IDS.reason} label={text.ui('ui.settings.office.reason')} value={reason} onChange={setReason} autoComplete="off" errors={fields.get('reason')} />
              <div>
                <button type="submit" className="button">
                  {text.ui('ui.settings.office.connect')}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </section>
  );
}

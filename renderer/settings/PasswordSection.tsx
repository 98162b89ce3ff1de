/** Settings › Your password: the current one, then the new one twice. */
import { useState, type FormEvent } from 'react';
import { ApiCallError, asApiError, call } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../session/fields.tsx';
import { passwordCheck } from '../session/password-check.ts';
import { messagesByField } from '../session/problems.ts';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

const FIELD_IDS = { currentPassword: 'own-current', newPassword: 'own-new', confirm: 'own-confirm' } as const;

export function PasswordSection() {
  const text = useText();
  const name = useDesk((s) => s.user?.name ?? '');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiCallError | null>(null);
  const [done, setDone] = useState(false);
  const fields = messagesByField(text, error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setDone(false);
    const problems = passwordCheck({ name, password: next, confirm, passwordField: 'newPassword', confirmField: 'confirm', requireName: false });
    if (problems.length > 0) {
      setError(new ApiCallError('session.changePassword', { code: 'invalid_input', messageKey: 'error.invalid_input', problems }));
      return;
    }
    try {
      await call('session.changePassword', { currentPassword: current, newPassword: next });
      setError(null);
      setCurrent('');
      setNext('');
      setConfirm('');
      setDone(true);
    } catch (failure) {
      setError(asApiError('session.changePassword', failure));
    }
  };

  return (
    <section className="panel settings-section" aria-labelledby="settings-password-title">
      <h2 id="settings-password-title">{text.ui('ui.settings.password.title')}</h2>
      <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate>
        {error !== null && <ErrorSummary error={error} fieldIds={FIELD_IDS} />}
        {done && (
          <p className="notice notice--ok" role="status">
            {text.ui('ui.settings.password.done')}
          </p>
        )}
        <TextField id={FIELD_IDS.currentPassword} label={text.ui('ui.settings.password.current')} type="password" value={current} onChange={setCurrent} autoComplete="current-password" errors={fields.get('currentPassword')} />
        <TextField id={FIELD_IDS.newPassword} label={text.ui('ui.settings.password.new')} hint={text.ui('ui.password.hint')} type="password" value={next} onChange={setNext} autoComplete="new-password" errors={fields.get('newPassword')} />
        <TextField id={FIELD_IDS.confirm} label={text.ui('ui.settings.password.confirm')} type="password" value={confirm} onChange={setConfirm} autoComplete="new-password" errors={fields.get('confirm')} />
        <div>
          <button type="submit" className="button">
            {text.ui('ui.settings.password.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

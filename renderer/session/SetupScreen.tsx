/**
 * First run: create the administrator (a supervisor) with a password, then carry on signed
 * in. The password rule (shared/auth-policy.ts) is checked here as well as in the main
 * process, so the officer sees every problem at once.
 */
import { useState } from 'react';
import { ApiCallError, call } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from './fields.tsx';
import { passwordCheck } from './password-check.ts';
import { useSessionForm } from './use-session-form.ts';

const FIELD_IDS = { name: 'setup-name', password: 'setup-password', confirm: 'setup-confirm' } as const;

export function SetupScreen() {
  const { text, busy, error, heading, fields, submit } = useSessionForm('ui.setup.title', 'session.setup');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const onSubmit = submit(() => call('session.setup', { name, password }), {
    check: () => {
      const problems = passwordCheck({ name, password, confirm, passwordField: 'password', confirmField: 'confirm', requireName: true });
      return problems.length === 0 ? null : new ApiCallError('session.setup', { code: 'invalid_input', messageKey: 'error.invalid_input', problems });
    },
  });

  return (
    <div className="screen session-screen">
      <form className="session-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="setup-title">
        <h1 id="setup-title" tabIndex={-1} ref={heading}>
          {text.ui('ui.setup.title')}
        </h1>
        <p>{text.ui('ui.setup.intro')}</p>
        {error !== null && <ErrorSummary error={error} fieldIds={FIELD_IDS} />}
        <TextField id={FIELD_IDS.name} label={text.ui('ui.setup.name')} value={name} onChange={setName} autoComplete="name" errors={fields.get('name')} />
        <TextField
          id={FIELD_IDS.password}
          label={text.ui('ui.password.new')}
          hint={text.ui('ui.password.hint')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="new-password"
          errors={fields.get('password')}
        />
        <TextField id={FIELD_IDS.confirm} label={text.ui('ui.password.confirm')} type="password" value={confirm} onChange={setConfirm} autoComplete="new-password" errors={fields.get('confirm')} />
        <div className="session-form__actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {text.ui('ui.setup.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}


/**
 * Sign-in: name and password. A refusal shows the error summary (wrong name or password,
 * or the account locked and for how long); the password field is emptied after a failure.
 * The renderer keeps no token: the main process holds the session.
 */
import { useState } from 'react';
import { call } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from './fields.tsx';
import { OfficeNotice } from './OfficeNotice.tsx';
import { useSessionForm } from './use-session-form.ts';

const FIELD_IDS = { name: 'signin-name', password: 'signin-password' } as const;

export function SignInScreen() {
  const { text, busy, error, heading, fields, submit } = useSessionForm('ui.signin.title', 'session.signIn');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const onSubmit = submit(() => call('session.signIn', { name, password }), { onFailure: () => setPassword('') });

  return (
    <div className="screen session-screen">
      <form className="session-form" onSubmit={(event) => void onSubmit(event)} noValidate aria-labelledby="signin-title">
        <h1 id="signin-title" tabIndex={-1} ref={heading}>
          {text.ui('ui.signin.title')}
        </h1>
        <p>{text.ui('ui.signin.intro')}</p>
        <OfficeNotice />
        {error !== null && <ErrorSummary error={error} fieldIds={FIELD_IDS} />}
        <TextField id={FIELD_IDS.name} label={text.ui('ui.signin.name')} value={name} onChange={setName} autoComplete="username" errors={fields.get('name')} />
        <TextField id={FIELD_IDS.password} label={text.ui('ui.signin.password')} type="password" value={password} onChange={setPassword} autoComplete="current-password" errors={fields.get('password')} />
        <div className="session-form__actions">
          <button type="submit" className="button" aria-disabled={busy || undefined}>
            {busy ? text.ui('ui.signin.busy') : text.ui('ui.signin.submit')}
          </button>
        </div>
        <p className="field__hint">{text.ui('ui.signin.help')}</p>
      </form>
    </div>
  );
}

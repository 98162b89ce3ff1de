/**
 * Settings › Users and roles (supervisors): every user with their role and whether they can
 * sign in; setting a user's password (a first one or a reset) and lifting a lockout; adding a
 * user with a role and an initial password; and what each role may do.
 */
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { ROLES, type Role } from '../../shared/vocabularies.ts';
import type { UserAccount } from '../../shared/contracts/users.ts';
import type { MessageKey } from '../../shared/i18n/index.ts';
import { ApiCallError, asApiError, call } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { TextField } from '../session/fields.tsx';
import { passwordCheck } from '../session/password-check.ts';
import { messagesByField } from '../session/problems.ts';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

const ADD_IDS = { name: 'new-user-name', role: 'new-user-role', password: 'new-user-password', confirm: 'new-user-confirm' } as const;
const SET_IDS = { password: 'set-password', confirm: 'set-password-confirm' } as const;

/** A notice shown after an action, kept as a message key so it follows a change of language. */
interface Notice {
  key: MessageKey;
  params: Record<string, string>;
  /** A role to name in the reader's language. */
  role?: Role;
}

function SetPasswordForm({ user, onDone, onCancel }: { user: UserAccount; onDone(notice: Notice): void; onCancel(): void }) {
  const text = useText();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiCallError | null>(null);
  const first = useRef<HTMLInputElement>(null);
  const fields = messagesByField(text, error);
  useEffect(() => first.current?.focus(), []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = passwordCheck({ name: user.name, password, confirm, passwordField: 'password', confirmField: 'confirm', requireName: false });
    if (problems.length > 0) {
      setError(new ApiCallError('users.setPassword', { code: 'invalid_input', messageKey: 'error.invalid_input', problems }));
      return;
    }
    try {
      await call('users.setPassword', { userId: user.id, password });
      onDone({ key: 'ui.settings.users.passwordSet', params: { name: user.name } });
    } catch (failure) {
      setError(asApiError('users.setPassword', failure));
    }
  };

  return (
    <form
      className="settings-form settings-form--inline"
      onSubmit={(event) => void submit(event)}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
      noValidate
      aria-labelledby="set-password-title"
    >
      <h3 id="set-password-title">{text.ui('ui.settings.users.setPassword', { name: user.name })}</h3>
      {error !== null && <ErrorSummary error={error} fieldIds={SET_IDS} />}
      <TextField id={SET_IDS.password} inputRef={first} label={text.ui('ui.password.new')} hint={text.ui('ui.password.hint')} type="password" value={password} onChange={setPassword} autoComplete="new-password" errors={fields.get('password')} />
      <TextField id={SET_IDS.confirm} label={text.ui('ui.password.confirm')} type="password" value={confirm} onChange={setConfirm} autoComplete="new-password" errors={fields.get('confirm')} />
      <div className="settings-form__actions">
        <button type="submit" className="button">
          {text.ui('ui.settings.users.setPassword.submit')}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {text.ui('ui.settings.users.setPassword.cancel')}
        </button>
      </div>
    </form>
  );
}

function AddUserForm({ onAdded }: { onAdded(user: { name: string; role: Role }): void }) {
  const text = useText();
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('officer');
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<ApiCallError | null>(null);
  const fields = messagesByField(text, error);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems = passwordCheck({ name, password, confirm, passwordField: 'password', confirmField: 'confirm', requireName: true });
    if (problems.length > 0) {
      setError(new ApiCallError('users.create', { code: 'invalid_input', messageKey: 'error.invalid_input', problems }));
      return;
    }
    try {
      const user = await call('users.create', { name, role, password });
      setError(null);
      setName('');
      setPassword('');
      setConfirm('');
      onAdded(user);
    } catch (failure) {
      setError(asApiError('users.create', failure));
    }
  };

  return (
    <form className="settings-form" onSubmit={(event) => void submit(event)} noValidate aria-labelledby="add-user-title">
      <h3 id="add-user-title">{text.ui('ui.settings.users.add.title')}</h3>
      {error !== null && <ErrorSummary error={error} fieldIds={ADD_IDS} />}
      <TextField id={ADD_IDS.name} label={text.ui('ui.settings.users.name')} value={name} onChange={setName} autoComplete="off" errors={fields.get('name')} />
      <div className="field">
        <label htmlFor={ADD_IDS.role} className="field__label">
          {text.ui('ui.settings.users.role')}
        </label>
        <select id={ADD_IDS.role} value={role} onChange={(event) => setRole(event.target.value as Role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {text.ui(`ui.role.${r}`)}
            </option>
          ))}
        </select>
      </div>
      <TextField id={ADD_IDS.password} label={text.ui('ui.settings.users.add.password')} hint={text.ui('ui.password.hint')} type="password" value={password} onChange={setPassword} autoComplete="new-password" errors={fields.get('password')} />
      <TextField id={ADD_IDS.confirm} label={text.ui('ui.password.confirm')} type="password" value={confirm} onChange={setConfirm} autoComplete="new-password" errors={fields.get('confirm')} />
      <div>
        <button type="submit" className="button">
          {text.ui('ui.settings.users.add.submit')}
        </button>
      </div>
    </form>
  );
}

export function UsersSection() {
  const text = useText();
  const me = useDesk((s) => s.user?.id);
  const [users, setUsers] = useState<UserAccount[] | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const reload = useCallback(() => {
    call('users.list', {}).then(setUsers, (failure: unknown) => setError(asApiError('users.list', failure)));
  }, []);
  useEffect(reload, [reload]);

  const done = (next: Notice) => {
    setEditing(null);
    setNotice(next);
    reload();
  };
  const unlock = async (user: UserAccount) => {
    try {
      await call('users.unlock', { userId: user.id });
      done({ key: 'ui.settings.users.unlocked', params: { name: user.name } });
    } catch (failure) {
      setError(asApiError('users.unlock', failure));
    }
  };

  return (
    <section className="panel settings-section settings-section--wide" aria-labelledby="settings-users-title">
      <h2 id="settings-users-title">{text.ui('ui.settings.users.title')}</h2>
      {error !== null && <ErrorSummary error={error} />}
      {notice !== null && (
        <p className="notice notice--ok" role="status">
          {text.ui(notice.key, notice.role === undefined ? notice.params : { ...notice.params, role: text.ui(`ui.role.${notice.role}`) })}
        </p>
      )}
      {users !== null && (
        <table className="settings-users">
          <caption className="sr-only">{text.ui('ui.settings.users.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.settings.users.name')}</th>
              <th scope="col">{text.ui('ui.settings.users.role')}</th>
              <th scope="col">{text.ui('ui.settings.users.status')}</th>
              <th scope="col">{text.ui('ui.settings.users.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((user) => (
              <tr key={user.id} data-user={user.name}>
                <th scope="row">
                  {user.name} {user.id === me && <span className="muted">{text.ui('ui.settings.users.you')}</span>}
                </th>
                <td>{text.ui(`ui.role.${user.role}`)}</td>
                <td>
                  {user.lockedUntil !== null
                    ? text.ui('ui.settings.users.locked', { time: text.dateTime(user.lockedUntil) })
                    : user.hasPassword
                      ? text.ui('ui.settings.users.active')
                      : text.ui('ui.settings.users.noPassword')}
                </td>
                <td className="settings-users__actions">
                  <button type="button" className="button button--secondary" aria-expanded={editing === user.id} onClick={() => setEditing(editing === user.id ? null : user.id)}>
                    {text.ui('ui.settings.users.setPassword', { name: user.name })}
                  </button>
                  {user.lockedUntil !== null && (
                    <button type="button" className="button button--secondary" onClick={() => void unlock(user)}>
                      {text.ui('ui.settings.users.unlock', { name: user.name })}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {editing !== null && users?.some((u) => u.id === editing) && (
        <SetPasswordForm key={editing} user={users.find((u) => u.id === editing) as UserAccount} onDone={done} onCancel={() => setEditing(null)} />
      )}
      <AddUserForm onAdded={(user) => done({ key: 'ui.settings.users.added', params: { name: user.name }, role: user.role })} />
      <h3>{text.ui('ui.settings.users.roles')}</h3>
      <dl className="settings-roles">
        {ROLES.map((role) => (
          <div key={role}>
            <dt>{text.ui(`ui.role.${role}`)}</dt>
            <dd>{text.ui(`ui.role.${role}.detail`)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

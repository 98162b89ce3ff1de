/** The masthead: the app's name, where you are, the language switch and who is signed in. */
import { LOCALES } from '../../shared/i18n/index.ts';
import { useDesk } from '../store/index.ts';
import { textFor, useText } from '../text/use-text.ts';
import { Icon } from './Icon.tsx';

function LanguageSwitch() {
  const text = useText();
  const setLocale = useDesk((s) => s.setLocale);
  return (
    <div className="language-switch" role="group" aria-labelledby="language-switch-label">
      <span id="language-switch-label" className="masthead__label">
        {text.ui('ui.language')}
      </span>
      {LOCALES.map((locale) => (
        // Each language is named in itself, so it can be found by someone who cannot read the other.
        <button key={locale} type="button" lang={locale} aria-pressed={text.locale === locale} onClick={() => setLocale(locale)}>
          {textFor(locale).ui(`ui.language.${locale}`)}
        </button>
      ))}
    </div>
  );
}

function CurrentUser() {
  const text = useText();
  const user = useDesk((s) => s.user);
  const failed = useDesk((s) => s.sessionError !== null);
  const signOut = useDesk((s) => s.signOut);
  if (user === null && !failed) return null;
  return (
    <p className="masthead__user">
      <Icon name="user" />
      {user === null ? text.ui('ui.user.unknown') : text.ui('ui.user.current', { name: user.name, role: text.ui(`ui.role.${user.role}`) })}
      {user !== null && (
        <button type="button" className="masthead__signout" onClick={() => void signOut()}>
          {text.ui('ui.signout')}
        </button>
      )}
    </p>
  );
}

export function Header() {
  const text = useText();
  const screen = useDesk((s) => s.route.screen);
  const signedIn = useDesk((s) => s.user !== null);
  return (
    <header className="masthead">
      <p className="masthead__brand">
        <span className="masthead__name">{text.ui('ui.app.name')}</span>
        <span className="masthead__tagline">{text.ui('ui.app.tagline')}</span>
      </p>
      {signedIn && <nav className="masthead__nav" aria-label={text.ui('ui.nav.main')}>
        <a href="#/cases" aria-current={screen === 'cases' ? 'page' : undefined}>
          {text.ui('ui.nav.cases')}
        </a>
        <a href="#/due" aria-current={screen === 'due' ? 'page' : undefined}>
          {text.ui('ui.nav.due')}
        </a>
        <a href="#/treaties" aria-current={screen === 'treaties' ? 'page' : undefined}>
          {text.ui('ui.nav.treaties')}
        </a>
        <a href="#/reports" aria-current={screen === 'reports' ? 'page' : undefined}>
          {text.ui('reports.ui.nav')}
        </a>
        <a href="#/settings" aria-current={screen === 'settings' ? 'page' : undefined}>
          {text.ui('ui.nav.settings')}
        </a>
      </nav>}
      <LanguageSwitch />
      <CurrentUser />
    </header>
  );
}

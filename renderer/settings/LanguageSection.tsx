/** Settings › Language: the same choice as the masthead's switch, as radio buttons, each language named in itself. */
import { LOCALES } from '../../shared/i18n/index.ts';
import { useDesk } from '../store/index.ts';
import { textFor, useText } from '../text/use-text.ts';

export function LanguageSection() {
  const text = useText();
  const setLocale = useDesk((s) => s.setLocale);
  return (
    <section className="panel settings-section" aria-labelledby="settings-language-title">
      <h2 id="settings-language-title">{text.ui('ui.settings.language.title')}</h2>
      <fieldset className="settings-choices">
        <legend className="field__hint">{text.ui('ui.settings.language.intro')}</legend>
        {LOCALES.map((locale) => (
          <label key={locale} lang={locale} className="settings-choice">
            <input type="radio" name="settings-language" value={locale} checked={text.locale === locale} onChange={() => setLocale(locale)} />
            {textFor(locale).ui(`ui.language.${locale}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}

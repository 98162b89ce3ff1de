/** The language of the screens, kept in localStorage so the next start opens in it. */
import type { StateCreator } from 'zustand';
import type { Locale } from '../../shared/i18n/index.ts';
import { loadLegalSources } from '../text/legal-sources.ts';
import type { DeskState } from './index.ts';
import { LOCALE_STORAGE_KEY, storedLocale } from './stored-locale.ts';

export interface LocaleSlice {
  locale: Locale;
  /**
   * Whether the translation of legal sources has loaded (renderer/text/legal-sources.ts): the
   * screens' text reads it (use-text.ts), so that Chinese chosen before it had loaded is shown
   * again with the sources translated.
   */
  legalSourcesLoaded: boolean;
  setLocale(locale: Locale): void;
}

export const createLocaleSlice: StateCreator<DeskState, [], [], LocaleSlice> = (set) => ({
  locale: storedLocale(),
  legalSourcesLoaded: false,
  setLocale: (locale) => {
    try {
      window.localStorage.setItem(LOCALE_STORAGE_KEY, locale);
    } catch {
      // Not kept for the next start; the switch still applies now.
    }
    set({ locale });
    // Chinese shows the built-in law's sources translated (the list preloads their module, so this is usually at once).
    if (locale !== 'en') void loadLegalSources().then(() => set({ legalSourcesLoaded: true }));
  },
});

/** The language of the screens, kept in localStorage so the next start opens in it. */
import type { StateCreator } from 'zustand';
import { LOCALES, type Locale } from '../../shared/i18n/index.ts';
import { loadLegalSources } from '../text/legal-sources.ts';
import type { DeskState } from './index.ts';

const STORAGE_KEY = 'tsp-desk.locale';

export interface LocaleSlice {
  locale: Locale;
  setLocale(locale: Locale): void;
}

function storedLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return LOCALES.find((l) => l === saved) ?? 'en';
  } catch {
    return 'en'; // storage refused (a locked-down profile): start in English
  }
}

/** The latest switch asked for: an earlier one still waiting for its sources is dropped. */
let latestSwitch = 0;

export const createLocaleSlice: StateCreator<DeskState, [], [], LocaleSlice> = (set) => ({
  locale: storedLocale(),
  setLocale: (locale) => {
    try {
      window.localStorage.setItem(STORAGE_KEY, locale);
    } catch {
      // Not kept for the next start; the switch still applies now.
    }
    const request = ++latestSwitch;
    const apply = () => {
      if (request === latestSwitch) set({ locale });
    };
    // Chinese shows the built-in law's sources translated: their module first (renderer/text/legal-sources.ts).
    if (locale === 'en') apply();
    else void loadLegalSources().then(apply, apply);
  },
});

/**
 * The language the screens were last shown in (localStorage), read without the message
 * catalogs: renderer/boot.ts reads it before the rest of the renderer's code has loaded.
 */
import type { Locale } from '../../shared/i18n/index.ts';

export const LOCALE_STORAGE_KEY = 'tsp-desk.locale';

/** Every locale by name (shared/i18n's LOCALES would load the catalogs): a new locale fails the typecheck until it is named here. */
const KNOWN: Record<Locale, true> = { en: true, 'zh-Hant': true };

const isLocale = (value: string | null): value is Locale => value !== null && Object.hasOwn(KNOWN, value);

export function storedLocale(): Locale {
  try {
    const saved = window.localStorage.getItem(LOCALE_STORAGE_KEY);
    return isLocale(saved) ? saved : 'en';
  } catch {
    return 'en'; // storage refused (a locked-down profile): start in English
  }
}

/**
 * Legal sources in the officer's language (shared/i18n/sources.ts), loaded apart from the rest
 * of the text: translating a source reads the built-in law (the treaty library, profiles and
 * treaty map, parsed by their zod schemas as they load), which was the largest part of the code
 * a window evaluated at its start, and no part of the first screen (the session and the case
 * list) shows a source. English needs none of it (a source is written in English). In Chinese,
 * every screen that can show a source waits for this module before it first renders
 * (renderer/screens.tsx); the list loads it when the window is idle after its first rows, and a
 * switch to Chinese loads it and renders the screens again once it is in (store/locale-slice.ts).
 * Until then a source shows as written, as a legal officer's own source always does.
 */
import type { Locale } from '../../shared/i18n/index.ts';

type Sources = typeof import('../../shared/i18n/sources.ts');

let loaded: Sources | null = null;
let loading: Promise<Sources> | undefined;

/** Loads the translation of legal sources (once). */
export function loadLegalSources(): Promise<Sources> {
  return (loading ??= import('../../shared/i18n/sources.ts').then((module) => (loaded = module)));
}

/** shared/i18n/sources.ts's sourceText, once loaded. */
export function sourceText(source: string, locale: Locale): string {
  return loaded === null ? source : loaded.sourceText(source, locale);
}

/** shared/i18n/sources.ts's withSourceIn, once loaded. */
export function withSourceIn<P extends Readonly<Record<string, unknown>>>(params: P, locale: Locale): P {
  return loaded === null ? params : loaded.withSourceIn(params, locale);
}

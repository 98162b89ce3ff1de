/**
 * The screens other than the case list (sign-in and first run among them), each loaded when
 * first shown (its own chunk, see vite.config.ts): the window starts by parsing the list's
 * code only. The case screen, where the list usually leads, is loaded as soon as the list's
 * first rows are in (index.html already names its chunks for the browser to fetch, see
 * vite.config.ts).
 *
 * A screen whose code is already loaded renders at once; one whose code is still loading
 * renders nothing until it is in, then itself. Not React.lazy: it would suspend a screen once
 * even when its code is loaded, and React holds back what a Suspense boundary reveals after a
 * fallback (up to 300 ms): opening a case just after the list appears would wait for that, not
 * for its code and data.
 *
 * A screen that can show a legal source is ready in Chinese only once their translation has
 * loaded too (renderer/text/legal-sources.ts): none is first shown with a built-in source as
 * written. English shows them as written, and needs no translation; a switch to Chinese before
 * it has loaded shows the sources translated as soon as it has (store/locale-slice.ts).
 */
import { useEffect, useState, type ComponentType } from 'react';
import { useDesk } from './store/index.ts';
import { loadLegalSources } from './text/legal-sources.ts';

interface Screen<P> {
  Screen: ComponentType<P>;
  /** Starts loading the screen's code (once). */
  preload: () => Promise<unknown>;
}

/** A screen that shows legal sources (every one but signing in and first run): in Chinese, it waits for their translation too. */
const withSources = <P,>(load: () => Promise<ComponentType<P>>) => () =>
  Promise.all([load(), useDesk.getState().locale === 'en' ? null : loadLegalSources()]).then(([component]) => component);

function screen<P extends object>(load: () => Promise<ComponentType<P>>): Screen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  function Screen(props: P) {
    const [shown, setShown] = useState<{ Component: ComponentType<P> } | { failed: unknown } | null>(() => (loaded === undefined ? null : { Component: loaded }));
    useEffect(() => {
      if (shown !== null) return;
      let mounted = true;
      preload().then(
        (Component) => mounted && setShown({ Component }),
        (error: unknown) => mounted && setShown({ failed: error }),
      );
      return () => {
        mounted = false;
      };
    }, [shown]);
    if (shown === null) return null;
    // Code that did not load fails the screen as a render would (its ErrorBoundary shows it).
    if ('failed' in shown) throw shown.failed;
    return <shown.Component {...props} />;
  }
  return { Screen, preload };
}

const caseScreen = screen(withSources(() => import('./case/CaseScreen.tsx').then((m) => m.CaseScreen)));

export const CaseScreen = caseScreen.Screen;
export const EditCaseScreen = screen(withSources(() => import('./form/CaseFormScreen.tsx').then((m) => m.EditCaseScreen))).Screen;
export const NewCaseScreen = screen(withSources(() => import('./form/CaseFormScreen.tsx').then((m) => m.NewCaseScreen))).Screen;
export const ImportScreen = screen(withSources(() => import('./imports/ImportScreen.tsx').then((m) => m.ImportScreen))).Screen;
export const DossierScreen = screen(withSources(() => import('./dossier/DossierScreen.tsx').then((m) => m.DossierScreen))).Screen;
export const DueScreen = screen(withSources(() => import('./due/DueScreen.tsx').then((m) => m.DueScreen))).Screen;
export const ReportsScreen = screen(withSources(() => import('./reports/ReportsScreen.tsx').then((m) => m.ReportsScreen))).Screen;
export const SettingsScreen = screen(withSources(() => import('./settings/SettingsScreen.tsx').then((m) => m.SettingsScreen))).Screen;
export const TreatiesScreen = screen(withSources(() => import('./treaties/TreatiesScreen.tsx').then((m) => m.TreatiesScreen))).Screen;
// Shown only to someone not signed in; with them go the validation messages, and zod.
export const SetupScreen = screen(() => import('./session/SetupScreen.tsx').then((m) => m.SetupScreen)).Screen;
export const SignInScreen = screen(() => import('./session/SignInScreen.tsx').then((m) => m.SignInScreen)).Screen;

/** Loads the case screen's code ahead of its first use, then (when the window is idle) the translation of legal sources, ready for a switch to Chinese. */
export function preloadCaseScreen(): void {
  // A failure to load shows when the screen is opened.
  void caseScreen.preload().then(() => requestIdleCallback(() => void loadLegalSources()), () => undefined);
}

/**
 * The screens other than the case list (sign-in and first run among them), each loaded when
 * first shown (its own chunk, see vite.config.ts): the window starts by parsing the list's
 * code only. The case screen, where the list usually leads, is loaded as soon as the list is
 * shown (index.html already names its chunks for the browser to fetch, see vite.config.ts).
 *
 * A screen whose code is already loaded renders at once. React.lazy alone would suspend it
 * once even then, and React holds back what a Suspense boundary reveals after a fallback
 * (up to 300 ms): opening a case would wait for that, not for its data.
 *
 * A screen that can show a legal source is ready only once their translation has loaded too
 * (renderer/text/legal-sources.ts): none renders a source as written in Chinese.
 */
import { lazy, useState, type ComponentType } from 'react';
import { loadLegalSources } from './text/legal-sources.ts';

interface Screen<P> {
  Screen: ComponentType<P>;
  /** Starts loading the screen's code (once). */
  preload: () => Promise<unknown>;
}

/** A screen that shows legal sources (every one but signing in and first run). */
const withSources = <P,>(load: () => Promise<ComponentType<P>>) => () => Promise.all([load(), loadLegalSources()]).then(([component]) => component);

function screen<P extends object>(load: () => Promise<ComponentType<P>>): Screen<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = component;
      return component;
    }));
  const Lazy = lazy(() => preload().then((component) => ({ default: component })));
  function Screen(props: P) {
    // Chosen once per mount: switching from Lazy to the loaded component would remount it.
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Lazy);
    return <Component {...props} />;
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

/** Loads the case screen's code ahead of its first use. */
export function preloadCaseScreen(): void {
  void caseScreen.preload();
}

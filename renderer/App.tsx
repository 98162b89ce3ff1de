/** The window: skip link, masthead, and the screen the route names. */
import { Suspense, useEffect } from 'react';
import { CasesScreen } from './cases/CasesScreen.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { Header } from './components/Header.tsx';
import { LeaveDialog } from './components/LeaveDialog.tsx';
import { RequireSession } from './session/RequireSession.tsx';
import {
  CaseScreen, DossierScreen, DueScreen, EditCaseScreen, NewCaseScreen, ReportsScreen, SettingsScreen, TreatiesScreen,
} from './screens.tsx';
import { hashOf } from './store/route-slice.ts';
import { useDesk } from './store/index.ts';
import { useText } from './text/use-text.ts';

export function App() {
  const text = useText();
  const route = useDesk((s) => s.route);

  useEffect(() => {
    document.documentElement.lang = text.locale;
  }, [text.locale]);

  return (
    <>
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault(); // the hash belongs to the router
          document.getElementById('main')?.focus();
        }}
      >
        {text.ui('ui.skipToContent')}
      </a>
      <Header />
      <main id="main" tabIndex={-1}>
        <RequireSession>
        {/* A screen that fails shows what happened and a way back; another screen clears it. */}
        <ErrorBoundary scope="screen" resetKey={hashOf(route)}>
        {/* Screens load their code when first shown (screens.tsx); it is local, so no placeholder. */}
        <Suspense fallback={null}>
        {route.screen === 'case' ? (
          <CaseScreen key={route.caseId} caseId={route.caseId} />
        ) : route.screen === 'edit' ? (
          <EditCaseScreen key={route.caseId} caseId={route.caseId} />
        ) : route.screen === 'new' ? (
          <NewCaseScreen />
        ) : route.screen === 'treaties' ? (
          <TreatiesScreen path={route.path} />
        ) : route.screen === 'reports' ? (
          <ReportsScreen />
        ) : route.screen === 'due' ? (
          <DueScreen />
        ) : route.screen === 'settings' ? (
          <SettingsScreen />
        ) : route.screen === 'dossier' ? (
          <DossierScreen key={route.caseId} caseId={route.caseId} />
        ) : (
          <CasesScreen />
        )}
        </Suspense>
        </ErrorBoundary>
        </RequireSession>
      </main>
      <LeaveDialog />
    </>
  );
}

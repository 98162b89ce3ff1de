/** The window: skip link, masthead, and the screen the route names. */
import { useEffect } from 'react';
import { CaseScreen } from './case/CaseScreen.tsx';
import { CasesScreen } from './cases/CasesScreen.tsx';
import { Header } from './components/Header.tsx';
import { LeaveDialog } from './components/LeaveDialog.tsx';
import { EditCaseScreen, NewCaseScreen } from './form/CaseFormScreen.tsx';
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
        {route.screen === 'case' ? (
          <CaseScreen key={route.caseId} caseId={route.caseId} />
        ) : route.screen === 'edit' ? (
          <EditCaseScreen key={route.caseId} caseId={route.caseId} />
        ) : route.screen === 'new' ? (
          <NewCaseScreen />
        ) : (
          <CasesScreen />
        )}
      </main>
      <LeaveDialog />
    </>
  );
}

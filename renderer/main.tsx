/** Renderer entry: styles, the store's link to the location hash, the session, then the app. */
// First: the session and the first answers are asked for (in the built page its own script has already run it).
import './boot.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.tsx';
import { ErrorBoundary } from './components/ErrorBoundary.tsx';
import { useDesk } from './store/index.ts';
import './styles/base.css';
import './styles/masthead.css';
import './styles/forms.css';
import './styles/status.css';
import './styles/cases.css';
import './styles/case.css';
import './styles/case-form.css';
import './styles/workflow.css';
import './styles/routes.css';
import './styles/security.css';

window.addEventListener('hashchange', () => useDesk.getState().followHash(window.location.hash));
void useDesk.getState().loadSession().then(() => {
  // When boot.ts's answers are in before React's first render, that render has the list's rows (one pass, not three).
  const { user, route, startCases } = useDesk.getState();
  if (user !== null && route.screen === 'cases') startCases();
});

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <ErrorBoundary scope="window">
      <App />
    </ErrorBoundary>
  </StrictMode>,
);

/** The Treaties page: the view the hash names (routes.ts). */
import { useEffect } from 'react';
import '../styles/treaties.css';
import { useText } from '../text/use-text.ts';
import { ProfilesPage } from './ProfilesPage.tsx';
import { ReportPage } from './ReportPage.tsx';
import { RuleSetEditor } from './RuleSetEditor.tsx';
import { RuleSetPage } from './RuleSetPage.tsx';
import { treatiesView } from './routes.ts';
import { TreatyTablePage } from './TreatyTablePage.tsx';
import { TreatyList } from './TreatyList.tsx';

export function TreatiesScreen({ path }: { path: string }) {
  const text = useText();
  const view = treatiesView(path);
  useEffect(() => {
    if (view.view === 'list') document.title = `${text.ui('ui.treaties.title')} — ${text.ui('ui.app.name')}`;
  }, [view.view, text]);
  switch (view.view) {
    case 'ruleSet':
      return <RuleSetPage key={view.id} id={view.id} />;
    case 'edit':
      return <RuleSetEditor key={view.id} id={view.id} />;
    case 'report':
      return <ReportPage key={view.reportId} reportId={view.reportId} />;
    case 'profiles':
      return <ProfilesPage />;
    case 'table':
      return <TreatyTablePage />;
    default:
      return <TreatyList />;
  }
}

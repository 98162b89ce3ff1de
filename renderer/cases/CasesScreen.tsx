/**
 * Cases: search first, then filters and their chips, the count, and the table. The list
 * first appears unfiltered, newest change first; coming back from a case reloads it (a
 * verdict may have changed) keeping as many rows as were shown.
 */
import { useEffect } from 'react';
import { mayUseListAction } from './list-actions.ts';
import { Icon } from '../components/Icon.tsx';
import { UnreadableCases } from '../components/UnreadableCases.tsx';
import { useDesk } from '../store/index.ts';
import { hashOf } from '../store/route-slice.ts';
import { preloadCaseScreen } from '../screens.tsx';
import { useText } from '../text/use-text.ts';
import { CaseFilters } from './CaseFilters.tsx';
import { CaseResults } from './CaseResults.tsx';
import { CaseSearch } from './CaseSearch.tsx';
import { ClosedMatches } from './ClosedMatches.tsx';
import { FilterChips } from './FilterChips.tsx';
import { PackageImport } from './PackageImport.tsx';
import { RoutesUnscreened } from './RoutesUnscreened.tsx';

function CaseCount() {
  const text = useText();
  const list = useDesk((s) => s.caseList);
  return (
    <p className="case-count" role="status">
      {(list.phase === 'ready' || (list.phase === 'loading' && list.items.length > 0)) && text.ui('ui.cases.count', { shown: `${text.number(list.total)}${list.countCapped ? '+' : ''}`, total: list.storeTotal })}
    </p>
  );
}

export function CasesScreen() {
  const text = useText();
  const showCases = useDesk((s) => s.showCases);
  const navigate = useDesk((s) => s.navigate);
  const unreadable = useDesk((s) => s.caseList.unreadable);
  const role = useDesk((s) => s.user?.role);

  useEffect(showCases, [showCases]);

  // The case screen's code (with the channels' zod schemas it evaluates) loads once the first rows are in,
  // not while they are on their way: opening a case then waits for its data only.
  const listed = useDesk((s) => s.caseList.phase !== 'loading');
  useEffect(() => {
    if (listed) preloadCaseScreen();
  }, [listed]);

  useEffect(() => {
    document.title = `${text.ui('ui.cases.title')} — ${text.ui('ui.app.name')}`;
  }, [text]);

  return (
    <div className="screen cases-screen">
      <div className="screen__head">
        <h1>{text.ui('ui.cases.title')}</h1>
        <CaseCount />
        <button type="button" className="button cases-actions" onClick={() => navigate({ screen: 'new' })}>
          <Icon name="plus" />
          {text.ui('ui.cases.new')}
        </button>
        {mayUseListAction(role, 'imports.spreadsheetStart') && (
          <a className="button button--secondary" href={hashOf({ screen: 'import' })}>
            {text.ui('ui.import.open')}
          </a>
        )}
      </div>
      <CaseSearch />
      <CaseFilters />
      <FilterChips />
      <ClosedMatches />
      <RoutesUnscreened />
      <UnreadableCases cases={unreadable} />
      <CaseResults />
      <PackageImport />
    </div>
  );
}

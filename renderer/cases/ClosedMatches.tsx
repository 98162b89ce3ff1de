/**
 * Closed cases are never left out of a search silently: when the search or filters match closed
 * cases that the list leaves out, it says how many, and the button includes them.
 */
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

export function ClosedMatches() {
  const text = useText();
  const closed = useDesk((s) => (s.caseList.phase === 'ready' && !s.caseQuery.filters.includeClosed ? s.caseList.closedMatching : null));
  const filterCases = useDesk((s) => s.filterCases);
  if (closed === null || closed.total === 0) return null;
  return (
    <p className="closed-matches">
      <button type="button" className="link-button" onClick={() => filterCases({ includeClosed: true })}>
        {text.ui('ui.cases.closedMatch', { count: closed.total, shown: `${text.number(closed.total)}${closed.countCapped ? '+' : ''}` })}
      </button>
    </p>
  );
}

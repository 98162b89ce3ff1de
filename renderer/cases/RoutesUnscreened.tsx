/**
 * "Has an open route" never leaves a case out silently: an open case changed while the routes were
 * being found has no screen for its new version yet, so the list says how many, and the button
 * screens them and lists again.
 */
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

export function RoutesUnscreened() {
  const text = useText();
  const count = useDesk((s) => (s.caseList.phase === 'ready' && s.caseQuery.filters.openRoute ? s.caseList.routesUnscreened : 0));
  const loadCases = useDesk((s) => s.loadCases);
  if (count === 0) return null;
  return (
    <p className="closed-matches" role="status">
      {text.ui('ui.cases.routesUnscreened', { count })}{' '}
      <button type="button" className="link-button" onClick={() => void loadCases()}>
        {text.ui('ui.cases.routesUnscreened.again')}
      </button>
    </p>
  );
}

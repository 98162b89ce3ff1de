/** The list's four states, each designed: first load, failure, nothing found, and the virtualised table. */
import { useEffect, useRef, useState } from 'react';
import { useDesk } from '../store/index.ts';
import { isFiltered } from '../store/case-query.ts';
import { useText } from '../text/use-text.ts';
import { Icon } from '../components/Icon.tsx';
import { CasesTable } from './CasesTable.tsx';

/** "Has an open route": the open cases not yet screened for today are screened first, in place of rows that are not yet the answer. */
function RouteScreening({ screened, open }: { screened: number; open: number }) {
  const text = useText();
  return (
    <div className="state state--loading" role="status">
      <p>{text.ui('ui.cases.routeScreening', { screened: text.number(screened), open: text.number(open) })}</p>
      <progress max={open} value={screened} aria-label={text.ui('ui.cases.filter.openRoute')} />
    </div>
  );
}

function Loading() {
  const text = useText();
  return (
    <p className="state state--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {text.ui('ui.cases.loading')}
    </p>
  );
}

function LoadFailed() {
  const text = useText();
  const error = useDesk((s) => s.caseList.error);
  const loadCases = useDesk((s) => s.loadCases);
  return (
    <div className="state state--error" role="alert">
      <h2>
        <Icon name="warning" />
        {text.ui('ui.cases.error.title')}
      </h2>
      <p>{text.message(error?.messageKey ?? 'error.internal')}</p>
      <button type="button" className="button" onClick={() => void loadCases()}>
        {text.ui('ui.action.retry')}
      </button>
    </div>
  );
}

function NothingFound() {
  const text = useText();
  const query = useDesk((s) => s.caseQuery);
  const clearCaseFilters = useDesk((s) => s.clearCaseFilters);
  const navigate = useDesk((s) => s.navigate);
  const search = query.text.trim();
  if (!isFiltered(query)) {
    return (
      <div className="state state--empty" role="status">
        <h2>{text.ui('ui.cases.empty.title')}</h2>
        <p>{text.ui('ui.cases.empty.store')}</p>
        <p className="state__hint">{text.ui('ui.cases.empty.create')}</p>
        <button type="button" className="button" onClick={() => navigate({ screen: 'new' })}>
          {text.ui('ui.cases.new')}
        </button>
      </div>
    );
  }
  return (
    <div className="state state--empty" role="status">
      <h2>{text.ui('ui.cases.empty.title')}</h2>
      <p>{search === '' ? text.ui('ui.cases.empty.filters') : text.ui('ui.cases.empty.search', { text: search })}</p>
      <p className="state__hint">{text.ui('ui.cases.empty.hint')}</p>
      <button
        type="button"
        className="button button--secondary"
        onClick={() => {
          clearCaseFilters();
          document.getElementById('case-search-text')?.focus();
        }}
      >
        {text.ui('ui.cases.chips.clear')}
      </button>
    </div>
  );
}

export function CaseResults() {
  const text = useText();
  const list = useDesk((s) => s.caseList);
  const query = useDesk((s) => s.caseQuery);
  // The frame is kept in state: the virtualiser needs it before its first render.
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);

  // A new search, filter or sort starts at the top of its results (a new frame is there already).
  const scrolledFor = useRef(query);
  useEffect(() => {
    if (scrolledFor.current === query) return;
    scrolledFor.current = query;
    scroller?.scrollTo({ top: 0 });
  }, [query, scroller]);

  if (list.phase === 'error') return <LoadFailed />;
  if (list.phase === 'loading' && list.routeScreening !== null) return <RouteScreening {...list.routeScreening} />;
  if (list.phase === 'loading' && list.items.length === 0) return <Loading />;
  if (list.phase === 'ready' && list.items.length === 0) return <NothingFound />;

  return (
    <>
      <p id="cases-keys" className="table-hint">
        {text.ui('ui.cases.keys')}
      </p>
      <div className="table-frame table-frame--scroll" ref={setScroller}>
        {scroller !== null && <CasesTable items={list.items} total={list.total} scroller={scroller} />}
      </div>
      <p className="table-loaded" role="status">
        {list.loadingMore
          ? text.ui('ui.cases.loadingMore')
          : list.items.length < list.total
            ? text.ui('ui.cases.loaded', { loaded: text.number(list.items.length), total: `${text.number(list.total)}${list.countCapped ? '+' : ''}` })
            : text.ui('ui.cases.loadedAll', { total: list.total })}
      </p>
    </>
  );
}

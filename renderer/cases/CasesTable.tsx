/**
 * The case list as a real table, virtualised: only the rows near the viewport are in the
 * DOM, between two spacer rows, and the table says how many rows there are in all
 * (aria-rowcount) and where each rendered row stands (aria-rowindex). Scrolling near the
 * end of what is loaded fetches the next page. Sortable columns are buttons in their
 * headers, with aria-sort on the column in force. The rows are one stop in the tab
 * order: arrow keys, Page Up/Down, Home and End move between them (scrolling and loading
 * as needed), Enter or a click opens the case. Coming back from a case puts focus on its
 * row again.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseSummary } from '../../shared/api-schemas.ts';
import { useDesk } from '../store/index.ts';
import type { CaseSortField } from '../store/case-query.ts';
import { useText } from '../text/use-text.ts';
import { Icon } from '../components/Icon.tsx';
import { CaseRow } from './CaseRow.tsx';

const SORT_LABEL: Record<CaseSortField, 'ui.cases.col.name' | 'ui.cases.col.status' | 'ui.cases.col.updated'> = {
  familyName: 'ui.cases.col.name',
  status: 'ui.cases.col.status',
  updatedAt: 'ui.cases.col.updated',
};

function SortableHeader({ field, className }: { field: CaseSortField; className?: string }) {
  const text = useText();
  const sort = useDesk((s) => s.caseQuery.sort);
  const sortCases = useDesk((s) => s.sortCases);
  const active = sort.field === field;
  const direction = active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : undefined;
  return (
    <th scope="col" className={className} aria-sort={direction}>
      <button type="button" className="sort-button" onClick={() => sortCases(field)}>
        {text.ui(SORT_LABEL[field])}
        <Icon name={!active ? 'sortNone' : sort.dir === 'asc' ? 'sortUp' : 'sortDown'} className={active ? undefined : 'icon--faint'} />
      </button>
    </th>
  );
}

const ROW_HEIGHT = 37;
const OVERSCAN = 12;
/** Fetch the next page when the rows rendered come this close to the end of what is loaded. */
const PREFETCH_ROWS = 30;
const PAGE_KEYS_STEP = 15;
const COLUMNS = 9;

interface CasesTableProps {
  items: readonly CaseSummary[];
  /** Cases matching the query, loaded or not. */
  total: number;
  /** The scrolling frame around the table (in the DOM before the table renders). */
  scroller: HTMLDivElement;
}

function targetIndex(key: string, index: number, loaded: number, total: number): number | null {
  const last = total - 1;
  switch (key) {
    case 'ArrowDown':
      return Math.min(index + 1, last);
    case 'ArrowUp':
      return Math.max(index - 1, 0);
    case 'PageDown':
      return Math.min(index + PAGE_KEYS_STEP, last);
    case 'PageUp':
      return Math.max(index - PAGE_KEYS_STEP, 0);
    case 'Home':
      return 0;
    case 'End':
      return Math.max(loaded - 1, 0);
    default:
      return null;
  }
}

export function CasesTable({ items, total, scroller }: CasesTableProps) {
  const text = useText();
  const sort = useDesk((s) => s.caseQuery.sort);
  const busy = useDesk((s) => s.caseList.phase === 'loading');
  const loadingMore = useDesk((s) => s.caseList.loadingMore);
  const loadMoreCases = useDesk((s) => s.loadMoreCases);
  const navigate = useDesk((s) => s.navigate);
  const returnTo = useDesk((s) => s.lastOpenedCaseId);
  const body = useRef<HTMLTableSectionElement>(null);
  const restored = useRef(false);
  // Roving tab stop: the row last focused is the one Tab comes back to.
  const [focused, setFocused] = useState<string | null>(null);
  // A row to focus once it is loaded and rendered (keyboard moves beyond the rendered rows).
  const [pendingFocus, setPendingFocus] = useState<number | null>(null);

  // The frame's size, read once (it is in the DOM, still empty): the first render then has every row that
  // shows, rather than a few and the rest once the virtualiser has measured the frame (two layouts of the table).
  const [initialRect] = useState(() => ({ width: scroller.clientWidth, height: scroller.clientHeight }));

  // The app does not run the React Compiler; the virtualizer re-renders this component itself.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scroller,
    initialRect,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    getItemKey: (index) => items[index]?.id ?? index,
  });
  const rows = virtualizer.getVirtualItems();
  const first = rows[0];
  const last = rows[rows.length - 1];
  const paddingTop = first?.start ?? 0;
  const paddingBottom = last === undefined ? 0 : virtualizer.getTotalSize() - last.end;

  const lastRendered = last?.index ?? -1;
  useEffect(() => {
    if (!loadingMore && items.length < total && lastRendered >= items.length - PREFETCH_ROWS) void loadMoreCases();
  }, [lastRendered, items.length, total, loadingMore, loadMoreCases]);

  const returnIndex = items.findIndex((c) => c.id === returnTo);
  const focusedIndex = items.findIndex((c) => c.id === focused);
  const wanted = focusedIndex >= 0 ? focusedIndex : returnIndex >= 0 ? returnIndex : 0;
  // The tab stop must be a row in the DOM; when the wanted one has scrolled away, the first rendered row.
  const tabStop = rows.some((r) => r.index === wanted) ? wanted : (first?.index ?? 0);

  const focusRow = useCallback((index: number) => {
    const row = body.current?.querySelector(`tr[data-index="${index}"]`);
    if (row instanceof HTMLElement) {
      row.focus({ preventScroll: true });
      return true;
    }
    return false;
  }, []);

  useEffect(() => {
    if (restored.current || returnIndex < 0) return;
    restored.current = true;
    virtualizer.scrollToIndex(returnIndex, { align: 'center' });
    setPendingFocus(returnIndex);
  }, [returnIndex, virtualizer]);

  useEffect(() => {
    if (pendingFocus === null || pendingFocus >= items.length) return;
    if (!rows.some((r) => r.index === pendingFocus)) {
      virtualizer.scrollToIndex(pendingFocus, { align: 'auto' });
      return;
    }
    if (focusRow(pendingFocus)) setPendingFocus(null);
  }, [pendingFocus, items.length, rows, virtualizer, focusRow]);

  const moveFocus = (event: KeyboardEvent<HTMLTableSectionElement>) => {
    const row = event.target instanceof HTMLElement ? event.target.closest('tr') : null;
    const index = Number(row?.getAttribute('data-index') ?? NaN);
    if (Number.isNaN(index)) return;
    const target = targetIndex(event.key, index, items.length, total);
    if (target === null) return;
    event.preventDefault();
    if (target >= items.length) void loadMoreCases();
    virtualizer.scrollToIndex(Math.min(target, items.length - 1), { align: 'auto' });
    setPendingFocus(target);
  };

  const open = (id: string) => navigate({ screen: 'case', caseId: id });

  return (
    <table className="cases-table" aria-busy={busy || loadingMore} aria-describedby="cases-keys" aria-rowcount={total + 1}>
      <caption className="sr-only">
        {text.ui('ui.cases.caption', {
          column: text.ui(SORT_LABEL[sort.field]),
          direction: text.ui(sort.dir === 'asc' ? 'ui.sort.ascending' : 'ui.sort.descending'),
        })}
      </caption>
      <thead>
        <tr aria-rowindex={1}>
          <SortableHeader field="familyName" className="col-name" />
          <th scope="col" className="col-native">{text.ui('ui.cases.col.nativeName')}</th>
          <th scope="col" className="col-born">{text.ui('ui.cases.col.dateOfBirth')}</th>
          <th scope="col" className="col-prison">{text.ui('ui.cases.col.prisonNumber')}</th>
          <th scope="col" className="col-states">{text.ui('ui.cases.col.states')}</th>
          <th scope="col" className="col-rule-set">{text.ui('ui.cases.col.ruleSet')}</th>
          <th scope="col" className="col-verdict">{text.ui('ui.cases.col.verdict')}</th>
          <SortableHeader field="status" className="col-status" />
          <SortableHeader field="updatedAt" className="col-date" />
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={moveFocus}>
        {paddingTop > 0 && (
          <tr className="spacer-row" aria-hidden="true">
            <td colSpan={COLUMNS} style={{ height: paddingTop }} />
          </tr>
        )}
        {rows.map((row) => {
          const summary = items[row.index];
          if (summary === undefined) return null;
          return (
            <CaseRow
              key={row.key}
              summary={summary}
              index={row.index}
              tabbable={row.index === tabStop}
              onOpen={open}
              onFocus={setFocused}
              measure={virtualizer.measureElement}
            />
          );
        })}
        {paddingBottom > 0 && (
          <tr className="spacer-row" aria-hidden="true">
            <td colSpan={COLUMNS} style={{ height: paddingBottom }} />
          </tr>
        )}
      </tbody>
    </table>
  );
}

/**
 * The case list as a real table. Sortable columns are buttons in their headers, with
 * aria-sort on the column in force. The rows are one stop in the tab order: arrow keys,
 * Home and End move between them, Enter or a click opens the case. Coming back from a
 * case puts focus on its row again.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CaseSummary } from '../../shared/api-schemas.ts';
import { useDesk } from '../store/index.ts';
import type { CaseSortField } from '../store/case-list-slice.ts';
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

function rowOf(target: EventTarget): HTMLTableRowElement | null {
  return target instanceof HTMLElement ? target.closest('tr') : null;
}

function moveFocus(event: KeyboardEvent<HTMLTableSectionElement>) {
  const row = rowOf(event.target);
  const body = event.currentTarget;
  if (row === null) return;
  const next =
    event.key === 'ArrowDown' ? row.nextElementSibling
    : event.key === 'ArrowUp' ? row.previousElementSibling
    : event.key === 'Home' ? body.firstElementChild
    : event.key === 'End' ? body.lastElementChild
    : undefined;
  if (next === undefined) return;
  event.preventDefault();
  if (next instanceof HTMLElement) next.focus();
}

export function CasesTable({ items }: { items: readonly CaseSummary[] }) {
  const text = useText();
  const sort = useDesk((s) => s.caseQuery.sort);
  const busy = useDesk((s) => s.caseList.phase === 'loading');
  const navigate = useDesk((s) => s.navigate);
  const returnTo = useDesk((s) => s.lastOpenedCaseId);
  const body = useRef<HTMLTableSectionElement>(null);
  const restored = useRef(false);
  // Roving tab stop: the row last focused is the one Tab comes back to.
  const [focused, setFocused] = useState<string | null>(null);

  const returnIndex = items.findIndex((c) => c.id === returnTo);
  const focusedIndex = items.findIndex((c) => c.id === focused);
  const tabStop = focusedIndex >= 0 ? focusedIndex : returnIndex >= 0 ? returnIndex : 0;

  useEffect(() => {
    if (restored.current || returnIndex < 0) return;
    restored.current = true;
    const row = body.current?.children[returnIndex];
    if (row instanceof HTMLElement) row.focus();
  }, [returnIndex]);

  const open = (id: string) => navigate({ screen: 'case', caseId: id });

  return (
    <table className="cases-table" aria-busy={busy} aria-describedby="cases-keys">
      <caption className="sr-only">
        {text.ui('ui.cases.caption', {
          column: text.ui(SORT_LABEL[sort.field]),
          direction: text.ui(sort.dir === 'asc' ? 'ui.sort.ascending' : 'ui.sort.descending'),
        })}
      </caption>
      <thead>
        <tr>
          <SortableHeader field="familyName" className="col-name" />
          <th scope="col">{text.ui('ui.cases.col.nativeName')}</th>
          <th scope="col">{text.ui('ui.cases.col.prisonNumber')}</th>
          <th scope="col">{text.ui('ui.cases.col.states')}</th>
          <th scope="col">{text.ui('ui.cases.col.ruleSet')}</th>
          <th scope="col">{text.ui('ui.cases.col.verdict')}</th>
          <SortableHeader field="status" />
          <SortableHeader field="updatedAt" className="col-date" />
        </tr>
      </thead>
      <tbody ref={body} onKeyDown={moveFocus}>
        {items.map((summary, index) => (
          <CaseRow key={summary.id} summary={summary} tabbable={index === tabStop} onOpen={open} onFocus={setFocused} />
        ))}
      </tbody>
    </table>
  );
}

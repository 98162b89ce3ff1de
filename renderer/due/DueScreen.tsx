/**
 * Due: everything with a date across the open cases, by urgency — overdue, this week,
 * later (within 90 days): deadlines, rescreen dates, releases drawing near, and the last
 * day a transfer keeps the treaty's minimum. Each row opens its case.
 */
import { useEffect, useRef, useState } from 'react';
import type { DueItem, DueList } from '../../shared/workflow-schemas.ts';
import { URGENCIES, type Urgency } from '../../shared/workflow/alerts.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { UnreadableCases } from '../components/UnreadableCases.tsx';
import { caseStatusLabel } from '../text/case-labels.ts';
import { fullName, personName } from '../text/people.ts';
import { useText } from '../text/use-text.ts';
import { caseStatuses } from '../../shared/vocabularies.ts';
import { alertLabel } from './labels.ts';
import { DUE_PAGE, DUE_ROWS_SHOWN } from './paging.ts';

function statusOf(item: DueItem) {
  return caseStatuses.find((s) => s === item.status) ?? null;
}

/** One urgency: its count over every open case, its first page, and the next pages on request. */
function DueTable({ urgency, on, count, first }: { urgency: Urgency; on: string; count: number; first: readonly DueItem[] }) {
  const text = useText();
  const id = `due-${urgency}`;
  const [items, setItems] = useState<readonly DueItem[]>(first);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const remaining = count - items.length;
  const next = Math.min(remaining, DUE_PAGE);
  const loadMore = () => {
    setLoading(true);
    setError(null);
    call('due.list', { on, urgency, offset: items.length, limit: DUE_PAGE })
      .then((page) => setItems((shown) => [...shown, ...page.items]))
      .catch((e: unknown) => setError(asApiError('due.list', e)))
      .finally(() => setLoading(false));
  };
  return (
    <section className={`due-group due-group--${urgency}`} aria-labelledby={id}>
      <h2 id={id}>
        <span className={`tag tag--${urgency}`}>{text.ui(`due.urgency.${urgency}`)}</span> {text.ui('due.count', { count })}
      </h2>
      {count === 0 ? (
        <p className="muted">{text.ui('due.empty')}</p>
      ) : (
        <table className="data-table due-table">
          <thead>
            <tr>
              <th scope="col">{text.ui('due.date')}</th>
              <th scope="col">{text.ui('due.what')}</th>
              <th scope="col">{text.ui('due.case')}</th>
              <th scope="col">{text.ui('due.step')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={`${item.caseId}:${item.kind}:${item.id ?? ''}`}>
                <td>
                  <time dateTime={item.date}>{text.deadline(item.date)}</time>
                </td>
                <td>{alertLabel(text, item)}</td>
                <th scope="row">
                  <a href={`#/case/${item.caseId}`}>{fullName(personName(item.familyName, item.givenNames))}</a>
                  {item.reference !== null && <span className="muted"> {item.reference}</span>}
                </th>
                <td>{caseStatusLabel(text, statusOf(item))}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {error !== null && (
        <p className="state state--error" role="alert">
          {text.message(error.messageKey)}
        </p>
      )}
      {remaining > 0 && (
        <button type="button" className="link-button" disabled={loading} aria-busy={loading} onClick={loadMore}>
          {next === remaining ? text.ui('due.showAll', { count: text.number(count) }) : text.ui('due.showNext', { count: next, remaining: text.number(remaining) })}
        </button>
      )}
    </section>
  );
}

export function DueScreen() {
  const text = useText();
  const heading = useRef<HTMLHeadingElement>(null);
  const [due, setDue] = useState<DueList | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);

  useEffect(() => {
    document.title = `${text.ui('due.title')} — ${text.ui('ui.app.name')}`;
  }, [text]);

  useEffect(() => {
    let live = true;
    call('due.list', { limit: DUE_ROWS_SHOWN })
      .then((list) => live && setDue(list))
      .catch((e: unknown) => live && setError(asApiError('due.list', e)));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (due !== null || error !== null) heading.current?.focus();
  }, [due, error]);

  return (
    <div className="screen due-screen">
      <h1 tabIndex={-1} ref={heading}>
        {text.ui('due.title')}
      </h1>
      <p className="muted">{text.ui('due.intro')}</p>
      {error !== null ? (
        <p className="state state--error" role="alert">
          {text.message(error.messageKey)}
        </p>
      ) : due === null ? (
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('due.loading')}
        </p>
      ) : (
        <>
          <p className="due-screen__on">{text.ui('due.on', { date: text.deadline(due.on) })}</p>
          <UnreadableCases cases={due.unreadable} />
          {URGENCIES.map((u) => (
            <DueTable key={`${u} ${due.on}`} urgency={u} on={due.on} count={due.counts[u]} first={due.items.filter((i) => i.urgency === u)} />
          ))}
        </>
      )}
    </div>
  );
}

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
import { DUE_ROWS_SHOWN } from './paging.ts';

function statusOf(item: DueItem) {
  return caseStatuses.find((s) => s === item.status) ?? null;
}

function DueTable({ urgency, items }: { urgency: Urgency; items: readonly DueItem[] }) {
  const text = useText();
  const id = `due-${urgency}`;
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, DUE_ROWS_SHOWN);
  return (
    <section className={`due-group due-group--${urgency}`} aria-labelledby={id}>
      <h2 id={id}>
        <span className={`tag tag--${urgency}`}>{text.ui(`due.urgency.${urgency}`)}</span> {text.ui('due.count', { count: text.number(items.length) })}
      </h2>
      {items.length === 0 ? (
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
            {shown.map((item) => (
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
      {shown.length < items.length && (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          {text.ui('due.showAll', { count: text.number(items.length) })}
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
    call('due.list', {})
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
            <DueTable key={u} urgency={u} items={due.items.filter((i) => i.urgency === u)} />
          ))}
        </>
      )}
    </div>
  );
}

/**
 * The case's audit history: every recorded change, who made it and when, newest first. Shut
 * by default and loaded when opened (the log of a long case is long, and most visits do not
 * need it); Esc inside shuts it and gives focus back to its button.
 */
import { useId, useRef, useState } from 'react';
import type { CaseAuditEntry } from '../../shared/contracts/audit.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { useText } from '../text/use-text.ts';

type Load = { phase: 'shut' } | { phase: 'loading' } | { phase: 'ready'; entries: CaseAuditEntry[] } | { phase: 'error'; error: ApiCallError };

export function AuditHistory({ caseId }: { caseId: string }) {
  const text = useText();
  const [open, setOpen] = useState(false);
  const [load, setLoad] = useState<Load>({ phase: 'shut' });
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  const fetchEntries = () => {
    setLoad({ phase: 'loading' });
    call('audit.forCase', { caseId, limit: 500 }).then(
      (entries) => setLoad({ phase: 'ready', entries }),
      (error: unknown) => setLoad({ phase: 'error', error: asApiError('audit.forCase', error) }),
    );
  };
  const toggle = () => {
    if (!open && load.phase !== 'ready') fetchEntries();
    setOpen(!open);
  };
  const actionLabel = (action: string) => (text.has(`ui.audit.action.${action}`) ? text.message(`ui.audit.action.${action}`) : action);

  return (
    <section
      className="panel panel--audit"
      aria-labelledby="audit-title"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !open) return;
        event.preventDefault(); // handled: the screen must not also close
        setOpen(false);
        button.current?.focus();
      }}
    >
      <h2 id="audit-title">
        <button type="button" className="disclosure__toggle" aria-expanded={open} aria-controls={panelId} ref={button} onClick={toggle}>
          <span className="disclosure__chevron" aria-hidden="true" />
          {text.ui('ui.audit.title')}
        </button>
      </h2>
      <div id={panelId} hidden={!open}>
        <p className="muted">{text.ui('ui.audit.intro')}</p>
        {load.phase === 'loading' && (
          <p className="state state--loading" role="status">
            <span className="spinner" aria-hidden="true" />
            {text.ui('ui.audit.loading')}
          </p>
        )}
        {load.phase === 'error' && (
          <div className="state state--error" role="alert">
            <p>{text.ui('ui.audit.failed')}</p>
            <p className="muted">{text.message(load.error.messageKey)}</p>
            <button type="button" className="button button--secondary" onClick={fetchEntries}>
              {text.ui('ui.audit.retry')}
            </button>
          </div>
        )}
        {load.phase === 'ready' &&
          (load.entries.length === 0 ? (
            <p className="muted">{text.ui('ui.audit.empty')}</p>
          ) : (
            <table className="audit-table">
              <thead>
                <tr>
                  <th scope="col">{text.ui('ui.audit.when')}</th>
                  <th scope="col">{text.ui('ui.audit.what')}</th>
                  <th scope="col">{text.ui('ui.audit.who')}</th>
                  <th scope="col">{text.ui('ui.audit.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {load.entries.map((entry) => (
                  <tr key={entry.seq} data-seq={entry.seq}>
                    <td>
                      <time dateTime={entry.at}>{text.dateTime(entry.at)}</time>
                    </td>
                    <td>{actionLabel(entry.action)}</td>
                    <td>{entry.userName ?? text.ui('ui.audit.unknownUser', { id: entry.userId })}</td>
                    <td>{entry.reason ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
      </div>
    </section>
  );
}

/**
 * Reports: the statistics of a period as legislators and ministries ask for them, each
 * table with its chart, and exports as XLSX, CSV or PDF (written by the main process).
 */
import { useEffect, useMemo, useState } from 'react';
import { statisticsTables } from '../../shared/reports/tables.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { useApiData } from '../treaties/use-api-data.ts';
import { useText } from '../text/use-text.ts';
import { ExportPanel } from './ExportPanel.tsx';
import { ReportFilters, type StatisticsQuery } from './ReportFilters.tsx';
import { StatisticsTable } from './StatisticsTable.tsx';
import './reports.css';

/** The current year up to today: what a question in the chamber usually asks first. */
function defaultQuery(): StatisticsQuery {
  const today = formatIsoDate(todayFrom(new Date()));
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

export function ReportsScreen() {
  const text = useText();
  const [query, setQuery] = useState<StatisticsQuery>(defaultQuery);
  const [loaded, reload] = useApiData('reports.statistics', query);
  const tables = useMemo(() => (loaded.phase === 'ready' ? statisticsTables(loaded.data, text.locale) : []), [loaded, text.locale]);

  useEffect(() => {
    document.title = `${text.ui('reports.ui.title')} — ${text.ui('ui.app.name')}`;
  }, [text]);

  return (
    <div className="screen reports-screen">
      <h1>{text.ui('reports.ui.title')}</h1>
      <p className="muted">{text.ui('reports.ui.intro')}</p>
      {/* "Show statistics" again for the same period reads the store again: cases may have changed meanwhile. */}
      <ReportFilters initial={query} onSubmit={(next) => (JSON.stringify(next) === JSON.stringify(query) ? reload() : setQuery(next))} />
      {loaded.phase === 'loading' && (
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('reports.ui.loading')}
        </p>
      )}
      {loaded.phase === 'error' && (
        <div className="state state--error" role="alert">
          <h2>{text.ui('reports.ui.error')}</h2>
          <p>{text.message(loaded.error.messageKey)}</p>
          <ul>
            {loaded.error.problems.map((p) => (
              <li key={p.field}>{text.ui('ui.error.problem', { field: p.field, message: p.messageKey ? text.message(p.messageKey, p.params) : p.message })}</li>
            ))}
          </ul>
        </div>
      )}
      {loaded.phase === 'ready' && (
        <>
          <p role="status">{text.ui('reports.ui.cases', { count: loaded.data.cases })}</p>
          {loaded.data.unreadable.length > 0 && (
            <p className="state state--error">{text.ui('reports.unreadable', { count: loaded.data.unreadable.length, ids: loaded.data.unreadable.join(', ') })}</p>
          )}
          {loaded.data.cases === 0 && <p className="state state--empty">{text.ui('reports.ui.empty')}</p>}
          <ExportPanel query={query} />
          {tables.map((table) => (
            <StatisticsTable key={table.id} table={table} />
          ))}
        </>
      )}
    </div>
  );
}

/** The period (from, to) and the filters of the statistics: direction, rule-set, either State. */
import { useState, type FormEvent } from 'react';
import type { ApiInputs } from '../../shared/api.ts';
import { DIRECTIONS } from '../../shared/vocabularies.ts';
import { useDesk } from '../store/index.ts';
import { ruleSetIds } from '../store/session-slice.ts';
import { useText } from '../text/use-text.ts';

export type StatisticsQuery = ApiInputs['reports.statistics'];

export function ReportFilters({ initial, onSubmit }: { initial: StatisticsQuery; onSubmit: (query: StatisticsQuery) => void }) {
  const text = useText();
  const ruleSets = ruleSetIds(useDesk((s) => s.ruleSets));
  const [query, setQuery] = useState(initial);
  const set = (change: Partial<StatisticsQuery>) => setQuery((q) => ({ ...q, ...change }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(query);
  };
  return (
    <form className="report-filters" onSubmit={submit} aria-labelledby="report-filters-heading">
      <h2 id="report-filters-heading" className="sr-only">
        {text.ui('reports.ui.period')}
      </h2>
      <div className="field">
        <label className="field__label" htmlFor="report-from">
          {text.ui('reports.ui.from')}
        </label>
        <input id="report-from" type="date" required value={query.from} onChange={(e) => set({ from: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="report-to">
          {text.ui('reports.ui.to')}
        </label>
        <input id="report-to" type="date" required value={query.to} onChange={(e) => set({ to: e.target.value })} />
      </div>
      <div className="field">
        <label className="field__label" htmlFor="report-direction">
          {text.ui('reports.ui.direction')}
        </label>
        <select id="report-direction" value={query.direction ?? ''} onChange={(e) => set({ direction: DIRECTIONS.find((d) => d === e.target.value) })}>
          <option value="">{text.ui('reports.ui.any')}</option>
          {DIRECTIONS.map((d) => (
            <option key={d} value={d}>
              {text.ui(`reports.direction.${d}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="report-rule-set">
          {text.ui('reports.ui.ruleSet')}
        </label>
        <select id="report-rule-set" value={query.ruleSetId ?? ''} onChange={(e) => set({ ruleSetId: e.target.value || undefined })}>
          <option value="">{text.ui('reports.ui.any')}</option>
          {ruleSets.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label className="field__label" htmlFor="report-state">
          {text.ui('reports.ui.state')}
        </label>
        <input
          id="report-state"
          aria-describedby="report-state-hint"
          maxLength={2}
          pattern="[A-Z]{2}"
          size={4}
          value={query.state ?? ''}
          onChange={(e) => set({ state: e.target.value.toUpperCase() || undefined })}
        />
        <span id="report-state-hint" className="field__hint">
          {text.ui('reports.ui.state.hint')}
        </span>
      </div>
      <button type="submit" className="button">
        {text.ui('reports.ui.show')}
      </button>
    </form>
  );
}

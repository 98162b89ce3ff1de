/** The filter panel: status, rule-set, the two States, verdict of the latest assessment, what is due, closed cases too. */
import { useDeferredValue } from 'react';
import { caseStatuses, DUE_FILTERS, VERDICTS } from '../../shared/vocabularies.ts';
import { useDesk } from '../store/index.ts';
import type { VerdictFilter } from '../store/case-query.ts';
import { ruleSetIds } from '../store/session-slice.ts';
import { caseStatusLabel, verdictFilterLabel } from '../text/case-labels.ts';
import { ruleSetName } from '../text/instruments.ts';
import { regionOptions } from '../text/regions.ts';
import { useText } from '../text/use-text.ts';

const VERDICT_FILTERS: readonly VerdictFilter[] = [...VERDICTS, 'not_assessed'];

interface FilterSelectProps<T extends string> {
  id: string;
  label: string;
  any: string;
  value: T | null | undefined;
  options: readonly { value: T; label: string }[];
  onChange: (value: T | null) => void;
  className?: string;
}

/** One filter: a labelled select whose first option, "Any", clears it. */
function FilterSelect<T extends string>({ id, label, any, value, options, onChange, className }: FilterSelectProps<T>) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className={className} value={value ?? ''} onChange={(e) => onChange(options.find((o) => o.value === e.target.value)?.value ?? null)}>
        <option value="">{any}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CaseFilters() {
  const text = useText();
  const filters = useDesk((s) => s.caseQuery.filters);
  const summaries = useDesk((s) => s.ruleSets);
  const ruleSets = ruleSetIds(summaries);
  const filterCases = useDesk((s) => s.filterCases);
  const any = text.ui('ui.cases.filter.any');
  // The two State lists (some 250 names each, looked up and sorted) are the screen's biggest part: the first
  // render has only the States chosen, and the lists follow in a render that yields to the first rows (the
  // selects have their full width from the start, styles/cases.css, so nothing moves when they fill).
  const allStates = useDeferredValue(true, false);
  const stateOption = (code: string) => ({ value: code, label: `${text.region(code)} (${code})` });
  const states = allStates
    ? regionOptions(text).map((r) => stateOption(r.code))
    : [...new Set([filters.sentencingState, filters.administeringState])].filter((code) => code !== null).map(stateOption);

  return (
    <fieldset className="case-filters">
      <legend className="case-filters__legend">{text.ui('ui.cases.filters')}</legend>
      {/* Several statuses: each chosen one is a chip (FilterChips), and the select offers the others. */}
      <FilterSelect
        id="filter-status"
        label={text.ui('ui.cases.filter.status')}
        any={filters.status.length === 0 ? any : text.ui('ui.cases.filter.statusAnother')}
        value={null}
        options={caseStatuses.filter((status) => !filters.status.includes(status)).map((status) => ({ value: status, label: caseStatusLabel(text, status) }))}
        onChange={(status) => {
          if (status !== null) filterCases({ status: [...filters.status, status] });
        }}
      />
      <FilterSelect
        id="filter-rule-set"
        label={text.ui('ui.cases.filter.ruleSet')}
        any={any}
        value={filters.ruleSetId}
        options={ruleSets.map((id) => ({ value: id, label: ruleSetName(text, summaries, { ruleSetId: id }) }))}
        onChange={(ruleSetId) => filterCases({ ruleSetId })}
      />
      <FilterSelect
        id="filter-sentencing-state"
        label={text.ui('ui.cases.filter.sentencingState')}
        any={any}
        value={filters.sentencingState}
        options={states}
        className="state-select"
        onChange={(sentencingState) => filterCases({ sentencingState })}
      />
      <FilterSelect
        id="filter-administering-state"
        label={text.ui('ui.cases.filter.administeringState')}
        any={any}
        value={filters.administeringState}
        options={states}
        className="state-select"
        onChange={(administeringState) => filterCases({ administeringState })}
      />
      <FilterSelect
        id="filter-verdict"
        label={text.ui('ui.cases.filter.verdict')}
        any={any}
        value={filters.verdict}
        options={VERDICT_FILTERS.map((verdict) => ({ value: verdict, label: verdictFilterLabel(text, verdict) }))}
        onChange={(verdict) => filterCases({ verdict })}
      />
      <FilterSelect
        id="filter-due"
        label={text.ui('ui.filter.due')}
        any={any}
        value={filters.due}
        options={DUE_FILTERS.map((due) => ({ value: due, label: text.ui(`ui.filter.due.${due}`) }))}
        onChange={(due) => filterCases({ due })}
      />
      <div className="field field--checkbox">
        <input id="filter-mine" type="checkbox" checked={filters.mine} onChange={(e) => filterCases({ mine: e.target.checked })} />
        <label htmlFor="filter-mine">{text.ui('ui.cases.mine')}</label>
      </div>
      <div className="field field--checkbox">
        <input
          id="filter-open-route"
          type="checkbox"
          checked={filters.openRoute}
          aria-describedby="filter-open-route-hint"
          onChange={(e) => filterCases({ openRoute: e.target.checked })}
        />
        <label htmlFor="filter-open-route">{text.ui('ui.cases.filter.openRoute')}</label>
        <p id="filter-open-route-hint" className="field__hint">
          {text.ui('ui.cases.filter.openRoute.hint')}
        </p>
      </div>
      <div className="field field--checkbox">
        <input
          id="filter-include-closed"
          type="checkbox"
          checked={filters.includeClosed}
          onChange={(e) => filterCases({ includeClosed: e.target.checked })}
        />
        <label htmlFor="filter-include-closed">{text.ui('ui.cases.filter.includeClosed')}</label>
      </div>
    </fieldset>
  );
}

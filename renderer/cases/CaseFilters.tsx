/** The filter panel: status, rule-set, the two States, verdict of the latest assessment, closed cases too. */
import type { ChangeEvent } from 'react';
import { VERDICTS } from '../../shared/api-schemas.ts';
import { caseStatuses } from '../../shared/domain/case.ts';
import { useDesk } from '../store/index.ts';
import type { VerdictFilter } from '../store/case-list-slice.ts';
import { ruleSetIds } from '../store/session-slice.ts';
import { caseStatusLabel, verdictFilterLabel } from '../text/case-labels.ts';
import { REGION_CODES, regionOptions } from '../text/regions.ts';
import { useText } from '../text/use-text.ts';

const VERDICT_FILTERS: readonly VerdictFilter[] = [...VERDICTS, 'not_assessed'];

/** The chosen option, or null for "Any". */
function chosen<T extends string>(options: readonly T[], event: ChangeEvent<HTMLSelectElement>): T | null {
  return options.find((o) => o === event.target.value) ?? null;
}

export function CaseFilters() {
  const text = useText();
  const filters = useDesk((s) => s.caseQuery.filters);
  const ruleSets = ruleSetIds(useDesk((s) => s.ruleSets));
  const filterCases = useDesk((s) => s.filterCases);
  const any = text.ui('ui.cases.filter.any');
  const regions = regionOptions(text);

  return (
    <fieldset className="case-filters">
      <legend className="case-filters__legend">{text.ui('ui.cases.filters')}</legend>
      <div className="field">
        <label htmlFor="filter-status" className="field__label">
          {text.ui('ui.cases.filter.status')}
        </label>
        <select id="filter-status" value={filters.status ?? ''} onChange={(e) => filterCases({ status: chosen(caseStatuses, e) })}>
          <option value="">{any}</option>
          {caseStatuses.map((status) => (
            <option key={status} value={status}>
              {caseStatusLabel(text, status)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-rule-set" className="field__label">
          {text.ui('ui.cases.filter.ruleSet')}
        </label>
        <select id="filter-rule-set" value={filters.ruleSetId ?? ''} onChange={(e) => filterCases({ ruleSetId: chosen(ruleSets, e) })}>
          <option value="">{any}</option>
          {ruleSets.map((id) => (
            <option key={id} value={id}>
              {id}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-sentencing-state" className="field__label">
          {text.ui('ui.cases.filter.sentencingState')}
        </label>
        <select
          id="filter-sentencing-state"
          value={filters.sentencingState ?? ''}
          onChange={(e) => filterCases({ sentencingState: chosen(REGION_CODES, e) })}
        >
          <option value="">{any}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-administering-state" className="field__label">
          {text.ui('ui.cases.filter.administeringState')}
        </label>
        <select
          id="filter-administering-state"
          value={filters.administeringState ?? ''}
          onChange={(e) => filterCases({ administeringState: chosen(REGION_CODES, e) })}
        >
          <option value="">{any}</option>
          {regions.map((r) => (
            <option key={r.code} value={r.code}>
              {r.name} ({r.code})
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-verdict" className="field__label">
          {text.ui('ui.cases.filter.verdict')}
        </label>
        <select id="filter-verdict" value={filters.verdict ?? ''} onChange={(e) => filterCases({ verdict: chosen(VERDICT_FILTERS, e) })}>
          <option value="">{any}</option>
          {VERDICT_FILTERS.map((verdict) => (
            <option key={verdict} value={verdict}>
              {verdictFilterLabel(text, verdict)}
            </option>
          ))}
        </select>
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

/** The search and filters in force, each a chip that removes itself; "Clear all" removes every one. */
import { ruleSetName } from '../text/instruments.ts';
import { useDesk } from '../store/index.ts';
import type { CaseFilters } from '../store/case-query.ts';
import { useText } from '../text/use-text.ts';
import { Icon } from '../components/Icon.tsx';
import { caseStatusLabel, verdictFilterLabel } from '../text/case-labels.ts';

interface Chip {
  id: string;
  label: string;
  remove(): void;
}

function focusSearch() {
  document.getElementById('case-search-text')?.focus();
}

export function FilterChips() {
  const text = useText();
  const query = useDesk((s) => s.caseQuery);
  const ruleSets = useDesk((s) => s.ruleSets);
  const searchCases = useDesk((s) => s.searchCases);
  const filterCases = useDesk((s) => s.filterCases);
  const clearCaseFilters = useDesk((s) => s.clearCaseFilters);
  const { status, ruleSetId, verdict, sentencingState, administeringState, due, mine, openRoute, includeClosed } = query.filters;
  const drop = (patch: Partial<CaseFilters>) => () => filterCases(patch);

  const chips: Chip[] = [];
  const search = query.text.trim();
  if (search !== '') chips.push({ id: 'text', label: text.ui('ui.cases.chip.text', { value: search }), remove: () => searchCases('') });
  for (const one of status) {
    chips.push({ id: `status:${one}`, label: text.ui('ui.cases.chip.status', { value: caseStatusLabel(text, one) }), remove: drop({ status: status.filter((s) => s !== one) }) });
  }
  if (ruleSetId !== null) chips.push({ id: 'ruleSet', label: text.ui('ui.cases.chip.ruleSet', { value: ruleSetName(text, ruleSets, { ruleSetId }) }), remove: drop({ ruleSetId: null }) });
  if (verdict !== null) chips.push({ id: 'verdict', label: text.ui('ui.cases.chip.verdict', { value: verdictFilterLabel(text, verdict) }), remove: drop({ verdict: null }) });
  if (sentencingState !== null) {
    chips.push({ id: 'sentencingState', label: text.ui('ui.cases.chip.sentencingState', { value: text.region(sentencingState) }), remove: drop({ sentencingState: null }) });
  }
  if (administeringState !== null) {
    chips.push({ id: 'administeringState', label: text.ui('ui.cases.chip.administeringState', { value: text.region(administeringState) }), remove: drop({ administeringState: null }) });
  }
  if (due !== null) chips.push({ id: 'due', label: text.ui('ui.cases.chip.due', { value: text.ui(`ui.filter.due.${due}`) }), remove: drop({ due: null }) });
  if (mine) chips.push({ id: 'mine', label: text.ui('ui.cases.mine'), remove: drop({ mine: false }) });
  if (openRoute) chips.push({ id: 'openRoute', label: text.ui('ui.cases.chip.openRoute'), remove: drop({ openRoute: false }) });
  if (includeClosed) chips.push({ id: 'closed', label: text.ui('ui.cases.chip.includeClosed'), remove: drop({ includeClosed: false }) });
  if (chips.length === 0) return null;

  return (
    <div className="filter-chips">
      <h2 className="filter-chips__title" id="filter-chips-title">
        {text.ui('ui.cases.chips')}
      </h2>
      <ul aria-labelledby="filter-chips-title">
        {chips.map((chip) => (
          <li key={chip.id}>
            <button
              type="button"
              className="chip"
              aria-label={text.ui('ui.cases.chip.remove', { label: chip.label })}
              onClick={() => {
                chip.remove();
                focusSearch();
              }}
            >
              {chip.label}
              <Icon name="cross" />
            </button>
          </li>
        ))}
      </ul>
      {chips.length > 1 && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            clearCaseFilters();
            focusSearch();
          }}
        >
          {text.ui('ui.cases.chips.clear')}
        </button>
      )}
    </div>
  );
}

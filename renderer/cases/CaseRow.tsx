/** One case in the list. The whole row opens the case; the name is also a link for screen readers' link lists. */
import type { CaseSummary } from '../../shared/api-schemas.ts';
import { hashOf } from '../store/route-slice.ts';
import { personName, statesSpoken } from '../text/people.ts';
import { useText } from '../text/use-text.ts';
import { NotRecorded } from '../components/NotRecorded.tsx';
import { VerdictBadge } from '../components/StatusBadges.tsx';
import { caseStatusLabel } from '../text/case-labels.ts';
import { ruleSetName } from '../text/instruments.ts';
import { useDesk } from '../store/index.ts';

interface CaseRowProps {
  summary: CaseSummary;
  /** Its place in the whole list, from 0 (the header row is row 1 of the table). */
  index: number;
  /** The row that takes focus when the table is tabbed into. */
  tabbable: boolean;
  onOpen(id: string): void;
  onFocus(id: string): void;
  /** The virtualiser's measuring ref: rows taller than estimated (a wrapped badge) keep their place. */
  measure(row: HTMLTableRowElement | null): void;
}

export function CaseRow({ summary, index, tabbable, onOpen, onFocus, measure }: CaseRowProps) {
  const text = useText();
  const ruleSets = useDesk((s) => s.ruleSets);
  const name = personName(summary.familyName, summary.givenNames);
  return (
    <tr
      ref={measure}
      className="case-row"
      tabIndex={tabbable ? 0 : -1}
      data-case-id={summary.id}
      data-index={index}
      aria-rowindex={index + 2}
      onClick={(event) => {
        if (event.target instanceof HTMLElement && event.target.closest('a') !== null) return; // the link navigates itself
        onOpen(summary.id);
      }}
      onKeyDown={(event) => {
        if (event.key !== 'Enter' || event.target !== event.currentTarget) return;
        event.preventDefault();
        onOpen(summary.id);
      }}
      onFocus={() => onFocus(summary.id)}
    >
      <th scope="row" className="col-name">
        <a href={hashOf({ screen: 'case', caseId: summary.id })} tabIndex={-1}>
          <span className="family-name">{name.family}</span>
          {name.given !== null && <> {name.given}</>}
        </a>
      </th>
      <td className="col-native">{summary.nativeName ?? <NotRecorded />}</td>
      <td className="col-born">{summary.dateOfBirth === null ? <NotRecorded /> : text.date(summary.dateOfBirth)}</td>
      <td className="col-code col-prison">{summary.prisonNumber ?? <NotRecorded />}</td>
      <td className="col-states">
        <span aria-hidden="true">
          {text.region(summary.sentencingState)} → {text.region(summary.administeringState)}
        </span>
        <span className="sr-only">{statesSpoken(text, summary.sentencingState, summary.administeringState)}</span>
      </td>
      <td className="col-rule-set">{summary.ruleSetId === null ? <NotRecorded /> : ruleSetName(text, ruleSets, { ruleSetId: summary.ruleSetId })}</td>
      <td className="col-verdict">
        <VerdictBadge verdict={summary.verdict} />
      </td>
      <td className="col-status">{caseStatusLabel(text, summary.status)}</td>
      <td className="col-date">{text.localDate(summary.updatedAt)}</td>
    </tr>
  );
}

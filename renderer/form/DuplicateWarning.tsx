/**
 * A new case's duplicate check (issue 18): before the first save, the form asks cases.list for the
 * cases of a person who may be this one (the same names and date of birth, or the same prison
 * number: `samePerson`, closed cases included). If there are any, the form shows them here, each a
 * link to its case, and saves only when asked again: a warning, never a refusal.
 */
import { useEffect, useRef } from 'react';
import type { CaseSummary } from '../../shared/api-schemas.ts';
import type { ListCasesInput } from '../../shared/contracts/cases.ts';
import { Icon } from '../components/Icon.tsx';
import { hashOf } from '../store/route-slice.ts';
import { personName } from '../text/people.ts';
import { useText } from '../text/use-text.ts';
import type { CaseDraft } from './case-draft.ts';

/** The most cases the warning lists. */
export const DUPLICATES_SHOWN = 10;

/** What the check compares of a draft; undefined when it has neither a name with a date of birth nor a prison number. */
export function samePersonOf(draft: CaseDraft): NonNullable<ListCasesInput['samePerson']> | undefined {
  const familyName = draft.familyName.trim();
  const givenNames = draft.givenNames.trim();
  const prisonNumber = draft.prisonNumber.trim();
  const dateOfBirth = /^\d{4}-\d{2}-\d{2}$/.test(draft.dateOfBirth) ? draft.dateOfBirth : '';
  const named = familyName !== '' && dateOfBirth !== '';
  if (!named && prisonNumber === '') return undefined;
  return {
    ...(named ? { familyName, dateOfBirth, ...(givenNames === '' ? {} : { givenNames }) } : {}),
    ...(prisonNumber === '' ? {} : { prisonNumber }),
  };
}

interface DuplicateWarningProps {
  cases: readonly CaseSummary[];
  /** All the cases found (more than are listed when above DUPLICATES_SHOWN). */
  total: number;
  onSaveAnyway(): void;
}

export function DuplicateWarning({ cases, total, onSaveAnyway }: DuplicateWarningProps) {
  const text = useText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [cases]);
  return (
    <div className="duplicate-warning" role="alert" tabIndex={-1} ref={box} aria-labelledby="duplicate-warning-title">
      <h2 className="duplicate-warning__title" id="duplicate-warning-title">
        <Icon name="warning" />
        {text.ui('ui.form.duplicate.title')}
      </h2>
      <p>{text.ui('ui.form.duplicate.lead', { count: total })}</p>
      <ul className="duplicate-warning__cases">
        {cases.map((c) => {
          const name = personName(c.familyName, c.givenNames);
          const details = [
            c.dateOfBirth === null ? null : text.ui('ui.form.duplicate.born', { date: text.date(c.dateOfBirth) }),
            c.prisonNumber === null ? null : text.ui('ui.form.duplicate.prisonNumber', { number: c.prisonNumber }),
            c.reference === null ? null : text.ui('ui.form.duplicate.reference', { reference: c.reference }),
            c.closedAt === null ? null : text.ui('ui.form.duplicate.closed', { date: text.localDate(c.closedAt) }),
          ].filter((d) => d !== null);
          return (
            <li key={c.id}>
              <a href={hashOf({ screen: 'case', caseId: c.id })}>
                <span className="family-name">{name.family}</span>
                {name.given !== null && <> {name.given}</>}
              </a>
              {details.length > 0 && <span className="duplicate-warning__details">{text.ui('ui.form.duplicate.details', { details: details.join(text.ui('ui.form.duplicate.separator')) })}</span>}
            </li>
          );
        })}
      </ul>
      <p>
        <button type="button" className="button button--secondary" onClick={onSaveAnyway}>
          {text.ui('ui.form.duplicate.save')}
        </button>
      </p>
    </div>
  );
}

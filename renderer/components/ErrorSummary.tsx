/**
 * A refused request, as the GOV.UK error summary: what went wrong in the user's language,
 * then each problem, linked to its field when the field is on screen. It takes focus when
 * it appears so that keyboard and screen-reader users land on it.
 */
import { useEffect, useRef } from 'react';
import type { ApiCallError } from '../api.ts';
import { problemText } from '../text/problems.ts';
import { useText } from '../text/use-text.ts';
import { Icon } from './Icon.tsx';

export interface ErrorSummaryProps {
  error: ApiCallError;
  /** The element id of each field the form shows, by the problem's field name. */
  fieldIds?: Readonly<Record<string, string>>;
  /** The words for a field the catalog's `ui.field.*` does not name, by the problem's field name. */
  fieldLabels?: Readonly<Record<string, string>>;
}

export function ErrorSummary({ error, fieldIds = {}, fieldLabels = {} }: ErrorSummaryProps) {
  const text = useText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [error]);

  const fieldLabel = (field: string) => {
    const key = `ui.field.${field}`;
    return fieldLabels[field] ?? (text.has(key) ? text.message(key) : field);
  };

  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="error-summary-title">
      <h3 className="error-summary__title" id="error-summary-title">
        <Icon name="warning" />
        {text.ui('ui.error.title')}
      </h3>
      <p>{text.message(error.messageKey)}</p>
      {error.problems.length > 0 && (
        <ul className="error-summary__problems">
          {error.problems.map((problem) => {
            const id = fieldIds[problem.field];
            const line = text.ui('ui.error.problem', { field: fieldLabel(problem.field), message: problemText(text, problem) });
            return (
              <li key={`${problem.field}:${problem.message}`}>
                {id === undefined ? (
                  line
                ) : (
                  <a
                    href={`#${id}`}
                    onClick={(event) => {
                      event.preventDefault(); // the hash belongs to the router
                      document.getElementById(id)?.focus();
                    }}
                  >
                    {line}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/**
 * What every form field shows around its control (GOV.UK): the label, an optional hint, the
 * field's own message above the control, and the ids the control is described by. The
 * control itself is the caller's (an input, a select, a group of radios).
 */
import type { ReactNode } from 'react';

export interface FieldFrameProps {
  id: string;
  label: string;
  hint?: string | undefined;
  /** The messages for this field, in the reader's language; none: the field is valid. */
  messages: readonly string[];
  className?: string | undefined;
  children: (control: { invalid: boolean; describedBy: string | undefined }) => ReactNode;
}

export function FieldFrame({ id, label, hint, messages, className, children }: FieldFrameProps) {
  const invalid = messages.length > 0;
  const described = [hint === undefined ? null : `${id}-hint`, invalid ? `${id}-error` : null].filter((x) => x !== null);
  const classes = ['field', invalid ? 'field--invalid' : null, className ?? null].filter((c) => c !== null).join(' ');
  return (
    <div className={classes}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {hint !== undefined && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {invalid && (
        <p className="field__error" id={`${id}-error`}>
          {messages.join(' ')}
        </p>
      )}
      {children({ invalid, describedBy: described.length === 0 ? undefined : described.join(' ') })}
    </div>
  );
}

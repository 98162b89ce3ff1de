/**
 * The text and password fields of the sign-in, first-run and Settings forms: a label, an
 * optional hint, the field's own message above the input (GOV.UK), the input marked invalid
 * and described by hint and message, and the browser's autocomplete purpose.
 */
import type { Ref } from 'react';

export interface TextFieldProps {
  id: string;
  label: string;
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'password';
  autoComplete: 'username' | 'name' | 'current-password' | 'new-password' | 'off';
  hint?: string;
  /** The messages for this field, in the reader's language. */
  errors?: readonly string[];
  inputRef?: Ref<HTMLInputElement>;
}

export function TextField({ id, label, value, onChange, type = 'text', autoComplete, hint, errors = [], inputRef }: TextFieldProps) {
  const invalid = errors.length > 0;
  const describedBy = [hint === undefined ? null : `${id}-hint`, invalid ? `${id}-error` : null].filter((x) => x !== null).join(' ');
  return (
    <div className={invalid ? 'field field--invalid' : 'field'}>
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
          {errors.join(' ')}
        </p>
      )}
      <input
        id={id}
        ref={inputRef}
        className="input"
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={false}
        required
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onChange={(event) => onChange(event.target.value)}
      />
    </div>
  );
}

/**
 * The text and password fields of the sign-in, first-run and Settings forms: the field's
 * frame (FieldFrame: label, hint, message), the input marked invalid and described by hint
 * and message, and the browser's autocomplete purpose.
 */
import type { Ref } from 'react';
import { FieldFrame } from '../components/FieldFrame.tsx';

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
  return (
    <FieldFrame id={id} label={label} hint={hint} messages={errors}>
      {({ invalid, describedBy }) => (
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
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

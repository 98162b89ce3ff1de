/**
 * A file to choose, with its label and hint: the file is handed on as soon as it is chosen, and the
 * input is emptied so that the same file can be chosen again (after a correction elsewhere).
 */
import { useId } from 'react';

interface FileFieldProps {
  id: string;
  label: string;
  hint: string;
  accept: string;
  disabled: boolean;
  onFile(file: File | undefined): void;
}

export function FileField({ id, label, hint, accept, disabled, onFile }: FileFieldProps) {
  const hintId = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <p className="field__hint" id={hintId}>
        {hint}
      </p>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={hintId}
        disabled={disabled}
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
    </div>
  );
}

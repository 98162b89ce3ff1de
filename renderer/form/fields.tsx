/**
 * The form's controls, each with its label, an optional hint and the router's message for
 * it beside the field (GOV.UK: the message above the input, the field marked invalid and
 * described by the message).
 */
import { DATE_MAX, DATE_MIN } from '../../shared/domain/bounds.ts';
import { useState, type ReactNode } from 'react';
import { FieldFrame } from '../components/FieldFrame.tsx';
import { Icon } from '../components/Icon.tsx';
import { regionOptions, type RegionOption } from '../text/regions.ts';
import { useText } from '../text/use-text.ts';
import { fieldId, TRI_VALUES, type Tri } from './case-draft.ts';

export type Problems = ReadonlyMap<string, readonly string[]>;

interface FieldShell {
  /** The field's path in the case file (`person.familyName`, `sentences[0].start`). */
  path: string;
  label: string;
  hint?: string;
  problems: Problems;
  className?: string;
}

function Shell({ path, label, hint, problems, className, children }: FieldShell & { children: (props: { id: string; invalid: boolean; describedBy?: string | undefined }) => ReactNode }) {
  const id = fieldId(path);
  return (
    <FieldFrame id={id} label={label} hint={hint} messages={problems.get(path) ?? []} className={className}>
      {(control) => children({ id, ...control })}
    </FieldFrame>
  );
}

interface InputProps extends FieldShell {
  value: string;
  onChange(value: string): void;
  type?: 'text' | 'date' | 'number';
  required?: boolean;
  lang?: string;
  inputMode?: 'numeric' | 'decimal';
}

export function TextField({ value, onChange, type = 'text', required, lang, inputMode, ...shell }: InputProps) {
  return (
    <Shell {...shell}>
      {({ id, invalid, describedBy: described }) => (
        <input
          id={id}
          type={type === 'number' ? 'text' : type}
          // The dates a case may hold (shared/domain/bounds.ts): the picker offers no other; the router refuses them anyway.
          min={type === 'date' ? DATE_MIN : undefined}
          max={type === 'date' ? DATE_MAX : undefined}
          inputMode={type === 'number' ? 'numeric' : inputMode}
          value={value}
          lang={lang}
          required={required}
          aria-required={required}
          aria-invalid={invalid}
          aria-describedby={described}
          autoComplete="off"
          spellCheck={false}
          className={type === 'number' ? 'input--short' : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Shell>
  );
}

interface SelectProps extends FieldShell {
  value: string;
  onChange(value: string): void;
  options: readonly { value: string; label: string }[];
  /** The label of the empty choice ("Not recorded"); absent: no empty choice. */
  empty?: string;
  required?: boolean;
}

export function SelectField({ value, onChange, options, empty, required, ...shell }: SelectProps) {
  return (
    <Shell {...shell}>
      {({ id, invalid, describedBy: described }) => (
        <select id={id} value={value} aria-required={required} aria-invalid={invalid} aria-describedby={described} onChange={(e) => onChange(e.target.value)}>
          {empty !== undefined && <option value="">{empty}</option>}
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Shell>
  );
}

/** A State, by its name in the officer's language, stored as its ISO code. */
export function StateField(props: Omit<SelectProps, 'options' | 'empty'> & { empty: string }) {
  const text = useText();
  const options = regionOptions(text).map((r) => ({ value: r.code, label: `${r.name} (${r.code})` }));
  return <SelectField {...props} options={options} />;
}

/** The State a typed word stands for: its name as listed ("Russia (RU)"), its code, or the one name it begins. */
function stateFor(options: readonly RegionOption[], typed: string, locale: string): RegionOption | undefined {
  const word = typed.trim();
  if (word === '') return undefined;
  const fold = (s: string) => s.toLocaleLowerCase(locale).normalize('NFKC');
  const wanted = fold(word);
  const exact = options.find((o) => fold(`${o.name} (${o.code})`) === wanted || fold(o.name) === wanted || o.code.toLowerCase() === wanted);
  if (exact !== undefined) return exact;
  const starting = options.filter((o) => fold(o.name).startsWith(wanted));
  return starting.length === 1 ? starting[0] : undefined;
}

/**
 * Several States, chosen by name with type-ahead (the list of names the browser suggests as the
 * officer types), each shown as a chip that removes itself, stored as ISO codes. A code or a name
 * typed and followed by a comma, Enter or leaving the field is taken too; a word that names no
 * State, or several, stays typed and says so.
 */
export function StatesField({ value, onChange, ...shell }: FieldShell & { value: string; onChange(value: string): void }) {
  const text = useText();
  const [typed, setTyped] = useState('');
  const [unknownWord, setUnknownWord] = useState<string | null>(null);
  const options = regionOptions(text);
  const codes = value
    .split(/[\s,;]+/)
    .map((c) => c.trim().toUpperCase())
    .filter((c) => /^[A-Z]{2}$/.test(c));
  const id = fieldId(shell.path);
  const label = (o: RegionOption) => `${o.name} (${o.code})`;

  /** Takes each word that names a State; returns what is left (the words that do not). */
  const take = (words: readonly string[]): string => {
    const chosen = [...codes];
    const left: string[] = [];
    for (const word of words) {
      if (word.trim() === '') continue;
      const found = stateFor(options, word, text.locale);
      if (found === undefined) left.push(word.trim());
      else if (!chosen.includes(found.code)) chosen.push(found.code);
    }
    if (chosen.length !== codes.length) onChange(chosen.join(', '));
    setUnknownWord(left.length === 0 ? null : left.join(', '));
    return left.join(', ');
  };
  const remove = (code: string) => {
    onChange(codes.filter((c) => c !== code).join(', '));
    document.getElementById(id)?.focus();
  };

  return (
    <Shell {...shell}>
      {({ invalid, describedBy: described }) => (
        <>
          <ul className="state-chips" id={`${id}-names`} aria-live="polite">
            {codes.length === 0 && <li className="state-chips__none">{text.ui('ui.value.notRecorded')}</li>}
            {codes.map((code) => (
              <li key={code}>
                <button type="button" className="chip" aria-label={text.ui('ui.form.states.remove', { state: text.region(code) })} onClick={() => remove(code)}>
                  {text.region(code)}
                  <Icon name="cross" />
                </button>
              </li>
            ))}
          </ul>
          <input
            id={id}
            type="text"
            list={`${id}-list`}
            value={typed}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid || unknownWord !== null}
            aria-describedby={[described, unknownWord === null ? undefined : `${id}-unknown`].filter((x) => x !== undefined).join(' ') || undefined}
            onChange={(e) => {
              const next = e.target.value;
              // A name chosen from the list, or words ended by a comma: taken at once.
              const parts = next.split(/[,;、，]/);
              if (parts.length > 1) setTyped(take(parts.slice(0, -1)) + (parts.at(-1) ?? ''));
              else if (options.some((o) => label(o) === next)) setTyped(take([next]));
              else {
                // Typing again: what was said of the last word no longer applies.
                setTyped(next);
                setUnknownWord(null);
              }
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && typed.trim() !== '') {
                e.preventDefault();
                setTyped(take([typed]));
              }
            }}
            onBlur={() => setTyped(take([typed]))}
          />
          <datalist id={`${id}-list`}>
            {options
              .filter((o) => !codes.includes(o.code))
              .map((o) => (
                <option key={o.code} value={label(o)} />
              ))}
          </datalist>
          {unknownWord !== null && (
            <p className="field__names" id={`${id}-unknown`} role="status">
              {text.ui('ui.form.states.unknown', { word: unknownWord })}
            </p>
          )}
        </>
      )}
    </Shell>
  );
}

/** Yes / No / Unknown as three radio buttons; unknown is written as null, never false. */
export function TriField({ path, label, problems, value, onChange }: Omit<FieldShell, 'hint' | 'className'> & { value: Tri; onChange(value: Tri): void }) {
  const text = useText();
  const id = fieldId(path);
  const messages = problems.get(path) ?? [];
  const invalid = messages.length > 0;
  const words: Record<Tri, string> = { yes: text.ui('ui.value.yes'), no: text.ui('ui.value.no'), unknown: text.ui('ui.form.unknown') };
  return (
    <fieldset className={invalid ? 'field tri field--invalid' : 'field tri'} aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend className="field__label">{label}</legend>
      {invalid && (
        <p className="field__error" id={`${id}-error`}>
          {messages.join(' ')}
        </p>
      )}
      <div className="tri__options">
        {TRI_VALUES.map((option, i) => (
          <label key={option} className="tri__option">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${option}`}
              name={id}
              value={option}
              checked={value === option}
              onChange={() => onChange(option)}
            />
            {words[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Several lines of text (aliases, one a line). */
export function TextAreaField({ value, onChange, lang, ...shell }: FieldShell & { value: string; onChange(value: string): void; lang?: string }) {
  return (
    <Shell {...shell}>
      {({ id, invalid, describedBy: described }) => (
        <textarea
          id={id}
          rows={3}
          value={value}
          lang={lang}
          aria-invalid={invalid}
          aria-describedby={described}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Shell>
  );
}

/** One choice of a few, as radio buttons; the first button carries the field's id. */
export function RadioField<V extends string>({
  path,
  label,
  problems,
  value,
  onChange,
  options,
}: Omit<FieldShell, 'hint' | 'className'> & { value: V; onChange(value: V): void; options: readonly { value: V; label: string }[] }) {
  const id = fieldId(path);
  const messages = problems.get(path) ?? [];
  const invalid = messages.length > 0;
  return (
    <fieldset className={invalid ? 'field tri field--invalid' : 'field tri'} aria-describedby={invalid ? `${id}-error` : undefined}>
      <legend className="field__label">{label}</legend>
      {invalid && (
        <p className="field__error" id={`${id}-error`}>
          {messages.join(' ')}
        </p>
      )}
      <div className="tri__options">
        {options.map((option, i) => (
          <label key={option.value} className="tri__option">
            <input
              type="radio"
              id={i === 0 ? id : `${id}-${option.value}`}
              name={id}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
            />
            {option.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/**
 * A rule-set parameter's value as form fields, drawn from its editor spec (shared/treaties/
 * parameter-fields.ts, read from the schema): a choice as a list of translated options, yes or no,
 * a whole number, an ISO date, a duration as years, months and days with the words it makes, a
 * set of checkboxes, the State picker by name, a line of text, an "applies" checkbox where none is
 * allowed (for a list of States where none means every one: "every State" or "only these"), an
 * object as its fields, a union as a choice of its shapes, a record by State and a list of objects
 * as rows that can be added and removed, and JSON where nothing else fits. Each field's id comes from its path in
 * the rule-set (`ruleSet.minRemaining.value.duration.years`), so the error summary links to it.
 */
import type { ReactNode } from 'react';
import { emptyDraft, type ByStateDraft, type FieldDraft, type FieldSpec, type UnionDraft } from '../../shared/treaties/parameter-fields.ts';
import type { ParameterKey } from '../../shared/treaties/parameter-groups.ts';
import { FieldFrame } from '../components/FieldFrame.tsx';
import { fieldId } from '../form/case-draft.ts';
import { StateField, StatesField } from '../form/fields.tsx';
import { useText } from '../text/use-text.ts';
import { valuePath } from './editor-draft.ts';

type Problems = ReadonlyMap<string, string[]>;
type Duration = { years: string; months: string; days: string };

interface Props {
  k: ParameterKey;
  spec: FieldSpec;
  draft: FieldDraft;
  /** The path under the value ('' for the value itself). */
  at: string;
  label: string;
  hint?: string | undefined;
  problems: Problems;
  disabled?: boolean;
  /** Words for a JSON field's hint: the value as it reads now. */
  words?: string;
  onChange(draft: FieldDraft): void;
}

const join = (at: string, name: string) => (at === '' ? name : `${at}.${name}`);

function Group({ id, label, messages, children }: { id: string; label: string; messages: readonly string[]; children: ReactNode }) {
  return (
    <fieldset id={id} tabIndex={-1} className={`field-group${messages.length > 0 ? ' field--invalid' : ''}`} aria-describedby={messages.length > 0 ? `${id}-error` : undefined}>
      <legend className="field__label">{label}</legend>
      {messages.length > 0 && (
        <p className="field__error" id={`${id}-error`}>
          {messages.join(' ')}
        </p>
      )}
      {children}
    </fieldset>
  );
}

export function ParameterValueField({ k, spec, draft, at, label, hint, problems, disabled = false, words, onChange }: Props) {
  const text = useText();
  const path = valuePath(k, at);
  const id = fieldId(path);
  const messages = problems.get(id) ?? [];
  const frame = (control: (describedBy: string | undefined, invalid: boolean) => ReactNode) => (
    <FieldFrame id={id} label={label} hint={hint} messages={messages}>
      {({ describedBy, invalid }) => control(describedBy, invalid)}
    </FieldFrame>
  );
  switch (spec.kind) {
    case 'choice':
      return frame((describedBy, invalid) => (
        <select id={id} value={draft as string} disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.currentTarget.value)}>
          {spec.options.map((o) => (
            <option key={o} value={o}>
              {text.message(`${spec.labels}${o}`)}
            </option>
          ))}
        </select>
      ));
    case 'boolean':
      return frame((describedBy, invalid) => (
        <select id={id} value={draft === true ? 'yes' : 'no'} disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.currentTarget.value === 'yes')}>
          <option value="yes">{text.ui('ruleset.field.yes')}</option>
          <option value="no">{text.ui('ruleset.field.no')}</option>
        </select>
      ));
    case 'number':
      return frame((describedBy, invalid) => (
        <input id={id} inputMode="numeric" className="input--short" value={draft as string} disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.currentTarget.value)} />
      ));
    case 'date':
      // The ISO date as typed, never through a Date (no time zone to move it a day).
      return frame((describedBy, invalid) => (
        <input id={id} type="date" value={draft as string} disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.currentTarget.value)} />
      ));
    case 'duration': {
      const d = draft as Duration;
      const whole = (s: string) => (/^\d+$/.test(s.trim()) ? Number(s.trim()) : s.trim() === '' ? 0 : null);
      const parts = { years: whole(d.years), months: whole(d.months), days: whole(d.days) };
      const readable = parts.years !== null && parts.months !== null && parts.days !== null;
      const sum = readable ? parts.years! + parts.months! + parts.days! : 0;
      const now = readable ? (sum === 0 ? text.ui('ruleset.field.durationZero') : text.period({ years: parts.years!, months: parts.months!, days: parts.days! })) : null;
      return (
        <Group id={id} label={label} messages={messages}>
          <div className="duration-field">
            {(['years', 'months', 'days'] as const).map((part) => {
              const partId = fieldId(valuePath(k, join(at, part)));
              return (
                <FieldFrame key={part} id={partId} label={text.ui(`ui.treaties.editor.${part}`)} messages={problems.get(partId) ?? []}>
                  {({ describedBy, invalid }) => (
                    <input id={partId} inputMode="numeric" className="input--short" value={d[part]} disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange({ ...d, [part]: e.currentTarget.value })} />
                  )}
                </FieldFrame>
              );
            })}
          </div>
          {now !== null && !disabled && (
            <p className="field__hint" data-duration-words>
              {text.ui('ruleset.field.durationWords', { words: now })}
            </p>
          )}
        </Group>
      );
    }
    case 'multi': {
      const chosen = draft as string[];
      return (
        <Group id={id} label={label} messages={messages}>
          <div className="checkboxes">
            {spec.options.map((o) => (
              <div key={o} className="field field--checkbox">
                <input
                  id={`${id}-${o}`}
                  type="checkbox"
                  checked={chosen.includes(o)}
                  disabled={disabled}
                  onChange={(e) => onChange(e.currentTarget.checked ? [...chosen, o] : chosen.filter((c) => c !== o))}
                />
                <label htmlFor={`${id}-${o}`}>{text.message(`${spec.labels}${o}`)}</label>
              </div>
            ))}
          </div>
        </Group>
      );
    }
    case 'states':
      return (
        <StatesField
          path={path}
          label={label}
          hint={hint}
          problems={new Map([[path, messages]])}
          value={(draft as string[]).join(', ')}
          onChange={(value) => onChange(value.split(/[\s,]+/).filter((c) => c !== ''))}
        />
      );
    case 'text':
      return frame((describedBy, invalid) => (
        <input id={id} spellCheck={false} value={draft as string} disabled={disabled} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange(e.currentTarget.value)} />
      ));
    case 'nullable': {
      const n = draft as { present: boolean; inner: FieldDraft };
      const presentId = fieldId(valuePath(k, join(at, 'present')));
      if (spec.inner.kind === 'states') {
        // null is every State: say so, rather than "applies" unticked.
        return (
          <Group id={presentId} label={label} messages={[]}>
            <div className="radios">
              {([false, true] as const).map((only) => (
                <div key={String(only)} className="field field--radio">
                  <input id={`${presentId}-${only ? 'only' : 'every'}`} type="radio" name={presentId} checked={n.present === only} disabled={disabled} onChange={() => onChange({ ...n, present: only })} />
                  <label htmlFor={`${presentId}-${only ? 'only' : 'every'}`}>{text.ui(only ? 'ruleset.field.onlyStates' : 'ruleset.field.everyState')}</label>
                </div>
              ))}
            </div>
            {n.present && <ParameterValueField k={k} spec={spec.inner} draft={n.inner} at={at} label={text.ui('ruleset.field.states')} problems={problems} disabled={disabled} onChange={(inner) => onChange({ ...n, inner })} />}
          </Group>
        );
      }
      return (
        <div className="nullable-field">
          <div className="field field--checkbox">
            <input id={presentId} type="checkbox" checked={n.present} disabled={disabled} onChange={(e) => onChange({ ...n, present: e.currentTarget.checked })} />
            <label htmlFor={presentId}>{at === '' ? text.ui('ruleset.field.applies') : `${label}: ${text.ui('ruleset.field.applies')}`}</label>
          </div>
          <ParameterValueField k={k} spec={spec.inner} draft={n.inner} at={at} label={label} hint={hint} problems={problems} disabled={disabled || !n.present} words={words} onChange={(inner) => onChange({ ...n, inner })} />
        </div>
      );
    }
    case 'object': {
      const o = draft as Record<string, FieldDraft>;
      return (
        <div className="object-field" id={id}>
          {spec.fields.map((f) => (
            <ParameterValueField
              key={f.name}
              k={k}
              spec={f.spec}
              draft={o[f.name]!}
              at={join(at, f.name)}
              label={text.has(`ruleset.field.${k}.${f.name}`) ? text.message(`ruleset.field.${k}.${f.name}`) : f.name}
              problems={problems}
              disabled={disabled}
              onChange={(value) => onChange({ ...o, [f.name]: value })}
            />
          ))}
          {messages.length > 0 && <p className="field__error">{messages.join(' ')}</p>}
        </div>
      );
    }
    case 'union': {
      const u = draft as UnionDraft;
      const variantId = fieldId(valuePath(k, join(at, 'variant')));
      return (
        <Group id={id} label={label} messages={messages}>
          <fieldset className="field radios" id={variantId}>
            <legend className="field__label">{text.ui('ruleset.field.shape')}</legend>
            {spec.variants.map((_, i) => (
              <div key={i} className="field field--radio">
                <input id={`${variantId}-${i}`} type="radio" name={variantId} checked={u.variant === i} disabled={disabled} onChange={() => onChange({ ...u, variant: i })} />
                <label htmlFor={`${variantId}-${i}`}>{text.message(`ruleset.field.${k}.variant.${i}`)}</label>
              </div>
            ))}
          </fieldset>
          <ParameterValueField
            k={k}
            spec={spec.variants[u.variant]!}
            draft={u.drafts[u.variant]!}
            at={at}
            label={label}
            problems={problems}
            disabled={disabled}
            onChange={(inner) => onChange({ ...u, drafts: u.drafts.map((d, i) => (i === u.variant ? inner : d)) })}
          />
        </Group>
      );
    }
    case 'byState': {
      const rows = (draft as ByStateDraft).rows;
      const set = (next: ByStateDraft['rows']) => onChange({ rows: next });
      return (
        <Group id={id} label={label} messages={messages}>
          {rows.length === 0 && <p className="field__hint">{text.ui('ruleset.field.none')}</p>}
          {rows.map((row, i) => {
            const statePath = valuePath(k, join(at, `${i}.state`));
            const rowLabel = text.ui('ruleset.field.row', { n: i + 1 });
            return (
              <div key={i} className="param-row">
                <StateField
                  path={statePath}
                  label={text.ui('ruleset.field.state')}
                  problems={new Map([[statePath, problems.get(fieldId(statePath)) ?? []]])}
                  value={row.state}
                  empty={text.ui('validation.country.select')}
                  onChange={(state) => set(rows.map((r, j) => (j === i ? { ...r, state } : r)))}
                />
                <ParameterValueField
                  k={k}
                  spec={spec.value}
                  draft={row.value}
                  at={join(at, `${i}.value`)}
                  label={text.message(text.has(`ruleset.field.${k}.rowValue`) ? `ruleset.field.${k}.rowValue` : 'ruleset.field.value')}
                  problems={problems}
                  disabled={disabled}
                  onChange={(value) => set(rows.map((r, j) => (j === i ? { ...r, value } : r)))}
                />
                <button type="button" className="button button--secondary" disabled={disabled} aria-label={text.ui('ruleset.field.removeRow', { row: rowLabel })} onClick={() => set(rows.filter((_, j) => j !== i))}>
                  {text.ui('ruleset.field.remove')}
                </button>
              </div>
            );
          })}
          <button type="button" className="button button--secondary" disabled={disabled} onClick={() => set([...rows, { state: '', value: emptyDraft(spec.value) }])}>
            {text.ui('ruleset.field.addState')}
          </button>
        </Group>
      );
    }
    case 'list': {
      const items = draft as FieldDraft[];
      const rowLabel = (i: number) => text.message(text.has(`ruleset.field.${k}.row`) ? `ruleset.field.${k}.row` : 'ruleset.field.row', { n: i + 1 });
      return (
        <Group id={id} label={label} messages={messages}>
          {items.length === 0 && <p className="field__hint">{text.ui('ruleset.field.none')}</p>}
          {items.map((item, i) => (
            <fieldset key={i} className="param-row param-row--item">
              <legend className="field__label">{rowLabel(i)}</legend>
              <ParameterValueField
                k={k}
                spec={spec.item}
                draft={item}
                at={join(at, String(i))}
                label={rowLabel(i)}
                problems={problems}
                disabled={disabled}
                onChange={(value) => onChange(items.map((d, j) => (j === i ? value : d)))}
              />
              <button type="button" className="button button--secondary" disabled={disabled} aria-label={text.ui('ruleset.field.removeRow', { row: rowLabel(i) })} onClick={() => onChange(items.filter((_, j) => j !== i))}>
                {text.ui('ruleset.field.remove')}
              </button>
            </fieldset>
          ))}
          <button type="button" className="button button--secondary" disabled={disabled} onClick={() => onChange([...items, emptyDraft(spec.item)])}>
            {text.ui('ruleset.field.add')}
          </button>
        </Group>
      );
    }
    case 'json':
      return (
        <FieldFrame id={id} label={text.ui('ruleset.field.json')} hint={text.ui('ruleset.field.jsonHint', { words: words ?? '' })} messages={messages}>
          {({ describedBy, invalid }) => (
            <textarea
              id={id}
              className="json-input"
              spellCheck={false}
              rows={Math.min(8, (draft as string).split('\n').length)}
              value={draft as string}
              disabled={disabled}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              onChange={(e) => onChange(e.currentTarget.value)}
            />
          )}
        </FieldFrame>
      );
  }
}

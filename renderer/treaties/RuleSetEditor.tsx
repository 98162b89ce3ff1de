/**
 * Editing a rule-set makes a new version: the form starts from the version in force (or the
 * latest), every parameter with its value, source, confidence and note; saving sends it to
 * the service, which validates it against the schema. Refusals are shown in an error summary
 * linking to each field and beside the field itself, in the user's language.
 */
import { useEffect, useState, type ReactNode } from 'react';
import type { FieldProblem } from '../../shared/api-schemas.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { CONFIDENCES } from '../../shared/treaties/confidence.ts';
import { describeParameter } from '../../shared/treaties/describe.ts';
import { PARAMETER_GROUPS, type ParameterKey } from '../../shared/treaties/parameter-groups.ts';
import type { RuleSet } from '../../shared/treaties/schema.ts';
import { ApiCallError, asApiError, call } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { FieldFrame } from '../components/FieldFrame.tsx';
import { useDesk } from '../store/index.ts';
import { problemText } from '../text/problems.ts';
import { useText } from '../text/use-text.ts';
import { CHOICES, draftOf, fieldIdOf, fieldLabelOf, MIN_REMAINING_EFFECTS, ruleSetOf, type EditorDraft, type ParamDraft } from './editor-draft.ts';
import { treatiesHref } from './routes.ts';
import { useApiData } from './use-api-data.ts';

type Problems = ReadonlyMap<string, string[]>;

function Field({ id, label, hint, problems, children }: { id: string; label: string; hint?: string; problems: Problems; children: (describedBy: string | undefined, invalid: boolean) => ReactNode }) {
  return (
    <FieldFrame id={id} label={label} hint={hint} messages={problems.get(id) ?? []}>
      {({ describedBy, invalid }) => children(describedBy, invalid)}
    </FieldFrame>
  );
}

type MinRemainingChange = (change: Partial<EditorDraft['minRemaining']>) => void;

function ParameterEditor({ k, base, draft, problems, onChange, onMinRemaining }: { k: ParameterKey; base: RuleSet; draft: EditorDraft; problems: Problems; onChange: (change: Partial<ParamDraft>) => void; onMinRemaining: MinRemainingChange }) {
  const text = useText();
  const p = draft.params[k];
  // A value that is not one of the choices (a dual-nationality rule by sentencing State) is edited as JSON.
  const choices = CHOICES[k]?.some((c) => JSON.stringify(c) === JSON.stringify(base[k].value)) ? CHOICES[k] : undefined;
  const valueId = `edit-${k}-value`;
  let value: ReactNode;
  if (k === 'minRemaining') {
    value = <MinRemainingEditor draft={draft} problems={problems} onChange={onMinRemaining} />;
  } else if (choices !== undefined) {
    value = (
      <Field id={valueId} label={text.ui('ui.treaties.params.value')} problems={problems}>
        {(describedBy, invalid) => (
          <select id={valueId} value={p.value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange({ value: e.currentTarget.value })}>
            {choices.map((c) => (
              <option key={String(c)} value={JSON.stringify(c)}>
                {describeParameter(text.locale, k, c as never)}
              </option>
            ))}
          </select>
        )}
      </Field>
    );
  } else {
    value = (
      <Field id={valueId} label={text.ui('ui.treaties.editor.valueJson')} hint={text.ui('ui.treaties.editor.valueJsonHint', { words: describeParameter(text.locale, k, base[k].value as never) })} problems={problems}>
        {(describedBy, invalid) => (
          <textarea id={valueId} className="json-input" spellCheck={false} rows={Math.min(8, p.value.split('\n').length)} value={p.value} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange({ value: e.currentTarget.value })} />
        )}
      </Field>
    );
  }
  return (
    <fieldset className={`param-editor param-editor--${p.confidence}`} data-param={k}>
      <legend>{text.ui(`treaties.param.${k}`)}</legend>
      {value}
      <Field id={`edit-${k}-source`} label={text.ui('ui.treaties.params.source')} problems={problems}>
        {(describedBy, invalid) => <input id={`edit-${k}-source`} value={p.source} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange({ source: e.currentTarget.value })} />}
      </Field>
      <Field id={`edit-${k}-confidence`} label={text.ui('ui.treaties.params.confidence')} problems={problems}>
        {(describedBy) => (
          <select id={`edit-${k}-confidence`} value={p.confidence} aria-describedby={describedBy} onChange={(e) => onChange({ confidence: e.currentTarget.value as ParamDraft['confidence'] })}>
            {CONFIDENCES.map((c) => (
              <option key={c} value={c}>
                {text.ui(`ui.treaties.confidence.${c}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id={`edit-${k}-note`} label={text.ui('treaties.meta.notes')} problems={problems}>
        {() => <input id={`edit-${k}-note`} value={p.note} onChange={(e) => onChange({ note: e.currentTarget.value })} />}
      </Field>
    </fieldset>
  );
}

function MinRemainingEditor({ draft, problems, onChange: setMinRemaining }: { draft: EditorDraft; problems: Problems; onChange: MinRemainingChange }) {
  const text = useText();
  const m = draft.minRemaining;
  const number = (part: 'years' | 'months' | 'days') => (
    <Field id={`edit-minRemaining-${part}`} label={text.ui(`ui.treaties.editor.${part}`)} problems={problems}>
      {(describedBy, invalid) => (
        <input id={`edit-minRemaining-${part}`} inputMode="numeric" className="input--short" disabled={!m.enabled} value={m[part]} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => setMinRemaining({ [part]: e.currentTarget.value })} />
      )}
    </Field>
  );
  return (
    <div className="min-remaining-editor">
      <div className="field field--checkbox">
        <input id="edit-minRemaining-enabled" type="checkbox" checked={m.enabled} onChange={(e) => setMinRemaining({ enabled: e.currentTarget.checked })} />
        <label htmlFor="edit-minRemaining-enabled">{text.ui('ui.treaties.editor.enabled')}</label>
      </div>
      <div className="min-remaining-editor__parts">
        {number('years')}
        {number('months')}
        {number('days')}
        <Field id="edit-minRemaining-effect" label={text.ui('ui.treaties.editor.effect')} problems={problems}>
          {() => (
            <select id="edit-minRemaining-effect" disabled={!m.enabled} value={m.effect} onChange={(e) => setMinRemaining({ effect: e.currentTarget.value as EditorDraft['minRemaining']['effect'] })}>
              {MIN_REMAINING_EFFECTS.map((effect) => (
                <option key={effect} value={effect}>
                  {text.ui(`treaties.effect.${effect}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </div>
  );
}

function problemsByField(text: ReturnType<typeof useText>, problems: readonly FieldProblem[]): Problems {
  const map = new Map<string, string[]>();
  for (const p of problems) {
    const id = fieldIdOf(p.field);
    map.set(id, [...(map.get(id) ?? []), problemText(text, p)]);
  }
  return map;
}

function EditorForm({ base }: { base: RuleSet }) {
  const text = useText();
  const navigate = useDesk((s) => s.navigate);
  const setFormDirty = useDesk((s) => s.setFormDirty);
  const [draft, setDraft] = useState(() => draftOf(base, formatIsoDate(todayFrom(new Date()))));
  const [error, setError] = useState<ApiCallError | null>(null);
  const [saving, setSaving] = useState(false);
  const setMinRemaining: MinRemainingChange = (change) => {
    setFormDirty(true);
    setDraft((d) => ({ ...d, minRemaining: { ...d.minRemaining, ...change } }));
  };
  useEffect(() => () => setFormDirty(false), [setFormDirty]);
  const set = (change: Partial<EditorDraft>) => {
    setFormDirty(true);
    setDraft((d) => ({ ...d, ...change }));
  };
  const setParam = (k: ParameterKey, change: Partial<ParamDraft>) => {
    setFormDirty(true);
    setDraft((d) => ({ ...d, params: { ...d.params, [k]: { ...d.params[k], ...change } } }));
  };
  const problems = problemsByField(text, error?.problems ?? []);
  const fieldIds = Object.fromEntries((error?.problems ?? []).map((p) => [p.field, fieldIdOf(p.field)]));
  const fieldLabels = Object.fromEntries((error?.problems ?? []).map((p) => [p.field, fieldLabelOf(text, p.field)]));

  async function save() {
    const built = ruleSetOf(base, draft);
    if (!built.ok) {
      setError(new ApiCallError('rulesets.save', { code: 'invalid_input', messageKey: 'error.invalid_ruleset', problems: built.problems }));
      return;
    }
    setSaving(true);
    try {
      await call('rulesets.save', { ruleSet: built.ruleSet, reason: draft.reason });
      setFormDirty(false);
      navigate({ screen: 'treaties', path: `/${base.id}` });
    } catch (e) {
      setError(asApiError('rulesets.save', e));
    } finally {
      setSaving(false);
    }
  }

  const meta = (key: 'version' | 'effectiveFrom' | 'title' | 'notes', type = 'text') => (
    <Field id={`edit-${key}`} label={text.ui(`treaties.meta.${key}`)} hint={key === 'effectiveFrom' ? 'YYYY-MM-DD' : undefined} problems={problems}>
      {(describedBy, invalid) => <input id={`edit-${key}`} type={type} value={draft[key]} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set({ [key]: e.currentTarget.value })} />}
    </Field>
  );

  return (
    <form
      className="ruleset-editor"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {error !== null && <ErrorSummary error={error} fieldIds={fieldIds} fieldLabels={fieldLabels} />}
      <p className="lede">{text.ui('ui.treaties.editor.intro')}</p>
      <p className="muted">{text.ui('ui.treaties.editor.basedOn', { version: base.version })}</p>
      <div className="ruleset-editor__meta">
        {meta('version')}
        {meta('effectiveFrom', 'date')}
        {meta('title')}
        {meta('notes')}
        <Field id="edit-reason" label={text.ui('ui.treaties.editor.reason')} hint={text.ui('ui.treaties.editor.reasonHint')} problems={problems}>
          {(describedBy, invalid) => <textarea id="edit-reason" rows={2} value={draft.reason} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => set({ reason: e.currentTarget.value })} />}
        </Field>
      </div>
      {PARAMETER_GROUPS.map((group) => (
        <section key={group.id} className="ruleset-editor__group" aria-labelledby={`edit-group-${group.id}`}>
          <h2 id={`edit-group-${group.id}`}>{group.id === 'general' ? text.ui('treaties.group.general') : text.ui(`condition.${group.id}`)}</h2>
          {group.keys.map((k) => (
            <ParameterEditor key={k} k={k} base={base} draft={draft} problems={problems} onChange={(change) => setParam(k, change)} onMinRemaining={setMinRemaining} />
          ))}
        </section>
      ))}
      <div className="form-actions">
        <button type="submit" className="button" disabled={saving}>
          {text.ui('ui.treaties.editor.save')}
        </button>
        <a className="button button--secondary" href={treatiesHref.ruleSet(base.id)}>
          {text.ui('ui.treaties.editor.cancel')}
        </a>
      </div>
    </form>
  );
}

export function RuleSetEditor({ id }: { id: string }) {
  const text = useText();
  const [state] = useApiData('rulesets.get', { id });
  useEffect(() => {
    document.title = `${text.ui('ui.treaties.editor.title', { id })} — ${text.ui('ui.app.name')}`;
  }, [id, text]);
  if (state.phase === 'loading') return <p role="status">{text.ui('ui.treaties.loading')}</p>;
  if (state.phase === 'error') return <ErrorSummary error={state.error} />;
  const base = (state.data.versions.find((v) => v.inForceToday) ?? state.data.versions[0]!).ruleSet;
  return (
    <div className="screen ruleset-screen">
      <h1>{text.ui('ui.treaties.editor.title', { id })}</h1>
      <EditorForm base={base} />
    </div>
  );
}

/**
 * Editing a rule-set makes a new version: the form starts from the version in force (or the
 * latest), every parameter with its value in fields that fit its type (read from the schema:
 * ParameterValueField), its source, confidence and note. Checking the form lists every problem
 * at once, in an error summary linking to each field and beside the field itself, in the user's
 * language. Then, before anything is saved, the dry run of the re-assessment the version causes
 * shows its effect (ReassessImpact); confirming saves it and, when it is in force, re-assesses the
 * open cases at once (the rule-set page shows the run and links to its report).
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
import { draftOf, fieldIdOf, fieldLabelOf, ruleSetOf, type EditorDraft, type ParamDraft } from './editor-draft.ts';
import { ParameterValueField } from './ParameterValueField.tsx';
import { ReassessImpact, useReassessPreview, type PreviewSubject } from './ReassessImpact.tsx';
import { watchReassessment } from './ReassessRunner.tsx';
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

function ParameterEditor({ k, base, param: p, problems, onChange }: { k: ParameterKey; base: RuleSet; param: ParamDraft; problems: Problems; onChange: (change: Partial<ParamDraft>) => void }) {
  const text = useText();
  return (
    <fieldset className={`param-editor param-editor--${p.confidence}`} data-param={k} data-editor={p.spec.kind}>
      <legend>{text.ui(`treaties.param.${k}`)}</legend>
      <ParameterValueField
        k={k}
        spec={p.spec}
        draft={p.value}
        at=""
        label={text.ui('ruleset.field.value')}
        problems={problems}
        words={describeParameter(text.locale, k, base[k].value as never)}
        onChange={(value) => onChange({ value })}
      />
      <div className="param-editor__provenance">
        <Field id={`edit-${k}-source`} label={text.ui('ui.treaties.params.source')} problems={problems}>
          {(describedBy, invalid) => <input id={`edit-${k}-source`} value={p.source} aria-describedby={describedBy} aria-invalid={invalid || undefined} onChange={(e) => onChange({ source: e.currentTarget.value })} />}
        </Field>
        <Field id={`edit-${k}-confidence`} label={text.ui('ui.treaties.params.confidence')} problems={problems}>
          {(describedBy) => (
            <select id={`edit-${k}-confidence`} value={p.confidence} aria-describedby={describedBy} onChange={(e) => onChange({ confidence: e.currentTarget.value as ParamDraft['confidence'] })}>
              {CONFIDENCES.map((c) => (
                <option key={c} value={c}>
                  {`[${c}] ${text.ui(`ui.treaties.confidence.${c}`)}`}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id={`edit-${k}-note`} label={text.ui('treaties.meta.notes')} problems={problems}>
          {() => <input id={`edit-${k}-note`} value={p.note} onChange={(e) => onChange({ note: e.currentTarget.value })} />}
        </Field>
      </div>
    </fieldset>
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
  // The version checked and shown with its effect, waiting for confirmation (null: the form is being edited).
  const [checked, setChecked] = useState<{ ruleSet: Record<string, unknown>; subject: PreviewSubject } | null>(null);
  const preview = useReassessPreview(checked?.subject ?? null);
  const today = formatIsoDate(todayFrom(new Date()));
  useEffect(() => () => setFormDirty(false), [setFormDirty]);
  const set = (change: Partial<EditorDraft>) => {
    setFormDirty(true);
    setChecked(null); // what was previewed is no longer what would be saved
    setDraft((d) => ({ ...d, ...change }));
  };
  const setParam = (k: ParameterKey, change: Partial<ParamDraft>) => {
    setFormDirty(true);
    setChecked(null);
    setDraft((d) => ({ ...d, params: { ...d.params, [k]: { ...d.params[k], ...change } } }));
  };
  const problems = problemsByField(text, error?.problems ?? []);
  const specs = Object.fromEntries(Object.entries(draft.params).map(([k, p]) => [k, p.spec]));
  const fieldIds = Object.fromEntries((error?.problems ?? []).map((p) => [p.field, fieldIdOf(p.field, specs)]));
  const fieldLabels = Object.fromEntries((error?.problems ?? []).map((p) => [p.field, fieldLabelOf(text, p.field)]));

  /** Every problem at once, or the version to preview. */
  function check() {
    const built = ruleSetOf(base, draft);
    if (!built.ok) {
      setError(new ApiCallError('rulesets.save', { code: 'invalid_input', messageKey: 'error.invalid_ruleset', problems: built.problems }));
      return;
    }
    setError(null);
    setChecked({ ruleSet: built.ruleSet, subject: { ruleSet: built.ruleSet } });
  }

  async function save(run: boolean) {
    if (checked === null) return;
    setSaving(true);
    try {
      const saved = await call('rulesets.save', { ruleSet: checked.ruleSet, reason: draft.reason });
      setFormDirty(false);
      if (run) {
        const started = await call('rulesets.reassess', {
          subject: 'rule-set', ruleSetId: saved.id, version: saved.version,
          // The officer's own words: why the version was made is why the cases are re-assessed.
          reason: draft.reason,
        });
        watchReassessment(started.reportId);
      }
      navigate({ screen: 'treaties', path: `/${base.id}` });
    } catch (e) {
      setChecked(null);
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
        check();
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
            <ParameterEditor key={k} k={k} base={base} param={draft.params[k]} problems={problems} onChange={(change) => setParam(k, change)} />
          ))}
        </section>
      ))}
      {checked === null ? (
        <div className="form-actions">
          <button type="submit" className="button">
            {text.ui('reassess.preview.check')}
          </button>
          <a className="button button--secondary" href={treatiesHref.ruleSet(base.id)}>
            {text.ui('ui.treaties.editor.cancel')}
          </a>
        </div>
      ) : (
        <ImpactAndConfirm
          preview={preview}
          effectiveFrom={draft.effectiveFrom}
          today={today}
          saving={saving}
          onSave={(run) => void save(run)}
          onBack={() => setChecked(null)}
        />
      )}
    </form>
  );
}

/** The dry run's effect, and the choice: save (and re-assess, when the version is in force), or go back to the form. */
function ImpactAndConfirm({ preview, effectiveFrom, today, saving, onSave, onBack }: { preview: ReturnType<typeof useReassessPreview>; effectiveFrom: string; today: string; saving: boolean; onSave: (run: boolean) => void; onBack: () => void }) {
  const text = useText();
  const inForce = effectiveFrom <= today;
  const done = preview?.phase === 'done' ? preview.totals : null;
  return (
    <div className="ruleset-editor__impact">
      {preview !== null && <ReassessImpact state={preview} notice={inForce ? undefined : text.ui('reassess.preview.notInForce', { date: text.date(effectiveFrom) })} />}
      <div className="form-actions">
        {done !== null && (
          <button type="button" className="button" disabled={saving} onClick={() => onSave(inForce && done.total > 0)}>
            {inForce && done.total > 0 ? text.ui('reassess.preview.saveAndRun', { count: done.total }) : text.ui('reassess.preview.save')}
          </button>
        )}
        <button type="button" className="button button--secondary" disabled={saving} onClick={onBack}>
          {text.ui('reassess.preview.back')}
        </button>
      </div>
    </div>
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

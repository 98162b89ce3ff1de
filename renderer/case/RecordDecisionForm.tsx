/**
 * The Adaptation step (docs/domain.md "The steps of a transfer": I4): who decided, when, and the term to be enforced,
 * for an incoming case once the States agreed or after the handover, for the roles that may
 * record it. The service checks the decision against the limits and refuses one that
 * aggravates the sentence or exceeds our maximum: the refusal shows as the error summary, each
 * reason beside the field it concerns, and nothing typed is lost.
 */
import { useId, useState, type FormEvent } from 'react';
import { mayCall, type ApiInputs } from '../../shared/api.ts';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import { ENFORCEMENT_PROCEDURES, type EnforcementProcedure } from '../../shared/vocabularies.ts';
import { mayRecordDecision } from '../../shared/enforcement/adaptation-step.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useDesk } from '../store/index.ts';
import { problemText } from '../text/problems.ts';
import { useText } from '../text/use-text.ts';
import { refreshOpenCase } from './TransferPanel.tsx';

const TERM_KINDS = ['fixed', 'life', 'indeterminate'] as const;
type TermKind = (typeof TERM_KINDS)[number];

const FIELD_IDS = {
  procedure: 'decision-procedure',
  'decision.authority': 'decision-authority',
  'decision.date': 'decision-date',
  'decision.term': 'decision-term-kind',
  reason: 'decision-reason',
} as const;

/** A whole number when it is one; anything else as typed, for the router to name. */
const whole = (value: string): number | string => (/^\d+$/.test(value.trim()) ? Number(value.trim()) : value.trim() === '' ? 0 : value.trim());

export function RecordDecisionForm({ record, procedure: computed }: { record: CaseRecord; procedure: EnforcementProcedure }) {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  const hintId = useId();
  const recorded = record.case.enforcement?.decision ?? null;
  const [procedure, setProcedure] = useState<EnforcementProcedure>(record.case.enforcement?.procedure ?? computed);
  const [authority, setAuthority] = useState('');
  const [date, setDate] = useState('');
  const [kind, setKind] = useState<TermKind>('fixed');
  const [years, setYears] = useState('');
  const [months, setMonths] = useState('');
  const [days, setDays] = useState('');
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [done, setDone] = useState('');

  if (!mayCall(role, 'enforcement.recordDecision') || !mayRecordDecision(record.case.direction, record.case.status, record.closeOutcome)) return null;

  const problemsOf = (field: keyof typeof FIELD_IDS) => (error?.problems ?? []).filter((p) => p.field === field || p.field.startsWith(`${field}.`)).map((p) => problemText(text, p));
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving) return;
    setSaving(true);
    setError(null);
    setDone('');
    try {
      // What was typed goes to the router as typed: it validates and names each bad field.
      const term = kind === 'fixed' ? { years: whole(years), months: whole(months), days: whole(days) } : kind;
      const payload = { id: record.id, expectedVersion: record.version, procedure, decision: { authority, date, term }, reason };
      await call('enforcement.recordDecision', payload as ApiInputs['enforcement.recordDecision']);
      setDone(text.ui('enforce.ui.form.recorded'));
      await refreshOpenCase(record.id);
    } catch (e) {
      setError(asApiError('enforcement.recordDecision', e));
    } finally {
      setSaving(false);
    }
  };
  const field = (name: keyof typeof FIELD_IDS) => {
    const messages = problemsOf(name);
    return {
      className: messages.length > 0 ? 'field field--invalid' : 'field',
      error: messages.length === 0 ? null : (
        <p className="field__error" id={`${FIELD_IDS[name]}-error`}>
          {messages.join(' ')}
        </p>
      ),
      invalid: messages.length > 0,
    };
  };
  const f = { procedure: field('procedure'), authority: field('decision.authority'), date: field('decision.date'), term: field('decision.term'), reason: field('reason') };
  const fieldLabels = {
    procedure: text.ui('enforce.ui.form.procedure'),
    'decision.authority': text.ui('enforce.ui.form.authority'),
    'decision.date': text.ui('enforce.ui.form.date'),
    'decision.term': text.ui('enforce.ui.form.term'),
    reason: text.ui('enforce.ui.form.reason'),
  };

  return (
    <form className="decision-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="decision-form-title">
      <h3 id="decision-form-title">{text.ui(recorded === null ? 'enforce.ui.form.title' : 'enforce.ui.form.titleAgain')}</h3>
      <p className="field__hint" id={hintId}>
        {text.ui('enforce.ui.form.hint')}
      </p>
      {error !== null && <ErrorSummary error={error} fieldIds={FIELD_IDS} fieldLabels={fieldLabels} />}
      <div className="decision-form__row">
        <div className={f.procedure.className}>
          <label htmlFor={FIELD_IDS.procedure} className="field__label">
            {fieldLabels.procedure}
          </label>
          {f.procedure.error}
          <select id={FIELD_IDS.procedure} value={procedure} aria-invalid={f.procedure.invalid} onChange={(e) => setProcedure(ENFORCEMENT_PROCEDURES.find((p) => p === e.target.value) ?? 'continued')}>
            {ENFORCEMENT_PROCEDURES.map((p) => (
              <option key={p} value={p}>
                {text.ui(`enforce.ui.procedure.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <div className={`${f.authority.className} field--wide`}>
          <label htmlFor={FIELD_IDS['decision.authority']} className="field__label">
            {fieldLabels['decision.authority']}
          </label>
          {f.authority.error}
          <input id={FIELD_IDS['decision.authority']} type="text" value={authority} maxLength={500} aria-invalid={f.authority.invalid} onChange={(e) => setAuthority(e.target.value)} />
        </div>
        <div className={f.date.className}>
          <label htmlFor={FIELD_IDS['decision.date']} className="field__label">
            {fieldLabels['decision.date']}
          </label>
          {f.date.error}
          <input id={FIELD_IDS['decision.date']} type="date" value={date} aria-invalid={f.date.invalid} onChange={(e) => setDate(e.target.value)} />
        </div>
      </div>
      <fieldset className={`decision-form__term ${f.term.className}`}>
        <legend className="field__label">{fieldLabels['decision.term']}</legend>
        {f.term.error}
        <div className="decision-form__row">
          <div className="field">
            <label htmlFor={FIELD_IDS['decision.term']} className="field__label">
              {text.ui('enforce.ui.form.termKind')}
            </label>
            <select id={FIELD_IDS['decision.term']} value={kind} aria-invalid={f.term.invalid} onChange={(e) => setKind(TERM_KINDS.find((k) => k === e.target.value) ?? 'fixed')}>
              {TERM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {text.ui(`ui.form.term.${k}`)}
                </option>
              ))}
            </select>
          </div>
          {kind === 'fixed' && (
            <>
              {(
                [
                  ['years', years, setYears],
                  ['months', months, setMonths],
                  ['days', days, setDays],
                ] as const
              ).map(([unit, value, setValue]) => (
                <div className="field field--short" key={unit}>
                  <label htmlFor={`decision-term-${unit}`} className="field__label">
                    {text.ui(`ui.form.term.${unit}`)}
                  </label>
                  <input id={`decision-term-${unit}`} type="number" min={0} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />
                </div>
              ))}
            </>
          )}
        </div>
      </fieldset>
      <div className={f.reason.className}>
        <label htmlFor={FIELD_IDS.reason} className="field__label">
          {fieldLabels.reason}
        </label>
        {f.reason.error}
        <textarea id={FIELD_IDS.reason} value={reason} rows={2} maxLength={2000} aria-invalid={f.reason.invalid} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="submit" className="button" aria-disabled={saving} aria-describedby={hintId}>
        {saving && <span className="spinner spinner--on-dark" aria-hidden="true" />}
        {text.ui(saving ? 'enforce.ui.form.saving' : 'enforce.ui.form.submit')}
      </button>
      <p className="decision-form__status" role="status">
        {done}
      </p>
    </form>
  );
}

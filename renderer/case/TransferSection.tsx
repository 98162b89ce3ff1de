/**
 * Transfer: where the case stands (its step, or how it closed and what followed), what is
 * due on it, the GOV.UK task list of the step, and the form that records what happened —
 * one of the transitions that start from here, with its date, reason, legal basis and the
 * documents it cites. A transition a guard would refuse says which guard and what is
 * missing before it is tried, and again if the service refuses it.
 */
import { useId, useState, type FormEvent } from 'react';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { CaseDocument, WorkflowState } from '../../shared/workflow-schemas.ts';
import { isDone } from '../../shared/workflow/documents.ts';
import { reasonsFor } from '../../shared/workflow/reasons.ts';
import { GUARDS, specOf, type Guard, type Refusal, type TransitionId } from '../../shared/workflow/lifecycle.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Icon } from '../components/Icon.tsx';
import { alertLabel, documentLabel, refusalText, stepLabel, transitionLabel } from '../due/labels.ts';
import { useDesk } from '../store/index.ts';
import { useText, type Text } from '../text/use-text.ts';

interface Props {
  record: CaseRecord;
  state: WorkflowState;
  documents: readonly CaseDocument[];
  afterWrite: () => Promise<void>;
}

const FIELD_IDS = {
  date: 'transfer-date', reason: 'transfer-reason', legalBasis: 'transfer-legal-basis', transition: 'transfer-transition', reasonCode: 'transfer-reason-code',
  'handover.plannedOn': 'handover-planned-on', 'handover.place': 'handover-place', 'handover.escort': 'handover-escort', 'handover.contact': 'handover-contact',
} as const;

/** The transitions that record a handover plan (its date, place, escort and contact). */
const PLANS_HANDOVER: readonly TransitionId[] = ['schedule-handover', 'reschedule-handover'];

const EMPTY_PLAN = { plannedOn: '', place: '', escort: '', contact: '' };

function Refusals({ text, refusals, title }: { text: Text; refusals: readonly Pick<Refusal, 'guard' | 'missing'>[]; title: string }) {
  return (
    <div className="transfer-refusal" role="alert">
      <p className="transfer-refusal__title">
        <Icon name="warning" />
        {title}
      </p>
      <ul>
        {refusals.map((r) => (
          <li key={r.guard}>
            {refusalText(text, r)}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A refusal from the service, read back from its problems (each names its guard and what is missing). */
function refusalsOf(error: ApiCallError): Pick<Refusal, 'guard' | 'missing'>[] | null {
  if (error.messageKey !== 'error.workflow_refused') return null;
  return error.problems.flatMap((p) => {
    const guard = GUARDS.find((g): g is Guard => g === p.params?.guard);
    const missing = String(p.params?.missing ?? '');
    return guard === undefined ? [] : [{ guard, missing: missing === '' ? [] : missing.split(', ') }];
  });
}

function groupOf(id: TransitionId): 'forward' | 'ending' | 'after' {
  const { to } = specOf(id);
  return 'status' in to ? 'forward' : 'outcome' in to ? 'ending' : 'after';
}

function TransferForm({ record, state, documents, afterWrite }: Props) {
  const text = useText();
  const hintId = useId();
  const [transition, setTransition] = useState<TransitionId | ''>('');
  const [date, setDate] = useState('');
  const [reason, setReason] = useState('');
  const [legalBasis, setLegalBasis] = useState('');
  const [cited, setCited] = useState<readonly string[]>([]);
  const [reasonCode, setReasonCode] = useState('');
  const [plan, setPlan] = useState(EMPTY_PLAN);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [recorded, setRecorded] = useState('');

  const chosen = state.transitions.find((t) => t.transition === transition);
  const citable = documents.filter((d) => d.status !== 'not_applicable' && isDone(d.status));
  const groups = (['forward', 'ending', 'after'] as const).map((group) => ({ group, items: state.transitions.filter((t) => groupOf(t.transition) === group) }));
  const serverRefusals = error === null ? null : refusalsOf(error);
  const codes = transition === '' ? [] : reasonsFor(transition);
  const plansHandover = transition !== '' && PLANS_HANDOVER.includes(transition);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (saving || transition === '') return;
    setSaving(true);
    setError(null);
    setRecorded('');
    try {
      await call('workflow.transition', {
        id: record.id,
        expectedVersion: record.version,
        transition,
        reason,
        ...(date === '' ? {} : { date }),
        ...(legalBasis.trim() === '' ? {} : { legalBasis: legalBasis.trim() }),
        ...(cited.length === 0 ? {} : { documents: [...cited] }),
        ...(codes.length === 0 || reasonCode === '' ? {} : { reasonCode }),
        ...(plansHandover
          ? { handover: { plannedOn: plan.plannedOn, place: plan.place, ...(plan.escort.trim() === '' ? {} : { escort: plan.escort.trim() }), ...(plan.contact.trim() === '' ? {} : { contact: plan.contact.trim() }) } }
          : {}),
      });
      setRecorded(text.ui('workflow.transfer.recorded', { what: transitionLabel(text, transition) }));
      setTransition('');
      setDate('');
      setReason('');
      setLegalBasis('');
      setCited([]);
      setReasonCode('');
      setPlan(EMPTY_PLAN);
      await afterWrite();
    } catch (e) {
      setError(asApiError('workflow.transition', e));
    } finally {
      setSaving(false);
    }
  };

  if (state.transitions.length === 0) return <p className="muted">{text.ui('workflow.transfer.actions.empty')}</p>;
  return (
    <form className="transfer-form" onSubmit={(e) => void submit(e)} noValidate aria-labelledby="transfer-actions-title">
      <h3 id="transfer-actions-title">{text.ui('workflow.transfer.actions')}</h3>
      {serverRefusals !== null && serverRefusals.length > 0 && <Refusals text={text} refusals={serverRefusals} title={text.ui('workflow.transfer.refused')} />}
      {error !== null && serverRefusals === null && <ErrorSummary error={error} fieldIds={FIELD_IDS} />}
      <div className="field">
        <label htmlFor={FIELD_IDS.transition} className="field__label">
          {text.ui('workflow.transfer.action')}
        </label>
        <select
          id={FIELD_IDS.transition}
          value={transition}
          onChange={(e) => {
            setTransition(e.target.value as TransitionId | '');
            setError(null);
          }}
        >
          <option value="">—</option>
          {groups.map(({ group, items }) =>
            items.length === 0 ? null : (
              <optgroup key={group} label={text.ui(`workflow.transfer.${group}`)}>
                {items.map((t) => (
                  <option key={t.transition} value={t.transition}>
                    {transitionLabel(text, t.transition)}
                    {t.refusals.length > 0 ? ` (${text.ui('workflow.transfer.refused')})` : ''}
                  </option>
                ))}
              </optgroup>
            ),
          )}
        </select>
      </div>
      {chosen !== undefined && chosen.refusals.length > 0 && serverRefusals === null && (
        <Refusals text={text} refusals={chosen.refusals} title={text.ui('workflow.transfer.refused')} />
      )}
      {chosen?.transition === 'withdraw-consent' && chosen.effect === 'record' && <p className="transfer-note">{text.ui('workflow.transfer.ineffective')}</p>}
      {chosen !== undefined && (
        <>
          <div className="transfer-form__row">
            <div className="field">
              <label htmlFor={FIELD_IDS.date} className="field__label">
                {text.ui('workflow.transfer.date')}
              </label>
              <p className="field__hint" id={hintId}>
                {text.ui('workflow.transfer.date.hint')}
              </p>
              <input id={FIELD_IDS.date} type="date" value={date} required={chosen.needsDate} aria-describedby={hintId} onChange={(e) => setDate(e.target.value)} />
            </div>
            <div className="field">
              <label htmlFor={FIELD_IDS.legalBasis} className="field__label">
                {text.ui('workflow.transfer.legalBasis')}
              </label>
              <input id={FIELD_IDS.legalBasis} type="text" value={legalBasis} maxLength={500} onChange={(e) => setLegalBasis(e.target.value)} />
            </div>
          </div>
          {codes.length > 0 && (
            <div className="field">
              <label htmlFor={FIELD_IDS.reasonCode} className="field__label">
                {text.ui('workflow.reason.label')}
              </label>
              <select id={FIELD_IDS.reasonCode} value={reasonCode} required onChange={(e) => setReasonCode(e.target.value)}>
                <option value="">{text.ui('workflow.reason.choose')}</option>
                {codes.map((code) => (
                  <option key={code} value={code}>
                    {text.message(`reason.${code}`)}
                  </option>
                ))}
              </select>
            </div>
          )}
          {plansHandover && (
            <fieldset className="transfer-form__handover">
              <legend className="field__label">{text.ui('workflow.handover.title')}</legend>
              <div className="transfer-form__row">
                <div className="field">
                  <label htmlFor={FIELD_IDS['handover.plannedOn']} className="field__label">
                    {text.ui('workflow.handover.plannedOn')}
                  </label>
                  <input id={FIELD_IDS['handover.plannedOn']} type="date" value={plan.plannedOn} required onChange={(e) => setPlan({ ...plan, plannedOn: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={FIELD_IDS['handover.place']} className="field__label">
                    {text.ui('workflow.handover.place')}
                  </label>
                  <input id={FIELD_IDS['handover.place']} type="text" value={plan.place} maxLength={500} required onChange={(e) => setPlan({ ...plan, place: e.target.value })} />
                </div>
              </div>
              <div className="transfer-form__row">
                <div className="field">
                  <label htmlFor={FIELD_IDS['handover.escort']} className="field__label">
                    {text.ui('workflow.handover.escort')}
                  </label>
                  <input id={FIELD_IDS['handover.escort']} type="text" value={plan.escort} maxLength={500} onChange={(e) => setPlan({ ...plan, escort: e.target.value })} />
                </div>
                <div className="field">
                  <label htmlFor={FIELD_IDS['handover.contact']} className="field__label">
                    {text.ui('workflow.handover.contact')}
                  </label>
                  <input id={FIELD_IDS['handover.contact']} type="text" value={plan.contact} maxLength={500} onChange={(e) => setPlan({ ...plan, contact: e.target.value })} />
                </div>
              </div>
            </fieldset>
          )}
          <div className="field">
            <label htmlFor={FIELD_IDS.reason} className="field__label">
              {text.ui('workflow.transfer.reason')}
            </label>
            <textarea id={FIELD_IDS.reason} value={reason} rows={2} maxLength={2000} required onChange={(e) => setReason(e.target.value)} />
          </div>
          {citable.length > 0 && (
            <fieldset className="transfer-form__documents">
              <legend className="field__label">{text.ui('workflow.transfer.documents')}</legend>
              {citable.map((d) => (
                <div key={d.kind} className="field field--checkbox">
                  <input
                    id={`cite-${d.kind}`}
                    type="checkbox"
                    checked={cited.includes(d.kind)}
                    onChange={(e) => setCited(e.target.checked ? [...cited, d.kind] : cited.filter((k) => k !== d.kind))}
                  />
                  <label htmlFor={`cite-${d.kind}`}>{documentLabel(text, d.kind)}</label>
                </div>
              ))}
            </fieldset>
          )}
          <button type="submit" className="button" aria-disabled={saving}>
            {saving && <span className="spinner spinner--on-dark" aria-hidden="true" />}
            {text.ui(saving ? 'workflow.transfer.saving' : 'workflow.transfer.submit')}
          </button>
        </>
      )}
      <p className="transfer-form__status" role="status">
        {recorded}
      </p>
    </form>
  );
}

/** At the decision step: our State's decision recorded at this visit, and whether a second person approved it. */
function DecisionState({ state }: { state: WorkflowState }) {
  const text = useText();
  if (state.step !== 'decision') return null;
  const d = state.decision;
  const name = (n: string | null, id: string | null) => n ?? id ?? '';
  return (
    <div className="transfer-decision">
      <h3>{text.ui('workflow.decision.title')}</h3>
      <p className="transfer-decision__state">
        {d === null
          ? text.ui('workflow.decision.none')
          : d.approvedBy === null
            ? text.ui('workflow.decision.prepared', { name: name(d.preparedByName, d.preparedBy) })
            : text.ui('workflow.decision.approved', { name: name(d.preparedByName, d.preparedBy), approver: name(d.approvedByName, d.approvedBy) })}
      </p>
    </div>
  );
}

/** The handover plan in force: when, where, who escorts, whom to call, and what the check of its date found. */
function HandoverState({ state }: { state: WorkflowState }) {
  const text = useText();
  const plan = state.handover;
  if (plan === null || state.step === null) return null;
  const check = plan.checks;
  return (
    <div className="transfer-handover">
      <h3>{text.ui('workflow.handover.title')}</h3>
      <p className="transfer-handover__summary">{text.ui('workflow.handover.summary', { date: text.date(plan.plannedOn), place: plan.place })}</p>
      {(plan.escort !== null || plan.contact !== null) && (
        <dl className="facts">
          {plan.escort !== null && (
            <>
              <dt>{text.ui('workflow.handover.escort')}</dt>
              <dd>{plan.escort}</dd>
            </>
          )}
          {plan.contact !== null && (
            <>
              <dt>{text.ui('workflow.handover.contact')}</dt>
              <dd>{plan.contact}</dd>
            </>
          )}
        </dl>
      )}
      {check !== null && (
        <ul className="transfer-handover__check" aria-label={text.ui('workflow.handover.check')}>
          {check.warnings.length === 0 && check.remainingDays !== null && check.releaseDate !== null && (
            <li>{text.ui('workflow.handover.ok', { days: check.remainingDays, release: text.date(check.releaseDate) })}</li>
          )}
          {check.warnings.map((w) => (
            <li key={w.code} className="transfer-handover__warning">
              <Icon name="warning" />
              {text.ui(`workflow.handover.warning.${w.code}`, { date: w.date === null ? '' : text.date(w.date) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The closing state: the outcome and its date, and the latest news after a transfer. */
function ClosedState({ record }: { record: CaseRecord }) {
  const text = useText();
  const events = useDesk((s) => s.openCase.events);
  const closing = [...events].reverse().find((e) => e.kind.startsWith('closed:'));
  const enforcement = [...events].reverse().find((e) => e.kind.startsWith('enforcement:'));
  if (record.closeOutcome === null) return null;
  return (
    <div className="transfer-closed">
      <p className="transfer-closed__outcome">
        {text.ui('workflow.transfer.closedState', {
          outcome: text.ui(`ui.outcome.${record.closeOutcome}`),
          date: closing === undefined ? '' : text.date(closing.date),
        })}
      </p>
      {enforcement !== undefined && (
        <p>
          {text.ui('workflow.transfer.lastEnforcement', {
            kind: transitionLabel(text, `report-${enforcement.kind.slice('enforcement:'.length)}` as TransitionId),
            date: text.date(enforcement.date),
          })}
        </p>
      )}
    </div>
  );
}

export function TransferSection(props: Props) {
  const text = useText();
  const { state } = props;
  return (
    <section className="panel panel--transfer" aria-labelledby="transfer-title">
      <h2 id="transfer-title">{text.ui('workflow.transfer.title')}</h2>
      {state.step === null ? <ClosedState record={props.record} /> : <p className="transfer-step">{text.ui('workflow.transfer.step', { step: stepLabel(text, state.step) })}</p>}

      <DecisionState state={state} />
      <HandoverState state={state} />
      {state.step !== null && (
        <>
          <h3>{text.ui('workflow.transfer.deadlines')}</h3>
          {state.alerts.length === 0 ? (
            <p className="muted">{text.ui('workflow.transfer.deadlines.empty')}</p>
          ) : (
            <ul className="due-list">
              {state.alerts.map((a) => (
                <li key={`${a.kind}:${a.id ?? ''}`} className={`due-item due-item--${a.urgency}`}>
                  <span className={`tag tag--${a.urgency}`}>{text.ui(`due.urgency.${a.urgency}`)}</span>
                  <span>{alertLabel(text, a)}</span>
                  <time dateTime={a.date}>{text.deadline(a.date)}</time>
                </li>
              ))}
            </ul>
          )}
          <h3>{text.ui('workflow.transfer.tasks')}</h3>
          {state.tasks.length === 0 ? (
            <p className="muted">{text.ui('workflow.transfer.tasks.empty')}</p>
          ) : (
            <ul className="task-list">
              {state.tasks.map((task) => (
                <li key={task.id} className="task-list__item">
                  <span className="task-list__name">
                    {text.message(`workflow.task.${task.id}`)}
                    <span className="muted"> {task.anchor}</span>
                  </span>
                  <span className={`tag tag--task-${task.status}`}>{text.ui(`workflow.taskStatus.${task.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <TransferForm {...props} />
    </section>
  );
}

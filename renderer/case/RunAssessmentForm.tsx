/**
 * "Run assessment": the rule-set (the case's own by default; another one is a what-if) by name,
 * and an optional "assess as on" date. The services validate; a refusal is shown as an error summary linked to the
 * fields, with the message beside the field it concerns.
 */
import { useState, type FormEvent } from 'react';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useDesk } from '../store/index.ts';
import { ruleSetIds } from '../store/session-slice.ts';
import { ruleSetName } from '../text/instruments.ts';
import { problemText } from '../text/problems.ts';
import { useText } from '../text/use-text.ts';
import { isWhatIf } from './what-if.ts';

const FIELD_IDS = { ruleSetId: 'assess-rule-set', on: 'assess-on' } as const;

function FieldError({ id, messages }: { id: string; messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <p className="field__error" id={id}>
      {messages.join(' ')}
    </p>
  );
}

export function RunAssessmentForm({ record }: { record: CaseRecord }) {
  const text = useText();
  const run = useDesk((s) => s.assessmentRun);
  const runAssessment = useDesk((s) => s.runAssessment);
  const ruleSets = useDesk((s) => s.ruleSets);
  const available = ruleSetIds(ruleSets);
  const newest = useDesk((s) => s.openCase.assessments[0]);
  const caseRuleSet = record.case.ruleSetId ?? null;
  const [ruleSetId, setRuleSetId] = useState(caseRuleSet ?? '');
  const [on, setOn] = useState('');
  const running = run.phase === 'running';

  const problemsFor = (field: keyof typeof FIELD_IDS) => (run.error?.problems ?? []).filter((p) => p.field === field).map((p) => problemText(text, p));
  const ruleSetProblems = problemsFor('ruleSetId');
  const onProblems = problemsFor('on');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (running) return;
    void runAssessment({ ...(ruleSetId === '' ? {} : { ruleSetId }), ...(on === '' ? {} : { on }) });
  };

  const others = available.filter((id) => id !== caseRuleSet);
  return (
    <form className="run-assessment" onSubmit={submit} noValidate aria-label={text.ui('ui.assess.title')}>
      {run.phase === 'error' && run.error !== null && <ErrorSummary error={run.error} fieldIds={FIELD_IDS} />}
      <div className="run-assessment__fields">
        <div className={ruleSetProblems.length > 0 ? 'field field--invalid' : 'field'}>
          <label htmlFor={FIELD_IDS.ruleSetId} className="field__label">
            {text.ui('ui.assess.ruleSet')}
          </label>
          <FieldError id="assess-rule-set-error" messages={ruleSetProblems} />
          <select
            id={FIELD_IDS.ruleSetId}
            value={ruleSetId}
            onChange={(e) => setRuleSetId(e.target.value)}
            aria-invalid={ruleSetProblems.length > 0}
            aria-describedby={ruleSetProblems.length > 0 ? 'assess-rule-set-error' : undefined}
          >
            {caseRuleSet === null ? (
              <option value="">{text.ui('ui.assess.ruleSet.choose')}</option>
            ) : (
              <option value={caseRuleSet}>{text.ui('ui.assess.ruleSet.caseDefault', { id: ruleSetName(text, ruleSets, { ruleSetId: caseRuleSet }) })}</option>
            )}
            {others.map((id) => (
              <option key={id} value={id}>
                {ruleSetName(text, ruleSets, { ruleSetId: id })}
              </option>
            ))}
          </select>
        </div>
        <div className={onProblems.length > 0 ? 'field field--invalid' : 'field'}>
          <label htmlFor={FIELD_IDS.on} className="field__label">
            {text.ui('ui.assess.on')}
          </label>
          <FieldError id="assess-on-error" messages={onProblems} />
          <input
            id={FIELD_IDS.on}
            type="date"
            value={on}
            onChange={(e) => setOn(e.target.value)}
            aria-invalid={onProblems.length > 0}
            aria-describedby={onProblems.length > 0 ? 'assess-on-hint assess-on-error' : 'assess-on-hint'}
          />
          <p className="field__hint" id="assess-on-hint">
            {text.ui('ui.assess.on.hint')}
          </p>
        </div>
        <div className="run-assessment__action">
          <button type="submit" className="button" aria-disabled={running}>
            {running && <span className="spinner spinner--on-dark" aria-hidden="true" />}
            {text.ui(running ? 'ui.assess.running' : 'ui.assess.submit')}
          </button>
          <p className="run-assessment__status" role="status">
            {running
              ? text.ui('ui.assess.running')
              : run.phase === 'done' && newest !== undefined
                ? text.ui(isWhatIf(newest) ? 'ui.whatIf.done' : 'ui.assess.done', { verdict: text.ui(`verdict.${newest.verdict}`) })
                : ''}
          </p>
        </div>
      </div>
    </form>
  );
}

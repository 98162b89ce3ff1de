/**
 * New case / Edit case. The draft lives here until "Save"; the router validates the case
 * file and a refusal shows as the GOV.UK error summary at the top, each problem linked to
 * its field, with the message beside the field; the draft is kept as typed. Changes not
 * saved hold the route (route-slice): leaving asks first. On edit, a change made by
 * someone else meanwhile (a version conflict) is explained, the draft still on screen.
 */
import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import type { CaseRecord, CaseSummary } from '../../shared/api-schemas.ts';
import { ENFORCEMENT_PROCEDURES } from '../../shared/vocabularies.ts';
import { EU_LIST_CATEGORIES, EXCLUDED_CATEGORIES } from '../../shared/domain/categories.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { Icon } from '../components/Icon.tsx';
import { useDesk } from '../store/index.ts';
import { ruleSetIds } from '../store/session-slice.ts';
import { ruleSetName } from '../text/instruments.ts';
import { problemText } from '../text/problems.ts';
import { useText, type Text } from '../text/use-text.ts';
import {
  caseOf,
  CONSENT_BY,
  CONSENT_STATUSES,
  CUSTODY_STATUSES,
  DIRECTIONS,
  draftOf,
  DUAL_CRIMINALITY,
  emptyDraft,
  emptyObligation,
  emptyOffence,
  emptySentence,
  EVENT_FIELDS,
  EXPULSION_KINDS,
  fieldId,
  formFieldOf,
  formPaths,
  isConstituentState,
  LEFT_WHEN,
  OBLIGATION_KINDS,
  OBLIGATIONS_STATES,
  STATE_CONSENTS,
  TERM_KINDS,
  type CaseDraft,
  type ObligationDraft,
  type ObligationsState,
  type OffenceDraft,
  type SentenceDraft,
} from './case-draft.ts';
import { RadioField, SelectField, StateField, StatesField, TextAreaField, TextField, TriField, type Problems } from './fields.tsx';
import { DuplicateWarning, DUPLICATES_SHOWN, samePersonOf } from './DuplicateWarning.tsx';
import { JurisdictionField } from './JurisdictionField.tsx';

const CATEGORIES = [...EU_LIST_CATEGORIES, ...EXCLUDED_CATEGORIES].map(([code]) => code);

interface CaseFormProps {
  /** The case being edited; null for a new case. */
  original: CaseRecord | null;
  onReload?(): void;
}

/** A problem's field as the officer reads it: the label, and which sentence or offence. */
function fieldLabel(text: Text, path: string): string {
  const row = /^(sentences|offences|financialObligations)\[(\d+)\]\.(\w+)$/.exec(path);
  if (row !== null) {
    const kind = row[1] === 'sentences' ? 'sentence' : row[1] === 'offences' ? 'offence' : 'obligation';
    const which = text.ui(kind === 'sentence' ? 'ui.form.sentence.n' : kind === 'offence' ? 'ui.form.offence.n' : 'ui.form.obligation.n', { n: Number(row[2]) + 1 });
    const key = `ui.form.${kind}.${row[3] ?? ''}`;
    return text.ui('ui.treaties.editor.fieldLabel', { parameter: which, part: text.has(key) ? text.message(key) : (row[3] ?? path) });
  }
  const key = `ui.form.f.${path}`;
  return text.has(key) ? text.message(key) : path;
}

/**
 * What changed meanwhile, version by version: who, when, by which action, and which fields (by
 * their labels in the form; a detail the form does not show as "other details of the case").
 */
function ConflictChanges({ problems, paths }: { problems: ApiCallError['problems']; paths: ReadonlySet<string> }) {
  const text = useText();
  const changes = problems.filter((p) => p.messageKey === 'error.version_conflict.change' && p.params !== undefined);
  if (changes.length === 0) return null;
  const labelOf = (path: string) => {
    if (path === 'closedAt') return text.ui('ui.form.conflict.closed');
    const field = formFieldOf(path, paths);
    if (field !== null) return fieldLabel(text, field);
    return text.has(`ui.field.${path}`) ? text.message(`ui.field.${path}`) : text.ui('ui.form.conflict.other');
  };
  return (
    <ul className="error-summary__problems conflict-changes">
      {changes.map((p) => {
        const params = p.params as Record<string, string | number>;
        const fields = [...new Set(String(params.fields ?? '').split(' ').filter((f) => f !== '').map(labelOf))];
        const action = String(params.action ?? '');
        return (
          <li key={String(params.version)} data-version={params.version}>
            {text.ui('ui.form.conflict.change', {
              user: String(params.user ?? ''),
              at: text.dateTime(String(params.at ?? '')),
              action: text.has(`ui.audit.action.${action}`) ? text.message(`ui.audit.action.${action}`) : action,
              fields: fields.length === 0 ? text.ui('ui.form.conflict.noField') : new Intl.ListFormat(text.locale, { type: 'conjunction' }).format(fields),
            })}
          </li>
        );
      })}
    </ul>
  );
}

function FormErrorSummary({ error, paths }: { error: ApiCallError; paths: ReadonlySet<string> }) {
  const text = useText();
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [error]);
  return (
    <div className="error-summary" role="alert" tabIndex={-1} ref={box} aria-labelledby="form-error-title">
      <h2 className="error-summary__title" id="form-error-title">
        <Icon name="warning" />
        {text.ui('ui.error.title')}
      </h2>
      <p>{error.code === 'conflict' ? text.ui('ui.form.conflict') : text.message(error.messageKey)}</p>
      {error.code === 'conflict' && <ConflictChanges problems={error.problems} paths={paths} />}
      {error.problems.length > 0 && error.code !== 'conflict' && (
        <ul className="error-summary__problems">
          {error.problems.map((problem) => {
            const field = formFieldOf(problem.field, paths);
            const line = text.ui('ui.error.problem', { field: field === null ? problem.field : fieldLabel(text, field), message: problemText(text, problem) });
            const id = field === null ? null : fieldId(field);
            return (
              <li key={`${problem.field}:${problem.message}`}>
                {id === null ? (
                  line
                ) : (
                  <a
                    href={`#${id}`}
                    onClick={(event) => {
                      event.preventDefault(); // the hash belongs to the router
                      const target = document.getElementById(id);
                      target?.scrollIntoView({ block: 'center' });
                      target?.focus();
                    }}
                  >
                    {line}
                  </a>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export function CaseForm({ original, onReload }: CaseFormProps) {
  const text = useText();
  const navigate = useDesk((s) => s.navigate);
  const setFormDirty = useDesk((s) => s.setFormDirty);
  const ruleSetVersions = useDesk((s) => s.ruleSets);
  const ruleSets = ruleSetIds(ruleSetVersions);
  const [initial] = useState<CaseDraft>(() => (original === null ? emptyDraft() : draftOf(original.case)));
  const [draft, setDraft] = useState<CaseDraft>(initial);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  /** A new case's possible duplicates, found for these identity details (what samePersonOf compares). */
  const [duplicates, setDuplicates] = useState<{ identity: string; cases: CaseSummary[]; total: number } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const dirty = useMemo(() => JSON.stringify(draft) !== JSON.stringify(initial) || reason !== '', [draft, initial, reason]);
  useEffect(() => setFormDirty(dirty), [dirty, setFormDirty]);
  useEffect(() => () => setFormDirty(false), [setFormDirty]);
  useEffect(() => heading.current?.focus(), []);

  const title = original === null ? text.ui('ui.form.new.title') : text.ui('ui.form.edit.title');
  useEffect(() => {
    document.title = `${title} — ${text.ui('ui.app.name')}`;
  }, [title, text]);

  const paths = useMemo(() => new Set(formPaths(draft)), [draft]);
  const problems: Problems = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const p of error?.problems ?? []) {
      const field = formFieldOf(p.field, paths);
      if (field !== null) map.set(field, [...(map.get(field) ?? []), problemText(text, p)]);
    }
    return map;
  }, [error, paths, text]);

  const set = <K extends keyof CaseDraft>(key: K) => (value: CaseDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const setSentence = (index: number, patch: Partial<SentenceDraft>) =>
    setDraft((d) => ({ ...d, sentences: d.sentences.map((s, i) => (i === index ? { ...s, ...patch } : s)) }));
  const setOffence = (index: number, patch: Partial<OffenceDraft>) =>
    setDraft((d) => ({ ...d, offences: d.offences.map((o, i) => (i === index ? { ...o, ...patch } : o)) }));
  const setObligation = (index: number, patch: Partial<ObligationDraft>) =>
    setDraft((d) => ({ ...d, obligations: d.obligations.map((o, i) => (i === index ? { ...o, ...patch } : o)) }));
  const setObligationsState = (state: ObligationsState) =>
    // "Listed" starts with one row to fill in.
    setDraft((d) => ({ ...d, obligationsState: state, obligations: state === 'listed' && d.obligations.length === 0 ? [emptyObligation()] : d.obligations }));

  const focusLater = (id: string) => window.requestAnimationFrame(() => document.getElementById(id)?.focus());

  /** Asks for the cases of a person who may be this one, unless shown already for these details: true when there are some to show first. */
  const possibleDuplicates = async (): Promise<boolean> => {
    const samePerson = samePersonOf(draft);
    if (original !== null || samePerson === undefined) return false;
    const identity = JSON.stringify(samePerson);
    if (duplicates?.identity === identity) return false; // shown: saving again is the officer's answer
    try {
      const found = await call('cases.list', { samePerson, includeClosed: true, limit: DUPLICATES_SHOWN });
      setDuplicates(found.items.length === 0 ? null : { identity, cases: found.items, total: found.total });
      return found.items.length > 0;
    } catch {
      return false; // a warning only: a failed check does not stop the save
    }
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    if (saving) return;
    setSaving(true);
    try {
      if (await possibleDuplicates()) {
        setSaving(false);
        return;
      }
      const file = caseOf(draft, original?.case ?? null);
      const record =
        original === null
          ? await call('cases.create', { case: file })
          : await call('cases.update', { id: original.id, expectedVersion: original.version, case: file, reason });
      setFormDirty(false);
      navigate({ screen: 'case', caseId: record.id });
    } catch (failure) {
      setError(asApiError(original === null ? 'cases.create' : 'cases.update', failure));
      setSaving(false);
    }
  };

  const cancel = () => navigate(original === null ? { screen: 'cases' } : { screen: 'case', caseId: original.id });

  const notRecorded = text.ui('ui.value.notRecorded');
  const sentenceIds = draft.sentences.map((s) => s.id);
  const offenceIds = draft.offences.map((o) => o.id).filter((id) => id.trim() !== '');

  return (
    <div className="screen form-screen">
      <button type="button" className="button button--quiet back-button" onClick={cancel}>
        <Icon name="back" />
        {original === null ? text.ui('ui.case.back') : text.ui('ui.form.backToCase')}
      </button>
      <h1 tabIndex={-1} ref={heading}>
        {title}
      </h1>
      <p className="form-screen__lead">{text.ui('ui.form.lead')}</p>
      {duplicates !== null && duplicates.identity === JSON.stringify(samePersonOf(draft)) && (
        <DuplicateWarning cases={duplicates.cases} total={duplicates.total} onSaveAnyway={() => void submit()} />
      )}
      {error !== null && <FormErrorSummary error={error} paths={paths} />}
      {error?.code === 'conflict' && onReload !== undefined && (
        <p>
          <button type="button" className="button button--secondary" onClick={onReload}>
            {text.ui('ui.form.conflict.reload')}
          </button>
        </p>
      )}
      <form className="case-form" noValidate onSubmit={(e) => void submit(e)}>
        <fieldset className="form-section">
          <legend>{text.ui('ui.person.title')}</legend>
          <div className="form-grid">
            <TextField path="person.familyName" label={text.ui('ui.form.f.person.familyName')} hint={text.ui('ui.form.familyName.hint')} required value={draft.familyName} onChange={set('familyName')} problems={problems} />
            <TextField path="person.givenNames" label={text.ui('ui.form.f.person.givenNames')} value={draft.givenNames} onChange={set('givenNames')} problems={problems} />
            <TextField path="person.nativeName" label={text.ui('ui.form.f.person.nativeName')} value={draft.nativeName} onChange={set('nativeName')} problems={problems} />
            <TextAreaField path="person.aliases" label={text.ui('ui.form.f.person.aliases')} hint={text.ui('ui.form.aliases.hint')} value={draft.aliases} onChange={set('aliases')} problems={problems} />
            <TextField path="person.prisonNumber" label={text.ui('ui.form.f.person.prisonNumber')} value={draft.prisonNumber} onChange={set('prisonNumber')} problems={problems} />
            <TextField path="person.prison" label={text.ui('ui.form.f.person.prison')} hint={text.ui('ui.form.prison.hint')} value={draft.prison} onChange={set('prison')} problems={problems} />
            <TextField path="person.dateOfBirth" type="date" label={text.ui('ui.form.f.person.dateOfBirth')} value={draft.dateOfBirth} onChange={set('dateOfBirth')} problems={problems} />
            <StatesField path="person.nationalities" label={text.ui('ui.form.f.person.nationalities')} hint={text.ui('ui.form.codes.hint')} value={draft.nationalities} onChange={set('nationalities')} problems={problems} />
            <StatesField path="person.permanentResidence" label={text.ui('ui.form.f.person.permanentResidence')} hint={text.ui('ui.form.codes.hint')} value={draft.permanentResidence} onChange={set('permanentResidence')} problems={problems} />
            <StateField path="person.livesIn" label={text.ui('ui.form.f.person.livesIn')} empty={notRecorded} value={draft.livesIn} onChange={set('livesIn')} problems={problems} />
          </div>
          <div className="tri-grid">
            <TriField path="person.representativeNeeded" label={text.ui('ui.form.f.person.representativeNeeded')} value={draft.representativeNeeded} onChange={set('representativeNeeded')} problems={problems} />
            <TriField
              path="person.domiciliaryOfSentencingState"
              label={text.ui('ui.form.f.person.domiciliaryOfSentencingState')}
              value={draft.domiciliaryOfSentencingState}
              onChange={set('domiciliaryOfSentencingState')}
              problems={problems}
            />
          </div>
          <div className="form-grid form-section__next">
            <SelectField
              path="custody.status"
              label={text.ui('ui.form.f.custody.status')}
              empty={notRecorded}
              options={CUSTODY_STATUSES.map((v) => ({ value: v, label: text.ui(`ui.form.custody.${v}`) }))}
              value={draft.custodyStatus}
              onChange={(v) => set('custodyStatus')(CUSTODY_STATUSES.find((x) => x === v) ?? '')}
              problems={problems}
            />
            {draft.custodyStatus !== '' && (
              <TextField path="custody.since" type="date" label={text.ui('ui.form.f.custody.since')} value={draft.custodySince} onChange={set('custodySince')} problems={problems} />
            )}
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{text.ui('ui.form.section.transfer')}</legend>
          <div className="form-grid">
            <StateField path="sentencingState" label={text.ui('ui.form.f.sentencingState')} empty={text.ui('ui.form.choose')} required value={draft.sentencingState} onChange={set('sentencingState')} problems={problems} />
            <StateField path="administeringState" label={text.ui('ui.form.f.administeringState')} empty={text.ui('ui.form.choose')} required value={draft.administeringState} onChange={set('administeringState')} problems={problems} />
            <SelectField
              path="direction"
              label={text.ui('ui.form.f.direction')}
              empty={notRecorded}
              options={DIRECTIONS.map((d) => ({ value: d, label: text.ui(`ui.form.direction.${d}`) }))}
              value={draft.direction}
              onChange={(v) => set('direction')(DIRECTIONS.find((d) => d === v) ?? '')}
              problems={problems}
            />
            <SelectField path="ruleSetId" label={text.ui('ui.form.f.ruleSetId')} empty={notRecorded} options={ruleSets.map((id) => ({ value: id, label: ruleSetName(text, ruleSetVersions, { ruleSetId: id }) }))} value={draft.ruleSetId} onChange={set('ruleSetId')} problems={problems} />
            <TextField path="reference" label={text.ui('ui.form.f.reference')} value={draft.reference} onChange={set('reference')} problems={problems} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{text.ui('ui.form.section.judgment')}</legend>
          <div className="form-grid">
            <TextField path="judgment.date" type="date" label={text.ui('ui.form.f.judgment.date')} value={draft.judgmentDate} onChange={set('judgmentDate')} problems={problems} />
            <TextField path="judgment.sentencingCourt" label={text.ui('ui.form.f.judgment.sentencingCourt')} hint={text.ui('ui.form.sentencingCourt.hint')} value={draft.sentencingCourt} onChange={set('sentencingCourt')} problems={problems} />
            <TextField path="judgment.appealPeriodEnds" type="date" label={text.ui('ui.form.f.judgment.appealPeriodEnds')} value={draft.appealPeriodEnds} onChange={set('appealPeriodEnds')} problems={problems} />
            <TextField path="remandDays" type="number" label={text.ui('ui.form.f.remandDays')} hint={text.ui('ui.form.remandDays.hint')} value={draft.remandDays} onChange={set('remandDays')} problems={problems} />
            <JurisdictionField value={draft.jurisdiction} onChange={set('jurisdiction')} problems={problems} />
            {isConstituentState(draft.jurisdiction) && (
              <SelectField
                path="consent.stateAuthority"
                label={text.ui('ui.form.f.consent.stateAuthority')}
                empty={notRecorded}
                options={STATE_CONSENTS.map((v) => ({ value: v, label: text.ui(`ui.form.stateConsent.${v}`) }))}
                value={draft.stateConsent}
                onChange={(v) => set('stateConsent')(STATE_CONSENTS.find((x) => x === v) ?? '')}
                problems={problems}
              />
            )}
          </div>
          <div className="tri-grid">
            <TriField path="judgment.final" label={text.ui('ui.form.f.judgment.final')} value={draft.final} onChange={set('final')} problems={problems} />
            <TriField path="judgment.appealPending" label={text.ui('ui.form.f.judgment.appealPending')} value={draft.appealPending} onChange={set('appealPending')} problems={problems} />
            <TriField path="judgment.otherProceedingsPending" label={text.ui('ui.form.f.judgment.otherProceedingsPending')} value={draft.otherProceedingsPending} onChange={set('otherProceedingsPending')} problems={problems} />
            <TriField path="judgment.deathSentence" label={text.ui('ui.form.f.judgment.deathSentence')} value={draft.deathSentence} onChange={set('deathSentence')} problems={problems} />
            {draft.deathSentence === 'yes' && (
              <TriField
                path="judgment.deathSentenceCommuted"
                label={text.ui('ui.form.f.judgment.deathSentenceCommuted')}
                value={draft.deathSentenceCommuted}
                onChange={set('deathSentenceCommuted')}
                problems={problems}
              />
            )}
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{text.ui('ui.sentences.caption')}</legend>
          {draft.sentences.length === 0 && <p className="form-section__empty">{text.ui('ui.sentences.none')}</p>}
          {draft.sentences.map((s, i) => (
            <div className="form-row" key={s.key} role="group" aria-labelledby={`sentence-${s.key}-title`}>
              <h3 id={`sentence-${s.key}-title`} className="form-row__title">
                {text.ui('ui.form.sentence.n', { n: i + 1 })}
              </h3>
              <div className="form-grid form-grid--row">
                <TextField path={`sentences[${i}].id`} label={text.ui('ui.form.sentence.id')} value={s.id} onChange={(v) => setSentence(i, { id: v })} problems={problems} />
                <TextField path={`sentences[${i}].start`} type="date" label={text.ui('ui.form.sentence.start')} value={s.start} onChange={(v) => setSentence(i, { start: v })} problems={problems} />
                <SelectField
                  path={`sentences[${i}].term`}
                  label={text.ui('ui.form.sentence.term')}
                  options={TERM_KINDS.map((k) => ({ value: k, label: text.ui(`ui.form.term.${k}`) }))}
                  value={s.termKind}
                  onChange={(v) => setSentence(i, { termKind: TERM_KINDS.find((k) => k === v) ?? 'fixed' })}
                  problems={problems}
                />
                {s.termKind === 'fixed' && (
                  <>
                    <TextField path={`sentences[${i}].term.years`} type="number" label={text.ui('ui.form.term.years')} value={s.years} onChange={(v) => setSentence(i, { years: v })} problems={problems} className="field--short" />
                    <TextField path={`sentences[${i}].term.months`} type="number" label={text.ui('ui.form.term.months')} value={s.months} onChange={(v) => setSentence(i, { months: v })} problems={problems} className="field--short" />
                    <TextField path={`sentences[${i}].term.days`} type="number" label={text.ui('ui.form.term.days')} value={s.days} onChange={(v) => setSentence(i, { days: v })} problems={problems} className="field--short" />
                  </>
                )}
                <SelectField
                  path={`sentences[${i}].consecutiveTo`}
                  label={text.ui('ui.form.sentence.consecutiveTo')}
                  empty={text.ui('ui.form.sentence.concurrent')}
                  options={sentenceIds.filter((id, j) => j !== i && id.trim() !== '').map((id) => ({ value: id, label: id }))}
                  value={s.consecutiveTo}
                  onChange={(v) => setSentence(i, { consecutiveTo: v })}
                  problems={problems}
                />
              </div>
              {offenceIds.length > 0 && (
                <fieldset className="checks" id={fieldId(`sentences[${i}].offences`)} tabIndex={-1}>
                  <legend className="field__label">{text.ui('ui.form.sentence.offences')}</legend>
                  {(problems.get(`sentences[${i}].offences`) ?? []).length > 0 && (
                    <p className="field__error">{problems.get(`sentences[${i}].offences`)?.join(' ')}</p>
                  )}
                  {offenceIds.map((id) => (
                    <label key={id} className="checks__option">
                      <input
                        type="checkbox"
                        checked={s.offences.includes(id)}
                        onChange={(e) => setSentence(i, { offences: e.target.checked ? [...s.offences, id] : s.offences.filter((o) => o !== id) })}
                      />
                      {id}
                    </label>
                  ))}
                </fieldset>
              )}
              <button
                type="button"
                className="link-button form-row__remove"
                onClick={() => {
                  setDraft((d) => ({ ...d, sentences: d.sentences.filter((_, j) => j !== i) }));
                  focusLater('add-sentence');
                }}
              >
                {text.ui('ui.form.sentence.remove', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            id="add-sentence"
            className="button button--secondary"
            onClick={() => {
              const added = emptySentence(sentenceIds);
              setDraft((d) => ({ ...d, sentences: [...d.sentences, added] }));
              focusLater(fieldId(`sentences[${draft.sentences.length}].id`));
            }}
          >
            {text.ui('ui.form.sentence.add')}
          </button>
        </fieldset>

        <fieldset className="form-section">
          <legend>{text.ui('ui.sentences.offences')}</legend>
          {draft.offences.map((o, i) => (
            <div className="form-row" key={o.key} role="group" aria-labelledby={`offence-${o.key}-title`}>
              <h3 id={`offence-${o.key}-title`} className="form-row__title">
                {text.ui('ui.form.offence.n', { n: i + 1 })}
              </h3>
              <div className="form-grid form-grid--row">
                <TextField path={`offences[${i}].id`} label={text.ui('ui.form.offence.id')} value={o.id} onChange={(v) => setOffence(i, { id: v })} problems={problems} />
                <TextField path={`offences[${i}].description`} label={text.ui('ui.form.offence.description')} value={o.description} onChange={(v) => setOffence(i, { description: v })} problems={problems} className="field--wide" />
                <TextField path={`offences[${i}].maxPenaltyMonths`} type="number" label={text.ui('ui.form.offence.maxPenaltyMonths')} value={o.maxPenaltyMonths} onChange={(v) => setOffence(i, { maxPenaltyMonths: v })} problems={problems} />
                {draft.direction === 'incoming' && (
                  <div className="form-grid__group">
                    <TextField
                      path={`offences[${i}].administeringMaxPenaltyMonths`}
                      type="number"
                      label={text.ui('ui.form.offence.administeringMaxPenaltyMonths')}
                      hint={text.ui('ui.form.offence.administeringMaxPenaltyMonths.hint')}
                      value={o.administeringLife ? '' : o.administeringMaxPenaltyMonths}
                      onChange={(v) => setOffence(i, { administeringMaxPenaltyMonths: v, administeringLife: false })}
                      problems={problems}
                    />
                    <label className="checks__option">
                      <input type="checkbox" checked={o.administeringLife} onChange={(e) => setOffence(i, { administeringLife: e.target.checked })} />
                      {text.ui('ui.form.offence.administeringLife')}
                    </label>
                  </div>
                )}
                <SelectField
                  path={`offences[${i}].dualCriminality`}
                  label={text.ui('ui.form.offence.dualCriminality')}
                  options={DUAL_CRIMINALITY.map((v) => ({ value: v, label: text.ui(v === 'unknown' ? 'ui.form.unknown' : v === 'yes' ? 'ui.value.yes' : 'ui.value.no') }))}
                  value={o.dualCriminality}
                  onChange={(v) => setOffence(i, { dualCriminality: DUAL_CRIMINALITY.find((x) => x === v) ?? 'unknown' })}
                  problems={problems}
                />
              </div>
              <div className={(problems.get(`offences[${i}].categories`) ?? []).length > 0 ? 'field field--invalid' : 'field'}>
                <label className="field__label" htmlFor={fieldId(`offences[${i}].categories`)}>
                  {text.ui('ui.form.offence.categories')}
                </label>
                <p className="field__hint" id={`${fieldId(`offences[${i}].categories`)}-hint`}>
                  {text.ui('ui.form.categories.hint')}
                </p>
                {(problems.get(`offences[${i}].categories`) ?? []).length > 0 && (
                  <p className="field__error">{problems.get(`offences[${i}].categories`)?.join(' ')}</p>
                )}
                <select
                  multiple
                  size={5}
                  className="select--multiple"
                  id={fieldId(`offences[${i}].categories`)}
                  aria-describedby={`${fieldId(`offences[${i}].categories`)}-hint`}
                  value={o.categories}
                  onChange={(e) => setOffence(i, { categories: [...e.target.selectedOptions].map((opt) => opt.value) })}
                >
                  {CATEGORIES.map((code) => (
                    <option key={code} value={code}>
                      {text.ui(`ui.category.${code}`)}
                    </option>
                  ))}
                </select>
              </div>
              <button
                type="button"
                className="link-button form-row__remove"
                onClick={() => {
                  setDraft((d) => ({
                    ...d,
                    offences: d.offences.filter((_, j) => j !== i),
                    sentences: d.sentences.map((s) => ({ ...s, offences: s.offences.filter((id) => id !== o.id) })),
                  }));
                  focusLater('add-offence');
                }}
              >
                {text.ui('ui.form.offence.remove', { n: i + 1 })}
              </button>
            </div>
          ))}
          <button
            type="button"
            id="add-offence"
            className="button button--secondary"
            onClick={() => {
              const added = emptyOffence(draft.offences.map((x) => x.id));
              setDraft((d) => ({ ...d, offences: [...d.offences, added] }));
              focusLater(fieldId(`offences[${draft.offences.length}].id`));
            }}
          >
            {text.ui('ui.form.offence.add')}
          </button>
        </fieldset>

        {draft.direction === 'incoming' && (
          <fieldset className="form-section">
            <legend>{text.ui('ui.form.section.enforcement')}</legend>
            <p className="form-section__lead">{text.ui('ui.form.enforcement.lead')}</p>
            <div className="form-grid">
              <SelectField
                path="enforcement.procedure"
                label={text.ui('ui.form.f.enforcement.procedure')}
                empty={text.ui('ui.form.enforcement.procedure.none')}
                options={ENFORCEMENT_PROCEDURES.map((p) => ({ value: p, label: text.ui(`enforce.ui.procedure.${p}`) }))}
                value={draft.enforcementProcedure}
                onChange={(v) => set('enforcementProcedure')(ENFORCEMENT_PROCEDURES.find((p) => p === v) ?? '')}
                problems={problems}
              />
              <TextField path="enforcement.decision.authority" label={text.ui('ui.form.f.enforcement.decision.authority')} value={draft.decisionAuthority} onChange={set('decisionAuthority')} problems={problems} />
              <TextField path="enforcement.decision.date" type="date" label={text.ui('ui.form.f.enforcement.decision.date')} value={draft.decisionDate} onChange={set('decisionDate')} problems={problems} />
              <SelectField
                path="enforcement.decision.term"
                label={text.ui('ui.form.f.enforcement.decision.term')}
                empty={text.ui('ui.form.enforcement.decision.none')}
                options={TERM_KINDS.map((k) => ({ value: k, label: text.ui(`ui.form.term.${k}`) }))}
                value={draft.decisionTermKind}
                onChange={(v) => set('decisionTermKind')(TERM_KINDS.find((k) => k === v) ?? '')}
                problems={problems}
              />
              {draft.decisionTermKind === 'fixed' && (
                <>
                  <TextField path="enforcement.decision.term.years" type="number" label={text.ui('ui.form.term.years')} value={draft.decisionYears} onChange={set('decisionYears')} problems={problems} className="field--short" />
                  <TextField path="enforcement.decision.term.months" type="number" label={text.ui('ui.form.term.months')} value={draft.decisionMonths} onChange={set('decisionMonths')} problems={problems} className="field--short" />
                  <TextField path="enforcement.decision.term.days" type="number" label={text.ui('ui.form.term.days')} value={draft.decisionDays} onChange={set('decisionDays')} problems={problems} className="field--short" />
                </>
              )}
            </div>
          </fieldset>
        )}

        <fieldset className="form-section">
          <legend>{text.ui('ui.form.section.financial')}</legend>
          <RadioField
            path="financialObligations"
            label={text.ui('ui.form.f.financialObligations')}
            options={OBLIGATIONS_STATES.map((v) => ({ value: v, label: text.ui(`ui.form.obligations.${v}`) }))}
            value={draft.obligationsState}
            onChange={setObligationsState}
            problems={problems}
          />
          {draft.obligationsState === 'listed' && (
            <>
              {draft.obligations.length === 0 && <p className="form-section__empty">{text.ui('ui.form.obligations.empty')}</p>}
              {draft.obligations.map((o, i) => (
                <div className="form-row" key={o.key} role="group" aria-labelledby={`obligation-${o.key}-title`}>
                  <h3 id={`obligation-${o.key}-title`} className="form-row__title">
                    {text.ui('ui.form.obligation.n', { n: i + 1 })}
                  </h3>
                  <div className="form-grid form-grid--row">
                    <SelectField
                      path={`financialObligations[${i}].kind`}
                      label={text.ui('ui.form.obligation.kind')}
                      options={OBLIGATION_KINDS.map((k) => ({ value: k, label: text.ui(`ui.form.obligationKind.${k}`) }))}
                      value={o.kind}
                      onChange={(v) => setObligation(i, { kind: OBLIGATION_KINDS.find((k) => k === v) ?? 'fine' })}
                      problems={problems}
                    />
                    <TextField path={`financialObligations[${i}].amount`} type="text" inputMode="decimal" label={text.ui('ui.form.obligation.amount')} value={o.amount} onChange={(v) => setObligation(i, { amount: v })} problems={problems} />
                    <TextField
                      path={`financialObligations[${i}].currency`}
                      label={text.ui('ui.form.obligation.currency')}
                      value={o.currency}
                      onChange={(v) => setObligation(i, { currency: v.toUpperCase() })}
                      problems={problems}
                    />
                  </div>
                  <div className="tri-grid">
                    <TriField path={`financialObligations[${i}].paid`} label={text.ui('ui.form.obligation.paid')} value={o.paid} onChange={(v) => setObligation(i, { paid: v })} problems={problems} />
                    <TriField
                      path={`financialObligations[${i}].incapacityToPay`}
                      label={text.ui('ui.form.obligation.incapacityToPay')}
                      value={o.incapacityToPay}
                      onChange={(v) => setObligation(i, { incapacityToPay: v })}
                      problems={problems}
                    />
                  </div>
                  <button
                    type="button"
                    className="link-button form-row__remove"
                    onClick={() => {
                      setDraft((d) => ({ ...d, obligations: d.obligations.filter((_, j) => j !== i) }));
                      focusLater('add-obligation');
                    }}
                  >
                    {text.ui('ui.form.obligation.remove', { n: i + 1 })}
                  </button>
                </div>
              ))}
              <button
                type="button"
                id="add-obligation"
                className="button button--secondary"
                onClick={() => {
                  setDraft((d) => ({ ...d, obligations: [...d.obligations, emptyObligation()] }));
                  focusLater(fieldId(`financialObligations[${draft.obligations.length}].kind`));
                }}
              >
                {text.ui('ui.form.obligation.add')}
              </button>
            </>
          )}
        </fieldset>

        <fieldset className="form-section">
          <legend>{text.ui('ui.form.section.consent')}</legend>
          <div className="form-grid">
            <SelectField
              path="consent.status"
              label={text.ui('ui.form.f.consent.status')}
              empty={notRecorded}
              options={CONSENT_STATUSES.map((v) => ({ value: v, label: text.ui(`ui.form.consent.${v}`) }))}
              value={draft.consentStatus}
              onChange={(v) => set('consentStatus')(CONSENT_STATUSES.find((x) => x === v) ?? '')}
              problems={problems}
            />
            <SelectField
              path="consent.by"
              label={text.ui('ui.form.f.consent.by')}
              empty={notRecorded}
              options={CONSENT_BY.map((v) => ({ value: v, label: text.ui(`ui.form.consentBy.${v}`) }))}
              value={draft.consentBy}
              onChange={(v) => set('consentBy')(CONSENT_BY.find((x) => x === v) ?? '')}
              problems={problems}
            />
            <TextField path="consent.date" type="date" label={text.ui('ui.form.f.consent.date')} value={draft.consentDate} onChange={set('consentDate')} problems={problems} />
            <TextField path="consent.withdrawnOn" type="date" label={text.ui('ui.form.f.consent.withdrawnOn')} value={draft.consentWithdrawnOn} onChange={set('consentWithdrawnOn')} problems={problems} />
          </div>
          <div className="tri-grid">
            <TriField path="consent.verified" label={text.ui('ui.form.f.consent.verified')} value={draft.consentVerified} onChange={set('consentVerified')} problems={problems} />
            <TriField path="consent.opinionRecorded" label={text.ui('ui.form.f.consent.opinionRecorded')} value={draft.consentOpinionRecorded} onChange={set('consentOpinionRecorded')} problems={problems} />
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{text.ui('ui.form.section.expulsion')}</legend>
          <div className="form-grid">
            <SelectField
              path="expulsion.kind"
              label={text.ui('ui.form.f.expulsion.kind')}
              empty={text.ui('ui.form.noneRecorded')}
              options={EXPULSION_KINDS.map((v) => ({ value: v, label: text.ui(`ui.form.expulsion.${v}`) }))}
              value={draft.expulsionKind}
              onChange={(v) => set('expulsionKind')(EXPULSION_KINDS.find((x) => x === v) ?? '')}
              problems={problems}
            />
            {draft.expulsionKind !== '' && (
              <TextField path="expulsion.date" type="date" label={text.ui('ui.form.f.expulsion.date')} value={draft.expulsionDate} onChange={set('expulsionDate')} problems={problems} />
            )}
          </div>
          <div className="form-grid form-section__next">
            <SelectField
              path="leftSentencingState.when"
              label={text.ui('ui.form.f.leftSentencingState.when')}
              empty={text.ui('ui.form.noneRecorded')}
              options={LEFT_WHEN.map((v) => ({ value: v, label: text.ui(`ui.form.left.${v}`) }))}
              value={draft.leftWhen}
              onChange={(v) => set('leftWhen')(LEFT_WHEN.find((x) => x === v) ?? '')}
              problems={problems}
            />
            {draft.leftWhen !== '' && (
              <>
                <TextField path="leftSentencingState.date" type="date" label={text.ui('ui.form.f.leftSentencingState.date')} value={draft.leftDate} onChange={set('leftDate')} problems={problems} />
                <StateField path="leftSentencingState.to" label={text.ui('ui.form.f.leftSentencingState.to')} empty={notRecorded} value={draft.leftTo} onChange={set('leftTo')} problems={problems} />
              </>
            )}
          </div>
        </fieldset>

        <fieldset className="form-section">
          <legend>{text.ui('ui.form.section.events')}</legend>
          <div className="form-grid">
            {EVENT_FIELDS.map((e) => (
              <TextField
                key={e}
                path={`events.${e}`}
                type="date"
                label={text.ui(`ui.form.f.events.${e}`)}
                value={draft.events[e]}
                onChange={(v) => setDraft((d) => ({ ...d, events: { ...d.events, [e]: v } }))}
                problems={problems}
              />
            ))}
          </div>
        </fieldset>

        {original !== null && (
          <fieldset className="form-section">
            <legend>{text.ui('ui.form.section.reason')}</legend>
            <TextField path="reason" label={text.ui('ui.form.f.reason')} hint={text.ui('ui.form.reason.hint')} required value={reason} onChange={setReason} problems={problems} className="field--wide" />
          </fieldset>
        )}

        <div className="form-actions">
          <button type="submit" className="button" aria-disabled={saving}>
            {saving && <span className="spinner spinner--on-dark" aria-hidden="true" />}
            {text.ui(original === null ? 'ui.form.create' : 'ui.form.save')}
          </button>
          <button type="button" className="button button--secondary" onClick={cancel}>
            {text.ui('ui.form.cancel')}
          </button>
          <p className="form-actions__status" role="status">
            {saving ? text.ui('ui.form.saving') : dirty ? text.ui('ui.form.unsaved') : ''}
          </p>
        </div>
      </form>
    </div>
  );
}

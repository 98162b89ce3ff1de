/**
 * Correspondence and notes (cases.work): who the case is assigned to, each letter with its date,
 * correspondent and the date to chase an answer by (the Due page lists it until a reply from
 * the same correspondent is recorded), and the case's notes. Whoever may write records letters
 * and notes, and takes the case ("Assign to me"); every write is one audited service call.
 */
import { useEffect, useState, type FormEvent } from 'react';
import { mayCall } from '../../shared/api.ts';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { CaseWork } from '../../shared/workflow-schemas.ts';
import { CORRESPONDENCE_KINDS, CORRESPONDENTS } from '../../shared/vocabularies.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';

type Kind = (typeof CORRESPONDENCE_KINDS)[number];
type Correspondent = (typeof CORRESPONDENTS)[number];
/** The form's fields by the names the service's problems give them. */
const LETTER_FIELDS = { date: 'work-date', reference: 'work-reference', subject: 'work-subject', chaseOn: 'work-chase' } as const;

function LetterForm({ caseId, onSaved }: { caseId: string; onSaved: (work: CaseWork) => void }) {
  const text = useText();
  const [kind, setKind] = useState<Kind>('request');
  const [correspondent, setCorrespondent] = useState<Correspondent>('other-state');
  const [outgoing, setOutgoing] = useState(true);
  const [date, setDate] = useState('');
  const [reference, setReference] = useState('');
  const [subject, setSubject] = useState('');
  const [chaseOn, setChaseOn] = useState('');
  const [error, setError] = useState<ApiCallError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('cases.recordCorrespondence', {
      caseId,
      kind,
      correspondent,
      outgoing,
      date,
      ...(reference.trim() === '' ? {} : { reference: reference.trim() }),
      ...(subject.trim() === '' ? {} : { subject: subject.trim() }),
      ...(outgoing && chaseOn !== '' ? { chaseOn } : {}),
    })
      .then((work) => {
        setError(null);
        setReference('');
        setSubject('');
        setChaseOn('');
        onSaved(work);
      })
      .catch((x: unknown) => setError(asApiError('cases.recordCorrespondence', x)));
  };
  return (
    <form className="work-form" onSubmit={submit} aria-labelledby="work-letter-title">
      <h4 id="work-letter-title">{text.ui('work.correspondence.add')}</h4>
      {error !== null && <ErrorSummary error={error} fieldIds={LETTER_FIELDS} />}
      <div className="field">
        <label htmlFor="work-kind" className="field__label">{text.ui('work.correspondence.kind')}</label>
        <select id="work-kind" value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
          {CORRESPONDENCE_KINDS.map((k) => (
            <option key={k} value={k}>
              {text.ui(`work.kind.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="work-correspondent" className="field__label">{text.ui('work.correspondence.correspondent')}</label>
        <select id="work-correspondent" value={correspondent} onChange={(e) => setCorrespondent(e.target.value as Correspondent)}>
          {CORRESPONDENTS.map((c) => (
            <option key={c} value={c}>
              {text.ui(`work.correspondent.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <fieldset className="field">
        <legend>{text.ui('work.correspondence.direction')}</legend>
        <label>
          <input type="radio" name="work-direction" checked={outgoing} onChange={() => setOutgoing(true)} /> {text.ui('work.correspondence.sent')}
        </label>
        <label>
          <input type="radio" name="work-direction" checked={!outgoing} onChange={() => setOutgoing(false)} /> {text.ui('work.correspondence.received')}
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor="work-date" className="field__label">{text.ui('work.correspondence.date')}</label>
        <input id="work-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="work-reference" className="field__label">{text.ui('work.correspondence.reference')}</label>
        <input id="work-reference" value={reference} maxLength={300} onChange={(e) => setReference(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="work-subject" className="field__label">{text.ui('work.correspondence.subject')}</label>
        <input id="work-subject" value={subject} maxLength={300} onChange={(e) => setSubject(e.target.value)} />
      </div>
      {outgoing && (
        <div className="field">
          <label htmlFor="work-chase" className="field__label">{text.ui('work.correspondence.chaseOn')}</label>
          <input id="work-chase" type="date" value={chaseOn} onChange={(e) => setChaseOn(e.target.value)} />
        </div>
      )}
      <button type="submit" className="button">
        {text.ui('work.correspondence.add')}
      </button>
    </form>
  );
}

function NoteForm({ caseId, onSaved }: { caseId: string; onSaved: (work: CaseWork) => void }) {
  const text = useText();
  const [note, setNote] = useState('');
  const [error, setError] = useState<ApiCallError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    call('cases.addNote', { caseId, text: note })
      .then((work) => {
        setError(null);
        setNote('');
        onSaved(work);
      })
      .catch((x: unknown) => setError(asApiError('cases.addNote', x)));
  };
  return (
    <form className="work-form" onSubmit={submit}>
      {error !== null && <ErrorSummary error={error} fieldIds={{ text: 'work-note' }} fieldLabels={{ text: text.ui('work.notes.text') }} />}
      <div className="field">
        <label htmlFor="work-note" className="field__label">{text.ui('work.notes.text')}</label>
        <textarea id="work-note" rows={3} maxLength={10_000} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      <button type="submit" className="button button--secondary">
        {text.ui('work.notes.add')}
      </button>
    </form>
  );
}

export function CaseWorkSection({ record }: { record: CaseRecord }) {
  const text = useText();
  const user = useDesk((s) => s.user);
  const [work, setWork] = useState<CaseWork | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  useEffect(() => {
    let live = true;
    call('cases.work', { caseId: record.id })
      .then((w) => live && setWork(w))
      .catch((x: unknown) => live && setError(asApiError('cases.work', x)));
    return () => {
      live = false;
    };
  }, [record.id, record.version]);
  const writes = record.closedAt === null && mayCall(user?.role, 'cases.addNote');
  const assignToMe = () => {
    if (user === null || user === undefined) return;
    call('cases.assign', { caseId: record.id, userId: user.id })
      .then(() => call('cases.work', { caseId: record.id }))
      .then(setWork)
      .catch((x: unknown) => setError(asApiError('cases.assign', x)));
  };

  return (
    <section className="panel case-work" aria-labelledby="work-title">
      <h2 id="work-title">{text.ui('work.title')}</h2>
      {error !== null && (
        <p className="state state--error" role="alert">
          {text.message(error.messageKey)}
        </p>
      )}
      {work !== null && (
        <>
          <p>
            {text.ui('work.assigned.to', { name: work.assignedTo === null ? text.ui('work.assigned.nobody') : (work.assignedTo.name ?? work.assignedTo.id) })}{' '}
            {writes && mayCall(user?.role, 'cases.assign') && work.assignedTo?.id !== user?.id && (
              <button type="button" className="link-button" onClick={assignToMe}>
                {text.ui('work.assign.me')}
              </button>
            )}
          </p>
          <h3>{text.ui('work.correspondence')}</h3>
          {work.correspondence.length === 0 ? (
            <p className="muted">{text.ui('work.correspondence.empty')}</p>
          ) : (
            <table className="data-table work-letters">
              <thead>
                <tr>
                  <th scope="col">{text.ui('work.correspondence.date')}</th>
                  <th scope="col">{text.ui('work.correspondence.kind')}</th>
                  <th scope="col">{text.ui('work.correspondence.correspondent')}</th>
                  <th scope="col">{text.ui('work.correspondence.reference')}</th>
                  <th scope="col">{text.ui('work.correspondence.chaseOn')}</th>
                </tr>
              </thead>
              <tbody>
                {work.correspondence.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <time dateTime={c.date}>{text.date(c.date)}</time>
                    </td>
                    <td>
                      {text.ui(`work.kind.${c.kind}`)} ({text.ui(c.outgoing ? 'work.correspondence.sent' : 'work.correspondence.received')})
                      {c.subject !== null && <span className="muted"> {c.subject}</span>}
                    </td>
                    <td>{text.ui(`work.correspondent.${c.correspondent}`)}</td>
                    <td>{c.reference ?? '—'}</td>
                    <td>{c.chaseOn === null ? '—' : c.answered ? `${text.date(c.chaseOn)} (${text.ui('work.correspondence.answered')})` : text.deadline(c.chaseOn)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {writes && <LetterForm caseId={record.id} onSaved={setWork} />}
          <h3>{text.ui('work.notes')}</h3>
          {work.notes.length === 0 ? (
            <p className="muted">{text.ui('work.notes.empty')}</p>
          ) : (
            <ul className="work-notes">
              {work.notes.map((n) => (
                <li key={n.id}>
                  <p className="work-notes__text">{n.text}</p>
                  <p className="muted small">{text.ui('work.notes.by', { name: n.createdByName ?? '—', when: text.dateTime(n.createdAt) })}</p>
                </li>
              ))}
            </ul>
          )}
          {writes && <NoteForm caseId={record.id} onSaved={setWork} />}
        </>
      )}
    </section>
  );
}

/**
 * Jurisdiction profiles: per sentencing jurisdiction, each version (built in or local) with
 * its remission (and, as administering State, how a transferred-in sentence earns it), remand
 * credit, appeal period and month-end rule, each with source and
 * confidence; and a form for a new version of one of them, with an effective date.
 */
import { mayCall } from '../../shared/api.ts';
import { useEffect, useState, type ReactNode } from 'react';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import type { ProfileVersion } from '../../shared/treaties/api-schemas.ts';
import { CONFIDENCES, type Confidence } from '../../shared/treaties/confidence.ts';
import type { StoredProfile } from '../../shared/treaties/profile-schema.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Icon } from '../components/Icon.tsx';
import { useDesk } from '../store/index.ts';
import { useText } from '../text/use-text.ts';
import { ConfidenceMark } from './ConfidenceMark.tsx';
import { ReassessRunner } from './ReassessRunner.tsx';
import { treatiesHref } from './routes.ts';
import { jurisdictionName } from './subject-name.ts';
import { useApiData } from './use-api-data.ts';


function Ruled({ words, source, confidence }: { words: string; source: string; confidence: Confidence }) {
  const text = useText();
  return (
    <>
      <p>{words}</p>
      <p className="param__source">{text.source(source)}</p>
      <ConfidenceMark confidence={confidence} />
    </>
  );
}

function ProfileRows({ v }: { v: ProfileVersion }) {
  const text = useText();
  const p = v.profile;
  const r = p.remission.value;
  return (
    <tr data-profile={`${p.code}@${p.version}`} className={v.inForceToday ? 'profile--in-force' : undefined}>
      <th scope="row">
        {jurisdictionName(text, p.code)}
        {p.code !== '*' && p.name !== text.region(p.code) && <span className="muted small"> {p.name}</span>}
        <span className="muted small">
          {' '}
          {p.version} · {text.date(p.effectiveFrom)}
        </span>
        {v.inForceToday && (
          <span className="badge badge--in-force">
            <Icon name="check" />
            {text.ui('ui.treaties.versions.inForce')}
          </span>
        )}
      </th>
      <td>
        <Ruled
          words={r === null ? text.ui('ui.profiles.remission.none') : text.ui('ui.profiles.remission.value', { fraction: `${r.numerator}/${r.denominator}`, days: r.minActualTermDays })}
          source={p.remission.source}
          confidence={p.remission.confidence}
        />
        {r !== null && (
          <div className="profile__transferred">
            <Ruled
              words={text.ui('ui.profiles.transferredRemission', { base: text.ui(`param.base.${p.transferredRemission.value}`) })}
              source={p.transferredRemission.source}
              confidence={p.transferredRemission.confidence}
            />
          </div>
        )}
      </td>
      <td>
        <Ruled words={text.ui(`ui.profiles.remandCredit.${p.remandCredit.value}`)} source={p.remandCredit.source} confidence={p.remandCredit.confidence} />
      </td>
      <td>
        <Ruled
          words={p.appealPeriodDays.value === null ? text.ui('treaties.v.notKnown') : text.ui('ui.profiles.appealPeriod.value', { days: p.appealPeriodDays.value })}
          source={p.appealPeriodDays.source}
          confidence={p.appealPeriodDays.confidence}
        />
      </td>
      <td>
        <Ruled words={text.ui(`ui.profiles.monthEnd.${p.monthEnd.value}`)} source={p.monthEnd.source} confidence={p.monthEnd.confidence} />
      </td>
    </tr>
  );
}

function Input({ id, label, value, onChange, type = 'text' }: { id: string; label: string; value: string; onChange: (v: string) => void; type?: string }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <input id={id} type={type} value={value} onChange={(e) => onChange(e.currentTarget.value)} />
    </div>
  );
}

function Choice({ id, label, value, options, onChange }: { id: string; label: string; value: string; options: readonly { value: string; label: ReactNode }[]; onChange: (v: string) => void }) {
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function NewVersionForm({ base, onSaved }: { base: StoredProfile; onSaved: (message: string) => void }) {
  const text = useText();
  const today = formatIsoDate(todayFrom(new Date()));
  const r = base.remission.value;
  const [f, setF] = useState({
    version: today, effectiveFrom: today, reason: '',
    numerator: String(r?.numerator ?? ''), denominator: String(r?.denominator ?? ''), minDays: String(r?.minActualTermDays ?? ''),
    remissionSource: base.remission.source, remissionConfidence: base.remission.confidence as string,
    remand: base.remandCredit.value as string, remandSource: base.remandCredit.source, remandConfidence: base.remandCredit.confidence as string,
    appeal: base.appealPeriodDays.value === null ? '' : String(base.appealPeriodDays.value), appealSource: base.appealPeriodDays.source, appealConfidence: base.appealPeriodDays.confidence as string,
    transferred: base.transferredRemission.value as string, transferredSource: base.transferredRemission.source, transferredConfidence: base.transferredRemission.confidence as string,
  });
  const [error, setError] = useState<ApiCallError | null>(null);
  const set = (key: keyof typeof f) => (v: string) => setF((old) => ({ ...old, [key]: v }));
  const num = (s: string) => (s.trim() === '' ? null : Number(s));
  const confidenceOptions = CONFIDENCES.map((c) => ({ value: c, label: text.ui(`ui.treaties.confidence.${c}`) }));

  async function save() {
    const remission = f.numerator.trim() === '' ? null : { numerator: num(f.numerator), denominator: num(f.denominator), minActualTermDays: num(f.minDays) };
    const profile = {
      ...base, version: f.version, effectiveFrom: f.effectiveFrom,
      remission: { value: remission, source: f.remissionSource, confidence: f.remissionConfidence },
      remandCredit: { value: f.remand, source: f.remandSource, confidence: f.remandConfidence },
      appealPeriodDays: { value: num(f.appeal), source: f.appealSource, confidence: f.appealConfidence },
      transferredRemission: { value: f.transferred, source: f.transferredSource, confidence: f.transferredConfidence },
    };
    try {
      const saved = await call('profiles.save', { profile, reason: f.reason });
      setError(null);
      onSaved(text.ui('ui.profiles.saved', { code: saved.profile.code, version: saved.profile.version }));
    } catch (e) {
      setError(asApiError('profiles.save', e));
    }
  }

  const id = (name: string) => `profile-${name}`;
  return (
    <form
      className="profile-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      {error !== null && <ErrorSummary error={error} />}
      <div className="profile-form__grid">
        <Input id={id('version')} label={text.ui('treaties.meta.version')} value={f.version} onChange={set('version')} />
        <Input id={id('effectiveFrom')} type="date" label={text.ui('treaties.meta.effectiveFrom')} value={f.effectiveFrom} onChange={set('effectiveFrom')} />
        <Input id={id('numerator')} label={text.ui('ui.profiles.numerator')} value={f.numerator} onChange={set('numerator')} />
        <Input id={id('denominator')} label={text.ui('ui.profiles.denominator')} value={f.denominator} onChange={set('denominator')} />
        <Input id={id('minDays')} label={text.ui('ui.profiles.minDays')} value={f.minDays} onChange={set('minDays')} />
        <Input id={id('remissionSource')} label={text.ui('ui.treaties.editor.fieldLabel', { parameter: text.ui('ui.profiles.remission'), part: text.ui('ui.treaties.params.source') })} value={f.remissionSource} onChange={set('remissionSource')} />
        <Choice id={id('remissionConfidence')} label={text.ui('ui.treaties.editor.fieldLabel', { parameter: text.ui('ui.profiles.remission'), part: text.ui('ui.treaties.params.confidence') })} value={f.remissionConfidence} options={confidenceOptions} onChange={set('remissionConfidence')} />
        <Choice
          id={id('remand')}
          label={text.ui('ui.profiles.remandCredit')}
          value={f.remand}
          options={(['day-for-day', 'none'] as const).map((v) => ({ value: v, label: text.ui(`ui.profiles.remandCredit.${v}`) }))}
          onChange={set('remand')}
        />
        <Input id={id('remandSource')} label={text.ui('ui.treaties.editor.fieldLabel', { parameter: text.ui('ui.profiles.remandCredit'), part: text.ui('ui.treaties.params.source') })} value={f.remandSource} onChange={set('remandSource')} />
        <Choice id={id('remandConfidence')} label={text.ui('ui.treaties.editor.fieldLabel', { parameter: text.ui('ui.profiles.remandCredit'), part: text.ui('ui.treaties.params.confidence') })} value={f.remandConfidence} options={confidenceOptions} onChange={set('remandConfidence')} />
        <Input id={id('appeal')} label={text.ui('ui.profiles.appealDays')} value={f.appeal} onChange={set('appeal')} />
        <Input id={id('appealSource')} label={text.ui('ui.treaties.editor.fieldLabel', { parameter: text.ui('ui.profiles.appealPeriod'), part: text.ui('ui.treaties.params.source') })} value={f.appealSource} onChange={set('appealSource')} />
        <Choice id={id('appealConfidence')} label={text.ui('ui.treaties.editor.fieldLabel', { parameter: text.ui('ui.profiles.appealPeriod'), part: text.ui('ui.treaties.params.confidence') })} value={f.appealConfidence} options={confidenceOptions} onChange={set('appealConfidence')} />
        <Choice
          id={id('transferred')}
          label={text.ui('ui.profiles.transferredRemission.label')}
          value={f.transferred}
          options={(['whole-term', 'part-served-here'] as const).map((v) => ({ value: v, label: text.ui(`param.base.${v}`) }))}
          onChange={set('transferred')}
        />
        <Input id={id('transferredSource')} label={text.ui('ui.treaties.editor.fieldLabel', { parameter: text.ui('ui.profiles.transferredRemission.label'), part: text.ui('ui.treaties.params.source') })} value={f.transferredSource} onChange={set('transferredSource')} />
        <Choice id={id('transferredConfidence')} label={text.ui('ui.treaties.editor.fieldLabel', { parameter: text.ui('ui.profiles.transferredRemission.label'), part: text.ui('ui.treaties.params.confidence') })} value={f.transferredConfidence} options={confidenceOptions} onChange={set('transferredConfidence')} />
        <Input id={id('reason')} label={text.ui('ui.treaties.editor.reason')} value={f.reason} onChange={set('reason')} />
      </div>
      <button type="submit" className="button">
        {text.ui('ui.treaties.editor.save')}
      </button>
    </form>
  );
}

export function ProfilesPage() {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  const [state, reload] = useApiData('profiles.list', undefined);
  const [chosen, setChosen] = useState('HK');
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    document.title = `${text.ui('ui.profiles.title')} — ${text.ui('ui.app.name')}`;
  }, [text]);
  if (state.phase === 'loading') return <p role="status">{text.ui('ui.treaties.loading')}</p>;
  if (state.phase === 'error') return <ErrorSummary error={state.error} />;
  const codes = [...new Set(state.data.map((v) => v.profile.code))];
  const base = (state.data.find((v) => v.profile.code === chosen && v.inForceToday) ?? state.data.find((v) => v.profile.code === chosen))?.profile;
  return (
    <div className="screen profiles-screen">
      <p>
        <a href={treatiesHref.list()} className="back-link">
          <Icon name="back" />
          {text.ui('ui.treaties.back')}
        </a>
      </p>
      <h1>{text.ui('ui.profiles.title')}</h1>
      <p className="lede">{text.ui('ui.profiles.intro')}</p>
      <ReassessRunner key={state.data.length} />
      <table className="data-table profiles-table">
        <caption>{text.ui('ui.profiles.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{text.ui('ui.profiles.code')}</th>
            <th scope="col">{text.ui('ui.profiles.remission')}</th>
            <th scope="col">{text.ui('ui.profiles.remandCredit')}</th>
            <th scope="col">{text.ui('ui.profiles.appealPeriod')}</th>
            <th scope="col">{text.ui('ui.profiles.monthEnd')}</th>
          </tr>
        </thead>
        <tbody>
          {state.data.map((v) => (
            <ProfileRows key={`${v.profile.code}@${v.profile.version}`} v={v} />
          ))}
        </tbody>
      </table>
      {mayCall(role, 'profiles.save') && base !== undefined && (
        <section aria-labelledby="profile-new-title">
          <h2 id="profile-new-title">{text.ui('ui.profiles.new', { name: jurisdictionName(text, chosen) })}</h2>
          <Choice id="profile-code" label={text.ui('ui.profiles.code')} value={chosen} options={codes.map((c) => ({ value: c, label: jurisdictionName(text, c) }))} onChange={setChosen} />
          {saved !== null && (
            <p role="status">
              <Icon name="check" />
              {saved}
            </p>
          )}
          <NewVersionForm
            key={`${chosen}-${state.data.length}`}
            base={base}
            onSaved={(message) => {
              setSaved(message);
              reload();
            }}
          />
        </section>
      )}
    </div>
  );
}

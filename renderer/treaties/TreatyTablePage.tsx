/**
 * Treaties › Treaties between two States: pick two States or places by name (type part of the
 * name, choose from the list) and a day; the treaty table (treaties.table) says of every
 * instrument whether it applies, why not (not yet in force and from when, ceased, replaced by
 * another, not a party, unconfirmed), its sources and confidence, and the declarations of either
 * State that matter; "no arrangement" where the map records one (Hong Kong and the Mainland).
 * Below, the treaty map's versions with the one in force.
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { TreatyTable, TreatyTableRow } from '../../shared/treaties/map/api-schemas.ts';
import { formatIsoDate, todayFrom } from '../../shared/sentence/calendar.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { FieldFrame } from '../components/FieldFrame.tsx';
import { Icon, type IconName } from '../components/Icon.tsx';
import { useDesk } from '../store/index.ts';
import { ruleSetName } from '../text/instruments.ts';
import { LOCALES } from '../../shared/i18n/index.ts';
import { regionOptions } from '../text/regions.ts';
import { textFor, useText, type Text } from '../text/use-text.ts';
import { ConfidenceMark } from './ConfidenceMark.tsx';
import { treatiesHref } from './routes.ts';
import { useApiData } from './use-api-data.ts';

type Row = TreatyTableRow;
type Declaration = Row['declarations'][number];

/** The code of a place typed or chosen by name (any case, in either language: the officer may have switched), or typed as its code. */
function placeCode(typed: string): string | null {
  const wanted = typed.trim().toLocaleLowerCase();
  if (wanted === '') return null;
  for (const locale of LOCALES) {
    const found = regionOptions(textFor(locale)).find((o) => o.name.toLocaleLowerCase() === wanted || o.code.toLocaleLowerCase() === wanted);
    if (found !== undefined) return found.code;
  }
  return null;
}

const STATUS_MARK: Record<Row['status'], { icon: IconName; tone: string }> = {
  applies: { icon: 'check', tone: 'met' },
  'not-applies': { icon: 'cross', tone: 'not_met' },
  unknown: { icon: 'question', tone: 'unknown' },
};

/** An instrument by name: its label, else its title in the map, else its id. */
function instrumentName(text: Text, id: string, rows: readonly Row[], ruleSets: Parameters<typeof ruleSetName>[1], inSentence: boolean): string {
  const named = ruleSetName(text, ruleSets, { ruleSetId: id, instrumentId: id }, inSentence);
  return named !== id ? named : (rows.find((r) => r.instrumentId === id)?.title ?? id);
}

/** Why an instrument applies or not, in words. */
function reasonOf(text: Text, row: Row, other: string): string {
  const state = row.state ?? '';
  if (row.status === 'applies') {
    if (row.other === null) return text.ui('ui.treatyTable.reason.applies');
    if (row.other.startsWith('transitional:')) return text.ui('ui.treatyTable.reason.applies.transitional', { state: row.other.slice('transitional:'.length) });
    return text.ui('ui.treatyTable.reason.applies.via', { other });
  }
  if (row.reason === 'not-yet') {
    return row.opensOn === null ? text.ui('ui.treatyTable.reason.not-yet.noDate', { state }) : text.ui('ui.treatyTable.reason.not-yet', { state, date: text.date(row.opensOn) });
  }
  if (row.reason === 'no-basis' && row.opensOn !== null) return text.ui('ui.treatyTable.reason.no-basis.opens', { date: text.date(row.opensOn) });
  if (row.reason === 'party-unconfirmed' && row.other !== null) return text.ui('ui.treatyTable.reason.party-unconfirmed.instead', { state, other });
  const key = `ui.treatyTable.reason.${row.reason ?? ''}`;
  return text.has(key) ? text.message(key, { state, other }) : (row.reason ?? '');
}

function DeclarationItem({ d }: { d: Declaration }) {
  const text = useText();
  return (
    <li className="declaration" data-state={d.state}>
      <p className="declaration__head">
        <strong>{text.ui('ui.treatyTable.declaration', { state: d.state, article: d.article })}</strong>
        {d.kind !== 'other' && <> — {text.ui(`ui.treatyTable.declaration.${d.kind}`)}</>}
        {d.from !== null && <> ({text.ui('ui.treatyTable.declaration.from', { date: text.date(d.from) })})</>} <ConfidenceMark confidence={d.confidence} />
      </p>
      <p className="declaration__summary">{d.summary}</p>
      <p className="declaration__source muted">{text.ui('ui.treatyTable.source', { source: text.source(d.source) })}</p>
    </li>
  );
}

/** A declaration some parties made without the map knowing which, that this State may have made. */
function UnidentifiedItem({ u }: { u: Row['unidentified'][number] }) {
  const text = useText();
  return (
    <li className="declaration declaration--unidentified" data-state={u.state}>
      <p className="declaration__head">
        <strong>{text.ui('ui.treatyTable.declaration', { state: u.state, article: u.article })}</strong> — {text.ui(`ui.treatyTable.declaration.${u.kind}`)}:{' '}
        {text.ui('ui.treatyTable.unidentified')} <ConfidenceMark confidence="U" />
      </p>
      <p className="declaration__summary">{u.summary}</p>
      <p className="declaration__source muted">{text.ui('ui.treatyTable.source', { source: text.source(u.source) })}</p>
    </li>
  );
}

function InstrumentRow({ row, rows }: { row: Row; rows: readonly Row[] }) {
  const text = useText();
  const ruleSets = useDesk((s) => s.ruleSets);
  const mark = STATUS_MARK[row.status];
  const other = row.other === null || row.other.startsWith('transitional:') ? '' : instrumentName(text, row.other, rows, ruleSets, true);
  return (
    <li className={`treaty-row treaty-row--${row.status} treaty-row--${row.confidence}`} data-instrument={row.instrumentId}>
      <div className="treaty-row__head">
        <h3>{instrumentName(text, row.instrumentId, rows, ruleSets, false)}</h3>
        <span className={`status-mark status-mark--${mark.tone}`}>
          <Icon name={mark.icon} />
          {text.ui(`ui.treatyTable.status.${row.status}`)}
        </span>
      </div>
      <p className="treaty-row__reason">{reasonOf(text, row, other)}</p>
      <dl className="facts treaty-row__facts">
        <div className="facts__row">
          <dt>{text.ui('ui.treatyTable.kind')}</dt>
          <dd>{text.ui(`treaties.kind.${row.kind}`)}</dd>
        </div>
        <div className="facts__row">
          <dt>{text.ui('ui.treatyTable.sources')}</dt>
          <dd>
            <ul className="treaty-row__sources">
              {row.sources.map((s) => (
                <li key={s}>{text.source(s)}</li>
              ))}
            </ul>
          </dd>
        </div>
        <div className="facts__row">
          <dt>{text.ui('ui.treatyTable.confidence')}</dt>
          <dd>
            <ConfidenceMark confidence={row.confidence} />
          </dd>
        </div>
      </dl>
      {row.declarations.length + row.unidentified.length > 0 && (
        <div className="treaty-row__declarations">
          <h4>{text.ui('ui.treatyTable.declarations')}</h4>
          <ul>
            {row.declarations.map((d, i) => (
              <DeclarationItem key={`${d.state}:${d.article}:${i}`} d={d} />
            ))}
            {row.unidentified.map((u, i) => (
              <UnidentifiedItem key={`unidentified:${u.state}:${u.article}:${i}`} u={u} />
            ))}
          </ul>
        </div>
      )}
    </li>
  );
}

function TableResult({ table }: { table: TreatyTable }) {
  const text = useText();
  const { a, b } = table;
  const none = table.noArrangement;
  return (
    <section className="treaty-table" aria-labelledby="treaty-table-heading">
      <h2 id="treaty-table-heading">{text.ui('ui.treatyTable.heading', { a, b, on: text.date(table.on) })}</h2>
      {none !== null && (
        <div className="no-arrangement" role="note" aria-labelledby="no-arrangement-title">
          <h3 id="no-arrangement-title">
            <Icon name="cross" />
            {text.ui('ui.treatyTable.noArrangement', { a, b })}
          </h3>
          <p>{none.summary}</p>
          <p className="muted">
            {text.ui('ui.treatyTable.source', { source: text.source(none.source) })} <ConfidenceMark confidence={none.confidence} />
          </p>
        </div>
      )}
      {table.rows.length === 0 && none === null && <p className="empty">{text.ui('ui.treatyTable.none', { a, b })}</p>}
      {table.rows.length > 0 && (
        <>
          <p className="muted">{text.ui('ui.treatyTable.count', { count: text.number(table.rows.length) })}</p>
          <ol className="treaty-rows">
            {table.rows.map((row) => (
              <InstrumentRow key={row.instrumentId} row={row} rows={table.rows} />
            ))}
          </ol>
        </>
      )}
      <p className="muted small">{text.ui('ui.routes.mapVersion', { version: table.mapVersion })}</p>
    </section>
  );
}

function TableLoader({ a, b, on }: { a: string; b: string; on: string }) {
  const text = useText();
  const [table] = useApiData('treaties.table', on === '' ? { a, b } : { a, b, on });
  if (table.phase === 'loading') {
    return (
      <p className="state state--loading" role="status">
        <span className="spinner" aria-hidden="true" />
        {text.ui('ui.treatyTable.loading')}
      </p>
    );
  }
  if (table.phase === 'error') return <ErrorSummary error={table.error} />;
  return <TableResult table={table.data} />;
}

function MapVersions() {
  const text = useText();
  const [versions] = useApiData('treaties.mapVersions', undefined);
  const today = formatIsoDate(todayFrom(new Date()));
  return (
    <section className="map-versions" aria-labelledby="map-versions-title">
      <h2 id="map-versions-title">{text.ui('ui.mapVersions.title')}</h2>
      <p>{text.ui('ui.mapVersions.lede')}</p>
      {versions.phase === 'error' && <ErrorSummary error={versions.error} />}
      {versions.phase === 'ready' && (
        <table className="data-table map-versions__table">
          <caption>{text.ui('ui.mapVersions.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.mapVersions.col.version')}</th>
              <th scope="col">{text.ui('ui.mapVersions.col.from')}</th>
              <th scope="col">{text.ui('ui.mapVersions.col.source')}</th>
              <th scope="col">{text.ui('ui.mapVersions.col.status')}</th>
            </tr>
          </thead>
          <tbody>
            {versions.data.map((v) => (
              <tr key={v.version} data-map-version={v.version} className={v.inForceToday ? 'map-version--in-force' : undefined}>
                <th scope="row">{v.version}</th>
                <td>{text.date(v.effectiveFrom)}</td>
                <td>{text.ui(`ui.mapVersions.source.${v.source}`)}</td>
                <td>
                  {v.inForceToday ? (
                    <span className="status-mark status-mark--met">
                      <Icon name="check" />
                      {text.ui('ui.mapVersions.inForce')}
                    </span>
                  ) : v.effectiveFrom > today ? (
                    text.ui('ui.mapVersions.later', { date: text.date(v.effectiveFrom) })
                  ) : (
                    text.ui('ui.mapVersions.earlier')
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function PlacePicker({ id, label, value, onChange, problem }: { id: string; label: string; value: string; onChange(value: string): void; problem: string | null }) {
  const text = useText();
  return (
    <FieldFrame id={id} label={label} hint={text.ui('ui.treatyTable.pick.hint')} messages={problem === null ? [] : [problem]}>
      {({ invalid, describedBy }) => (
        <input
          id={id}
          type="text"
          list="treaty-table-places"
          autoComplete="off"
          spellCheck={false}
          value={value}
          aria-invalid={invalid}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export function TreatyTablePage() {
  const text = useText();
  const heading = useRef<HTMLHeadingElement>(null);
  const options = regionOptions(text);
  const [aText, setAText] = useState('');
  const [bText, setBText] = useState('');
  const [on, setOn] = useState(() => formatIsoDate(todayFrom(new Date())));
  const [problems, setProblems] = useState<{ a: string | null; b: string | null }>({ a: null, b: null });
  const [asked, setAsked] = useState<{ a: string; b: string; on: string } | null>(null);

  useEffect(() => {
    document.title = `${text.ui('ui.treatyTable.title')} — ${text.ui('ui.app.name')}`;
  }, [text]);
  useEffect(() => heading.current?.focus(), []);
  // The places asked for, named again in the language switched to.
  const [namedIn, setNamedIn] = useState(text.locale);
  if (namedIn !== text.locale) {
    setNamedIn(text.locale);
    if (asked !== null) {
      setAText(text.region(asked.a));
      setBText(text.region(asked.b));
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const a = placeCode(aText);
    const b = placeCode(bText);
    const unknown = text.ui('ui.treatyTable.unknownState');
    const next = { a: a === null ? unknown : null, b: b === null ? unknown : a === b ? text.ui('ui.treatyTable.same') : null };
    setProblems(next);
    if (next.a !== null) document.getElementById('treaty-table-a')?.focus();
    else if (next.b !== null) document.getElementById('treaty-table-b')?.focus();
    if (a === null || b === null || a === b) return;
    // The fields name the places as the list writes them: what was understood.
    setAText(text.region(a));
    setBText(text.region(b));
    setAsked({ a, b, on });
  };

  return (
    <div className="screen treaties-screen treaty-table-screen">
      <p>
        <a href={treatiesHref.list()} className="back-link">
          <Icon name="back" />
          {text.ui('ui.treaties.back')}
        </a>
      </p>
      <h1 tabIndex={-1} ref={heading}>
        {text.ui('ui.treatyTable.title')}
      </h1>
      <p className="lede">{text.ui('ui.treatyTable.lede')}</p>
      <form className="treaty-table-form" onSubmit={submit} noValidate aria-label={text.ui('ui.treatyTable.title')}>
        <PlacePicker id="treaty-table-a" label={text.ui('ui.treatyTable.a')} value={aText} onChange={setAText} problem={problems.a} />
        <PlacePicker id="treaty-table-b" label={text.ui('ui.treatyTable.b')} value={bText} onChange={setBText} problem={problems.b} />
        <div className="field">
          <label htmlFor="treaty-table-on" className="field__label">
            {text.ui('ui.treatyTable.on')}
          </label>
          <input id="treaty-table-on" type="date" value={on} required onChange={(e) => setOn(e.target.value)} />
        </div>
        <div className="treaty-table-form__action">
          <button type="submit" className="button">
            {text.ui('ui.treatyTable.show')}
          </button>
        </div>
        <datalist id="treaty-table-places">
          {options.map((o) => (
            <option key={o.code} value={o.name} />
          ))}
        </datalist>
      </form>
      {asked !== null && <TableLoader key={`${asked.a}:${asked.b}:${asked.on}`} {...asked} />}
      <MapVersions />
    </div>
  );
}

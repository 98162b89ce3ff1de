/**
 * "Where could this person go?": every (instrument, administering State) route open for the
 * person (routes.forCase), best first — the State by name, the instrument by title, the verdict
 * as a badge, when a transfer could happen, the person's tie with the State, the case's own
 * route marked, and what stands in the way, condition by condition. A tie with no route says
 * that no instrument binds the two, with the treaty map's "no arrangement" where it has one.
 * Reads only: exploring a route never becomes the case's verdict.
 */
import { useState, type FormEvent } from 'react';
import type { CaseRecord } from '../../shared/api-schemas.ts';
import type { CaseFile } from '../../shared/domain/case.ts';
import type { RouteRecord } from '../../shared/treaties/map/api-schemas.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { ConditionStatusMark, VerdictBadge } from '../components/StatusBadges.tsx';
import { useDesk } from '../store/index.ts';
import { ruleSetName } from '../text/instruments.ts';
import { useText, type Text } from '../text/use-text.ts';
import { ConfidenceMark } from '../treaties/ConfidenceMark.tsx';
import { useApiData } from '../treaties/use-api-data.ts';

/**
 * The places the person is tied to other than the sentencing State (as the route finder reads
 * them, shared/eligibility/routes.ts `tiesOf`): to name those without a route.
 */
function tiedStates(c: CaseFile): string[] {
  const states = [...(c.person.nationalities ?? []), ...(c.person.permanentResidence ?? []), ...(c.person.livesIn == null ? [] : [c.person.livesIn])];
  return [...new Set(states)].filter((s) => s !== c.sentencingState);
}

/** When a transfer could happen on the route, and whether it opens after the day asked. */
function routeWindow(text: Text, r: RouteRecord, on: string): { words: string; later: boolean } {
  if (r.opensOn === null) {
    return { words: text.ui(r.result.flags.includes('transfer_window_closed') ? 'ui.routes.window.closed' : 'ui.routes.window.none'), later: false };
  }
  if (r.closesOn !== null && r.closesOn < on) return { words: text.ui('ui.routes.window.closedOn', { to: text.date(r.closesOn) }), later: false };
  const words =
    r.closesOn === null
      ? text.ui('ui.routes.window.fromOpen', { from: text.date(r.opensOn) })
      : text.ui('ui.routes.window.fromTo', { from: text.date(r.opensOn), to: text.date(r.closesOn) });
  return { words, later: r.opensOn > on };
}

function RouteRow({ route, on }: { route: RouteRecord; on: string }) {
  const text = useText();
  const ruleSets = useDesk((s) => s.ruleSets);
  const span = routeWindow(text, route, on);
  const standing = route.result.conditions.filter((c) => c.status === 'not_met' || c.status === 'unknown');
  const ties = route.links.map((l) => text.ui(`ui.routes.tie.${l}`));
  return (
    <tr className={route.current ? 'route route--current' : 'route'} data-route={`${route.ruleSetId}:${route.administeringState}`}>
      <th scope="row" className="route__name">
        <span className="route__state">{text.region(route.administeringState)}</span>
        <span className="route__instrument">{ruleSetName(text, ruleSets, { ruleSetId: route.ruleSetId, instrumentId: route.instrumentId })}</span>
        {route.current && <span className="tag route__current">{text.ui('ui.routes.current')}</span>}
      </th>
      <td>
        <VerdictBadge verdict={route.result.verdict} />
      </td>
      <td className="route__window">
        {span.later && <span className="tag tag--later">{text.ui('ui.routes.opensLater')}</span>} {span.words}
      </td>
      <td className="route__tie">{ties.length === 0 ? text.ui('ui.routes.tie.none') : ties.join(text.locale === 'en' ? '; ' : '；')}</td>
      <td className="route__conditions">
        {standing.length === 0 ? (
          <p>{text.ui('ui.routes.allMet')}</p>
        ) : (
          <ul className="route__standing">
            {standing.map((c) => (
              <li key={c.id} data-condition={c.id}>
                <p className="route__condition">
                  <ConditionStatusMark status={c.status} /> <strong>{text.ui(`condition.${c.id}`)}</strong>
                  {c.effect !== 'mandatory' && <span className="condition__effect">{text.ui(`effect.${c.effect}`)}</span>}
                </p>
                <p className="condition__explanation">{text.message(c.messageKey, c.params)}</p>
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

/** A tie with no route: no instrument binds the two; the treaty map's "no arrangement" when it records one. */
function UntiedState({ a, b, on }: { a: string; b: string; on: string }) {
  const text = useText();
  const [table] = useApiData('treaties.table', { a, b, on });
  const none = table.phase === 'ready' ? table.data.noArrangement : null;
  return (
    <li data-tie={b}>
      {text.ui('ui.routes.untied', { a, b })}
      {none !== null && (
        <p className="route__no-arrangement">
          {none.summary} <span className="muted">{text.ui('ui.treatyTable.source', { source: text.source(none.source) })}</span> <ConfidenceMark confidence={none.confidence} />
        </p>
      )}
    </li>
  );
}

export function RoutesPanel({ record }: { record: CaseRecord }) {
  const text = useText();
  const [onInput, setOnInput] = useState('');
  const [asked, setAsked] = useState('');
  const [routes] = useApiData('routes.forCase', asked === '' ? { caseId: record.id } : { caseId: record.id, on: asked });
  const c = record.case;
  const ties = tiedStates(c);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setAsked(onInput);
  };

  const shown = routes.phase === 'ready' ? routes.data : null;
  const routed = new Set(shown?.routes.map((r) => r.administeringState) ?? []);
  const untied = ties.filter((s) => !routed.has(s));

  return (
    <section className="panel panel--routes" aria-labelledby="routes-title" aria-busy={routes.phase === 'loading'}>
      <h2 id="routes-title">{text.ui('ui.routes.title')}</h2>
      <form className="routes-on" onSubmit={submit} noValidate aria-label={text.ui('ui.routes.title')}>
        <div className="field">
          <label htmlFor="routes-on" className="field__label">
            {text.ui('ui.routes.on')}
          </label>
          <p className="field__hint" id="routes-on-hint">
            {text.ui('ui.routes.on.hint')}
          </p>
          <input id="routes-on" type="date" value={onInput} aria-describedby="routes-on-hint" onChange={(e) => setOnInput(e.target.value)} />
        </div>
        <button type="submit" className="button button--secondary">
          {text.ui('ui.routes.show')}
        </button>
      </form>
      {routes.phase === 'loading' && (
        <p className="state state--loading" role="status">
          <span className="spinner" aria-hidden="true" />
          {text.ui('ui.routes.loading')}
        </p>
      )}
      {routes.phase === 'error' && <ErrorSummary error={routes.error} fieldIds={{ on: 'routes-on' }} />}
      {shown !== null && (
        <>
          <p className="routes__lede">{text.ui('ui.routes.lede', { state: c.sentencingState, on: text.date(shown.on) })}</p>
          {shown.routes.length === 0 ? (
            <p className="empty routes__empty">{text.ui(ties.length === 0 ? 'ui.routes.noTies' : 'ui.routes.empty', { a: c.sentencingState })}</p>
          ) : (
            <table className="data-table routes-table">
              <caption>{text.ui('ui.routes.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="col-route">{text.ui('ui.routes.col.route')}</th>
                  <th scope="col">{text.ui('ui.routes.col.verdict')}</th>
                  <th scope="col" className="col-window">{text.ui('ui.routes.col.window')}</th>
                  <th scope="col" className="col-tie">{text.ui('ui.routes.col.tie')}</th>
                  <th scope="col">{text.ui('ui.routes.col.conditions')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.routes.map((r) => (
                  <RouteRow key={`${r.ruleSetId}:${r.administeringState}`} route={r} on={shown.on} />
                ))}
              </tbody>
            </table>
          )}
          {untied.length > 0 && (
            <div className="routes__untied">
              <h3>{text.ui('ui.routes.untiedTitle')}</h3>
              <ul>
                {untied.map((b) => (
                  <UntiedState key={b} a={c.sentencingState} b={b} on={shown.on} />
                ))}
              </ul>
            </div>
          )}
          <p className="muted small">{text.ui('ui.routes.mapVersion', { version: shown.mapVersion })}</p>
        </>
      )}
    </section>
  );
}

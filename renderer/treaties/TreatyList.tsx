/**
 * The Treaties page: pending re-assessments first, then every rule-set — built in and local —
 * with its kind, versions, the date the version in force began and how many of its rules are
 * unconfirmed; import of a rule-set file; the re-assessment reports; the jurisdiction profiles.
 */
import { useEffect, useState } from 'react';
import type { RuleSetDetail } from '../../shared/treaties/api-schemas.ts';
import { PARAMETER_KEYS } from '../../shared/treaties/schema.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Icon } from '../components/Icon.tsx';
import { ruleSetTitle } from '../text/instruments.ts';
import { useText } from '../text/use-text.ts';
import { ReassessRunner } from './ReassessRunner.tsx';
import { RuleSetImport } from './RuleSetImport.tsx';
import { treatiesHref } from './routes.ts';
import { useApiData } from './use-api-data.ts';

function unconfirmedCount(detail: RuleSetDetail): number | null {
  const current = detail.versions.find((v) => v.inForceToday)?.ruleSet ?? detail.versions[0]?.ruleSet;
  if (current === undefined) return null;
  return PARAMETER_KEYS.filter((k) => current[k].confidence === 'U').length + current.consentExceptions.filter((e) => e.confidence === 'U').length;
}

type Details = { phase: 'loading' } | { phase: 'ready'; details: RuleSetDetail[] } | { phase: 'error'; error: ApiCallError };

function useAllRuleSets(generation: number): Details {
  const [state, setState] = useState<Details>({ phase: 'loading' });
  useEffect(() => {
    let live = true;
    (async () => {
      const summaries = await call('rulesets.list', undefined);
      const ids = [...new Set(summaries.map((s) => s.id))];
      return Promise.all(ids.map((id) => call('rulesets.get', { id })));
    })()
      .then((details) => live && setState({ phase: 'ready', details }))
      .catch((error: unknown) => live && setState({ phase: 'error', error: asApiError('rulesets.get', error) }));
    return () => {
      live = false;
    };
  }, [generation]);
  return state;
}

function Reports() {
  const text = useText();
  const [reports] = useApiData('rulesets.reassessReports', undefined);
  return (
    <section aria-labelledby="reports-title" className="treaties-reports">
      <h2 id="reports-title">{text.ui('ui.treaties.reports')}</h2>
      {reports.phase === 'ready' && reports.data.length === 0 && <p className="empty">{text.ui('ui.treaties.reports.none')}</p>}
      {reports.phase === 'ready' && reports.data.length > 0 && (
        <ul className="link-list">
          {reports.data.map((r) => (
            <li key={r.id}>
              <a href={treatiesHref.report(r.id)}>{text.ui('ui.treaties.reports.line', { id: r.ruleSetId, version: r.version, changed: text.number(r.changed), total: r.total })}</a>{' '}
              <span className="muted">{text.date(r.createdAt.slice(0, 10))}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function TreatyList() {
  const text = useText();
  const [generation, setGeneration] = useState(0);
  // An import may bring a version already in force: the runner looks again for pending ones.
  const [imports, setImports] = useState(0);
  const state = useAllRuleSets(generation);
  const reload = () => setGeneration((g) => g + 1);

  return (
    <div className="screen treaties-screen">
      <div className="screen__head">
        <h1>{text.ui('ui.treaties.title')}</h1>
        <a href={treatiesHref.table()}>{text.ui('ui.treatyTable.link')}</a>
        <a href={treatiesHref.profiles()}>{text.ui('ui.treaties.profiles')}</a>
      </div>
      <p className="lede">{text.ui('ui.treaties.intro')}</p>
      <ReassessRunner key={imports} onFinished={reload} />
      <RuleSetImport
        onImported={() => {
          setImports((n) => n + 1);
          reload();
        }}
      />
      {state.phase === 'loading' && <p role="status">{text.ui('ui.treaties.loading')}</p>}
      {state.phase === 'error' && <ErrorSummary error={state.error} />}
      {state.phase === 'ready' && (
        <table className="data-table treaties-table">
          <caption>{text.ui('ui.treaties.listCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.treaties.col.id')}</th>
              <th scope="col">{text.ui('ui.treaties.col.title')}</th>
              <th scope="col">{text.ui('ui.treaties.col.kind')}</th>
              <th scope="col">{text.ui('ui.treaties.col.versions')}</th>
              <th scope="col">{text.ui('ui.treaties.col.inForceSince')}</th>
              <th scope="col">{text.ui('ui.treaties.col.unconfirmed')}</th>
            </tr>
          </thead>
          <tbody>
            {state.details.map((d) => {
              const inForce = d.versions.find((v) => v.inForceToday);
              const latest = d.versions[0]!;
              const unconfirmed = unconfirmedCount(d);
              const local = d.versions.filter((v) => v.source === 'stored').length;
              return (
                <tr key={d.id} data-ruleset={d.id}>
                  <th scope="row">
                    <a href={treatiesHref.ruleSet(d.id)}>{d.id}</a>
                  </th>
                  <td>
                    {ruleSetTitle(text, d.id, latest.title)}
                    {latest.caseId !== null && <span className="treaties-table__bound">{text.ui('ui.treaties.boundTo', { caseId: latest.caseId })}</span>}
                  </td>
                  <td>{text.ui(`treaties.kind.${latest.kind}`)}</td>
                  <td>{text.ui('ui.treaties.versionsCount', { builtIn: d.versions.length - local, local })}</td>
                  <td>{inForce === undefined ? text.ui('ui.treaties.notInForce') : `${text.date(inForce.effectiveFrom)} (${inForce.version})`}</td>
                  <td>
                    {unconfirmed === 0 || unconfirmed === null ? (
                      text.ui('ui.treaties.allConfirmed')
                    ) : (
                      <span className="confidence confidence--U">
                        <Icon name="warning" />
                        {text.ui('ui.treaties.unconfirmedCount', { count: unconfirmed })}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <Reports key={`reports-${generation}`} />
    </div>
  );
}

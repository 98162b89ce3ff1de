/**
 * A re-assessment report as stored: which version, why, when; how many cases were
 * re-assessed; the parameters the version changed (by name, before -> after, with the legal
 * source); then every person whose verdict changed — name, prison number, case reference,
 * before -> after — with the conditions whose status moved, and any case skipped with the
 * reason. Exported as CSV or PDF (`rulesets.reassessExport`).
 */
import { useEffect, useState } from 'react';
import { describeParameter } from '../../shared/treaties/describe.ts';
import type { ParameterKey } from '../../shared/treaties/parameter-groups.ts';
import type { ReassessItem, ReassessReport } from '../../shared/treaties/api-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { saveProducedFile } from '../reports/download.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Facts } from '../components/Facts.tsx';
import { Icon } from '../components/Icon.tsx';
import { VerdictBadge } from '../components/StatusBadges.tsx';
import { useText } from '../text/use-text.ts';
import { treatiesHref } from './routes.ts';
import { subjectName } from './subject-name.ts';
import { useApiData } from './use-api-data.ts';

function Why({ item }: { item: ReassessItem }) {
  const text = useText();
  if (item.outcome !== 'skipped' && item.before === null) return <>{text.ui('reassess.report.firstAssessment')}</>;
  if (item.outcome === 'skipped') return <>{text.ui('ui.treaties.report.skipped', { reason: text.ui(`ui.treaties.report.skipped.${item.skippedReason as 'no_rule_set'}`) })}</>;
  return (
    <ul className="report-why">
      {item.conditions.map((c) => (
        <li key={c.id} data-condition={c.id}>
          {text.ui('ui.treaties.report.condition', {
            condition: text.ui(`condition.${c.id}`),
            before: c.before === null ? text.ui('ui.treaties.report.notAssessed') : text.ui(`status.${c.before}`),
            after: text.ui(`status.${c.after}`),
          })}
        </li>
      ))}
    </ul>
  );
}

function ParametersChanged({ report: r }: { report: ReassessReport }) {
  const text = useText();
  if (r.subject !== 'rule-set') return null;
  const words = (key: string, value: unknown) => describeParameter(text.locale, key as ParameterKey, value as never);
  const confidence = (c: 'C' | 'S' | 'U') => text.ui(`ui.treaties.confidence.${c}`);
  return (
    <section aria-labelledby="report-parameters">
      <h2 id="report-parameters">{r.previousVersion === null ? text.ui('reassess.report.parametersFirst') : text.ui('reassess.report.parameters', { version: r.previousVersion })}</h2>
      {r.parameters.length === 0 ? (
        <p className="empty">{text.ui('reassess.report.noParameters')}</p>
      ) : (
        <table className="data-table report-parameters">
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.treaties.params.parameter')}</th>
              <th scope="col">{text.ui('reassess.export.before')}</th>
              <th scope="col">{text.ui('reassess.export.after')}</th>
              <th scope="col">{text.ui('ui.treaties.params.source')}</th>
              <th scope="col">{text.ui('ui.treaties.params.confidence')}</th>
            </tr>
          </thead>
          <tbody>
            {r.parameters.map((p) => (
              <tr key={p.key} data-param={p.key}>
                <th scope="row">{text.ui(`treaties.param.${p.key as ParameterKey}`)}</th>
                <td>{words(p.key, p.before.value)}</td>
                <td>{words(p.key, p.after.value)}</td>
                <td>{text.source(p.after.source)}</td>
                <td>{text.ui('reassess.report.change', { before: confidence(p.before.confidence), after: confidence(p.after.confidence) })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function ExportButtons({ reportId }: { reportId: string }) {
  const text = useText();
  const [error, setError] = useState<ApiCallError | null>(null);
  const [busy, setBusy] = useState(false);
  const exportAs = async (format: 'csv' | 'pdf') => {
    setBusy(true);
    setError(null);
    try {
      saveProducedFile(await call('rulesets.reassessExport', { reportId, format, locale: text.locale }));
    } catch (e) {
      setError(asApiError('rulesets.reassessExport', e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="form-actions report-exports">
      {error !== null && <ErrorSummary error={error} />}
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void exportAs('csv')}>
        {text.ui('reassess.export.csv')}
      </button>
      <button type="button" className="button button--secondary" disabled={busy} onClick={() => void exportAs('pdf')}>
        {text.ui('reassess.export.pdf')}
      </button>
    </div>
  );
}

export function ReportPage({ reportId }: { reportId: string }) {
  const text = useText();
  const [state] = useApiData('rulesets.reassessReport', { reportId });
  useEffect(() => {
    document.title = `${text.ui('ui.treaties.report.title')} — ${text.ui('ui.app.name')}`;
  }, [text]);
  if (state.phase === 'loading') return <p role="status">{text.ui('ui.treaties.loading')}</p>;
  if (state.phase === 'error') return <ErrorSummary error={state.error} />;
  const r = state.data;
  return (
    <div className="screen report-screen">
      <p>
        <a href={r.subject === 'profile' ? treatiesHref.profiles() : r.subject === 'treaty-map' ? treatiesHref.list() : treatiesHref.ruleSet(r.ruleSetId)} className="back-link">
          <Icon name="back" />
          {r.subject === 'profile' ? text.ui('ui.profiles.title') : r.subject === 'treaty-map' ? text.ui('ui.treaties.title') : subjectName(text, r.subject, r.ruleSetId)}
        </a>
      </p>
      <h1>{text.ui('ui.treaties.report.title')}</h1>
      <Facts
        facts={[
          { label: text.ui(({ profile: 'ui.treaties.report.profile', 'rule-set': 'ui.treaties.report.ruleSet', 'treaty-map': 'ui.treaties.report.treatyMap' } as const)[r.subject]), value: `${subjectName(text, r.subject, r.ruleSetId)} ${r.version}` },
          { label: text.ui('ui.treaties.report.reason'), value: r.reason },
          { label: text.ui('ui.treaties.report.when'), value: text.date(r.createdAt.slice(0, 10)) },
          { label: text.ui('ui.treaties.report.cases'), value: text.ui('ui.treaties.report.counts', { done: text.number(r.done), total: text.number(r.total), changed: r.changed, skipped: text.number(r.skipped) }) },
        ]}
      />
      <ExportButtons reportId={r.id} />
      <ParametersChanged report={r} />
      {r.items.length === 0 ? (
        <p className="empty">{text.ui('ui.treaties.report.none')}</p>
      ) : (
        <table className="data-table report-table">
          <caption>{text.ui('ui.treaties.report.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.treaties.report.case')}</th>
              <th scope="col">{text.ui('ui.form.f.person.prisonNumber')}</th>
              <th scope="col">{text.ui('ui.form.f.reference')}</th>
              <th scope="col">{text.ui('ui.treaties.report.verdict')}</th>
              <th scope="col">{text.ui('ui.treaties.report.why')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((item) => (
              <tr key={item.position} data-case-id={item.caseId}>
                <th scope="row">
                  <a href={`#/case/${item.caseId}`}>{[item.familyName, item.givenNames].filter((n) => n !== null).join(', ') || text.ui('ui.value.notRecorded')}</a>
                </th>
                <td>{item.prisonNumber ?? text.ui('ui.value.notRecorded')}</td>
                <td>{item.reference ?? text.ui('ui.value.notRecorded')}</td>
                <td className="report-verdicts">
                  <VerdictBadge verdict={item.before} />
                  <span aria-hidden="true"> → </span>
                  <span className="sr-only">{text.ui('ui.treaties.report.verdict')}</span>
                  {item.after !== null && <VerdictBadge verdict={item.after} />}
                </td>
                <td>
                  <Why item={item} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

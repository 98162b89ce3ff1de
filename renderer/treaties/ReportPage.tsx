/**
 * A re-assessment report as stored: which version, why, when; how many cases were
 * re-assessed; then every case whose verdict changed — before -> after — with the
 * conditions whose status moved, and any case skipped with the reason.
 */
import { useEffect } from 'react';
import type { ReassessItem } from '../../shared/treaties/api-schemas.ts';
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
          {r.subject === 'profile' ? text.ui('ui.profiles.title') : r.subject === 'treaty-map' ? text.ui('ui.treaties.title') : r.ruleSetId}
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
      {r.items.length === 0 ? (
        <p className="empty">{text.ui('ui.treaties.report.none')}</p>
      ) : (
        <table className="data-table report-table">
          <caption>{text.ui('ui.treaties.report.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.treaties.report.case')}</th>
              <th scope="col">{text.ui('ui.treaties.report.verdict')}</th>
              <th scope="col">{text.ui('ui.treaties.report.why')}</th>
            </tr>
          </thead>
          <tbody>
            {r.items.map((item) => (
              <tr key={item.position} data-case-id={item.caseId}>
                <th scope="row">
                  <a href={`#/case/${item.caseId}`}>{item.familyName ?? item.caseId}</a>
                </th>
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

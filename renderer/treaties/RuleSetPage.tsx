/**
 * One rule-set: what it is, its versions (which is in force today, how many assessments used
 * each, export as JSON), the parameters of a chosen version grouped by condition, and the
 * side-by-side diff of two versions.
 */
import { mayCall } from '../../shared/api.ts';
import { useEffect, useState } from 'react';
import type { RuleSetVersionDetail } from '../../shared/treaties/api-schemas.ts';
import { ErrorSummary } from '../components/ErrorSummary.tsx';
import { Facts } from '../components/Facts.tsx';
import { Icon } from '../components/Icon.tsx';
import { useDesk } from '../store/index.ts';
import { ruleSetTitle } from '../text/instruments.ts';
import { useText } from '../text/use-text.ts';
import { ParametersTable } from './ParametersTable.tsx';
import { ReassessRunner } from './ReassessRunner.tsx';
import { treatiesHref } from './routes.ts';
import { useApiData } from './use-api-data.ts';
import { VersionDiff } from './VersionDiff.tsx';

function exportVersion(v: RuleSetVersionDetail) {
  const blob = new Blob([`${JSON.stringify(v.ruleSet, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${v.id}-${v.version}.json`;
  link.click();
  URL.revokeObjectURL(url);
}

function Versions({ versions, shown, onShow }: { versions: readonly RuleSetVersionDetail[]; shown: string; onShow: (version: string) => void }) {
  const text = useText();
  return (
    <table className="data-table versions-table">
      <caption>{text.ui('ui.treaties.versions.caption', { id: versions[0]!.id })}</caption>
      <thead>
        <tr>
          <th scope="col">{text.ui('treaties.meta.version')}</th>
          <th scope="col">{text.ui('treaties.meta.effectiveFrom')}</th>
          <th scope="col">{text.ui('ui.treaties.versions.source')}</th>
          <th scope="col">{text.ui('ui.treaties.versions.used')}</th>
          <th scope="col">{text.ui('ui.treaties.showing')}</th>
          <th scope="col">
            <span className="sr-only">JSON</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {versions.map((v) => (
          <tr key={v.version} data-version={v.version}>
            <th scope="row">
              {v.version}
              {v.inForceToday && (
                <span className="badge badge--in-force">
                  <Icon name="check" />
                  {text.ui('ui.treaties.versions.inForce')}
                </span>
              )}
            </th>
            <td>{text.date(v.effectiveFrom)}</td>
            <td>{text.ui(`ui.treaties.source.${v.source}`)}</td>
            <td>{v.assessments === 0 ? '0' : text.ui('ui.treaties.versions.usedCount', { count: text.number(v.assessments) })}</td>
            <td>
              <input type="radio" name="shown-version" aria-label={`${text.ui('ui.treaties.showing')} ${v.version}`} checked={shown === v.version} onChange={() => onShow(v.version)} />
            </td>
            <td>
              <button type="button" className="button--link" onClick={() => exportVersion(v)}>
                {text.ui('ui.treaties.versions.export', { version: v.version })}
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function RuleSetPage({ id }: { id: string }) {
  const text = useText();
  const role = useDesk((s) => s.user?.role);
  const [state, reload] = useApiData('rulesets.get', { id });
  const [shown, setShown] = useState<string | null>(null);

  useEffect(() => {
    document.title = `${id} — ${text.ui('ui.app.name')}`;
  }, [id, text]);

  if (state.phase === 'loading') return <p role="status">{text.ui('ui.treaties.loading')}</p>;
  if (state.phase === 'error') return <ErrorSummary error={state.error} />;
  const { versions } = state.data;
  const current = versions.find((v) => v.version === shown) ?? versions.find((v) => v.inForceToday) ?? versions[0]!;
  const mayEdit = mayCall(role, 'rulesets.save');

  return (
    <div className="screen ruleset-screen">
      <p>
        <a href={treatiesHref.list()} className="back-link">
          <Icon name="back" />
          {text.ui('ui.treaties.back')}
        </a>
      </p>
      <div className="screen__head">
        <h1>{ruleSetTitle(text, id, current.title)}</h1>
        {mayEdit ? (
          <a className="button" href={treatiesHref.edit(id)}>
            <Icon name="edit" />
            {text.ui('ui.treaties.edit')}
          </a>
        ) : (
          <p className="muted">{text.ui('ui.treaties.editor.readOnly')}</p>
        )}
      </div>
      <ReassessRunner onFinished={reload} />
      <Facts
        facts={[
          { label: text.ui('ui.treaties.col.id'), value: id },
          { label: text.ui('treaties.meta.kind'), value: text.ui(`treaties.kind.${current.kind}`) },
          ...(current.caseId === null ? [] : [{ label: text.ui('treaties.meta.caseId'), value: <a href={`#/case/${current.caseId}`}>{current.caseId}</a> }]),
          ...(current.ruleSet.notes === undefined ? [] : [{ label: text.ui('treaties.meta.notes'), value: current.ruleSet.notes }]),
        ]}
      />
      <section aria-labelledby="versions-title">
        <h2 id="versions-title">{text.ui('ui.treaties.versions.title')}</h2>
        <Versions versions={versions} shown={current.version} onShow={setShown} />
      </section>
      <section aria-labelledby="params-title">
        <h2 id="params-title">{text.ui('ui.treaties.params.caption', { version: current.version })}</h2>
        <ParametersTable ruleSet={current.ruleSet} />
      </section>
      <section aria-labelledby="diff-title">
        <h2 id="diff-title">{text.ui('ui.treaties.diff.title')}</h2>
        <VersionDiff versions={versions} />
      </section>
    </div>
  );
}

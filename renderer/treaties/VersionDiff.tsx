/**
 * Two versions side by side: each parameter that differs, its value in words (with source
 * and confidence) in the earlier and the later version, and which of its parts changed.
 */
import { useState } from 'react';
import type { RuleSetVersionDetail } from '../../shared/treaties/api-schemas.ts';
import { describeParameter } from '../../shared/treaties/describe.ts';
import { diffRuleSets } from '../../shared/treaties/diff.ts';
import type { Param } from '../../shared/treaties/schema.ts';
import { useText } from '../text/use-text.ts';
import { ConfidenceMark } from './ConfidenceMark.tsx';

function Side({ words, param }: { words: string; param: Param<unknown> }) {
  const text = useText();
  return (
    <td>
      <p>{words}</p>
      <p className="param__source">{text.source(param.source)}</p>
      <ConfidenceMark confidence={param.confidence} />
    </td>
  );
}

export function VersionDiff({ versions }: { versions: readonly RuleSetVersionDetail[] }) {
  const text = useText();
  // Latest first: by default the version before the latest against the latest.
  const [beforeVersion, setBefore] = useState(versions[1]?.version ?? versions[0]?.version ?? '');
  const [afterVersion, setAfter] = useState(versions[0]?.version ?? '');
  if (versions.length < 2) return <p className="empty">{text.ui('ui.treaties.diff.onlyOne')}</p>;
  const before = versions.find((v) => v.version === beforeVersion) ?? versions[1]!;
  const after = versions.find((v) => v.version === afterVersion) ?? versions[0]!;
  const diff = diffRuleSets(before.ruleSet, after.ruleSet);
  const label = (v: RuleSetVersionDetail) => `${v.version} (${text.ui(`ui.treaties.source.${v.source}`)}, ${text.date(v.effectiveFrom)})`;
  const choose = (id: string, value: string, set: (v: string) => void, name: string) => (
    <div className="field">
      <label htmlFor={id}>{name}</label>
      <select id={id} value={value} onChange={(e) => set(e.currentTarget.value)}>
        {versions.map((v) => (
          <option key={v.version} value={v.version}>
            {label(v)}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div className="version-diff">
      <div className="version-diff__choose">
        {choose('diff-before', before.version, setBefore, text.ui('ui.treaties.diff.before'))}
        {choose('diff-after', after.version, setAfter, text.ui('ui.treaties.diff.after'))}
      </div>
      {diff.parameters.length === 0 && diff.metadata.length === 0 && !diff.consentExceptions ? (
        <p className="empty">{text.ui('ui.treaties.diff.none')}</p>
      ) : (
        <table className="data-table diff-table">
          <caption>{text.ui('ui.treaties.diff.caption', { before: before.version, after: after.version })}</caption>
          <thead>
            <tr>
              <th scope="col">{text.ui('ui.treaties.params.parameter')}</th>
              <th scope="col">{label(before)}</th>
              <th scope="col">{label(after)}</th>
            </tr>
          </thead>
          <tbody>
            {diff.metadata.map((m) => (
              <tr key={m.field} className="diff-row diff-row--meta">
                <th scope="row">{text.ui(`treaties.meta.${m.field}`)}</th>
                <td>{m.before ?? '—'}</td>
                <td>{m.after ?? '—'}</td>
              </tr>
            ))}
            {diff.parameters.map((p) => (
              <tr key={p.key} className="diff-row" data-param={p.key}>
                <th scope="row">
                  {text.ui(`treaties.param.${p.key}`)}
                  <span className="diff-row__aspects">
                    {text.ui('ui.treaties.diff.changed', { aspects: p.aspects.map((a) => text.ui(`ui.treaties.diff.aspect.${a}`)).join(', ') })}
                  </span>
                </th>
                <Side words={describeParameter(text.locale, p.key, p.before.value as never)} param={p.before} />
                <Side words={describeParameter(text.locale, p.key, p.after.value as never)} param={p.after} />
              </tr>
            ))}
            {diff.consentExceptions && (
              <tr className="diff-row">
                <th scope="row">{text.ui('treaties.param.consentExceptions')}</th>
                <td colSpan={2}>{text.ui('ui.treaties.diff.routes')}</td>
              </tr>
            )}
          </tbody>
        </table>
      )}
    </div>
  );
}

/**
 * A rule-set version's parameters grouped by the condition that reads them: each with its
 * value in words, its legal source and its confidence. Unconfirmed rows carry a warning
 * icon, the word and a note, so they are not mistaken for law.
 */
import { describeConsentRoute, describeParameter } from '../../shared/treaties/describe.ts';
import { PARAMETER_GROUPS, type ParameterKey } from '../../shared/treaties/parameter-groups.ts';
import type { Param, RuleSet } from '../../shared/treaties/schema.ts';
import { useText } from '../text/use-text.ts';
import { ConfidenceMark } from './ConfidenceMark.tsx';

function ParameterRow({ name, words, param }: { name: string; words: string; param: Pick<Param<unknown>, 'source' | 'confidence' | 'note'> }) {
  const text = useText();
  return (
    <tr className={`param param--${param.confidence}`}>
      <th scope="row">{name}</th>
      <td>
        {words}
        {param.note !== undefined && <p className="param__note">{text.ui('ui.treaties.params.note', { note: param.note })}</p>}
        {param.confidence === 'U' && <p className="param__warning">{text.ui('ui.treaties.unconfirmedNote')}</p>}
      </td>
      <td className="param__source">{text.source(param.source)}</td>
      <td>
        <ConfidenceMark confidence={param.confidence} />
      </td>
    </tr>
  );
}

export function ParametersTable({ ruleSet }: { ruleSet: RuleSet }) {
  const text = useText();
  return (
    <div className="parameters">
      {PARAMETER_GROUPS.map((group) => {
        const headingId = `group-${group.id}`;
        return (
          <section key={group.id} aria-labelledby={headingId} className="parameters__group" data-group={group.id}>
            <h3 id={headingId}>{group.id === 'general' ? text.ui('treaties.group.general') : text.ui(`condition.${group.id}`)}</h3>
            <table className="data-table parameters-table">
              <thead>
                <tr>
                  <th scope="col">{text.ui('ui.treaties.params.parameter')}</th>
                  <th scope="col">{text.ui('ui.treaties.params.value')}</th>
                  <th scope="col">{text.ui('ui.treaties.params.source')}</th>
                  <th scope="col">{text.ui('ui.treaties.params.confidence')}</th>
                </tr>
              </thead>
              <tbody>
                {group.keys.map((key: ParameterKey) => (
                  <ParameterRow key={key} name={text.ui(`treaties.param.${key}`)} words={describeParameter(text.locale, key, ruleSet[key].value as never)} param={ruleSet[key]} />
                ))}
                {group.id === 'consent' &&
                  (ruleSet.consentExceptions.length === 0 ? (
                    <tr>
                      <th scope="row">{text.ui('treaties.param.consentExceptions')}</th>
                      <td colSpan={3}>{text.ui('ui.treaties.routes.none')}</td>
                    </tr>
                  ) : (
                    ruleSet.consentExceptions.map((route) => (
                      <ParameterRow key={route.kind} name={text.ui('treaties.param.consentExceptions')} words={describeConsentRoute(text.locale, route)} param={route} />
                    ))
                  ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}

/**
 * Import of a rule-set file: read in the window, checked against `tsp-ruleset/1` there (the
 * same schema the app applies), then saved as a new version through the API, which checks it
 * again. A refused file is listed with every reason and its field path; nothing is stored.
 */
import { useState } from 'react';
import type { FieldProblem } from '../../shared/api-schemas.ts';
import { keyedProblem } from '../../shared/domain/case.ts';
import { decodeUtf8 } from '../../shared/domain/utf8.ts';
import { parseRuleSetText } from '../../shared/treaties/ruleset-file.ts';
import { asApiError, call } from '../api.ts';
import { Icon } from '../components/Icon.tsx';
import { problemText } from '../text/problems.ts';
import { useText } from '../text/use-text.ts';

type Outcome = { kind: 'done'; message: string } | { kind: 'refused'; problems: readonly FieldProblem[]; message?: string } | null;

export function RuleSetImport({ onImported }: { onImported: () => void }) {
  const text = useText();
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function importFile(file: File) {
    // Not file.text(): it would repair bytes that are not UTF-8 into U+FFFD.
    const content = decodeUtf8(new Uint8Array(await file.arrayBuffer()));
    if (content === null) {
      setOutcome({ kind: 'refused', problems: [keyedProblem('(file)', 'validation.file.notUtf8')] });
      return;
    }
    const checked = parseRuleSetText(content);
    if (!checked.ok) {
      setOutcome({ kind: 'refused', problems: checked.problems });
      return;
    }
    try {
      const saved = await call('rulesets.save', { ruleSet: JSON.parse(content) as unknown, reason: text.ui('ui.treaties.import.reason', { file: file.name }) });
      setOutcome({ kind: 'done', message: text.ui('ui.treaties.import.done', { id: saved.id, version: saved.version }) });
      onImported();
    } catch (error) {
      const refused = asApiError('rulesets.save', error);
      setOutcome({ kind: 'refused', problems: refused.problems, message: text.message(refused.messageKey) });
    }
  }

  return (
    <div className="ruleset-import">
      <label htmlFor="ruleset-import-file" className="button button--secondary">
        <Icon name="plus" />
        {text.ui('ui.treaties.import')}
      </label>
      <input
        id="ruleset-import-file"
        className="visually-hidden-file"
        type="file"
        accept="application/json,.json"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = ''; // the same file may be chosen again after a fix
          if (file !== undefined) void importFile(file);
        }}
      />
      {outcome?.kind === 'done' && (
        <p className="ruleset-import__done" role="status">
          <Icon name="check" />
          {outcome.message}
        </p>
      )}
      {outcome?.kind === 'refused' && (
        <div className="error-summary" role="alert">
          <p className="error-summary__title">
            <Icon name="warning" />
            {outcome.message ?? text.ui('ui.treaties.import.refused')}
          </p>
          {outcome.message !== undefined && <p>{text.ui('ui.treaties.import.refused')}</p>}
          <ul className="error-summary__problems">
            {outcome.problems.map((p) => (
              <li key={`${p.field}:${p.message}`}>
                <code>{p.field}</code>: {problemText(text, p)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}

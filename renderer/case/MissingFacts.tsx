/**
 * "Find out: …" under an unknown condition: each missing fact in words, never as a path of the
 * case file: `offences[0].categories` reads "Offence categories (O1)". Every fact the engine
 * asks for has a name (shared/eligibility/missing.test.ts); the path is a tooltip for whoever
 * edits the file.
 */
import type { CaseFile } from '../../shared/domain/case.ts';
import { fieldOfMissing } from '../../shared/eligibility/missing.ts';
import { useText, type Text } from '../text/use-text.ts';

interface MissingFact {
  label: string | null;
  field: string;
}

const INDEXED = /^(\w+)\[(\d+)\](.*)$/;

function describe(text: Text, snapshot: CaseFile, missing: string): MissingFact {
  const indexed = INDEXED.exec(missing.split(' ')[0] ?? missing);
  const key = `ui.field.${fieldOfMissing(missing)}`;
  if (!text.has(key)) return { label: null, field: missing };
  const label = text.message(key);
  if (indexed === null) return { label, field: missing };
  const index = Number(indexed[2]);
  const which = indexed[1] === 'offences' ? (snapshot.offences[index]?.id ?? String(index + 1)) : String(index + 1);
  return { label: `${label} (${which})`, field: missing };
}

export function MissingFacts({ missing, snapshot }: { missing: readonly string[]; snapshot: CaseFile }) {
  const text = useText();
  if (missing.length === 0) return null;
  return (
    <div className="find-out">
      <span className="find-out__label">{text.ui('ui.condition.findOut')}</span>
      <ul>
        {missing.map((m) => {
          const fact = describe(text, snapshot, m);
          return (
            <li key={m}>
              {fact.label === null ? <code>{fact.field}</code> : <span title={fact.field}>{fact.label}</span>}
            </li>
          );
        })}
      </ul>
    </div>
  );
}

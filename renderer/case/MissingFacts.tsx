/**
 * "Find out: …" under an unknown condition: each missing fact in words, with its field in
 * the case file (tsp-case/1) for whoever edits the file. `offences[0].categories` reads
 * "Offence categories (O1)".
 */
import type { CaseFile } from '../../shared/domain/case.ts';
import { useText, type Text } from '../text/use-text.ts';

interface MissingFact {
  label: string | null;
  field: string;
}

const INDEXED = /^(\w+)\[(\d+)\](.*)$/;

function describe(text: Text, snapshot: CaseFile, missing: string): MissingFact {
  const field = missing.split(' ')[0] ?? missing;
  const indexed = INDEXED.exec(field);
  const path = indexed === null ? field : `${indexed[1]}${indexed[3]}`;
  const key = `ui.field.${path}`;
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
              {fact.label !== null && <>{fact.label} </>}
              <code>{fact.field}</code>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

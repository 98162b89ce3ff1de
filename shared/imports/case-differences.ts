/**
 * What an import would change in a case it matches, field by field (issue 20). Pure.
 */
import type { CaseFile } from '../domain/case.ts';
import type { CaseDifference } from '../import-schemas.ts';

/** Every leaf of a JSON value by its dotted path; null and absent alike are unknown, and left out. */
function caseLeaves(value: unknown, path = '', out = new Map<string, string>()): Map<string, string> {
  if (Array.isArray(value)) value.forEach((v, i) => caseLeaves(v, `${path}[${i}]`, out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) caseLeaves(v, path === '' ? k : `${path}.${k}`, out);
  else if (value !== null && value !== undefined) out.set(path, String(value));
  return out;
}

/**
 * The fields where `incoming` differs from `stored`, in path order. The status and closure are
 * not compared: a case moves through its steps by the workflow, never by an import.
 */
export function caseDifferences(stored: CaseFile, incoming: CaseFile): CaseDifference[] {
  const strip = (c: CaseFile) => caseLeaves({ ...c, status: undefined, closure: undefined });
  const a = strip(stored);
  const b = strip(incoming);
  const fields = [...new Set([...a.keys(), ...b.keys()])].sort();
  return fields.filter((f) => a.get(f) !== b.get(f)).map((field) => ({ field, stored: a.get(field) ?? '', incoming: b.get(field) ?? '' }));
}

/** A refusal's problems by field, in the reader's language, for the fields of a form. */
import type { ApiCallError } from '../api.ts';
import { problemText } from '../text/problems.ts';
import type { Text } from '../text/use-text.ts';

export function messagesByField(text: Text, error: ApiCallError | null): ReadonlyMap<string, string[]> {
  const byField = new Map<string, string[]>();
  for (const problem of error?.problems ?? []) byField.set(problem.field, [...(byField.get(problem.field) ?? []), problemText(text, problem)]);
  return byField;
}

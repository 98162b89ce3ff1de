/**
 * A problem the router returned, in the officer's language: its catalog key and parameters
 * when it has them, else the English message it carries.
 */
import type { FieldProblem } from '../../shared/domain/case.ts';
import type { Text } from './use-text.ts';

export function problemText(text: Text, problem: FieldProblem): string {
  return problem.messageKey !== undefined && text.has(problem.messageKey) ? text.message(problem.messageKey, problem.params) : problem.message;
}

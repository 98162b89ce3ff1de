/** Input validation for services: a zod failure becomes ServiceError('invalid_input') listing every field. */
import type { z } from 'zod';
import { parseStorableCase } from '../../shared/api-schemas.ts';
import { problemOf, type CaseFile, type FieldProblem, REPORT_INPUT } from '../../shared/domain/case.ts';
import { ServiceError } from './errors.ts';

/** One problem per zod issue, worded as parseCase words them (shared/domain/case.ts): every schema names its problems by key. */
export function problemsOf(error: z.ZodError, prefix = ''): FieldProblem[] {
  const problems = error.issues.map(problemOf);
  return prefix === '' ? problems : within(prefix, problems);
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input, REPORT_INPUT);
  if (!result.success) throw new ServiceError('invalid_input', 'error.invalid_input', problemsOf(result.error));
  return result.data;
}

/** Prefixes a problem's field, e.g. `sentences[0].term` -> `case.sentences[0].term`; the message, key and parameters are kept. */
export function within(prefix: string, problems: readonly FieldProblem[]): FieldProblem[] {
  return problems.map((p) => ({ ...p, field: p.field === '(file)' ? prefix : `${prefix}.${p.field}` }));
}

/** A case file the store accepts, or ServiceError naming each bad field under `prefix`. */
export function storableCase(input: unknown, prefix: string): { value: CaseFile; warnings: FieldProblem[] } {
  const parsed = parseStorableCase(input);
  if (!parsed.ok) throw new ServiceError('invalid_input', 'error.invalid_case', within(prefix, parsed.errors));
  return { value: parsed.value, warnings: within(prefix, parsed.warnings) };
}

/** Input validation for services: a zod failure becomes ServiceError('invalid_input') listing every field. */
import type { z } from 'zod';
import { parseStorableCase } from '../../shared/api-schemas.ts';
import { en } from '../../shared/i18n/en.ts';
import { problemOf, type CaseFile, type FieldProblem } from '../../shared/domain/case.ts';
import { ServiceError } from './errors.ts';

/**
 * The catalog key of each plain validation message, by its English text: the service
 * inputs (shared/api-schemas.ts) word their problems in English, and a message the
 * catalogs hold word for word is sent with its key for the reader's language.
 */
const KEY_OF_MESSAGE: ReadonlyMap<string, string> = new Map(
  Object.entries(en)
    .filter(([key, text]) => key.startsWith('validation.') && !/\{\s*\w+/.test(text))
    .map(([key, text]) => [text, key]),
);

/** One problem per zod issue, worded as parseCase words them (shared/domain/case.ts), with the message key when there is one. */
export function problemsOf(error: z.ZodError, prefix = ''): FieldProblem[] {
  const problems = error.issues.map((issue): FieldProblem => {
    const problem = problemOf(issue);
    if (problem.messageKey !== undefined) return problem;
    const messageKey = KEY_OF_MESSAGE.get(problem.message);
    return messageKey === undefined ? problem : { ...problem, messageKey };
  });
  return prefix === '' ? problems : within(prefix, problems);
}

export function validate<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input);
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

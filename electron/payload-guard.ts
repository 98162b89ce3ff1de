/**
 * The router's first look at a payload from the renderer, before any schema: refuses what no
 * channel accepts and what could hurt the services that read it — text longer than
 * 100 000 characters, control characters other than tab and line breaks, unpaired
 * surrogates (SQLite would store them altered), nesting deeper than 32 levels, objects that
 * are not plain data (a Map, a Set, a Date: IPC carries them, no channel takes them), and the
 * keys `__proto__`, `constructor` and `prototype` (prototype pollution). Each problem names the
 * field, so an import of a hostile file says what to fix.
 *
 * A file's content travels as base64 text (documents.attach: up to 20 MiB, 28 million
 * characters): that one field, named by channel and path in FILE_CONTENT_FIELDS, has a limit of
 * its own and must be base64; every other text keeps the 100 000 characters.
 */
import type { FieldProblem } from '../shared/api-schemas.ts';
import { keyedProblem } from '../shared/domain/case.ts';
import { ATTACHMENT_BASE64_MAX_LENGTH } from '../shared/workflow-schemas.ts';

export const MAX_TEXT_LENGTH = 100_000;
/** The fields that carry a file's content in base64, by channel and field path, with their longest length. */
export const FILE_CONTENT_FIELDS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'documents.attach': { contentBase64: ATTACHMENT_BASE64_MAX_LENGTH },
  // A transfer package: its documents and the request in one file (shared/package-schemas.ts).
  'packages.import': { contentBase64: ATTACHMENT_BASE64_MAX_LENGTH * 2 },
};
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;
export const MAX_DEPTH = 32;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
/**
 * C0 controls but tab, LF and CR; DEL; C1 controls; a surrogate without its pair. Without
 * the u flag on purpose: the surrogate checks look at UTF-16 code units.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const BAD_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const MAX_PROBLEMS = 20;

/** A field path as the services write it: `cases[0].person.familyName`. */
function fieldOf(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(payload)';
  return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : i === 0 ? key : `.${key}`)).join('');
}

/**
 * The problems of a payload, at most 20 (a hostile file can hold millions); none when it may go
 * on to the channel's schema. `channel`: whose file-content fields (FILE_CONTENT_FIELDS) may be longer.
 */
export function payloadProblems(payload: unknown, channel?: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const fileFields = channel === undefined ? undefined : FILE_CONTENT_FIELDS[channel];
  // One path, pushed and popped as the walk goes: a field name is only built for a problem.
  const path: (string | number)[] = [];
  const visit = (value: unknown, depth: number): void => {
    if (problems.length >= MAX_PROBLEMS) return;
    if (typeof value === 'string') {
      const fileMax = fileFields === undefined ? undefined : fileFields[fieldOf(path)];
      if (fileMax !== undefined) {
        if (value.length > fileMax) problems.push(keyedProblem(fieldOf(path), 'validation.payload.tooLong', { max: fileMax }));
        else if (!BASE64.test(value)) problems.push(keyedProblem(fieldOf(path), 'validation.payload.notBase64'));
        return;
      }
      if (value.length > MAX_TEXT_LENGTH) problems.push(keyedProblem(fieldOf(path), 'validation.payload.tooLong', { max: MAX_TEXT_LENGTH }));
      else if (BAD_CHARACTER.test(value)) problems.push(keyedProblem(fieldOf(path), 'validation.payload.controlCharacter'));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_DEPTH) {
      problems.push(keyedProblem(fieldOf(path), 'validation.payload.tooDeep', { max: MAX_DEPTH }));
      return;
    }
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        path.push(i);
        visit(value[i], depth + 1);
        path.pop();
      }
      return;
    }
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) {
      problems.push(keyedProblem(fieldOf(path), 'validation.payload.notPlain'));
      return;
    }
    for (const key of Object.keys(value)) {
      path.push(key);
      if (FORBIDDEN_KEYS.has(key)) problems.push(keyedProblem(fieldOf(path), 'validation.payload.forbiddenKey'));
      else if (key.length > 200 || BAD_CHARACTER.test(key)) problems.push(keyedProblem(fieldOf(path.slice(0, -1)), 'validation.payload.badKey'));
      else visit((value as Record<string, unknown>)[key], depth + 1);
      path.pop();
    }
  };
  visit(payload, 0);
  return problems;
}

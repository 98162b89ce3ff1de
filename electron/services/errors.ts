/**
 * The one error a service throws on purpose. It carries a message key for i18n and one
 * problem per bad field, so a form can show each message next to its field.
 */
import type { FieldProblem } from '../../shared/api-schemas.ts';

export type ServiceErrorCode = 'invalid_input' | 'not_found' | 'conflict' | 'forbidden';

export class ServiceError extends Error {
  readonly code: ServiceErrorCode;
  readonly messageKey: string;
  readonly problems: FieldProblem[];

  constructor(code: ServiceErrorCode, messageKey: string, problems: FieldProblem[] = []) {
    super(`${code} (${messageKey})${problems.map((p) => `\n  ${p.field}: ${p.message}`).join('')}`);
    this.name = 'ServiceError';
    this.code = code;
    this.messageKey = messageKey;
    this.problems = problems;
  }

  /** What crosses IPC: Error objects lose their own fields when structured-cloned. */
  toJSON(): { code: ServiceErrorCode; messageKey: string; problems: FieldProblem[] } {
    return { code: this.code, messageKey: this.messageKey, problems: this.problems };
  }
}

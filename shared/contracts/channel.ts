/**
 * What a channel's contract holds: the schema its payload must satisfy, what it answers and
 * the roles that may call it. Each area of the API writes its channels in one file beside
 * this one; shared/api.ts merges them, the router (electron/router.ts) enforces them and each
 * service module exports the handlers, typed from them (electron/services/handlers.ts).
 */
import { z } from 'zod';
import { ROLES, type Role } from '../vocabularies.ts';

/** Everyone signed in, the viewer included: reading. */
export const ALL: readonly Role[] = ROLES;
/** Cases and assessments. */
export const CASEWORK: readonly Role[] = ['officer', 'legal', 'supervisor'];
/** Dossiers, transfers, treaties (rule-sets). */
export const LEGAL: readonly Role[] = ['legal', 'supervisor'];
/** Approvals, reopening a closed case, users. Which transition each role records: shared/workflow/roles.ts. */
export const SUPERVISOR: readonly Role[] = ['supervisor'];

/** A channel that takes nothing: no payload, or an empty object. */
export const noInput = z.strictObject({}).optional();

/**
 * An answer known to the compiler only: a file, a document model or a computation built in
 * shared/ whose type is its contract. An answer with a zod schema is checked against it for
 * every channel in electron/router.test.ts.
 */
interface Typed<T> {
  readonly typed: true;
  /** Never set: carries the type. */
  readonly type?: T;
}
export const typed = <T>(): Typed<T> => ({ typed: true });

export interface ChannelContract {
  input: z.ZodType;
  output: z.ZodType | Typed<unknown>;
  roles: readonly Role[];
}

/** An area's channels, by name. */
export type AreaContract = Record<string, ChannelContract>;

/** What a channel answers, from its output schema or its typed marker. */
export type OutputOf<C extends ChannelContract> = C['output'] extends z.ZodType ? z.output<C['output']> : C['output'] extends Typed<infer T> ? T : never;

export function isOutputSchema(output: ChannelContract['output']): output is z.ZodType {
  return output instanceof z.ZodType;
}

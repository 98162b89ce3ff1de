/**
 * Who may use the case list's own actions (a spreadsheet import, a transfer package's import):
 * the roles shared/api.ts gives their channels (tests/list-actions.test.ts holds the two equal).
 * The list asks here rather than mayCall: shared/api.ts holds every channel's zod schemas, and
 * evaluating them was a large part of a window's start, before its first rows could show.
 */
import type { Channel } from '../../shared/api.ts';
import type { Role } from '../../shared/vocabularies.ts';

export const LIST_ACTION_ROLES = {
  'imports.spreadsheetStart': ['officer', 'legal', 'supervisor'],
  'packages.import': ['officer', 'legal', 'supervisor'],
} as const satisfies Partial<Record<Channel, readonly Role[]>>;

export type ListAction = keyof typeof LIST_ACTION_ROLES;

/** mayCall for the list's actions: whether the router would accept the call from this role. */
export function mayUseListAction(role: Role | undefined, action: ListAction): boolean {
  return role !== undefined && (LIST_ACTION_ROLES[action] as readonly Role[]).includes(role);
}

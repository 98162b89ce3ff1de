import { describe, expect, it } from 'vitest';
import { mayCall } from '../shared/api.ts';
import { ROLES } from '../shared/vocabularies.ts';
import { LIST_ACTION_ROLES, mayUseListAction, type ListAction } from '../renderer/cases/list-actions.ts';

describe('the case list decides its actions as the router does', () => {
  const actions = Object.keys(LIST_ACTION_ROLES) as ListAction[];

  it.each(actions)('%s: every role, and nobody signed in, gets the answer mayCall gives', (action) => {
    for (const role of [...ROLES, undefined]) expect(mayUseListAction(role, action), `${String(role)}`).toBe(mayCall(role, action));
  });

  it('a viewer may use neither; an officer may use both', () => {
    expect(actions.map((a) => mayUseListAction('viewer', a))).toEqual([false, false]);
    expect(actions.map((a) => mayUseListAction('officer', a))).toEqual([true, true]);
  });
});

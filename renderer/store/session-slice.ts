/** Who is at the keyboard (the store's user for this OS account), and the rule-sets on offer. */
import type { StateCreator } from 'zustand';
import type { RuleSetVersionSummary, User } from '../../shared/api-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import type { DeskState } from './index.ts';

export interface SessionSlice {
  user: User | null;
  sessionError: ApiCallError | null;
  /** Every rule-set version available, built-in and stored, by id then newest first. */
  ruleSets: RuleSetVersionSummary[];
  loadSession(): Promise<void>;
}

export const createSessionSlice: StateCreator<DeskState, [], [], SessionSlice> = (set) => ({
  user: null,
  sessionError: null,
  ruleSets: [],
  loadSession: async () => {
    const [user, ruleSets] = await Promise.allSettled([call('session.current', {}), call('rulesets.list', {})]);
    set({
      user: user.status === 'fulfilled' ? user.value : null,
      sessionError: user.status === 'rejected' ? asApiError('session.current', user.reason) : null,
      ruleSets: ruleSets.status === 'fulfilled' ? ruleSets.value : [],
    });
  },
});

/** One entry per rule-set id (the list holds every version). */
export function ruleSetIds(ruleSets: readonly RuleSetVersionSummary[]): string[] {
  return [...new Set(ruleSets.map((r) => r.id))];
}

/**
 * Who is signed in (the main process keeps the session; this is only its answer to
 * session.current), whether the store still needs its administrator, and the rule-sets on
 * offer once someone is signed in.
 */
import type { StateCreator } from 'zustand';
import type { RuleSetVersionSummary, User } from '../../shared/api-schemas.ts';
import type { SessionState } from '../../shared/contracts/session.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { callOrTakeStarted } from '../early-calls.ts';
import type { DeskState } from './index.ts';

export interface SessionSlice {
  user: User | null;
  /** No supervisor can sign in yet: the first-run screen shows. */
  firstRun: boolean;
  /** False until session.current has answered: nothing but a blank page shows before. */
  sessionKnown: boolean;
  sessionError: ApiCallError | null;
  /** Every rule-set version available, built-in and stored, by id then newest first. */
  ruleSets: RuleSetVersionSummary[];
  loadSession(): Promise<void>;
  /** Takes the answer of session.signIn, session.setup or session.signOut. */
  enterSession(state: SessionState): Promise<void>;
  signOut(): Promise<void>;
}

export const createSessionSlice: StateCreator<DeskState, [], [], SessionSlice> = (set, get) => ({
  user: null,
  firstRun: false,
  sessionKnown: false,
  sessionError: null,
  ruleSets: [],
  loadSession: async () => {
    try {
      await get().enterSession(await callOrTakeStarted('session.current', {}));
    } catch (error) {
      set({ user: null, sessionKnown: true, sessionError: asApiError('session.current', error) });
    }
  },
  enterSession: async (state) => {
    const ruleSets = state.user === null ? [] : await callOrTakeStarted('rulesets.list', {}).catch(() => []);
    set({ user: state.user, firstRun: state.firstRun, sessionKnown: true, sessionError: null, ruleSets });
  },
  signOut: async () => {
    try {
      await get().enterSession(await call('session.signOut', {}));
    } catch (error) {
      set({ sessionError: asApiError('session.signOut', error) });
    }
  },
});

/** One entry per rule-set id (the list holds every version). */
export function ruleSetIds(ruleSets: readonly RuleSetVersionSummary[]): string[] {
  return [...new Set(ruleSets.map((r) => r.id))];
}

/**
 * The case on screen: its record, its assessments (newest first) and its timeline, and
 * the state of an assessment being run on it.
 */
import type { StateCreator } from 'zustand';
import type { AssessmentRecord, CaseEvent, CaseRecord } from '../../shared/api-schemas.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import type { DeskState } from './index.ts';

export interface OpenCase {
  id: string | null;
  phase: 'idle' | 'loading' | 'ready' | 'error';
  record: CaseRecord | null;
  assessments: AssessmentRecord[];
  events: CaseEvent[];
  error: ApiCallError | null;
}

export interface AssessmentRun {
  phase: 'idle' | 'running' | 'done' | 'error';
  error: ApiCallError | null;
}

export interface AssessmentRequest {
  /** Absent: the case's own rule-set. */
  ruleSetId?: string;
  /** `YYYY-MM-DD`; absent: the date of the event the rule-set names. */
  on?: string;
}

export interface CaseFileSlice {
  openCase: OpenCase;
  assessmentRun: AssessmentRun;
  loadCase(id: string): Promise<void>;
  runAssessment(request: AssessmentRequest): Promise<void>;
}

const CLOSED_CASE: OpenCase = { id: null, phase: 'idle', record: null, assessments: [], events: [], error: null };

export const createCaseFileSlice: StateCreator<DeskState, [], [], CaseFileSlice> = (set, get) => ({
  openCase: CLOSED_CASE,
  assessmentRun: { phase: 'idle', error: null },

  loadCase: async (id) => {
    set({ openCase: { ...CLOSED_CASE, id, phase: 'loading' }, assessmentRun: { phase: 'idle', error: null } });
    try {
      const [record, assessments, events] = await Promise.all([
        call('cases.get', { id }),
        call('assessments.list', { caseId: id }),
        call('cases.events', { caseId: id }),
      ]);
      if (get().openCase.id !== id) return;
      set({ openCase: { id, phase: 'ready', record, assessments, events, error: null } });
    } catch (error) {
      if (get().openCase.id !== id) return;
      set({ openCase: { ...CLOSED_CASE, id, phase: 'error', error: asApiError('cases.get', error) } });
    }
  },

  runAssessment: async (request) => {
    const id = get().openCase.id;
    if (id === null || get().assessmentRun.phase === 'running') return;
    set({ assessmentRun: { phase: 'running', error: null } });
    try {
      const assessment = await call('assessments.run', { caseId: id, ...request });
      // The record carries the latest verdict and version; fetch it again rather than guess.
      const record = await call('cases.get', { id });
      if (get().openCase.id !== id) return;
      set((s) => ({
        openCase: { ...s.openCase, record, assessments: [assessment, ...s.openCase.assessments] },
        assessmentRun: { phase: 'done', error: null },
      }));
    } catch (error) {
      if (get().openCase.id !== id) return;
      set({ assessmentRun: { phase: 'error', error: asApiError('assessments.run', error) } });
    }
  },
});

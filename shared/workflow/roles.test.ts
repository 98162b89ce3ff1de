import { describe, expect, it } from 'vitest';
import { ROLES } from '../vocabularies.ts';
import { TRANSITION_IDS } from './lifecycle.ts';
import { creatableSteps, mayRecord, TRANSITION_ROLES } from './roles.ts';

describe('who records each transition', () => {
  it('names every transition of the lifecycle, and no viewer', () => {
    expect(Object.keys(TRANSITION_ROLES).sort()).toEqual([...TRANSITION_IDS].sort());
    expect(TRANSITION_IDS.filter((id) => mayRecord('viewer', id))).toEqual([]);
  });

  it('nests: a legal officer records all an officer does, a supervisor all a legal officer does', () => {
    for (const id of TRANSITION_IDS) {
      if (mayRecord('officer', id)) expect(mayRecord('legal', id), id).toBe(true);
      if (mayRecord('legal', id)) expect(mayRecord('supervisor', id), id).toBe(true);
    }
  });

  it('gives officers the screening, the consent and the handover; legal officers the dossier, the decision and the requests; supervisors the approval and the closures', () => {
    expect(TRANSITION_IDS.filter((id) => mayRecord('officer', id))).toEqual(['start-screening', 'start-consent-verification', 'schedule-handover', 'reschedule-handover', 'transfer']);
    expect(['prepare-dossier', 'record-decision', 'send-request', 'record-agreement'].every((id) => mayRecord('legal', id as never))).toBe(true);
    expect(mayRecord('supervisor', 'approve-decision') && !mayRecord('legal', 'approve-decision') && !mayRecord('legal', 'close-unviable')).toBe(true);
  });

  it('lets a role create a case only at a step it could have reached itself: no decision or handover entered by an officer', () => {
    expect(creatableSteps('officer')).toEqual(['draft', 'screening']);
    // A legal officer sends requests, but only once approved: never a case entered as already requested.
    expect(creatableSteps('legal')).toEqual(['draft', 'screening', 'dossier', 'decision']);
    expect(creatableSteps('supervisor')).toContain('handover-scheduled');
    expect(creatableSteps('viewer')).toEqual([]);
    for (const role of ROLES) expect(creatableSteps(role).every((s) => creatableSteps('supervisor').includes(s))).toBe(true);
  });
});

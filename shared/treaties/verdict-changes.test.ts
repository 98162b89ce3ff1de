/** What a re-assessment report says for one case: the verdict before and after, and exactly the conditions whose status moved. */
import { describe, expect, it } from 'vitest';
import type { StoredAssessment } from '../api-schemas.ts';
import { verdictChange } from './verdict-changes.ts';

type Status = StoredAssessment['conditions'][number]['status'];
const result = (verdict: StoredAssessment['verdict'], statuses: Record<string, Status>) =>
  ({ verdict, conditions: Object.entries(statuses).map(([id, status]) => ({ id, status })) }) as unknown as StoredAssessment;

describe('verdictChange', () => {
  it('eligible -> ineligible because the remaining sentence is no longer met', () => {
    const before = result('eligible', { nationality: 'met', 'remaining-sentence': 'met', consent: 'met' });
    const after = result('ineligible', { nationality: 'met', 'remaining-sentence': 'not_met', consent: 'met' });
    expect(verdictChange(before, after)).toEqual({
      before: 'eligible', after: 'ineligible', verdictChanged: true, conditions: [{ id: 'remaining-sentence', before: 'met', after: 'not_met' }],
    });
  });

  it('a condition may move without the verdict moving', () => {
    const before = result('ineligible', { consent: 'not_met', 'remaining-sentence': 'met' });
    const after = result('ineligible', { consent: 'not_met', 'remaining-sentence': 'waived' });
    expect(verdictChange(before, after)).toMatchObject({ verdictChanged: false, conditions: [{ id: 'remaining-sentence', before: 'met', after: 'waived' }] });
  });

  it('a case never assessed before: the verdict is new and every condition is listed', () => {
    const change = verdictChange(null, result('needs_information', { consent: 'unknown', nationality: 'met' }));
    expect(change).toMatchObject({ before: null, verdictChanged: true });
    expect(change.conditions.map((c) => c.before)).toEqual([null, null]);
  });
});

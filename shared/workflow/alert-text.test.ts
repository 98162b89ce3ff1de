/** Alerts in words: the label follows the kind, and a release already past says so. */
import { describe, expect, it } from 'vitest';
import { alertText } from './alert-text.ts';

describe('alertText', () => {
  it.each([
    [{ kind: 'release-near', id: null, urgency: 'this-week' }, 'en', 'Release date near'],
    [{ kind: 'release-near', id: null, urgency: 'overdue' }, 'en', 'Release date passed: check whether the person is still held'],
    [{ kind: 'release-near', id: null, urgency: 'overdue' }, 'zh-Hant', '釋放日期已過：請核實當事人是否仍在囚'],
    [{ kind: 'rescreen', id: null, urgency: 'overdue' }, 'en', 'Rescreen date reached'],
    [{ kind: 'deadline', id: 'recognition-decision', urgency: 'later' }, 'en', 'Deadline: decision on recognition (90 days)'],
    // A deadline a local rule-set invented has no label: its id is shown.
    [{ kind: 'deadline', id: 'local-review', urgency: 'later' }, 'en', 'Deadline: local-review'],
  ] as const)('%o in %s', (alert, locale, expected) => {
    expect(alertText(locale, alert)).toBe(expected);
  });
});

/** An alert in words, the same on the Due page, the case page and in `tsp due`. */
import { hasMessage, t, type Locale } from '../i18n/index.ts';
import type { Alert } from './alerts.ts';

export function alertText(locale: Locale, alert: Pick<Alert, 'kind' | 'id' | 'urgency'>): string {
  // A release date already past on an open case is not "near": the person may have gone free.
  if (alert.kind === 'release-near' && alert.urgency === 'overdue') return t(locale, 'due.kind.release-passed');
  if (alert.kind !== 'deadline') return t(locale, `due.kind.${alert.kind}`);
  const key = `due.deadline.${alert.id ?? ''}`;
  return t(locale, 'due.kind.deadline', { deadline: hasMessage('en', key) ? t(locale, key) : (alert.id ?? '') });
}

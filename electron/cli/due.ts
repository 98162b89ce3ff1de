/**
 * `tsp due --db FILE [--json] [--on YYYY-MM-DD] [--lang en|zh-Hant]`: what is due across the
 * open cases (deadlines, rescreen dates, releases near, transfers too late for the minimum),
 * by urgency, through the same router as the app's Due page.
 */
import { t, type Locale } from '../../shared/i18n/index.ts';
import { isIsoDate } from '../../shared/sentence/calendar.ts';
import { alertText } from '../../shared/workflow/alert-text.ts';
import { URGENCIES } from '../../shared/workflow/alerts.ts';
import { UsageError, type CliIo } from './io.ts';
import { unwrap, withApp, type StoreValues } from './store-commands.ts';

export interface DueValues extends StoreValues {
  on?: string | undefined;
}


export function runDue(io: CliIo, values: DueValues, locale: Locale): number {
  if (values.on !== undefined && !isIsoDate(values.on)) throw new UsageError('--on must be a date written YYYY-MM-DD');
  const due = withApp(values, true, (app) => unwrap(app.router.dispatch('due.list', values.on === undefined ? {} : { on: values.on }), 'due'), 'read');
  if (values.json) {
    io.out(`${JSON.stringify(due, null, 2)}\n`);
    return 0;
  }
  const lines = [`${t(locale, 'due.title')} — ${due.on} (+${due.horizonDays}): ${URGENCIES.map((u) => `${t(locale, `due.urgency.${u}`)} ${due.counts[u]}`).join(', ')}`];
  if (due.items.length === 0) lines.push(t(locale, 'due.empty'));
  for (const urgency of URGENCIES) {
    const items = due.items.filter((i) => i.urgency === urgency);
    if (items.length === 0) continue;
    lines.push('', t(locale, `due.urgency.${urgency}`));
    for (const i of items) {
      const name = [i.familyName, i.givenNames].filter((x) => x !== null).join(', ');
      lines.push(`  ${i.date}  ${name}${i.reference === null ? '' : ` (${i.reference})`}  ${alertText(locale, i)}  ${i.caseId}`);
    }
    // The router pages within each group: say how many of this group are not listed.
    if (due.counts[urgency] > items.length) lines.push(`  … +${due.counts[urgency] - items.length}`);
  }
  if (due.unreadable.length > 0) {
    lines.push('', t(locale, 'due.unreadable.title'), `  ${t(locale, 'due.unreadable.intro')}`);
    for (const c of due.unreadable) lines.push(`  ${[c.familyName, c.givenNames].filter((x) => x !== null).join(', ')}${c.reference === null ? '' : ` (${c.reference})`}  ${c.caseId}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

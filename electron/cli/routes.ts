/**
 * `tsp routes`: where could this person go?
 *   tsp routes --case FILE.json [--on YYYY-MM-DD] [--json] [--lang en|zh-Hant]   (built-in law)
 *   tsp routes --db FILE --case ID [--on ...] [--json]                           (a stored case, the store's law)
 *   tsp routes --db FILE --all [--on ...] --json                                 (every open case: its open routes)
 * and `tsp treaties table A B [--on DATE] [--json]`: the instruments between two States on a day.
 * Reads only; exit 0 whatever the routes, 2 for bad input.
 */
import { parseCase } from '../../shared/domain/case.ts';
import { findRoutes } from '../../shared/eligibility/routes.ts';
import { t, type Locale } from '../../shared/i18n/index.ts';
import { formatIsoDate, isIsoDate, parseIsoDate, todayFrom, type DayNumber } from '../../shared/sentence/calendar.ts';
import type { CaseRoutes, RouteRecord, TreatyTable } from '../../shared/treaties/map/api-schemas.ts';
import { routeLaw, routeRecord, screenOpenCases, treatyTableOf } from '../services/routes.ts';
import { lawResolver, treatyMapOn } from '../services/ruleset-resolution.ts';
import { readJsonFile, responseFailure, UsageError, type CliIo } from './io.ts';
import type { StoreValues } from './store-commands.ts';

export interface RoutesValues extends StoreValues {
  case?: string | undefined;
  on?: string | undefined;
  all?: boolean | undefined;
  json: boolean;
}

function dayOf(on: string | undefined, today: DayNumber): DayNumber {
  if (on === undefined) return today;
  if (!isIsoDate(on)) throw new UsageError(`--on must be a calendar date written YYYY-MM-DD, not "${on}"`);
  return parseIsoDate(on);
}

export async function runRoutes(io: CliIo, values: RoutesValues, locale: Locale): Promise<number> {
  const today = todayFrom(io.now());
  const on = dayOf(values.on, today);
  if (values.db === undefined) {
    if (values.all) throw new UsageError('--all screens a store: give it with --db FILE');
    if (!values.case) throw new UsageError('use: tsp routes --case FILE.json | --db FILE --case ID | --db FILE --all --json');
    const parsed = parseCase(readJsonFile(io, values.case, 'case file'));
    if (!parsed.ok) throw new UsageError(`${values.case} is not a valid tsp-case/1 file:`, parsed.errors.map((e) => `${e.field}: ${e.message}`));
    const map = treatyMapOn(null, today);
    const routes = findRoutes(parsed.value, { map, law: routeLaw(lawResolver(null), today), today, on }).map(routeRecord);
    return print(io, { caseId: values.case, on: formatIsoDate(on), mapVersion: map.map.version, routes }, values.json, locale);
  }
  const { withApp } = await import('./store-commands.ts');
  return withApp(values, true, (app) => {
    if (values.all) {
      if (!values.json) throw new UsageError('tsp routes --all prints JSON lines: add --json');
      let open = 0;
      let total = 0;
      for (const screened of screenOpenCases(app.db, today, on)) {
        total += 1;
        if (screened.openRoutes > 0) open += 1;
        io.out(`${JSON.stringify(screened)}\n`);
      }
      io.err(`${total} open case${total === 1 ? '' : 's'} screened on ${formatIsoDate(on)}: ${open} with at least one open route.\n`);
      return 0;
    }
    if (!values.case) throw new UsageError('with --db, give the stored case with --case ID, or screen every open case with --all');
    const response = app.router.dispatch('routes.forCase', { caseId: values.case, on: formatIsoDate(on) });
    if (!response.ok) throw responseFailure(response.error, 'routes');
    return print(io, response.data, values.json, locale);
  }, 'read');
}

function routeLine(r: RouteRecord, locale: Locale): string[] {
  const verdict = t(locale, `verdict.${r.result.verdict}`);
  const when = r.opensOn === null ? '' : r.closesOn === null ? `, from ${r.opensOn}` : `, from ${r.opensOn} to ${r.closesOn}`;
  const lines = [`${r.open ? '+' : '-'} ${r.administeringState} under ${r.ruleSetId}${r.current ? ' (the case\'s own)' : ''}: ${verdict}${when}`];
  for (const c of r.result.conditions) {
    if (c.status === 'met' || c.status === 'not_applicable') continue;
    lines.push(`    ${t(locale, `condition.${c.id}`)}: ${t(locale, `status.${c.status}`)}`);
  }
  return lines;
}

function print(io: CliIo, routes: CaseRoutes, json: boolean, locale: Locale): number {
  if (json) {
    io.out(`${JSON.stringify(routes, null, 2)}\n`);
    return 0;
  }
  const lines = [`Routes for ${routes.caseId} (other routes as if requested on ${routes.on}; treaty map ${routes.mapVersion}):`];
  if (routes.routes.length === 0) lines.push('  none: no instrument binds the sentencing State and a State the person is tied to');
  for (const r of routes.routes) lines.push(...routeLine(r, locale).map((l) => `  ${l}`));
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

/** `tsp treaties table A B [--on DATE] [--json]` on the built-in map, or the store's with --db. */
export async function runTreatyTable(io: CliIo, a: string | undefined, b: string | undefined, values: RoutesValues): Promise<number> {
  const place = /^[A-Z]{2}$/;
  if (!a || !b || !place.test(a) || !place.test(b)) throw new UsageError('use: tsp treaties table A B [--on YYYY-MM-DD] [--json] (ISO codes such as HK GB)');
  const today = todayFrom(io.now());
  const on = dayOf(values.on, today);
  const table = (db: Parameters<typeof treatyMapOn>[0]) => treatyTableOf(treatyMapOn(db, today), a, b, on);
  if (values.db === undefined) return printTable(io, table(null), values.json);
  const { withApp } = await import('./store-commands.ts');
  return withApp(values, true, (app) => printTable(io, table(app.db), values.json), 'read');
}

function printTable(io: CliIo, table: TreatyTable, json: boolean): number {
  if (json) {
    io.out(`${JSON.stringify(table, null, 2)}\n`);
    return 0;
  }
  const lines = [`${table.a} and ${table.b} on ${table.on} (treaty map ${table.mapVersion}):`];
  if (table.noArrangement) lines.push(`  no arrangement: ${table.noArrangement.summary} [${table.noArrangement.confidence}] (${table.noArrangement.source})`);
  if (table.rows.length === 0 && !table.noArrangement) lines.push('  no instrument in the map binds both');
  for (const row of table.rows) {
    const why = row.reason === null ? '' : ` (${row.reason}${row.other ? `: ${row.other}` : ''}${row.opensOn ? `, from ${row.opensOn}` : ''})`;
    lines.push(`  ${row.status.padEnd(11)} ${row.title} [${row.confidence}]${why}`);
    for (const d of row.declarations) lines.push(`      ${d.state} Art. ${d.article} (${d.kind}) [${d.confidence}]: ${d.summary}`);
  }
  io.out(`${lines.join('\n')}\n`);
  return 0;
}

/**
 * The route finder over the stored cases (electron/services/routes.ts screenOpenCases, as
 * `tsp routes --db FILE --all` runs it): every open case loaded from the store a thousand at a
 * time and assessed under every instrument its sentencing State is party to, the treaty map and
 * the law resolved as the app resolves them. The figure is case × instrument assessments a
 * second, on one core (the main thread), reading the imported store.
 */
import { openDatabase } from '../db/connection.ts';
import { DEMO_TODAY } from '../electron/services/demo.ts';
import { screenOpenCases } from '../electron/services/routes.ts';
import { parseIsoDate } from '../shared/sentence/calendar.ts';
import { progress, rateRow, timed, type Row } from './measure.ts';

/** Issue 16's goal: at least 50,000 case × instrument assessments a second on one core, loading included. */
const ROUTES_GOAL = 50_000;

export function routesBenchmark(file: string, expected: number): Row {
  const db = openDatabase(file);
  try {
    const today = parseIsoDate(DEMO_TODAY);
    let cases = 0;
    let routes = 0;
    let open = 0;
    progress(`routes: screening the ${expected.toLocaleString('en-GB')} stored cases`);
    const ms = timed(() => {
      for (const screened of screenOpenCases(db, today, today)) {
        cases += 1;
        routes += screened.routes;
        if (screened.openRoutes > 0) open += 1;
      }
    });
    if (cases !== expected) throw new Error(`the route finder screened ${cases} cases, not ${expected}`);
    return rateRow(
      `routes: case × instrument assessments/s over ${cases.toLocaleString('en-GB')} stored cases (screenOpenCases)`,
      (routes * 1000) / ms, ROUTES_GOAL, 1, '>= 50,000/s',
      `screenOpenCases as tsp routes --all runs it, on ${DEMO_TODAY}: the open cases loaded 1,000 a query, each assessed under every instrument binding its sentencing State (the treaty map's relations, the stored or built-in rule-set in force, arrangements for one case), open routes filtered, the best written out. ${routes.toLocaleString('en-GB')} routes (${(routes / cases).toFixed(1)} a case) in ${(ms / 1000).toFixed(1)} s; ${open.toLocaleString('en-GB')} cases with an open route. Reference = issue 16's goal, 50,000/s on one core.`,
      'routes/s',
    );
  } finally {
    db.close();
  }
}

/**
 * The renderer in the Chromium shell (e2e/shell.ts: the built renderer, the real router on a
 * real store) over a store of 100,000 cases, timed with performance marks in the page:
 *
 * - case list: from navigation start (time origin; the bundle is loaded, parsed and run) to the
 *   first case row in the DOM (`tbody tr.case-row`), the first page having come through IPC;
 * - opening a case: from a mark set just before the route changes to `#/case/<id>` to the
 *   identity bar showing the person's name (`.identity-bar h1 .family-name`).
 *
 * The marks are set by a MutationObserver when the element is committed to the DOM (before
 * paint). Each is read back with performance.measure through page.evaluate.
 *
 * The first load of each run is not counted: the browser has just started with an empty cache,
 * as the app's first start after an install or update, when every script is compiled. It is
 * reported in the note. The counted loads are each a new document in the same browser, as
 * from the app's second start: the hashed scripts come from the cache and compile from V8's
 * code cache (app:// is registered with `codeCache`, electron/main.ts).
 *
 * What else the figure holds in this shell: the page and its scripts come from
 * e2e/static-server.ts, in the same Node process as the router and Playwright; each call is one
 * DevTools message each way (e2e/shell.ts), whose answer reaches the page only when its main
 * thread is free; waitForFunction puts Playwright's own script into the page inside the
 * interval. The rest is the renderer's main thread: module evaluation, React renders, style
 * and layout.
 */
import { openShell } from '../e2e/shell.ts';
import { median, progress, timeRow, type Row } from './measure.ts';

const LIMIT_MS = 200;
const ROUNDS = 5;
const ROW = 'tbody tr.case-row';
const CASE_NAME = '.identity-bar h1 .family-name';

/** A string, not a function: a transpiler's helpers would not exist in the page. */
const OBSERVER = `(() => {
  const has = (name) => performance.getEntriesByName(name).length > 0;
  const check = () => {
    if (!has('tsp:first-row') && document.querySelector(${JSON.stringify(ROW)})) performance.mark('tsp:first-row');
    if (has('tsp:open-start') && !has('tsp:case-open')) {
      const name = document.querySelector(${JSON.stringify(CASE_NAME)});
      if (name && name.textContent) performance.mark('tsp:case-open');
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true });
})();`;

export async function uiBenchmarks(dbFile: string, cases: number): Promise<Row[]> {
  progress('ui: building the renderer and starting Chromium');
  const shell = await openShell({ dbFile, osUser: 'bench' });
  try {
    await shell.page.addInitScript({ content: OBSERVER });
    const ids = shell.dispatch('cases.list', { limit: ROUNDS + 1 }).items.map((c) => c.id);
    const list: number[] = [];
    const open: number[] = [];
    let cold = Number.NaN;
    // One load first, not counted: the browser's caches warm, as on the app's second start.
    for (let round = -1; round < ROUNDS; round++) {
      // A new document each round (a hash change alone would keep the page and its marks).
      await shell.page.goto('about:blank');
      await shell.open('#/cases');
      await shell.page.waitForFunction(() => performance.getEntriesByName('tsp:first-row').length > 0, null, { timeout: 60_000 });
      const listMs = await shell.page.evaluate(() => performance.measure('tsp:list', { start: 0, end: 'tsp:first-row' }).duration);
      const id = ids[round + 1] as string;
      await shell.page.evaluate((caseId) => {
        performance.mark('tsp:open-start');
        location.hash = `#/case/${caseId}`;
      }, id);
      await shell.page.waitForFunction(() => performance.getEntriesByName('tsp:case-open').length > 0, null, { timeout: 60_000 });
      const openMs = await shell.page.evaluate(() => performance.measure('tsp:open', 'tsp:open-start', 'tsp:case-open').duration);
      if (round >= 0) {
        list.push(listMs);
        open.push(openMs);
      } else {
        cold = listMs;
      }
    }
    if (shell.problems.length > 0) progress(`ui: page problems: ${shell.problems.slice(0, 3).join(' | ')}`);
    const range = (values: number[]) => `runs ${values.map((v) => Math.round(v)).join(', ')} ms`;
    return [
      timeRow(`ui: first render of the case list, ${cases.toLocaleString('en-GB')} cases (median of ${ROUNDS})`, median(list), LIMIT_MS, 1, `<= ${LIMIT_MS} ms`,
        `Headless Chromium, production renderer build: navigation start to the first ${ROW} in the DOM (bundle load and run, first page through the IPC stand-in, React render), each load a new document with the scripts cached, as from the app's second start; ${range(list)}. The first load in the new browser, with nothing cached, as at the first start after an install or update: ${Math.round(cold)} ms (not counted). Reference = the ${LIMIT_MS} ms limit.`),
      timeRow(`ui: open a case from the list, ${cases.toLocaleString('en-GB')} cases (median of ${ROUNDS})`, median(open), LIMIT_MS, 1, `<= ${LIMIT_MS} ms`,
        `Mark before location.hash = #/case/<id> to the person's name in ${CASE_NAME} (case fetched through IPC, screen rendered); ${range(open)}. Reference = the ${LIMIT_MS} ms limit.`),
    ];
  } finally {
    await shell.close();
  }
}

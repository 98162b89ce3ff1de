/**
 * The first script the window runs, on its own, before the rest of the renderer's code has
 * been fetched (vite.config.ts puts it first in index.html): it asks for the session and,
 * once the session answers with someone signed in, for the rule-sets and (when the window
 * opens on the case list) the list's first page, so that these answers travel while
 * React, the catalogs and the screens load. The store takes them (renderer/early-calls.ts).
 * Then it makes the list's date and number formatters (renderer/text/formats.ts warmFormats).
 * Signed out, nothing but session.current is asked; the main process checks the session on
 * every call as always.
 */
import { startCall } from './early-calls.ts';
import { CASE_PAGE, FIRST_QUERY, listInput } from './store/case-query.ts';
import { routeFromHash } from './store/route-slice.ts';
import { storedLocale } from './store/stored-locale.ts';
import { warmFormats } from './text/formats.ts';

// Runs before the store's own use of the answer (it subscribes first), so those calls are there to take.
startCall('session.current', {}).then(
  (session) => {
    if (session.user === null) return;
    startCall('rulesets.list', {});
    if (routeFromHash(window.location.hash).screen === 'cases') startCall('cases.list', listInput(FIRST_QUERY, 0, CASE_PAGE));
  },
  () => undefined, // the store's own take of session.current reports the failure
);

// While the answers and the rest of the code are on their way: Intl's locale data, for the list's dates and numbers.
warmFormats(storedLocale());

/**
 * The route index screened by the main process (issue 16): at its look every open case gets a
 * fresh screen, so the case list's "has an open route" filter has nothing left to wait for; a new
 * day makes every screen stale and the next look screens them again.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startRouteScreening, type RouteScreener } from './route-screening.ts';
import { importCases } from './services/case-import.ts';
import { listCases } from './services/cases.ts';
import { generateDemoCases } from './services/demo.ts';
import { parsed, serviceHarness, type ServiceHarness } from './services/testing.ts';

const NO_TIMERS = { setTimeout: () => null, setInterval: () => null, clear: () => undefined };

let h: ServiceHarness;
let screener: RouteScreener;
beforeEach(() => {
  h = serviceHarness('2025-01-15T10:00:00.000Z');
  importCases(h.admin, JSON.parse(JSON.stringify(generateDemoCases(60, 3))) as unknown);
  screener = startRouteScreening({ db: h.store.db, clock: h.admin.clock, timers: NO_TIMERS, step: 25 });
});
afterEach(() => {
  screener.stop();
  h.dispose();
});

const unscreened = () => listCases(h.officer, parsed('cases.list', { openRoute: true, limit: 500 })).routesUnscreened;
const openCases = () => listCases(h.officer, parsed('cases.list', { limit: 500 })).total;

describe('route screening in the main process', () => {
  it('screens every open case at its look, in steps, and leaves the filter nothing to wait for', async () => {
    const open = openCases();
    expect(unscreened()).toBe(open);
    expect(await screener.check()).toBe(open);
    expect(unscreened()).toBe(0);
    // A second look the same day finds nothing to do.
    expect(await screener.check()).toBe(0);
  });

  it('screens again on a new day: a screen holds for one day', async () => {
    await screener.check();
    h.setNow('2025-01-16T10:00:00.000Z');
    expect(unscreened()).toBe(openCases());
    expect(await screener.check()).toBe(openCases());
    expect(unscreened()).toBe(0);
  });

  it('runs one look at a time: a check during a look waits for it instead of screening twice', async () => {
    const [a, b] = await Promise.all([screener.check(), screener.check()]);
    expect(a).toBe(openCases());
    expect(b).toBe(a);
  });

  it('stops after the step under way when stopped', async () => {
    const look = screener.check();
    screener.stop();
    expect(await look).toBeLessThan(openCases());
    expect(unscreened()).toBeGreaterThan(0);
  });
});

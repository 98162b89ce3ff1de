/**
 * Which screen is showing, mirrored in the location hash (`#/case/<id>`), so the
 * browser's Back and Forward (Alt+Left, Alt+Right) move between the list and a case.
 * The hash is the only URL change: Electron refuses every other navigation.
 */
import type { StateCreator } from 'zustand';
import type { DeskState } from './index.ts';

export type Route = { screen: 'cases' } | { screen: 'case'; caseId: string };

const CASE_HASH = /^#\/case\/([0-9a-f-]{36})$/i;

export function routeFromHash(hash: string): Route {
  const match = CASE_HASH.exec(hash);
  return match?.[1] === undefined ? { screen: 'cases' } : { screen: 'case', caseId: match[1] };
}

export function hashOf(route: Route): string {
  return route.screen === 'case' ? `#/case/${route.caseId}` : '#/cases';
}

export interface RouteSlice {
  route: Route;
  /** The case last opened from the list: focus returns to its row on the way back. */
  lastOpenedCaseId: string | null;
  navigate(route: Route): void;
  /** Follows a hash change made outside `navigate` (Back, Forward, a typed URL). */
  followHash(hash: string): void;
}

/** The state after arriving at `route`; opening a case remembers it for the way back. */
function arrive(route: Route): Pick<RouteSlice, 'route'> & Partial<Pick<RouteSlice, 'lastOpenedCaseId'>> {
  return route.screen === 'case' ? { route, lastOpenedCaseId: route.caseId } : { route };
}

export const createRouteSlice: StateCreator<DeskState, [], [], RouteSlice> = (set) => ({
  lastOpenedCaseId: null,
  ...arrive(routeFromHash(window.location.hash)),
  navigate: (route) => {
    set(arrive(route));
    const hash = hashOf(route);
    if (window.location.hash !== hash) window.location.hash = hash;
  },
  followHash: (hash) => set(arrive(routeFromHash(hash))),
});

/**
 * Which screen is showing, mirrored in the location hash (`#/case/<id>`, `#/cases/new`,
 * `#/case/<id>/edit`), so the browser's Back and Forward (Alt+Left, Alt+Right) move
 * between the screens. The hash is the only URL change: Electron refuses every other
 * navigation.
 *
 * A form with unsaved changes holds the route: leaving it (a link, Back, a button) parks
 * the destination in `pendingRoute` until the officer confirms or stays.
 */
import type { StateCreator } from 'zustand';
import type { DeskState } from './index.ts';

export type Route =
  | { screen: 'cases' }
  | { screen: 'case'; caseId: string }
  | { screen: 'new' }
  | { screen: 'import' }
  | { screen: 'edit'; caseId: string }
  /** `#/treaties` and below; `path` is the rest of the hash, routed by renderer/treaties/routes.ts. */
  | { screen: 'treaties'; path: string }
  | { screen: 'reports' }
  | { screen: 'due' }
  | { screen: 'settings' }
  | { screen: 'dossier'; caseId: string };

const CASE_HASH = /^#\/case\/([0-9a-f-]{36})$/i;
const EDIT_HASH = /^#\/case\/([0-9a-f-]{36})\/edit$/i;
const NEW_HASH = '#/cases/new';
const IMPORT_HASH = '#/cases/import';
const TREATIES_HASH = '#/treaties';
const REPORTS_HASH = '#/reports';
const DUE_HASH = '#/due';
const SETTINGS_HASH = '#/settings';
const DOSSIER_HASH = /^#\/case\/([0-9a-f-]{36})\/dossier$/i;

export function routeFromHash(hash: string): Route {
  if (hash === NEW_HASH) return { screen: 'new' };
  if (hash === IMPORT_HASH) return { screen: 'import' };
  if (hash === TREATIES_HASH || hash.startsWith(`${TREATIES_HASH}/`)) return { screen: 'treaties', path: hash.slice(TREATIES_HASH.length) };
  if (hash === REPORTS_HASH) return { screen: 'reports' };
  if (hash === DUE_HASH) return { screen: 'due' };
  if (hash === SETTINGS_HASH) return { screen: 'settings' };
  const dossier = DOSSIER_HASH.exec(hash);
  if (dossier?.[1] !== undefined) return { screen: 'dossier', caseId: dossier[1] };
  const edit = EDIT_HASH.exec(hash);
  if (edit?.[1] !== undefined) return { screen: 'edit', caseId: edit[1] };
  const match = CASE_HASH.exec(hash);
  return match?.[1] === undefined ? { screen: 'cases' } : { screen: 'case', caseId: match[1] };
}

export function hashOf(route: Route): string {
  switch (route.screen) {
    case 'case':
      return `#/case/${route.caseId}`;
    case 'edit':
      return `#/case/${route.caseId}/edit`;
    case 'new':
      return NEW_HASH;
    case 'import':
      return IMPORT_HASH;
    case 'treaties':
      return `${TREATIES_HASH}${route.path}`;
    case 'reports':
      return REPORTS_HASH;
    case 'due':
      return DUE_HASH;
    case 'settings':
      return SETTINGS_HASH;
    case 'dossier':
      return `#/case/${route.caseId}/dossier`;
    default:
      return '#/cases';
  }
}

export interface RouteSlice {
  route: Route;
  /** The case last opened from the list: focus returns to its row on the way back. */
  lastOpenedCaseId: string | null;
  /** A form on screen holds changes not yet saved. */
  formDirty: boolean;
  /** Where the officer asked to go while the form held changes; awaiting "leave" or "stay". */
  pendingRoute: Route | null;
  navigate(route: Route): void;
  /** Follows a hash change made outside `navigate` (Back, Forward, a typed URL, a link). */
  followHash(hash: string): void;
  setFormDirty(dirty: boolean): void;
  /** Drops the unsaved changes and goes where the officer asked. */
  leaveForm(): void;
  /** Stays on the form; the changes are kept. */
  stayOnForm(): void;
}

/** The state after arriving at `route`; opening a case remembers it for the way back. */
function arrive(route: Route): Pick<RouteSlice, 'route'> & Partial<Pick<RouteSlice, 'lastOpenedCaseId'>> {
  return route.screen === 'case' ? { route, lastOpenedCaseId: route.caseId } : { route };
}

function go(route: Route) {
  const hash = hashOf(route);
  if (window.location.hash !== hash) window.location.hash = hash;
}

export const createRouteSlice: StateCreator<DeskState, [], [], RouteSlice> = (set, get) => ({
  lastOpenedCaseId: null,
  formDirty: false,
  pendingRoute: null,
  ...arrive(routeFromHash(window.location.hash)),
  navigate: (route) => {
    if (hashOf(route) === hashOf(get().route)) return;
    if (get().formDirty) {
      set({ pendingRoute: route });
      return;
    }
    set(arrive(route));
    go(route);
  },
  followHash: (hash) => {
    const route = routeFromHash(hash);
    const current = get().route;
    if (hashOf(route) === hashOf(current)) return;
    if (get().formDirty) {
      // Put the form's hash back; the destination waits for the officer's answer.
      set({ pendingRoute: route });
      go(current);
      return;
    }
    set(arrive(route));
  },
  setFormDirty: (dirty) => set({ formDirty: dirty }),
  leaveForm: () => {
    const route = get().pendingRoute;
    set({ formDirty: false, pendingRoute: null });
    if (route !== null) get().navigate(route);
  },
  stayOnForm: () => set({ pendingRoute: null }),
});

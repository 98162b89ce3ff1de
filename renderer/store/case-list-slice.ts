/**
 * The case list: the query the officer is building (search text, filters, sort) and the
 * page of results. Each change reloads from the first page; an answer to a query that
 * has since changed is dropped, so fast typing never shows stale rows.
 */
import type { StateCreator } from 'zustand';
import type { CaseList } from '../../shared/api-schemas.ts';
import { LIST_LIMIT_MAX } from '../../shared/vocabularies.ts';
import { asApiError, call, type ApiCallError } from '../api.ts';
import { callOrTakeStarted } from '../early-calls.ts';
import { CASE_PAGE, FIRST_QUERY, isFiltered, listInput, NO_FILTERS, type CaseFilters, type CaseQuery, type CaseSortField, type SortDirection } from './case-query.ts';
import type { DeskState } from './index.ts';

export interface CaseListState {
  phase: 'loading' | 'ready' | 'error';
  items: CaseList['items'];
  /** Cases matching the query; when countCapped, at least this many ("1,000+"). */
  total: number;
  countCapped: boolean;
  /** With the "due" filter: open cases left out of it because their stored dates cannot be computed. */
  unreadable: NonNullable<CaseList['unreadable']>;
  /** Closed cases the search or filters match too, left out because closed cases are (null: none left out). */
  closedMatching: NonNullable<CaseList['closedMatching']> | null;
  /** Cases in the store under the same open/closed choice, whatever the search and filters. */
  storeTotal: number;
  /** With the "open route" filter, while open cases are screened for today's routes first: how far it has got. */
  routeScreening: { screened: number; open: number } | null;
  /** With the "open route" filter: open cases the list left out because they were not yet screened (changed meanwhile). */
  routesUnscreened: number;
  loadingMore: boolean;
  error: ApiCallError | null;
}

export interface CaseListSlice {
  caseQuery: CaseQuery;
  caseList: CaseListState;
  searchCases(text: string): void;
  filterCases(filters: Partial<CaseFilters>): void;
  clearCaseFilters(): void;
  /** A header click: the same column flips direction, another starts at its natural one. */
  sortCases(field: CaseSortField): void;
  /** Reloads the query; `keepLoaded` asks for as many rows as are on screen (returning from a case). */
  loadCases(options?: { keepLoaded?: boolean }): Promise<void>;
  /**
   * The window's start on the list (renderer/main.tsx, before the first render): loads its first
   * page, whose answer boot.ts has usually asked for already, so that the first render has rows.
   * Nothing when the list has been loaded already.
   */
  startCases(): void;
  /** The list's screen is shown: reloads it keeping the rows shown (a verdict may have changed), unless startCases has just loaded it. */
  showCases(): void;
  loadMoreCases(): Promise<void>;
}

const FIRST_DIRECTION: Record<CaseSortField, SortDirection> = { familyName: 'asc', status: 'asc', updatedAt: 'desc' };

let latestRequest = 0;
/** The list loaded by startCases, not yet shown. */
let startLoad = false;

/** Open cases screened for routes per call: about a second of work on a slow machine, so progress moves and the main process answers between steps. */
const ROUTE_SCREEN_STEP = 250;

export const createCaseListSlice: StateCreator<DeskState, [], [], CaseListSlice> = (set, get) => ({
  caseQuery: FIRST_QUERY,
  caseList: { phase: 'loading', items: [], total: 0, countCapped: false, storeTotal: 0, loadingMore: false, error: null, unreadable: [], closedMatching: null, routeScreening: null, routesUnscreened: 0 },

  searchCases: (text) => {
    if (text === get().caseQuery.text) return;
    set((s) => ({ caseQuery: { ...s.caseQuery, text } }));
    void get().loadCases();
  },
  filterCases: (filters) => {
    set((s) => ({ caseQuery: { ...s.caseQuery, filters: { ...s.caseQuery.filters, ...filters } } }));
    void get().loadCases();
  },
  clearCaseFilters: () => {
    set((s) => ({ caseQuery: { ...s.caseQuery, text: '', filters: NO_FILTERS } }));
    void get().loadCases();
  },
  sortCases: (field) => {
    set((s) => {
      const { sort } = s.caseQuery;
      const dir = sort.field === field ? (sort.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[field];
      return { caseQuery: { ...s.caseQuery, sort: { field, dir } } };
    });
    void get().loadCases();
  },

  loadCases: async ({ keepLoaded = false } = {}) => {
    const request = ++latestRequest;
    const { caseQuery: query, caseList } = get();
    const limit = keepLoaded ? Math.min(LIST_LIMIT_MAX, Math.max(CASE_PAGE, caseList.items.length)) : CASE_PAGE;
    set((s) => ({ caseList: { ...s.caseList, phase: 'loading', error: null } }));
    try {
      // "Has an open route" reads the route index: the open cases not yet screened for today are screened first, in steps.
      if (query.filters.openRoute) {
        for (;;) {
          const step = await call('routes.screen', { limit: ROUTE_SCREEN_STEP });
          if (request !== latestRequest) return;
          if (step.stale === 0) break;
          set((s) => ({ caseList: { ...s.caseList, routeScreening: { screened: step.open - step.stale, open: step.open } } }));
        }
      }
      const includeClosed = query.filters.includeClosed;
      const [page, everything] = await Promise.all([
        // The first page of a start is usually asked for already (renderer/boot.ts).
        callOrTakeStarted('cases.list', listInput(query, 0, limit)),
        isFiltered(query) ? call('cases.list', { includeClosed, limit: 1 }) : null,
      ]);
      if (request !== latestRequest) return;
      set({
        caseList: {
          phase: 'ready', items: page.items, total: page.total, countCapped: page.countCapped, storeTotal: everything?.total ?? page.total, loadingMore: false, error: null,
          unreadable: page.unreadable ?? [],
          closedMatching: page.closedMatching ?? null,
          routeScreening: null,
          routesUnscreened: page.routesUnscreened ?? 0,
        },
      });
    } catch (error) {
      if (request !== latestRequest) return;
      set((s) => ({ caseList: { ...s.caseList, phase: 'error', loadingMore: false, routeScreening: null, error: asApiError('cases.list', error) } }));
    }
  },

  startCases: () => {
    if (latestRequest !== 0) return;
    startLoad = true;
    void get().loadCases();
  },
  showCases: () => {
    if (startLoad) {
      startLoad = false;
      return;
    }
    void get().loadCases({ keepLoaded: true });
  },

  loadMoreCases: async () => {
    const request = latestRequest;
    const { caseQuery: query, caseList } = get();
    if (caseList.loadingMore || caseList.items.length >= caseList.total) return;
    set((s) => ({ caseList: { ...s.caseList, loadingMore: true } }));
    try {
      const page = await call('cases.list', listInput(query, caseList.items.length, CASE_PAGE));
      if (request !== latestRequest) return;
      set((s) => ({ caseList: { ...s.caseList, items: [...s.caseList.items, ...page.items], total: page.total, countCapped: page.countCapped, loadingMore: false } }));
    } catch (error) {
      if (request !== latestRequest) return;
      set((s) => ({ caseList: { ...s.caseList, phase: 'error', loadingMore: false, error: asApiError('cases.list', error) } }));
    }
  },
});

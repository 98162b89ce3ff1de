/**
 * The case list's query (search text, filters, sort) and the cases.list input it makes.
 * Types only from shared/: renderer/boot.ts asks for the first page with it before the rest
 * of the renderer's code (zod's schemas among it) has loaded.
 */
import type { ListCasesInput } from '../../shared/contracts/cases.ts';
import type { CaseStatus, DueFilter, StoredVerdict } from '../../shared/vocabularies.ts';

/** Rows fetched at a time. */
export const CASE_PAGE = 100;

export type VerdictFilter = StoredVerdict | 'not_assessed';
export type CaseSortField = 'familyName' | 'status' | 'updatedAt';
export type SortDirection = 'asc' | 'desc';

export interface CaseFilters {
  /** Cases at any of these steps; none: any step. */
  status: readonly CaseStatus[];
  ruleSetId: string | null;
  verdict: VerdictFilter | null;
  /** ISO 3166-1 alpha-2 codes. */
  sentencingState: string | null;
  administeringState: string | null;
  /** Cases with something due (the Due page's items): overdue, this week, or any within 90 days. */
  due: DueFilter | null;
  /** "My cases": those assigned to the signed-in user. */
  mine: boolean;
  /** Open cases with an open route today (the route index: electron/services/route-index.ts). */
  openRoute: boolean;
  includeClosed: boolean;
}

export interface CaseQuery {
  text: string;
  filters: CaseFilters;
  sort: { field: CaseSortField; dir: SortDirection };
}

export const NO_FILTERS: CaseFilters = { status: [], ruleSetId: null, verdict: null, sentencingState: null, administeringState: null, due: null, mine: false, openRoute: false, includeClosed: false };

/** How the list first appears: unfiltered, newest change first. */
export const FIRST_QUERY: CaseQuery = { text: '', filters: NO_FILTERS, sort: { field: 'updatedAt', dir: 'desc' } };

export function isFiltered(query: CaseQuery): boolean {
  const { status, ruleSetId, verdict, sentencingState, administeringState, due, mine, openRoute } = query.filters;
  return query.text.trim() !== '' || status.length > 0 || ruleSetId !== null || verdict !== null || sentencingState !== null || administeringState !== null || due !== null || mine || openRoute;
}

export function listInput(query: CaseQuery, offset: number, limit: number): ListCasesInput {
  const { status, ruleSetId, verdict, sentencingState, administeringState, due, mine, openRoute, includeClosed } = query.filters;
  const text = query.text.trim();
  return {
    ...(text === '' ? {} : { text }),
    ...(status.length === 0 ? {} : { status: status.length === 1 ? status[0] : [...status] }),
    ...(ruleSetId === null ? {} : { ruleSetId }),
    ...(verdict === null ? {} : { verdict }),
    ...(sentencingState === null ? {} : { sentencingState }),
    ...(administeringState === null ? {} : { administeringState }),
    ...(due === null ? {} : { due }),
    ...(mine ? { assignedTo: 'me' } : {}),
    ...(openRoute ? { openRoute: true } : {}),
    includeClosed,
    sort: query.sort,
    offset,
    limit,
  };
}

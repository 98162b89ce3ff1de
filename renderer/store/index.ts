/** The renderer's one store, in slices per area; server data enters only through renderer/api.ts. */
import { create } from 'zustand';
import { createCaseFileSlice, type CaseFileSlice } from './case-file-slice.ts';
import { createCaseListSlice, type CaseListSlice } from './case-list-slice.ts';
import { createLocaleSlice, type LocaleSlice } from './locale-slice.ts';
import { createRouteSlice, type RouteSlice } from './route-slice.ts';
import { createSessionSlice, type SessionSlice } from './session-slice.ts';

export type DeskState = LocaleSlice & RouteSlice & SessionSlice & CaseListSlice & CaseFileSlice;

export const useDesk = create<DeskState>()((...a) => ({
  ...createLocaleSlice(...a),
  ...createRouteSlice(...a),
  ...createSessionSlice(...a),
  ...createCaseListSlice(...a),
  ...createCaseFileSlice(...a),
}));

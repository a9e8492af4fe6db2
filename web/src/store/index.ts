/**
 * The explorer's store: one per explorer instance (createExplorerStore), made of slices —
 * data source, selection, filters, view. Actions are plain functions on the state, usable
 * and testable without React; components read it through useExplorer (ExplorerProvider).
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDataSlice } from './data.ts';
import { createFiltersSlice } from './filters.ts';
import { createSelectionSlice } from './selection.ts';
import type { ExplorerState } from './types.ts';
import { createViewSlice } from './view.ts';

export type ExplorerStore = StoreApi<ExplorerState>;

export function createExplorerStore(initial?: Partial<ExplorerState>): ExplorerStore {
  const store = createStore<ExplorerState>()((...a) => ({
    ...createDataSlice(...a),
    ...createSelectionSlice(...a),
    ...createFiltersSlice(...a),
    ...createViewSlice(...a),
  }));
  if (initial) store.setState(initial);
  return store;
}

export * from './types.ts';
export { selectShown } from './selectors.ts';

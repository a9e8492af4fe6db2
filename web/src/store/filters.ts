import type { StateCreator } from 'zustand/vanilla';
import { NODE_KINDS, type NodeKind } from '../../../graph/model/types.ts';
import type { ExplorerState, FiltersSlice } from './types.ts';

/** Kinds in canonical order without duplicates or unknowns. */
export const normaliseKinds = (kinds: readonly NodeKind[]): NodeKind[] => NODE_KINDS.filter((k) => kinds.includes(k));

export const createFiltersSlice: StateCreator<ExplorerState, [], [], FiltersSlice> = (set, get) => ({
  hiddenKinds: [],
  toggleKind(kind) {
    const hidden = get().hiddenKinds;
    set({ hiddenKinds: hidden.includes(kind) ? hidden.filter((k) => k !== kind) : normaliseKinds([...hidden, kind]) });
  },
  setHiddenKinds(kinds) {
    set({ hiddenKinds: normaliseKinds(kinds) });
  },
  showAllKinds() {
    if (get().hiddenKinds.length) set({ hiddenKinds: [] });
  },
});

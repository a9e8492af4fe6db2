import type { StateCreator } from 'zustand/vanilla';
import type { ExplorerState, SelectionSlice } from './types.ts';

let selectToken = 0;

export const createSelectionSlice: StateCreator<ExplorerState, [], [], SelectionSlice> = (set, get) => ({
  selectedId: null,
  details: null,
  detailsLoading: false,
  pathFrom: null,
  async select(id) {
    const token = ++selectToken;
    if (id === null) {
      set({ selectedId: null, details: null, detailsLoading: false });
      return;
    }
    const q = get().query;
    set({ selectedId: id, detailsLoading: q !== null, details: get().details?.node.id === id ? get().details : null });
    if (!q) return;
    try {
      const details = await q.node(id);
      if (token === selectToken) set({ details, detailsLoading: false });
    } catch (e) {
      if (token === selectToken) {
        set({ detailsLoading: false });
        get().fail(e);
      }
    }
  },
  setPathFrom(id) {
    set({ pathFrom: id });
  },
});

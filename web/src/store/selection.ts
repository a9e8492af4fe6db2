import type { StateCreator } from 'zustand/vanilla';
import { isConnectionLost, problemOf } from '../data/reasons.ts';
import type { ExplorerState, SelectionSlice } from './types.ts';

let selectToken = 0;

export const createSelectionSlice: StateCreator<ExplorerState, [], [], SelectionSlice> = (set, get) => ({
  selectedId: null,
  details: null,
  detailsLoading: false,
  detailsError: null,
  pathFrom: null,
  async select(id) {
    const token = ++selectToken;
    if (id === null) {
      set({ selectedId: null, details: null, detailsLoading: false, detailsError: null });
      return;
    }
    const q = get().query;
    set({ selectedId: id, detailsLoading: q !== null, detailsError: null, details: get().details?.node.id === id ? get().details : null });
    if (!q) return;
    try {
      const details = await q.node(id);
      if (token === selectToken) {
        set({ details, detailsLoading: false });
        get().sourceAnswered();
      }
    } catch (e) {
      if (token === selectToken) {
        // The panel says why, with a retry; a lost connection is also said for the whole explorer.
        const p = problemOf(e);
        set({ details: null, detailsLoading: false, detailsError: p });
        if (isConnectionLost(p)) get().fail(e);
      }
    }
  },
  setPathFrom(id) {
    set({ pathFrom: id });
  },
});

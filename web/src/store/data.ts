import type { StateCreator } from 'zustand/vanilla';
import { isConnectionLost, problemOf } from '../data/reasons.ts';
import type { DataSlice, ExplorerState } from './types.ts';

const EMPTY = { nodes: [], edges: [] };
const problem = (e: unknown): Pick<DataSlice, 'error' | 'errorReason'> => {
  const p = problemOf(e);
  return { error: p.message, errorReason: p.reason };
};

export const createDataSlice: StateCreator<ExplorerState, [], [], DataSlice> = (set, get) => ({
  status: 'idle',
  booting: true,
  error: null,
  errorReason: null,
  sourceKind: null,
  query: null,
  graph: EMPTY,
  documents: [],
  coverage: null,
  queryError: null,
  async load(loader) {
    set({ status: 'loading', error: null, errorReason: null, queryError: null });
    try {
      const src = await loader();
      const old = get().query;
      set({
        status: 'ready',
        sourceKind: src.kind,
        query: src.query,
        graph: src.overview,
        documents: src.documents.length ? src.documents : get().documents,
        coverage: null,
        focusGraph: null,
        focus: { mode: 'none' },
        details: null,
        detailsError: null,
      });
      if (old && old !== src.query) void old.close();
      const sel = get().selectedId;
      if (sel) await get().select(sel);
    } catch (e) {
      set({ status: 'error', ...problem(e) });
    }
  },
  async loadCoverage() {
    const q = get().query;
    if (!q) return;
    try {
      const coverage = await q.coverage();
      if (get().query === q) set({ coverage });
    } catch (e) {
      get().fail(e);
    }
  },
  fail(why) {
    if (get().status === 'ready') set({ queryError: problemOf(why) });
    else set({ status: 'error', ...problem(why) });
  },
  sourceAnswered() {
    if (isConnectionLost(get().queryError)) set({ queryError: null });
  },
  dismissQueryError() {
    if (get().queryError) set({ queryError: null });
  },
});

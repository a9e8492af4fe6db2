import type { StateCreator } from 'zustand/vanilla';
import type { DataSlice, ExplorerState } from './types.ts';

const EMPTY = { nodes: [], edges: [] };
const reason = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export const createDataSlice: StateCreator<ExplorerState, [], [], DataSlice> = (set, get) => ({
  status: 'idle',
  booting: true,
  error: null,
  sourceKind: null,
  query: null,
  graph: EMPTY,
  documents: [],
  coverage: null,
  async load(loader) {
    set({ status: 'loading', error: null });
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
      });
      if (old && old !== src.query) void old.close();
      const sel = get().selectedId;
      if (sel) await get().select(sel);
    } catch (e) {
      set({ status: 'error', error: reason(e) });
    }
  },
  async loadCoverage() {
    const q = get().query;
    if (!q) return;
    try {
      const coverage = await q.coverage();
      if (get().query === q) set({ coverage });
    } catch (e) {
      get().fail(reason(e));
    }
  },
  fail(why) {
    set({ status: 'error', error: why });
  },
});

import type { StateCreator } from 'zustand/vanilla';
import type { NodeKind } from '../../../graph/model/types.ts';
import type { Subgraph } from '../../../graph/query/api.ts';
import type { ExplorerState, Focus, ViewSlice } from './types.ts';

let focusToken = 0;

/** What the path view avoids inside a path unless asked to go via the plan node. */
export const PATH_AVOID_KINDS: readonly NodeKind[] = ['Plan'];

/** Union of subgraphs, each list sorted by id, without duplicates. */
export function mergeSubgraphs(parts: Subgraph[]): Subgraph {
  const nodes = new Map(parts.flatMap((p) => p.nodes).map((n) => [n.id, n]));
  const edges = new Map(parts.flatMap((p) => p.edges).map((e) => [e.id, e]));
  const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return {
    nodes: [...nodes.keys()].sort(byKey).map((k) => nodes.get(k)!),
    edges: [...edges.keys()].sort(byKey).map((k) => edges.get(k)!),
  };
}

export const createViewSlice: StateCreator<ExplorerState, [], [], ViewSlice> = (set, get) => {
  async function compute(focus: Focus): Promise<void> {
    const token = ++focusToken;
    const q = get().query;
    if (focus.mode === 'none' || !q) {
      set({ focus, focusGraph: null, focusTruncated: {}, focusLoading: false });
      return;
    }
    set({ focus, focusLoading: true });
    try {
      let graph: Subgraph;
      let truncated: Record<string, number> = {};
      if (focus.mode === 'goals') graph = await q.goalsServedBy(focus.id);
      else if (focus.mode === 'serving') graph = await q.servingGoal(focus.id);
      else if (focus.mode === 'path') graph = await q.paths(focus.from, focus.to, undefined, focus.viaPlan ? {} : { avoidKinds: PATH_AVOID_KINDS });
      else {
        const cap = get().neighbourCap;
        const parts = await Promise.all([focus.id, ...focus.expanded].map((id) => q.neighbourhood(id, 1, cap)));
        graph = mergeSubgraphs(parts);
        for (const p of parts) truncated = { ...truncated, ...p.truncated };
      }
      if (token !== focusToken) return;
      const nodes = graph.nodes;
      set({ focusGraph: { nodes, edges: graph.edges }, focusTruncated: truncated, focusLoading: false });
      get().sourceAnswered();
    } catch (e) {
      if (token !== focusToken) return;
      set({ focusLoading: false });
      get().fail(e);
    }
  }

  return {
    layout: 'tree',
    lang: 'zh',
    panel: 'graph',
    focus: { mode: 'none' },
    focusGraph: null,
    focusTruncated: {},
    focusLoading: false,
    neighbourCap: 12,
    docView: null,
    setLayout(layout) {
      set({ layout });
    },
    setLang(lang) {
      set({ lang });
    },
    setPanel(panel) {
      set({ panel });
    },
    setFocus: compute,
    traceGoals: (id) => compute({ mode: 'goals', id }),
    traceServing: (id) => compute({ mode: 'serving', id }),
    showPath: (from, to) => {
      set({ pathFrom: null });
      return compute({ mode: 'path', from, to });
    },
    setPathViaPlan(viaPlan) {
      const f = get().focus;
      if (f.mode !== 'path' || !!f.viaPlan === viaPlan) return Promise.resolve();
      return compute(viaPlan ? { mode: 'path', from: f.from, to: f.to, viaPlan: true } : { mode: 'path', from: f.from, to: f.to });
    },
    expand(id) {
      const f = get().focus;
      if (f.mode === 'neighbours') {
        if (f.id === id || f.expanded.includes(id)) return Promise.resolve();
        return compute({ ...f, expanded: [...f.expanded, id] });
      }
      return compute({ mode: 'neighbours', id, expanded: [] });
    },
    collapse(id) {
      const f = get().focus;
      if (f.mode !== 'neighbours') return Promise.resolve();
      if (f.id === id) return compute({ mode: 'none' });
      return compute({ ...f, expanded: f.expanded.filter((x) => x !== id) });
    },
    showMoreNeighbours() {
      set({ neighbourCap: get().neighbourCap * 2 });
      return compute(get().focus);
    },
    clearFocus() {
      void compute({ mode: 'none' });
    },
    openDocument(spans, active = 0) {
      const span = spans[active] ?? spans[0];
      if (!span) return;
      set({ docView: { doc: span.doc, spans: spans.filter((s) => s.doc === span.doc), active: Math.max(0, spans.filter((s) => s.doc === span.doc).indexOf(span)) } });
    },
    closeDocument() {
      set({ docView: null });
    },
  };
};

import type { PlanEdge, PlanNode } from '../../../graph/model/types.ts';
import type { Subgraph } from '../../../graph/query/api.ts';
import type { ExplorerState } from './types.ts';

let memo: { graph: Subgraph; focus: Subgraph | null; hidden: ExplorerState['hiddenKinds']; out: Subgraph } | null = null;

/** The subgraph on screen: the focus (or the whole graph) without hidden kinds. Memoised by input identity. */
export function selectShown(s: Pick<ExplorerState, 'graph' | 'focusGraph' | 'hiddenKinds'>): Subgraph {
  if (memo && memo.graph === s.graph && memo.focus === s.focusGraph && memo.hidden === s.hiddenKinds) return memo.out;
  const base = s.focusGraph ?? s.graph;
  const hidden = new Set(s.hiddenKinds);
  const nodes: PlanNode[] = hidden.size ? base.nodes.filter((n) => !hidden.has(n.kind)) : base.nodes;
  const ids = new Set(nodes.map((n) => n.id));
  const edges: PlanEdge[] = hidden.size ? base.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) : base.edges;
  const out = { nodes, edges };
  memo = { graph: s.graph, focus: s.focusGraph, hidden: s.hiddenKinds, out };
  return out;
}

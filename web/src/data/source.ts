/**
 * Where the explorer's data comes from. The default is the built-in snapshot
 * (graph/snapshot/plangraph.json, validated at entry) with the in-memory engine; live mode
 * (Neo4j) is loaded on demand from ./live.ts.
 */
import type { PlanDocument } from '../../../graph/model/types.ts';
import type { PlanQuery, Subgraph } from '../../../graph/query/api.ts';
import { validatePlanGraphJson } from '../../../graph/model/validateJson.ts';

export type SourceKind = 'snapshot' | 'fixture' | 'live';

export interface DataSource {
  kind: SourceKind;
  query: PlanQuery;
  /** The graph drawn by default (the whole plan). */
  overview: Subgraph;
  /** Full texts for the document view. */
  documents: PlanDocument[];
}

export async function loadSnapshotSource(): Promise<DataSource> {
  const [json, { createMemoryQuery }] = await Promise.all([
    import('../../../graph/snapshot/plangraph.json').then((m) => m.default as unknown),
    import('../../../graph/query/memory.ts'),
  ]);
  const graph = validatePlanGraphJson(json, 'graph/snapshot/plangraph.json');
  return {
    kind: 'snapshot',
    query: createMemoryQuery(graph),
    overview: { nodes: graph.nodes, edges: graph.edges },
    documents: graph.documents,
  };
}

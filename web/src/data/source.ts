/**
 * Where the explorer's data comes from. The snapshot (graph/snapshot/plangraph.json) with the
 * in-memory engine (graph/query/memory.ts) is the default; until those land, a dev fixture with
 * a small stand-in engine. Live mode (Neo4j) is loaded on demand from ./live.ts.
 */
import type { PlanDocument, PlanGraph } from '../../../graph/model/types.ts';
import type { PlanQuery, Subgraph } from '../../../graph/query/api.ts';
import { validatePlanGraph } from './validate.ts';

export type SourceKind = 'snapshot' | 'fixture' | 'live';

export interface DataSource {
  kind: SourceKind;
  query: PlanQuery;
  /** The graph drawn by default (the whole plan). */
  overview: Subgraph;
  /** Full texts for the document view. */
  documents: PlanDocument[];
  /** Called by the engine wrapper when a live connection drops. */
  onLost?: (listener: (reason: string) => void) => void;
}

type Loader<T> = () => Promise<T>;
// Globs resolve to {} while the files do not exist yet, so the app builds either way.
const snapshotJson = import.meta.glob<unknown>('../../../graph/snapshot/plangraph.json', { import: 'default' });
const memoryEngine = import.meta.glob<(g: PlanGraph) => PlanQuery>('../../../graph/query/memory.ts', {
  import: 'createMemoryQuery',
});

function first<T>(mods: Record<string, Loader<T>>): Loader<T> | undefined {
  return Object.values(mods)[0];
}

/** The bundled plan graph (snapshot if built, else the dev fixture), validated. */
export async function loadBundledGraph(): Promise<{ graph: PlanGraph; kind: 'snapshot' | 'fixture' }> {
  const snap = first(snapshotJson);
  if (snap) return { graph: validatePlanGraph(await snap()), kind: 'snapshot' };
  const fixture = await import('../../../tests/web/fixture/plangraph.fixture.json');
  return { graph: validatePlanGraph(fixture.default), kind: 'fixture' };
}

export async function createEngine(graph: PlanGraph): Promise<PlanQuery> {
  const mem = first(memoryEngine);
  if (mem) return (await mem())(graph);
  const { createMiniQuery } = await import('../../../tests/web/fixture/miniQuery.ts');
  return createMiniQuery(graph);
}

export async function loadSnapshotSource(): Promise<DataSource> {
  const { graph, kind } = await loadBundledGraph();
  const query = await createEngine(graph);
  return { kind, query, overview: { nodes: graph.nodes, edges: graph.edges }, documents: graph.documents };
}

/** Connect the Cypher engine for the benchmark: load the graph into Neo4j first. */
import type { PlanGraph } from '../../graph/model/types.ts';
import type { PlanQuery } from '../../graph/query/api.ts';

export async function connectCypherEngine(_graph: PlanGraph): Promise<{ query: PlanQuery; close(): Promise<void> }> {
  throw new Error('the Neo4j loader (graph/neo4j/loader.ts) has not landed yet; run with BENCH_SKIP_CYPHER=1');
}

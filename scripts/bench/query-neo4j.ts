/**
 * The Cypher engine for the query benchmark: a Neo4j server (NEO4J_URI, or a local one started
 * through scripts/lib/neo4jServer.ts on a free port with its own data folder), loaded with the
 * benchmark graph.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import type { PlanGraph } from '../../graph/model/types.ts';
import type { PlanQuery } from '../../graph/query/api.ts';
import { createCypherQuery } from '../../graph/query/cypher.ts';
import { benchNeo4j } from '../lib/benchNeo4j.ts';
import { loadGraph } from '../../graph/neo4j/loader.ts';


export async function connectCypherEngine(graph: PlanGraph): Promise<{ query: PlanQuery; driver: Driver; database: string; close(): Promise<void> }> {
  const { config, local } = await benchNeo4j('bench-query', () => undefined);
  const { uri, user, password, database } = config;
  if (local) console.log(`local Neo4j for the benchmark at ${uri}`);
  const driver = neo4j.driver(uri, neo4j.auth.basic(user, password));
  try {
    await loadGraph(driver, graph, { database, wipe: true });
  } catch (err) {
    await driver.close();
    await local?.stop();
    throw err;
  }
  const query = createCypherQuery(driver, { database });
  return {
    query,
    driver,
    database,
    async close() {
      await query.close();
      await driver.close();
      await local?.stop();
    },
  };
}

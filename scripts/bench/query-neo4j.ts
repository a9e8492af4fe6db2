/**
 * The Cypher engine for the query benchmark: a Neo4j server (NEO4J_URI, or a local one started
 * through scripts/lib/neo4jServer.ts on a free port with its own data folder), loaded with the
 * benchmark graph.
 */
import { join } from 'node:path';
import { rmSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import type { PlanGraph } from '../../graph/model/types.ts';
import type { PlanQuery } from '../../graph/query/api.ts';
import { createCypherQuery } from '../../graph/query/cypher.ts';
import { REPO_ROOT, startLocalNeo4j, type LocalNeo4j } from '../lib/neo4jServer.ts';
import { freePort } from '../lib/ports.ts';
import { loadGraph } from '../../graph/neo4j/loader.ts';


export async function connectCypherEngine(graph: PlanGraph): Promise<{ query: PlanQuery; driver: Driver; database: string; close(): Promise<void> }> {
  let local: LocalNeo4j | null = null;
  let uri = process.env.NEO4J_URI;
  let user = process.env.NEO4J_USERNAME || process.env.NEO4J_USER || 'neo4j';
  let password = process.env.NEO4J_PASSWORD || 'plangraph-dev';
  const database = process.env.NEO4J_DATABASE || 'neo4j';
  if (!uri) {
    const dataDir = join(REPO_ROOT, '.neo4j', 'bench-query');
    rmSync(dataDir, { recursive: true, force: true });
    password = 'plangraph-bench';
    local = await startLocalNeo4j({ port: await freePort(), password, dataDir });
    uri = local.uri;
    user = local.user;
    console.log(`local Neo4j for the benchmark at ${uri}`);
  }
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

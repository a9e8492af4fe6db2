/**
 * The Neo4j a bench runs against: the server named by NEO4J_URI (+ NEO4J_USERNAME /
 * NEO4J_PASSWORD / NEO4J_DATABASE), or else a local one started on a free port with a fresh
 * data folder `.neo4j/<folder>`.
 */
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { neo4jConfigFromEnv, type Neo4jConfig } from '../../graph/neo4j/connection.ts';
import { REPO_ROOT, startLocalNeo4j, type LocalNeo4j } from './neo4jServer.ts';
import { freePort } from './ports.ts';

const BENCH_PASSWORD = 'plangraph-bench';

export async function benchNeo4j(folder: string, log: (line: string) => void): Promise<{ config: Neo4jConfig; local: LocalNeo4j | null }> {
  if (process.env.NEO4J_URI) return { config: neo4jConfigFromEnv(), local: null };
  const dataDir = join(REPO_ROOT, '.neo4j', folder);
  rmSync(dataDir, { recursive: true, force: true });
  log('starting a local Neo4j for the bench ...');
  const local = await startLocalNeo4j({ port: await freePort(), dataDir, password: BENCH_PASSWORD });
  return { config: { uri: local.uri, user: local.user, password: local.password, database: 'neo4j' }, local };
}

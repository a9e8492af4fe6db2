/**
 * `npm run neo4j`: a local Neo4j 5 Community server on bolt://127.0.0.1:7687, no Docker.
 *
 * Builds scripts/neo4j-server with Maven when needed, then runs it until Ctrl-C (SIGINT) or
 * SIGTERM, which shut it down cleanly. Environment:
 *   NEO4J_PORT       Bolt port (default 7687)
 *   NEO4J_PASSWORD   password of the user neo4j (default plangraph-dev, at least 8 characters)
 *   NEO4J_HOME_DIR   data and logs (default .neo4j/dev in the repo)
 *   NEO4J_PAGECACHE_MB  page cache in MiB (default 512)
 */
import { DEFAULT_DEV_DATA_DIR, DEFAULT_NEO4J_PASSWORD, DEFAULT_NEO4J_PORT, startLocalNeo4j } from './lib/neo4jServer.ts';

function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) {
    process.stderr.write(`neo4j: ${name} must be a positive integer, got "${raw}"\n`);
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const port = envInt('NEO4J_PORT', DEFAULT_NEO4J_PORT);
  const password = process.env.NEO4J_PASSWORD || DEFAULT_NEO4J_PASSWORD;
  const dataDir = process.env.NEO4J_HOME_DIR || DEFAULT_DEV_DATA_DIR;
  const pageCacheMb = envInt('NEO4J_PAGECACHE_MB', 512);

  let server: Awaited<ReturnType<typeof startLocalNeo4j>> | null = null;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`neo4j: ${signal}, shutting down ...\n`);
    if (server) void server.stop().then(() => process.exit(0));
    else process.exit(130);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    server = await startLocalNeo4j({
      port,
      password,
      dataDir,
      pageCacheMb,
      onOutput: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (error) {
    process.stderr.write(`neo4j: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
  if (stopping) {
    await server.stop();
    process.exit(0);
  }
  const code = await server.exited;
  if (!stopping) {
    process.stderr.write(`neo4j: the server exited unexpectedly (${String(code)})\n`);
    process.exit(1);
  }
}

void main();

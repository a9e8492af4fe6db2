/** Helpers for the Neo4j loader tests: a canonical dump of the database and running the CLI. */
import { spawn } from 'node:child_process';
export { freePort } from '../../../scripts/lib/ports.ts';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { REPO_ROOT } from '../../../scripts/lib/neo4jServer.ts';
import { deleteEverything } from '../../../graph/neo4j/loader.ts';
import type { Neo4jTestConfig } from '../../support/neo4j.ts';

function canonical(value: unknown): unknown {
  if (neo4j.isInt(value)) return `int:${value.toString()}`;
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Every node (labels + properties) and relationship (type, ends, properties) as sorted JSON lines. */
export async function dumpDatabase(driver: Driver, database: string): Promise<string[]> {
  const nodes = await driver.executeQuery('MATCH (n) RETURN labels(n) AS labels, properties(n) AS props', {}, { database });
  const rels = await driver.executeQuery(
    'MATCH (a)-[r]->(b) RETURN type(r) AS type, a.id AS source, b.id AS target, properties(r) AS props',
    {},
    { database },
  );
  const lines = [
    ...nodes.records.map((r) => JSON.stringify(['node', [...(r.get('labels') as string[])].sort(), canonical(r.get('props'))])),
    ...rels.records.map((r) => JSON.stringify(['rel', r.get('type'), r.get('source'), r.get('target'), canonical(r.get('props'))])),
  ];
  return lines.sort();
}

export async function counts(driver: Driver, database: string): Promise<{ nodes: number; rels: number }> {
  const { records } = await driver.executeQuery(
    'MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS rels',
    {},
    { database },
  );
  return { nodes: (records[0]?.get('nodes') as { toNumber(): number }).toNumber(), rels: (records[0]?.get('rels') as { toNumber(): number }).toNumber() };
}

export async function wipeDatabase(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await deleteEverything(session);
  } finally {
    await session.close();
  }
}

export interface CliResult {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export function loadEnv(config: Neo4jTestConfig, overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NEO4J_URI: config.uri,
    NEO4J_USERNAME: config.user,
    NEO4J_PASSWORD: config.password,
    NEO4J_DATABASE: config.database,
    ...overrides,
  };
}

/** Spawns `node --import tsx scripts/load.ts ...args` (no npm in between, so signals reach it). */
export function spawnLoad(args: string[], env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'scripts', 'load.ts'), ...args], {
    cwd: REPO_ROOT,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

export function runLoad(args: string[], env: NodeJS.ProcessEnv): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawnLoad(args, env);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString('utf8')));
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}


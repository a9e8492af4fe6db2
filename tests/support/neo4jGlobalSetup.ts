/**
 * Vitest global setup: a Neo4j server for the suites that need one.
 *  1. NEO4J_URI set: use that server (NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE).
 *  2. Else java and mvn present: start the local server (scripts/neo4j-server) on a free port
 *     (or NEO4J_TEST_PORT) with a fresh data folder
 *     .neo4j/test/run-<pid> (each test run has its own server: runs may overlap in one work tree),
 *     and stop it at teardown. The server starts in the background, so runs whose tests don't
 *     need Neo4j are not held up; Neo4j suites wait for it (see tests/support/neo4j.ts).
 *  3. Else: under CI=true that is a failure; otherwise a loud warning, and Neo4j suites skip.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { hasJavaAndMaven, REPO_ROOT, startLocalNeo4j, type LocalNeo4j } from '../../scripts/lib/neo4jServer.ts';
import { freePort, pidAlive, portFree } from '../../scripts/lib/ports.ts';
import type { Neo4jServerStatus, Neo4jTestConfig } from './neo4j.ts';

const TEST_ROOT = join(REPO_ROOT, '.neo4j', 'test');




/** Removes the folders of earlier runs whose process is gone. */
function removeStaleRuns(): void {
  if (!existsSync(TEST_ROOT)) return;
  for (const name of readdirSync(TEST_ROOT)) {
    const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
    if (!Number.isInteger(pid) || pid === process.pid || !pidAlive(pid)) rmSync(join(TEST_ROOT, name), { recursive: true, force: true });
  }
}

let starting: Promise<LocalNeo4j | null> | null = null;
let runDir: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  removeStaleRuns();
  runDir = join(TEST_ROOT, `run-${process.pid}`);
  rmSync(runDir, { recursive: true, force: true });
  mkdirSync(runDir, { recursive: true });
  const statusFile = join(runDir, 'status.json');
  const writeStatus = (status: Neo4jServerStatus): void => {
    // write beside, then rename (atomic): readers never see half a file
    writeFileSync(`${statusFile}.tmp`, JSON.stringify(status));
    renameSync(`${statusFile}.tmp`, statusFile);
  };
  project.provide('neo4jLockDir', join(runDir, 'locks'));
  project.provide('neo4jStatusFile', statusFile);
  project.provide('neo4jMissing', '');

  const uri = process.env.NEO4J_URI;
  if (uri) {
    const config: Neo4jTestConfig = {
      uri,
      user: process.env.NEO4J_USERNAME || 'neo4j',
      password: process.env.NEO4J_PASSWORD || 'plangraph-dev',
      database: process.env.NEO4J_DATABASE || 'neo4j',
    };
    console.log(`[neo4j] tests use ${uri} (database ${config.database}) from NEO4J_URI`);
    project.provide('neo4j', config);
    writeStatus({ state: 'ready' });
    return;
  }

  if (!hasJavaAndMaven()) {
    const why = 'no NEO4J_URI and no java/mvn to run the local server';
    if (process.env.CI === 'true') throw new Error(`Neo4j tests need a server under CI: ${why}.`);
    console.warn(
      `\n${'!'.repeat(72)}\n[neo4j] WARNING: ${why}; Neo4j-backed tests are SKIPPED.\n` +
        `[neo4j] Install Java 17 + Maven, or set NEO4J_URI/NEO4J_PASSWORD to your own Neo4j 5.\n${'!'.repeat(72)}\n`,
    );
    project.provide('neo4j', null);
    project.provide('neo4jMissing', why);
    return;
  }

  // A port the OS picks: test runs in one work tree may overlap, and a fixed port (7688) would
  // make two of them race for it. NEO4J_TEST_PORT pins one (falling back to a free one if taken).
  const wanted = Number(process.env.NEO4J_TEST_PORT || 0);
  const port = wanted > 0 && (await portFree(wanted)) ? wanted : await freePort();
  const password = 'plangraph-test';
  project.provide('neo4j', { uri: `bolt://127.0.0.1:${port}`, user: 'neo4j', password, database: 'neo4j' });
  const started = Date.now();
  starting = startLocalNeo4j({ port, password, dataDir: join(runDir, 'dbms'), pageCacheMb: 256 }).then(
    (server) => {
      writeStatus({ state: 'ready' });
      console.log(`[neo4j] local test server ${server.uri} ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return server;
    },
    (error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      writeStatus({ state: 'failed', message });
      console.error(`[neo4j] ${message}`);
      return null;
    },
  );
}

export async function teardown(): Promise<void> {
  const server = starting ? await starting : null;
  starting = null;
  // The data is thrown away: no need for a clean (slower) shutdown.
  if (server) await server.kill();
  if (runDir) rmSync(runDir, { recursive: true, force: true });
}

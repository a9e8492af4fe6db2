/**
 * Neo4j for tests. The global setup (tests/support/neo4jGlobalSetup.ts) provides a server:
 * yours via NEO4J_URI (+ NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE), or the local one
 * it starts (in the background) on a test port with a fresh data folder. Without either (no java/mvn, not CI),
 * `neo4jTestConfig()` is null and suites declared with `describeNeo4j` are skipped.
 *
 * Neo4j Community has one user database, shared by every test file: suites declared with
 * `describeNeo4j` hold a cross-process lock from their first test to their last, so two such
 * suites never touch the database at the same time (other test files still run in parallel).
 * Inside a suite, wiping or loading freely is fine.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { pidAlive } from '../../scripts/lib/ports.ts';

export interface Neo4jTestConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** The server tests use, or null when there is none (then Neo4j suites skip). */
    neo4j: Neo4jTestConfig | null;
    /** Why there is no server (for skip messages). */
    neo4jMissing: string;
    /** Folder of the cross-suite lock. */
    neo4jLockDir: string;
    /** JSON file holding a Neo4jServerStatus once the server is ready or has failed. */
    neo4jStatusFile: string;
  }
}

export type Neo4jServerStatus = { state: 'ready' } | { state: 'failed'; message: string };

const START_WAIT_MS = 10 * 60_000;

/** Waits until the server the global setup started is ready; throws its error when it failed. */
export async function waitForNeo4j(): Promise<Neo4jTestConfig> {
  const config = neo4jTestConfig();
  if (!config) throw new Error(`No Neo4j for tests: ${inject('neo4jMissing')}`);
  const file = inject('neo4jStatusFile');
  const deadline = Date.now() + START_WAIT_MS;
  for (;;) {
    let status: Neo4jServerStatus | null = null;
    try {
      status = JSON.parse(readFileSync(file, 'utf8')) as Neo4jServerStatus;
    } catch {
      // not written yet
    }
    if (status?.state === 'ready') return config;
    if (status?.state === 'failed') throw new Error(`The local Neo4j test server did not start: ${status.message}`);
    if (Date.now() > deadline) throw new Error(`The local Neo4j test server was not ready after ${START_WAIT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function neo4jTestConfig(): Neo4jTestConfig | null {
  return inject('neo4j') ?? null;
}

const LOCK_WAIT_MS = 15 * 60_000;


/** Waits for the database-wide lock (a directory made atomically); steals it from a dead holder. */
export async function acquireNeo4jLock(): Promise<() => void> {
  const dir = inject('neo4jLockDir');
  const lock = join(dir, 'db.lock');
  mkdirSync(dir, { recursive: true });
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      mkdirSync(lock);
      writeFileSync(join(lock, 'pid'), String(process.pid));
      return () => rmSync(lock, { recursive: true, force: true });
    } catch {
      let holder = NaN;
      try {
        holder = Number(readFileSync(join(lock, 'pid'), 'utf8'));
      } catch {
        // being created or removed right now
      }
      if (Number.isInteger(holder) && !pidAlive(holder)) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`Timed out waiting for the Neo4j test lock ${lock}`);
      else await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/**
 * `describe` for suites that need Neo4j: skipped when there is no server; waits for the server
 * to be ready, then holds the database lock while it runs.
 */
export function describeNeo4j(name: string, body: () => void): void {
  const config = neo4jTestConfig();
  const title = config ? name : `${name} (skipped: ${inject('neo4jMissing') || 'no Neo4j'})`;
  describe.skipIf(config === null)(title, () => {
    let release: (() => void) | null = null;
    beforeAll(async () => {
      await waitForNeo4j();
      release = await acquireNeo4jLock();
    }, START_WAIT_MS + LOCK_WAIT_MS + 5_000);
    afterAll(() => {
      release?.();
    });
    body();
  });
}

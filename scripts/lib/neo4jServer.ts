/**
 * Build and run the local Neo4j 5 Community server (scripts/neo4j-server, the embedded DBMS with
 * Bolt on 127.0.0.1) as a child process. Used by `npm run neo4j` (scripts/neo4j.ts), the Vitest
 * global setup and the load benchmark.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { delimiter, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SERVER_PROJECT_DIR = join(REPO_ROOT, 'scripts', 'neo4j-server');
const TARGET_DIR = join(SERVER_PROJECT_DIR, 'target');
const SERVER_JAR = join(TARGET_DIR, 'plangraph-neo4j-server.jar');
const LIB_DIR = join(TARGET_DIR, 'lib');
const MAIN_CLASS = 'plangraph.LocalNeo4jServer';

export const DEFAULT_NEO4J_PORT = 7687;
export const DEFAULT_NEO4J_PASSWORD = 'plangraph-dev';
export const DEFAULT_DEV_DATA_DIR = join(REPO_ROOT, '.neo4j', 'dev');
const READY_PATTERN = /^Neo4j ready at (bolt:\/\/\S+)/;

/**
 * JVM flags. Neo4j 5 on Java 17 reaches into java.nio / sun.nio.ch (page cache, Netty) and
 * java.io; its own launcher opens these packages, so do we. Heap at most 1 GiB.
 */
const JVM_FLAGS: readonly string[] = [
  '-Xms256m',
  '-Xmx1g',
  '-XX:+UseG1GC',
  '-XX:-OmitStackTraceInFastThrow',
  '-XX:+ExitOnOutOfMemoryError',
  '-XX:+DisableExplicitGC',
  '-Djdk.nio.maxCachedBufferSize=1024',
  '-Dio.netty.tryReflectionSetAccessible=true',
  '-Dlog4j2.disable.jmx=true',
  '--add-opens=java.base/java.nio=ALL-UNNAMED',
  '--add-opens=java.base/java.io=ALL-UNNAMED',
  '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  '--add-opens=java.base/java.lang=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent=ALL-UNNAMED',
  '--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED',
  '--enable-native-access=ALL-UNNAMED',
];

function commandExists(command: string): boolean {
  const result = spawnSync(command, ['-version'], { stdio: 'ignore' });
  return result.error === undefined;
}

/** Whether this machine can build and run the local server. */
export function hasJavaAndMaven(): boolean {
  return commandExists('java') && commandExists('mvn');
}

function newestSourceMtime(): number {
  let newest = statSync(join(SERVER_PROJECT_DIR, 'pom.xml')).mtimeMs;
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  walk(join(SERVER_PROJECT_DIR, 'src'));
  return newest;
}

/** True when the jar or its dependency folder is missing or older than pom.xml / the sources. */
function serverBuildOutdated(): boolean {
  if (!existsSync(SERVER_JAR) || !existsSync(LIB_DIR)) return true;
  if (readdirSync(LIB_DIR).length === 0) return true;
  return statSync(SERVER_JAR).mtimeMs < newestSourceMtime();
}

/**
 * Builds the server with Maven (`mvn -q -B package`) when it is missing or outdated. The first build
 * downloads Neo4j (~120 MB) into ~/.m2; later builds take seconds. Runs Maven asynchronously.
 */
export async function ensureServerBuilt(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): Promise<void> {
  if (!serverBuildOutdated()) return;
  log(`Building the local Neo4j server (mvn -q -B package in ${SERVER_PROJECT_DIR}) ...`);
  const output: string[] = [];
  const status = await new Promise<number | null>((resolveBuild, rejectBuild) => {
    const mvn = spawn('mvn', ['-q', '-B', 'package'], { cwd: SERVER_PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    const keep = (chunk: Buffer): void => {
      output.push(...chunk.toString('utf8').split('\n'));
      if (output.length > 200) output.splice(0, output.length - 200);
    };
    mvn.stdout.on('data', keep);
    mvn.stderr.on('data', keep);
    mvn.once('error', (error) => rejectBuild(new Error(`Could not run Maven (mvn): ${error.message}. Install Maven 3 and Java 17.`)));
    mvn.once('close', (code) => resolveBuild(code));
  });
  if (status !== 0) {
    const tail = output.join('\n').trim().split('\n').slice(-30).join('\n');
    throw new Error(`Building the local Neo4j server failed (mvn exit ${String(status)}):\n${tail}`);
  }
}

export interface LocalNeo4jOptions {
  /** Bolt port on 127.0.0.1 (default 7687). */
  port?: number;
  /** Password of the user neo4j (default plangraph-dev, at least 8 characters). */
  password?: string;
  /** Where the DBMS keeps data and logs (default .neo4j/dev in the repo). */
  dataDir?: string;
  /** How long to wait for the ready line (default 180 s). */
  timeoutMs?: number;
  /** Page cache size in MiB (default 512). */
  pageCacheMb?: number;
  /** Each line the server prints (stdout and stderr). */
  onOutput?: (line: string) => void;
  /** Stop the server when this process's end of its stdin closes (i.e. when we die). Default true. */
  exitWithParent?: boolean;
}

export interface LocalNeo4j {
  uri: string;
  user: string;
  password: string;
  pid: number;
  dataDir: string;
  /** Resolves with the exit code (or signal name) when the server process has ended. */
  exited: Promise<number | string | null>;
  /** SIGTERM, wait for a clean shutdown (up to 60 s), then SIGKILL. Safe to call twice. */
  stop(): Promise<void>;
  /** SIGKILL at once and wait for the exit: for throw-away data (tests). */
  kill(): Promise<void>;
}

/** Starts the server (building it first if needed) and resolves once it prints its ready line. */
export async function startLocalNeo4j(options: LocalNeo4jOptions = {}): Promise<LocalNeo4j> {
  const port = options.port ?? DEFAULT_NEO4J_PORT;
  const password = options.password ?? DEFAULT_NEO4J_PASSWORD;
  const dataDir = resolve(options.dataDir ?? DEFAULT_DEV_DATA_DIR);
  const timeoutMs = options.timeoutMs ?? 180_000;
  const exitWithParent = options.exitWithParent ?? true;
  if (password.length < 8) throw new Error('The Neo4j password must have at least 8 characters.');

  await ensureServerBuilt();
  mkdirSync(dataDir, { recursive: true });

  const classpath = [SERVER_JAR, join(LIB_DIR, '*')].join(delimiter);
  const child: ChildProcess = spawn('java', [...JVM_FLAGS, '-cp', classpath, MAIN_CLASS], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      NEO4J_HOME_DIR: dataDir,
      NEO4J_PORT: String(port),
      NEO4J_PASSWORD: password,
      NEO4J_PAGECACHE_MB: String(options.pageCacheMb ?? 512),
      NEO4J_EXIT_ON_STDIN_EOF: exitWithParent ? '1' : '',
    },
    stdio: ['pipe', 'pipe', 'pipe'],
  });

  const lastLines: string[] = [];
  const exited = new Promise<number | string | null>((resolveExit) => {
    child.once('exit', (code, signal) => resolveExit(code ?? signal));
    child.once('error', () => resolveExit(null));
  });

  const uri = await new Promise<string>((resolveReady, rejectReady) => {
    let settled = false;
    const tail = (): string => (lastLines.length ? `\nLast server output:\n  ${lastLines.join('\n  ')}` : '');
    const finish = (error: Error | null, readyUri?: string): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) rejectReady(error);
      else resolveReady(readyUri ?? '');
    };
    const onLine = (line: string): void => {
      lastLines.push(line);
      if (lastLines.length > 25) lastLines.shift();
      options.onOutput?.(line);
      const match = READY_PATTERN.exec(line);
      if (match?.[1]) finish(null, match[1]);
    };
    for (const stream of [child.stdout, child.stderr]) {
      let buffer = '';
      stream?.setEncoding('utf8');
      stream?.on('data', (chunk: string) => {
        buffer += chunk;
        let newline = buffer.indexOf('\n');
        while (newline >= 0) {
          onLine(buffer.slice(0, newline).replace(/\r$/, ''));
          buffer = buffer.slice(newline + 1);
          newline = buffer.indexOf('\n');
        }
      });
    }
    child.once('error', (error) => finish(new Error(`Could not run java: ${error.message}. Install Java 17.`)));
    void exited.then((code) =>
      finish(new Error(`The local Neo4j server exited (${String(code)}) before it was ready (port ${port}, data ${dataDir}).${tail()}`)),
    );
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(new Error(`The local Neo4j server was not ready within ${Math.round(timeoutMs / 1000)} s (port ${port}, data ${dataDir}).${tail()}`));
    }, timeoutMs);
  });

  let stopping: Promise<void> | null = null;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killTimer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      await exited;
      clearTimeout(killTimer);
    })();
    return stopping;
  };

  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
  };

  return { uri, user: 'neo4j', password, pid: child.pid ?? -1, dataDir, exited, stop, kill };
}

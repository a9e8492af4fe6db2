/**
 * Connecting to Neo4j: configuration from the environment, and a checked connection that turns
 * the usual failures into one clear line each (unreachable server, bad credentials, unknown
 * database, a Neo4j older than 5).
 *
 *   NEO4J_URI       bolt://127.0.0.1:7687 by default; bolt://, bolt+s://, neo4j://, neo4j+s:// ...
 *   NEO4J_USERNAME  neo4j
 *   NEO4J_PASSWORD  plangraph-dev (the local server's default)
 *   NEO4J_DATABASE  neo4j
 */
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';

export interface Neo4jConfig {
  uri: string;
  user: string;
  password: string;
  database: string;
}

export const DEFAULT_NEO4J_CONFIG: Neo4jConfig = {
  uri: 'bolt://127.0.0.1:7687',
  user: 'neo4j',
  password: 'plangraph-dev',
  database: 'neo4j',
};

export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  return {
    uri: env.NEO4J_URI || DEFAULT_NEO4J_CONFIG.uri,
    user: env.NEO4J_USERNAME || env.NEO4J_USER || DEFAULT_NEO4J_CONFIG.user,
    password: env.NEO4J_PASSWORD || DEFAULT_NEO4J_CONFIG.password,
    database: env.NEO4J_DATABASE || DEFAULT_NEO4J_CONFIG.database,
  };
}

/** A failure to connect or to use the server, with a message meant to be printed as is. */
export class Neo4jConnectionError extends Error {
  override name = 'Neo4jConnectionError';
  constructor(
    message: string,
    readonly reason: 'unreachable' | 'credentials' | 'database' | 'version' | 'other',
  ) {
    super(message);
  }
}

function createDriver(config: Neo4jConfig): Driver {
  return neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
    // Fail fast when nothing listens; the loader is interactive.
    connectionTimeout: 10_000,
    connectionAcquisitionTimeout: 20_000,
    maxTransactionRetryTime: 15_000,
    disableLosslessIntegers: false,
  });
}

function codeOf(error: unknown): string {
  if (error instanceof Neo4jError) return error.code;
  if (typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string') return error.code;
  return '';
}

/** One line describing a driver error in terms of the configuration. */
export function describeNeo4jError(error: unknown, config: Neo4jConfig): Neo4jConnectionError {
  if (error instanceof Neo4jConnectionError) return error;
  const code = codeOf(error);
  const message = error instanceof Error ? error.message.split('\n')[0] ?? '' : String(error);
  if (code === 'ServiceUnavailable' || code === 'SessionExpired' || /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ETIMEDOUT|Could not perform discovery/.test(message)) {
    return new Neo4jConnectionError(
      `Cannot reach Neo4j at ${config.uri} (${message}). Start the local server with \`npm run neo4j\`, or set NEO4J_URI to your own Neo4j 5.`,
      'unreachable',
    );
  }
  if (code === 'Neo.ClientError.Security.Unauthorized' || code === 'Neo.ClientError.Security.AuthenticationRateLimit' || code === 'Neo.ClientError.Security.CredentialsExpired') {
    return new Neo4jConnectionError(
      `Neo4j at ${config.uri} refused the credentials of user "${config.user}" (${code.split('.').pop()}). Check NEO4J_USERNAME and NEO4J_PASSWORD (the local server's default password is plangraph-dev).`,
      'credentials',
    );
  }
  if (code === 'Neo.ClientError.Database.DatabaseNotFound') {
    return new Neo4jConnectionError(
      `Neo4j at ${config.uri} has no database "${config.database}". Set NEO4J_DATABASE to an existing one (Community has only "neo4j").`,
      'database',
    );
  }
  return new Neo4jConnectionError(`Neo4j at ${config.uri}: ${code ? `${code}: ` : ''}${message}`, 'other');
}

export interface ServerInfo {
  version: string;
  edition: string;
}

/** Asks the server (in the configured database) for its version; throws a Neo4jConnectionError when unusable. */
export async function checkServer(driver: Driver, config: Neo4jConfig): Promise<ServerInfo> {
  let info: ServerInfo;
  try {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition WHERE name = $name RETURN versions[0] AS version, edition',
      { name: 'Neo4j Kernel' },
      { database: config.database, routing: neo4j.routing.READ },
    );
    const record = records[0];
    info = { version: String(record?.get('version') ?? 'unknown'), edition: String(record?.get('edition') ?? 'unknown') };
  } catch (error) {
    throw describeNeo4jError(error, config);
  }
  const major = Number(/^(\d+)\./.exec(info.version)?.[1]);
  if (!Number.isInteger(major) || major < 5) {
    throw new Neo4jConnectionError(
      `Neo4j at ${config.uri} is version ${info.version}; PlanGraph needs Neo4j 5 or later (e.g. \`npm run neo4j\`).`,
      'version',
    );
  }
  return info;
}

/** A driver that has been checked against the server (reachable, credentials, database, version ≥ 5). */
export async function connect(config: Neo4jConfig): Promise<{ driver: Driver; server: ServerInfo }> {
  let driver: Driver;
  try {
    driver = createDriver(config);
  } catch (error) {
    throw new Neo4jConnectionError(`Bad NEO4J_URI "${config.uri}": ${error instanceof Error ? error.message : String(error)}`, 'other');
  }
  try {
    // Once, without the retries of a transaction: an unreachable server (bolt:// refused,
    // neo4j:// discovery failing) is reported at once instead of after ~30 s of retrying.
    await driver.verifyConnectivity({ database: config.database });
    const server = await checkServer(driver, config);
    return { driver, server };
  } catch (error) {
    await driver.close().catch(() => undefined);
    throw describeNeo4jError(error, config);
  }
}

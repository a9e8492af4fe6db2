/**
 * npm run load -- [--in FILE] [--plan ID]... [--dry-run] [--wipe] [--batch N]
 *
 * Loads a PlanGraph JSON into Neo4j (NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE;
 * defaults bolt://127.0.0.1:7687, neo4j, plangraph-dev, neo4j). Without --in the graph is built
 * from graph/sources like `npm run graph`. Each plan is replaced in one transaction; loading
 * the same input again changes nothing. Progress on stderr, the summary on stdout.
 * Exit status: 0 done, 1 error (one line on stderr), 2 bad usage.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Driver } from 'neo4j-driver';
import { connect, describeNeo4jError, neo4jConfigFromEnv, Neo4jConnectionError } from '../graph/neo4j/connection.ts';
import { formatLoadReport, loadGraph, LoadInputError } from '../graph/neo4j/loader.ts';
import { parsePlanGraphJson, PlanGraphJsonError } from '../graph/model/validateJson.ts';
import type { PlanGraph } from '../graph/model/types.ts';

const USAGE = 'usage: npm run load -- [--in FILE] [--plan ID]... [--dry-run] [--wipe] [--batch N]';

function fail(message: string, status = 1): number {
  process.stderr.write(`load: ${message}\n`);
  return status;
}

async function readInput(file: string | undefined): Promise<PlanGraph> {
  if (file) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new PlanGraphJsonError(file, [`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`]);
    }
    return parsePlanGraphJson(text, file);
  }
  const { buildGraph, discoverPlans } = await import('../graph/build/index.ts');
  return buildGraph(discoverPlans());
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        in: { type: 'string' },
        plan: { type: 'string', multiple: true },
        'dry-run': { type: 'boolean', default: false },
        wipe: { type: 'boolean', default: false },
        batch: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\n${USAGE}`, 2);
  }
  if (args.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const batchSize = args.batch === undefined ? 1000 : Number(args.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1) return fail(`--batch must be a positive integer\n${USAGE}`, 2);

  let graph: PlanGraph;
  try {
    process.stderr.write(args.in ? `reading ${args.in}\n` : 'building the graph from graph/sources\n');
    graph = await readInput(args.in);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return fail(args.in ? message : `the build failed: ${message}`);
  }

  const config = neo4jConfigFromEnv();
  let driver: Driver | null = null;
  try {
    const connected = await connect(config);
    driver = connected.driver;
    process.stderr.write(`connected to Neo4j ${connected.server.version} ${connected.server.edition} at ${config.uri}, database ${config.database}\n`);
    const report = await loadGraph(driver, graph, {
      database: config.database,
      ...(args.plan ? { plans: args.plan } : {}),
      dryRun: args['dry-run'],
      wipe: args.wipe,
      batchSize,
      onProgress: (line) => process.stderr.write(`${line}\n`),
    });
    process.stdout.write(`${formatLoadReport(report)}\n`);
    return 0;
  } catch (error) {
    if (error instanceof LoadInputError || error instanceof Neo4jConnectionError) return fail(error.message);
    return fail(describeNeo4jError(error, config).message);
  } finally {
    await driver?.close();
  }
}

main().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);

/**
 * The query contract against Neo4j: each fixture is loaded by the real loader
 * (graph/neo4j/loader.ts, wiping the database first) into the test server given by
 * tests/support/neo4j.ts, and queried through the Cypher engine.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import { loadGraph } from '../../../graph/neo4j/loader.ts';
import { createCypherQuery } from '../../../graph/query/cypher.ts';
import { describeNeo4j, neo4jTestConfig } from '../../support/neo4j.ts';
import { runQueryContract } from './contract.ts';

describeNeo4j('Neo4j', () => {
  let driver: Driver | undefined;
  const config = neo4jTestConfig();
  beforeAll(() => {
    if (!config) throw new Error('no Neo4j test server');
    driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  });
  afterAll(async () => {
    await driver?.close();
  });

  runQueryContract('cypher', async (graph) => {
    if (!driver || !config) throw new Error('no Neo4j test server');
    await loadGraph(driver, graph, { database: config.database, wipe: true });
    return createCypherQuery(driver, { database: config.database });
  });
});

/**
 * The query contract against Neo4j: each fixture is loaded into the test server (see
 * tests/support/neo4j.ts) and queried through the Cypher engine.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll } from 'vitest';
import { createCypherQuery } from '../../../graph/query/cypher.ts';
import { describeNeo4j, neo4jTestConfig } from '../../support/neo4j.ts';
import { runQueryContract } from './contract.ts';
import { interimLoad } from './interim-loader.ts';

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
    await interimLoad(driver, graph, config.database);
    return createCypherQuery(driver, { database: config.database });
  });
});

import neo4j from 'neo4j-driver';
import { expect, it } from 'vitest';
import { describeNeo4j, neo4jTestConfig } from '../../support/neo4j.ts';

describeNeo4j('the Neo4j test server', () => {
  it('answers as Neo4j 5 with the configured credentials', async () => {
    const config = neo4jTestConfig()!;
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    try {
      const { records } = await driver.executeQuery('CALL dbms.components() YIELD versions RETURN versions[0] AS v', {}, { database: config.database });
      expect(String(records[0]?.get('v'))).toMatch(/^5\./);
    } finally {
      await driver.close();
    }
  });
});

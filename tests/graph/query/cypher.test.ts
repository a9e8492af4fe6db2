/**
 * The query contract against Neo4j: each fixture is loaded by the real loader
 * (graph/neo4j/loader.ts, wiping the database first) into the test server given by
 * tests/support/neo4j.ts, and queried through the Cypher engine. Then the real plan snapshot:
 * both engines must give the same answer to every query over every node.
 */
import { existsSync, readFileSync } from 'node:fs';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanGraph } from '../../../graph/model/types.ts';
import { loadGraph } from '../../../graph/neo4j/loader.ts';
import type { PlanQuery } from '../../../graph/query/api.ts';
import { createCypherQuery } from '../../../graph/query/cypher.ts';
import { createMemoryQuery } from '../../../graph/query/memory.ts';
import { describeNeo4j, neo4jTestConfig } from '../../support/neo4j.ts';
import { runQueryContract } from './contract.ts';

const SNAPSHOT = new URL('../../../graph/snapshot/plangraph.json', import.meta.url);

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

  const makeCypher = async (graph: PlanGraph): Promise<PlanQuery> => {
    if (!driver || !config) throw new Error('no Neo4j test server');
    await loadGraph(driver, graph, { database: config.database, wipe: true });
    return createCypherQuery(driver, { database: config.database });
  };

  runQueryContract('cypher', makeCypher);

  describe.skipIf(!existsSync(SNAPSHOT))('the real plan snapshot: Cypher answers equal memory answers', () => {
    const graph = existsSync(SNAPSHOT) ? (JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as PlanGraph) : null;
    let cy: PlanQuery;
    let mem: PlanQuery;
    beforeAll(async () => {
      cy = await makeCypher(graph!);
      mem = createMemoryQuery(graph!);
    });
    afterAll(async () => {
      await cy?.close();
    });
    const same = async (ask: (q: PlanQuery) => Promise<unknown>): Promise<void> => {
      expect(await ask(cy)).toStrictEqual(await ask(mem));
    };

    it('stats and coverage', async () => {
      await same((q) => q.stats());
      await same((q) => q.coverage());
    });
    it('node, neighbourhood and goalsServedBy of every node', async () => {
      for (const n of graph!.nodes) {
        await same((q) => q.node(n.id));
        await same((q) => q.neighbourhood(n.id, 2, 8));
        await same((q) => q.goalsServedBy(n.id));
      }
    }, 120_000);
    it('servingGoal of every goal', async () => {
      for (const n of graph!.nodes.filter((x) => x.kind === 'Goal')) await same((q) => q.servingGoal(n.id));
    });
    it('search by names, pinyin, initials and single characters', async () => {
      const texts = new Set<string>(['', 'a', '实验室', 'chuang', 'gao xin']);
      for (const n of graph!.nodes.slice(0, 30)) {
        texts.add(n.name.zh.slice(0, 2));
        texts.add(n.name.en.split(' ')[0] ?? '');
        const py = n.name.pinyin?.split(' ') ?? [];
        texts.add(py.join('').slice(0, 6));
        texts.add(py.map((s) => s[0]).join(''));
      }
      for (const t of texts) await same((q) => q.search(t, 15));
    }, 60_000);
    it('paths between pairs of nodes', async () => {
      const ids = graph!.nodes.map((n) => n.id);
      for (let i = 0; i < ids.length; i += 7)
        for (let j = 3; j < ids.length; j += 11) await same((q) => q.paths(ids[i]!, ids[j]!, 4));
    }, 120_000);
    it('paths avoiding the plan node between pairs of nodes', async () => {
      const ids = graph!.nodes.map((n) => n.id);
      for (let i = 0; i < ids.length; i += 13)
        for (let j = 5; j < ids.length; j += 17) await same((q) => q.paths(ids[i]!, ids[j]!, 6, { avoidKinds: ['Plan'] }));
    }, 120_000);
  });
});

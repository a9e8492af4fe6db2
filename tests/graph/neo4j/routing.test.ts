/**
 * Routing URIs: the loader CLI and the Cypher engine work with `neo4j://` exactly as with
 * `bolt://` against the test server. A single server answers the driver's routing request for
 * itself (it advertises the address it listens on, see LocalNeo4jServer.java), so the same
 * database is written and read either way.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { PlanGraph } from '../../../graph/model/types.ts';
import { loadGraph } from '../../../graph/neo4j/loader.ts';
import { buildGraph, discoverPlans } from '../../../graph/build/index.ts';
import type { PlanQuery } from '../../../graph/query/api.ts';
import { createCypherQuery } from '../../../graph/query/cypher.ts';
import { describeNeo4j, neo4jTestConfig, type Neo4jTestConfig } from '../../support/neo4j.ts';
import { counts, dumpDatabase, freePort, loadEnv, runLoad, wipeDatabase } from './helpers.ts';

/** The URI with the other scheme: bolt:// (direct) ⇄ neo4j:// (routed), TLS suffix kept. */
function withScheme(uri: string, scheme: 'bolt' | 'neo4j'): string {
  return uri.replace(/^(bolt|neo4j)(\+s|\+ssc)?:\/\//, `${scheme}$2://`);
}

describeNeo4j('neo4j:// routing URIs', () => {
  let config: Neo4jTestConfig;
  let bolt: string;
  let routed: string;
  let direct: Driver;
  let routing: Driver;
  let graph: PlanGraph;

  beforeAll(() => {
    config = neo4jTestConfig()!;
    bolt = withScheme(config.uri, 'bolt');
    routed = withScheme(config.uri, 'neo4j');
    direct = neo4j.driver(bolt, neo4j.auth.basic(config.user, config.password));
    routing = neo4j.driver(routed, neo4j.auth.basic(config.user, config.password));
    graph = buildGraph(discoverPlans());
  });
  afterAll(async () => {
    await Promise.all([direct?.close(), routing?.close()]);
  });

  it('the server gives a routing table that points at itself, for reading and writing', async () => {
    expect(routed).toMatch(/^neo4j(\+s|\+ssc)?:\/\//);
    const { records } = await direct.executeQuery('CALL dbms.routing.getRoutingTable({}, $db) YIELD servers RETURN servers', { db: config.database }, { database: config.database });
    const servers = records[0]!.get('servers') as { role: string; addresses: string[] }[];
    const address = new URL(config.uri.replace(/^[a-z+]+:/, 'http:')).host;
    expect(servers.map((s) => s.role).sort()).toEqual(['READ', 'ROUTE', 'WRITE']);
    if (config.uri.includes('127.0.0.1')) for (const s of servers) expect(s.addresses).toEqual([address]);
    const write = await routing.executeQuery('CREATE (n:RoutingProbe) WITH n DELETE n RETURN 1 AS one', {}, { database: config.database });
    expect(write.records[0]!.get('one').toNumber()).toBe(1);
  });

  it('the loader CLI loads through neo4j:// what it loads through bolt://, and a reload either way changes nothing', async () => {
    const viaBolt = await runLoad(['--wipe'], loadEnv(config, { NEO4J_URI: bolt }));
    expect(viaBolt.status, viaBolt.stderr).toBe(0);
    const boltDump = await dumpDatabase(direct, config.database);
    expect(await counts(direct, config.database)).toEqual({ nodes: graph.nodes.length + graph.documents.length, rels: graph.edges.length });

    await wipeDatabase(direct, config.database);
    const viaRouting = await runLoad(['--wipe'], loadEnv(config, { NEO4J_URI: routed }));
    expect(viaRouting.status, viaRouting.stderr).toBe(0);
    expect(viaRouting.stderr).toContain(`at ${routed}, database ${config.database}`);
    expect(viaRouting.stdout).toMatch(new RegExp(`plan cq-hitech-2023 \\(${graph.nodes.length} nodes, ${graph.edges.length} edges\\)`));
    expect(await dumpDatabase(direct, config.database)).toEqual(boltDump);

    const again = await runLoad([], loadEnv(config, { NEO4J_URI: routed }));
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/zero changes/);
    expect(await dumpDatabase(direct, config.database)).toEqual(boltDump);
  }, 120_000);

  it('the CLI says the same clear line for neo4j:// failures: wrong password, unknown database, nothing listening (at once)', async () => {
    const input = ['--dry-run', '--in', 'graph/snapshot/plangraph.json'];
    const wrong = await runLoad(input, loadEnv(config, { NEO4J_URI: routed, NEO4J_PASSWORD: 'not-the-password' }));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/refused the credentials of user "neo4j".*NEO4J_PASSWORD/);

    const nodb = await runLoad(input, loadEnv(config, { NEO4J_URI: routed, NEO4J_DATABASE: 'nosuchdb' }));
    expect(nodb.status).toBe(1);
    expect(nodb.stderr).toMatch(/has no database "nosuchdb"/);

    // Nothing listening: discovery fails, and the CLI says so without ~30 s of retries.
    for (const scheme of ['neo4j', 'bolt'] as const) {
      const at = `${scheme}://127.0.0.1:${await freePort()}`;
      const started = Date.now();
      const down = await runLoad(input, loadEnv(config, { NEO4J_URI: at }));
      expect(down.status).toBe(1);
      expect(down.stderr).toContain(`Cannot reach Neo4j at ${at}`);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(down.stderr.trim().split('\n').filter((l) => l.startsWith('load:'))).toHaveLength(1);
    }
    for (const r of [wrong, nodb]) expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('load:'))).toHaveLength(1);
  }, 60_000);

  it('the Cypher engine answers the same through neo4j:// as through bolt://', async () => {
    await loadGraph(direct, graph, { database: config.database, wipe: true });
    const viaBolt: PlanQuery = createCypherQuery(direct, { database: config.database });
    const viaRouting: PlanQuery = createCypherQuery(routing, { database: config.database });
    const same = async (ask: (q: PlanQuery) => Promise<unknown>): Promise<void> => {
      expect(await ask(viaRouting)).toStrictEqual(await ask(viaBolt));
    };
    await same((q) => q.stats());
    await same((q) => q.coverage());
    await same((q) => q.search('jinfeng', 10));
    const hits = await viaRouting.search('jinfeng', 10);
    expect(hits[0]?.node.name.zh).toBe('金凤实验室');
    const lab = hits[0]!.node.id;
    await same((q) => q.node(lab));
    await same((q) => q.goalsServedBy(lab));
    await same((q) => q.neighbourhood(lab, 2, 8));
    const goal = graph.nodes.find((n) => n.kind === 'Goal')!.id;
    await same((q) => q.servingGoal(goal));
    await same((q) => q.paths(lab, goal));
    // A database the server lacks is the same error either way.
    const missing = (d: Driver) => createCypherQuery(d, { database: 'nosuchdb' }).stats().then(() => 'answered', (e: { code?: string }) => e.code);
    await expect(missing(routing)).resolves.toBe(await missing(direct));
  }, 60_000);
});

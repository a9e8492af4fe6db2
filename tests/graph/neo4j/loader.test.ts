/**
 * The loader against a real Neo4j (tests/support/neo4jGlobalSetup.ts): load, idempotent reload,
 * per-plan replacement, atomicity under SIGKILL, dry run, wipe, and the CLI's error lines.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import { loadGraph, countersChanged, type LoadReport } from '../../../graph/neo4j/loader.ts';
import { FORMAT, type PlanEdge, type PlanGraph, type PlanNode } from '../../../graph/model/types.ts';
import { toPlanEdge, toPlanNode } from '../../../graph/query/neo4j-shape.ts';
import { syntheticLoadGraph } from '../../../scripts/bench/synthetic.ts';
import { describeNeo4j, neo4jTestConfig, type Neo4jTestConfig } from '../../support/neo4j.ts';
import { counts, dumpDatabase, freePort, loadEnv, runLoad, spawnLoad, wipeDatabase } from './helpers.ts';

const SNAPSHOT = 'graph/snapshot/plangraph.json';

function totalChanges(report: LoadReport): number {
  return report.plans.reduce((a, p) => a + p.elementsChanged, 0) + countersChanged(report.totals);
}

/** Two small plans A and B that share the corridor S. */
function twoPlans(variant: 'v1' | 'v2' = 'v1'): PlanGraph {
  const textA = 'A计划。甲实验室。乙项目。成渝走廊。丙中心。';
  const textB = 'B计划。丁集群。成渝走廊。';
  const span = (doc: 'A' | 'B', phrase: string) => {
    const text = doc === 'A' ? textA : textB;
    const start = text.indexOf(phrase);
    return { doc, start, end: start + phrase.length };
  };
  const node = (id: string, kind: PlanNode['kind'], zh: string, sources: PlanNode['sources'], props: PlanNode['props'] = {}): PlanNode => ({
    id,
    kind,
    name: { zh, en: id.toUpperCase(), pinyin: 'x' },
    props,
    sources,
  });
  const edge = (id: string, type: PlanEdge['type'], source: string, target: string, sources: PlanEdge['sources']): PlanEdge => ({
    id,
    type,
    source,
    target,
    props: { basis: 'stated' },
    sources,
  });
  const docs = [
    { id: 'A', title: 'A计划', issuer: '甲', published: '2023-01-01', text: textA },
    { id: 'B', title: 'B计划', issuer: '乙', published: '2023-02-01', text: textB },
  ];
  const shared = node('S', 'Corridor', '成渝走廊', [span('A', '成渝走廊'), span('B', '成渝走廊')]);
  const nodes: PlanNode[] = [
    node('A', 'Plan', 'A计划', [span('A', 'A计划')], { periodStart: 2023 }),
    node('a1', 'Lab', '甲实验室', [span('A', '甲实验室')], { memberCount: 12, ratio: 0.5, years: [2023, 2024] }),
    node('a2', 'Project', '乙项目', [span('A', '乙项目')]),
    shared,
    node('B', 'Plan', 'B计划', [span('B', 'B计划')]),
    node('b1', 'Cluster', '丁集群', [span('B', '丁集群')]),
  ];
  const edges: PlanEdge[] = [
    edge('a1-s', 'RELATES_TO', 'a1', 'S', [span('A', '成渝走廊')]),
    edge('a-a2', 'RELATES_TO', 'A', 'a2', [span('A', '乙项目')]),
    edge('b1-s', 'RELATES_TO', 'b1', 'S', [span('B', '成渝走廊')]),
  ];
  if (variant === 'v1') return { format: FORMAT, documents: docs, nodes, edges, warnings: [] };
  // v2 of plan A only: a2 and the link to S are gone, a1 is renamed, a3 is new.
  const a1 = { ...nodes[1]!, name: { zh: '甲实验室', en: 'A1 RENAMED', pinyin: 'x' } };
  return {
    format: FORMAT,
    documents: [docs[0]!],
    nodes: [nodes[0]!, a1, node('a3', 'InnovationHub', '丙中心', [span('A', '丙中心')])],
    edges: [edge('a-a3', 'RELATES_TO', 'A', 'a3', [span('A', '丙中心')])],
    warnings: [],
  };
}

describeNeo4j('Neo4j loader', () => {
  let driver: Driver;
  let config: Neo4jTestConfig;
  let tmp: string;

  beforeAll(() => {
    config = neo4jTestConfig()!;
    driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
    tmp = mkdtempSync(join(tmpdir(), 'plangraph-load-'));
  });
  afterAll(async () => {
    await driver?.close();
    rmSync(tmp, { recursive: true, force: true });
  });
  beforeEach(async () => {
    await wipeDatabase(driver, config.database);
  });

  it('loads the real plan in the agreed storage shape, and a reload changes nothing', async () => {
    const graph = JSON.parse(readFileSync(SNAPSHOT, 'utf8')) as PlanGraph;
    const first = await loadGraph(driver, graph, { database: config.database });
    expect(first.totals.nodesCreated).toBe(graph.nodes.length + graph.documents.length);
    expect(first.totals.relationshipsCreated).toBe(graph.edges.length);
    expect(await counts(driver, config.database)).toEqual({ nodes: graph.nodes.length + graph.documents.length, rels: graph.edges.length });

    // Read back through the query engine's boundary: the same nodes and edges come out.
    const nodes = await driver.executeQuery('MATCH (n:PlanNode) RETURN n {.*} AS n, labels(n) AS labels', {}, { database: config.database });
    const back = new Map(nodes.records.map((r) => [r.get('n').id as string, toPlanNode(r.get('n'), r.get('labels'))]));
    for (const node of graph.nodes) expect(back.get(node.id)).toEqual(node);
    const rels = await driver.executeQuery(
      'MATCH (a)-[r]->(b) RETURN r {.*} AS r, type(r) AS type, a.id AS s, b.id AS t',
      {},
      { database: config.database },
    );
    const edgesBack = new Map(rels.records.map((r) => [r.get('r').id as string, toPlanEdge(r.get('r'), r.get('type'), r.get('s'), r.get('t'))]));
    for (const edge of graph.edges) expect(edgesBack.get(edge.id)).toEqual(edge);

    // Integers are Neo4j integers; the quote comes from the :Document text.
    const q = await driver.executeQuery(
      `MATCH (n:PlanNode) WHERE n.prop_order IS NOT NULL
       WITH n LIMIT 1 MATCH (d:Document {id: n.source_doc[0]})
       RETURN n.prop_order AS order, n.source_start[0] AS start,
              substring(d.text, n.source_start[0], n.source_end[0] - n.source_start[0]) AS quote, n.id AS id, labels(n) AS labels`,
      {},
      { database: config.database },
    );
    const rec = q.records[0]!;
    expect(neo4j.isInt(rec.get('order'))).toBe(true);
    expect(neo4j.isInt(rec.get('start'))).toBe(true);
    const original = graph.nodes.find((n) => n.id === rec.get('id'))!;
    const doc = graph.documents.find((d) => d.id === original.sources[0]!.doc)!;
    expect(rec.get('quote')).toBe(doc.text.slice(original.sources[0]!.start, original.sources[0]!.end));
    expect(rec.get('labels')).toEqual(expect.arrayContaining(['PlanNode', original.kind]));

    const before = await dumpDatabase(driver, config.database);
    const second = await loadGraph(driver, graph, { database: config.database });
    expect(totalChanges(second)).toBe(0);
    expect(second.schema).toEqual({ constraintsAdded: 0, indexesAdded: 0 });
    expect(await dumpDatabase(driver, config.database)).toEqual(before);
  }, 90_000); // the first load into a fresh server also creates the schema and warms the JVM: slow on a busy 2-core machine

  it('stores integers as integers and fractional numbers as floats; full-text index finds names', async () => {
    await loadGraph(driver, twoPlans(), { database: config.database });
    const { records } = await driver.executeQuery(
      "MATCH (n:PlanNode {id: 'a1'}) RETURN n.prop_memberCount AS m, n.prop_ratio AS r, n.prop_years AS y, n.plans AS plans",
      {},
      { database: config.database },
    );
    const r = records[0]!;
    expect(neo4j.isInt(r.get('m'))).toBe(true);
    expect(typeof r.get('r')).toBe('number');
    expect((r.get('y') as unknown[]).every((v) => neo4j.isInt(v))).toBe(true);
    expect(r.get('plans')).toEqual(['A']);
    const hits = await driver.executeQuery(
      "CALL db.index.fulltext.queryNodes('planNodeNames', $q) YIELD node RETURN collect(node.id) AS ids",
      { q: '走廊' },
      { database: config.database },
    );
    expect(hits.records[0]!.get('ids')).toContain('S');
  });

  it('replaces one plan and leaves the other alone; a shared node only loses membership', async () => {
    await loadGraph(driver, twoPlans('v1'), { database: config.database });
    const planB = (await dumpDatabase(driver, config.database)).filter((l) => l.includes('"B"') && !l.includes('"A"'));
    const s1 = await driver.executeQuery("MATCH (s:PlanNode {id: 'S'}) RETURN s.plans AS plans", {}, { database: config.database });
    expect([...(s1.records[0]!.get('plans') as string[])].sort()).toEqual(['A', 'B']);

    const report = await loadGraph(driver, twoPlans('v2'), { database: config.database });
    expect(report.plans.map((p) => p.plan)).toEqual(['A']);
    expect(report.totals.nodesDeleted).toBe(1); // a2
    expect(report.totals.nodesCreated).toBe(1); // a3
    expect(report.totals.relationshipsDeleted).toBe(2); // a1-s, a-a2

    const ids = await driver.executeQuery('MATCH (n:PlanNode) RETURN n.id AS id, n.plans AS plans, n.name_en AS en ORDER BY id', {}, { database: config.database });
    const state = Object.fromEntries(ids.records.map((r) => [r.get('id'), { plans: r.get('plans'), en: r.get('en') }]));
    expect(Object.keys(state).sort()).toEqual(['A', 'B', 'S', 'a1', 'a3', 'b1']);
    expect(state.S!.plans).toEqual(['B']);
    expect(state.a1!.en).toBe('A1 RENAMED');
    const after = await dumpDatabase(driver, config.database);
    for (const line of planB) expect(after).toContain(line);
    const rels = await driver.executeQuery('MATCH (a)-[r]->(b) RETURN r.id AS id ORDER BY id', {}, { database: config.database });
    expect(rels.records.map((r) => r.get('id'))).toEqual(['a-a3', 'b1-s']);

    // Loading v2 again is a no-op; loading v1 again restores the original exactly.
    expect(totalChanges(await loadGraph(driver, twoPlans('v2'), { database: config.database }))).toBe(0);
  });

  it('replacing every plan with new content gives exactly what a fresh load gives', async () => {
    const v1 = syntheticLoadGraph({ plans: 3, nodesPerPlan: 120, seed: 1 });
    const v2 = syntheticLoadGraph({ plans: 3, nodesPerPlan: 150, seed: 2 }); // same ids, other kinds, ends and content
    await loadGraph(driver, v2, { database: config.database });
    const fresh = await dumpDatabase(driver, config.database);
    await wipeDatabase(driver, config.database);
    await loadGraph(driver, v1, { database: config.database });
    await loadGraph(driver, v2, { database: config.database });
    expect(await dumpDatabase(driver, config.database)).toEqual(fresh);
  });

  it('--plan loads only the chosen plan of the input', async () => {
    const report = await loadGraph(driver, twoPlans(), { database: config.database, plans: ['B'] });
    expect(report.plans.map((p) => p.plan)).toEqual(['B']);
    const ids = await driver.executeQuery('MATCH (n:PlanNode) RETURN n.id AS id ORDER BY id', {}, { database: config.database });
    expect(ids.records.map((r) => r.get('id'))).toEqual(['B', 'S', 'b1']);
    await expect(loadGraph(driver, twoPlans(), { database: config.database, plans: ['Z'] })).rejects.toThrow(/plan Z is not in the input/);
  });

  it('a dry run reports the changes and writes nothing', async () => {
    await loadGraph(driver, twoPlans('v1'), { database: config.database });
    const before = await dumpDatabase(driver, config.database);
    const dry = await loadGraph(driver, twoPlans('v2'), { database: config.database, dryRun: true });
    expect(dry.dryRun).toBe(true);
    expect(dry.totals.nodesDeleted).toBe(1);
    expect(dry.totals.nodesCreated).toBe(1);
    expect(await dumpDatabase(driver, config.database)).toEqual(before);

    const file = join(tmp, 'v2.json');
    writeFileSync(file, JSON.stringify(twoPlans('v2')));
    const cli = await runLoad(['--in', file, '--dry-run'], loadEnv(config));
    expect(cli.status).toBe(0);
    expect(cli.stdout).toMatch(/dry run, nothing written/);
    expect(cli.stdout).toMatch(/would change/);
    expect(await dumpDatabase(driver, config.database)).toEqual(before);
  });

  it('--wipe deletes everything first', async () => {
    await loadGraph(driver, twoPlans('v1'), { database: config.database });
    await driver.executeQuery("CREATE (:Stray {id: 'stray'})", {}, { database: config.database });
    const report = await loadGraph(driver, twoPlans('v2'), { database: config.database, wipe: true });
    expect(report.wiped).toEqual({ nodes: 9, relationships: 3 });
    expect(await counts(driver, config.database)).toEqual({ nodes: 4, rels: 1 });
  });

  it('a load killed mid-transaction leaves the database exactly as before', async () => {
    const small = syntheticLoadGraph({ plans: 2, nodesPerPlan: 200 });
    await loadGraph(driver, small, { database: config.database });
    const before = await dumpDatabase(driver, config.database);
    // A big replacement of plan synthetic-plan-0000: one transaction of ~60k elements.
    const big = syntheticLoadGraph({ plans: 1, nodesPerPlan: 30_000, seed: 99 });
    const file = join(tmp, 'big.json');
    writeFileSync(file, JSON.stringify(big));

    const child = spawnLoad(['--in', file, '--batch', '500'], loadEnv(config));
    let stderr = '';
    let stdout = '';
    const killedMidway = await new Promise<boolean>((resolve) => {
      child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
      child.stderr.on('data', (c: Buffer) => {
        stderr += c.toString('utf8');
        const m = /(\d+)\/(\d+) elements merged/.exec(stderr);
        if (m && Number(m[1]) > 0 && Number(m[1]) < Number(m[2]) && child.exitCode === null) {
          child.kill('SIGKILL');
          resolve(true);
        }
      });
      child.on('exit', () => resolve(false));
    });
    expect(killedMidway, `the load ended before it could be killed:\n${stderr}\n${stdout}`).toBe(true);
    await new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

    // The server rolls the transaction back when the connection drops; wait until it is gone.
    for (let i = 0; i < 100; i++) {
      const { records } = await driver.executeQuery('SHOW TRANSACTIONS YIELD currentQuery RETURN count(*) AS n', {}, { database: config.database });
      if ((records[0]!.get('n') as { toNumber(): number }).toNumber() <= 1) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await dumpDatabase(driver, config.database)).toEqual(before);

    // And the database is not stuck: the same load, run to the end, replaces the plan.
    const done = await runLoad(['--in', file], loadEnv(config));
    expect(done.status, done.stderr).toBe(0);
    const ids = await driver.executeQuery(
      "MATCH (n:PlanNode) WHERE 'synthetic-plan-0000' IN n.plans RETURN count(n) AS n",
      {},
      { database: config.database },
    );
    expect((ids.records[0]!.get('n') as { toNumber(): number }).toNumber()).toBe(big.nodes.length);
  }, 180_000);

  it('the CLI loads a file and prints zero changes the second time', async () => {
    const file = join(tmp, 'two.json');
    writeFileSync(file, JSON.stringify(twoPlans()));
    const first = await runLoad(['--in', file], loadEnv(config));
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toMatch(/plan A: 4 nodes/);
    const second = await runLoad(['--in', file], loadEnv(config));
    expect(second.status).toBe(0);
    expect(second.stdout).toMatch(/zero changes/);
    expect(second.stdout).toMatch(/nodes \+0 −0, relationships \+0 −0, properties set 0/);
  });

  it('the CLI fails with one clear line: wrong password, unreachable server, unknown database, bad JSON', async () => {
    const file = join(tmp, 'ok.json');
    writeFileSync(file, JSON.stringify(twoPlans()));

    const wrong = await runLoad(['--in', file], loadEnv(config, { NEO4J_PASSWORD: 'not-the-password' }));
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/refused the credentials of user "neo4j".*NEO4J_PASSWORD/);

    const port = await freePort();
    const down = await runLoad(['--in', file], loadEnv(config, { NEO4J_URI: `bolt://127.0.0.1:${port}` }));
    expect(down.status).toBe(1);
    expect(down.stderr).toContain(`Cannot reach Neo4j at bolt://127.0.0.1:${port}`);
    expect(down.stderr).toContain('npm run neo4j');

    const nodb = await runLoad(['--in', file], loadEnv(config, { NEO4J_DATABASE: 'nosuchdb' }));
    expect(nodb.status).toBe(1);
    expect(nodb.stderr).toMatch(/has no database "nosuchdb"/);

    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, JSON.stringify({ ...twoPlans(), nodes: [{ id: 'x', kind: 'Spaceship' }] }));
    const invalid = await runLoad(['--in', bad], loadEnv(config));
    expect(invalid.status).toBe(1);
    expect(invalid.stderr).toMatch(/bad\.json: not valid PlanGraph JSON.*unknown kind "Spaceship"/);

    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{"format": "plangraph/1", ');
    const notJson = await runLoad(['--in', broken], loadEnv(config));
    expect(notJson.status).toBe(1);
    expect(notJson.stderr).toMatch(/broken\.json: .*not JSON/);

    const missing = await runLoad(['--in', join(tmp, 'missing.json')], loadEnv(config));
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/missing\.json: .*cannot be read \(ENOENT\)/);

    for (const r of [wrong, down, nodb, invalid, notJson, missing]) {
      expect(r.stderr.trim().split('\n').filter((l) => l.startsWith('load:'))).toHaveLength(1);
    }
  }, 120_000);
});

/**
 * npm run bench:load -- [--sizes 1k,10k,100k] [--runs 3] [--naive-cap-seconds 300]
 *
 * Loads deterministic synthetic corpora (scripts/bench/synthetic.ts: plans of ~500 nodes that
 * share corridors, places and organizations) of ~1k, 10k and 100k nodes into an empty database,
 * with our loader (graph/neo4j/loader.ts: batched UNWIND MERGE, one transaction per plan) and
 * with a naive loader (one auto-committed MERGE statement per node and per relationship), and
 * prints a Markdown table: elements/s (median of --runs runs; one run at 100k) and the ratio,
 * plus the time of an idempotent reload (which changes nothing).
 *
 * The database is wiped before every run. By default the bench starts its own local server
 * (scripts/neo4j-server, a free port, data in .neo4j/bench). To use another server set NEO4J_URI
 * (and NEO4J_USERNAME / NEO4J_PASSWORD / NEO4J_DATABASE) and pass --allow-wipe.
 * A naive run that would take longer than --naive-cap-seconds (estimated from the smaller size)
 * is skipped, and the table says so.
 */
import { rmSync } from 'node:fs';
import { parseArgs } from 'node:util';
import neo4j, { type Driver } from 'neo4j-driver';
import { connect } from '../../graph/neo4j/connection.ts';
import { deleteEverything, documentProperties, edgeProperties, ensureSchema, loadGraph, nodeProperties } from '../../graph/neo4j/loader.ts';
import { EDGE_TYPES, NODE_KINDS, type PlanGraph } from '../../graph/model/types.ts';
import { benchNeo4j } from '../lib/benchNeo4j.ts';
import { median } from '../lib/stats.ts';
import { syntheticLoadGraph } from './synthetic.ts';

const SIZES: Record<string, { plans: number; label: string }> = {
  '1k': { plans: 2, label: '~1k nodes' },
  '10k': { plans: 20, label: '~10k nodes' },
  '100k': { plans: 200, label: '~100k nodes' },
};

const log = (line: string): void => void process.stderr.write(`${line}\n`);


async function wipe(driver: Driver, database: string): Promise<void> {
  const session = driver.session({ database });
  try {
    await deleteEverything(session);
    await ensureSchema(session);
  } finally {
    await session.close();
  }
}

/** The straw man: one auto-committed statement per document, node and relationship. */
async function naiveLoad(driver: Driver, graph: PlanGraph, database: string): Promise<void> {
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    for (const doc of graph.documents) {
      await session.run('MERGE (d:Document {id: $id}) SET d = $props', { id: doc.id, props: documentProperties(doc) });
    }
    for (const node of graph.nodes) {
      const kind = NODE_KINDS.find((k) => k === node.kind);
      if (!kind) throw new Error(`unknown kind ${node.kind}`);
      const plans = [...new Set(node.sources.map((s) => s.doc))];
      await session.run(`MERGE (n:PlanNode {id: $id}) SET n = $props, n.plans = $plans, n:${kind}`, { id: node.id, props: nodeProperties(node), plans });
    }
    for (const edge of graph.edges) {
      const type = EDGE_TYPES.find((t) => t === edge.type);
      if (!type) throw new Error(`unknown type ${edge.type}`);
      const plans = [...new Set(edge.sources.map((s) => s.doc))];
      await session.run(
        `MATCH (a:PlanNode {id: $source}), (b:PlanNode {id: $target}) MERGE (a)-[r:${type} {id: $id}]->(b) SET r = $props, r.plans = $plans`,
        { id: edge.id, source: edge.source, target: edge.target, props: edgeProperties(edge), plans },
      );
    }
  } finally {
    await session.close();
  }
}

interface Row {
  size: string;
  nodes: number;
  edges: number;
  elements: number;
  ours: number[];
  reload: number[];
  naive: number[];
  naiveNote: string;
}

async function main(): Promise<void> {
  const { values: args } = parseArgs({
    options: {
      sizes: { type: 'string', default: '1k,10k,100k' },
      runs: { type: 'string', default: '3' },
      'naive-cap-seconds': { type: 'string', default: '300' },
      'allow-wipe': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const sizes = args.sizes.split(',').map((s) => s.trim());
  for (const s of sizes) if (!SIZES[s]) throw new Error(`unknown size ${s} (use ${Object.keys(SIZES).join(', ')})`);
  const runs = Math.max(1, Number(args.runs));
  const naiveCap = Number(args['naive-cap-seconds']);

  if (process.env.NEO4J_URI && !args['allow-wipe']) throw new Error('the bench wipes the database: pass --allow-wipe to use NEO4J_URI');
  const { config, local: server } = await benchNeo4j('bench', log);
  const { driver, server: info } = await connect(config);
  log(`Neo4j ${info.version} ${info.edition} at ${config.uri}`);
  const rows: Row[] = [];
  try {
    // Warm up the server (JIT, query caches) so the first measured run is not penalised.
    const warm = syntheticLoadGraph({ plans: 1, nodesPerPlan: 300, seed: 1 });
    await wipe(driver, config.database);
    await loadGraph(driver, warm, { database: config.database });
    await wipe(driver, config.database);
    await naiveLoad(driver, warm, config.database);

    let naiveRate: number | null = null;
    for (const size of sizes) {
      const spec = SIZES[size]!;
      const graph = syntheticLoadGraph({ plans: spec.plans, nodesPerPlan: 500 });
      const elements = graph.nodes.length + graph.edges.length + graph.documents.length;
      const row: Row = { size: spec.label, nodes: graph.nodes.length, edges: graph.edges.length, elements, ours: [], reload: [], naive: [], naiveNote: '' };
      const n = size === '100k' ? 1 : runs;
      for (let i = 0; i < n; i++) {
        await wipe(driver, config.database);
        let t = performance.now();
        await loadGraph(driver, graph, { database: config.database });
        row.ours.push((performance.now() - t) / 1000);
        t = performance.now();
        const again = await loadGraph(driver, graph, { database: config.database });
        row.reload.push((performance.now() - t) / 1000);
        if (again.plans.some((p) => p.elementsChanged > 0)) throw new Error('reload changed something: the loader is not idempotent');
        log(`${size}: ours ${row.ours.at(-1)!.toFixed(2)} s, reload ${row.reload.at(-1)!.toFixed(2)} s`);
      }
      const estimate = naiveRate ? elements / naiveRate : 0;
      if (naiveRate && estimate > naiveCap) {
        row.naiveNote = `skipped: estimated ${Math.round(estimate)} s > cap ${naiveCap} s`;
        log(`${size}: naive ${row.naiveNote}`);
      } else {
        const nn = size === '100k' || (naiveRate && estimate > 60) ? 1 : runs;
        for (let i = 0; i < nn; i++) {
          await wipe(driver, config.database);
          const t = performance.now();
          await naiveLoad(driver, graph, config.database);
          row.naive.push((performance.now() - t) / 1000);
          log(`${size}: naive ${row.naive.at(-1)!.toFixed(2)} s`);
        }
        naiveRate = elements / median(row.naive);
      }
      rows.push(row);
    }
  } finally {
    await driver.close();
    if (server) {
      await server.stop();
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  }

  const fmt = (x: number): string => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const rate = (elements: number, seconds: number): string => Math.round(elements / seconds).toLocaleString('en-US');
  const out: string[] = [
    `Loader benchmark: Neo4j ${info.version} ${info.edition}, local, ${process.platform} ${process.arch}, Node ${process.version}. ` +
      `Elements = nodes + relationships + documents; each load into an empty database; median of ${runs} runs (1 at 100k).`,
    '',
    '| corpus | nodes | edges | batched loader s | batched elements/s | naive loader s | naive elements/s | speed-up | reload (no changes) s |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const ours = median(r.ours);
    const naive = r.naive.length ? median(r.naive) : null;
    out.push(
      `| ${r.size} (${r.elements.toLocaleString('en-US')} elements) | ${r.nodes} | ${r.edges} | ${fmt(ours)} | ${rate(r.elements, ours)} | ` +
        `${naive === null ? '—' : fmt(naive)} | ${naive === null ? r.naiveNote : rate(r.elements, naive)} | ${naive === null ? '—' : `${(naive / ours).toFixed(1)}×`} | ${fmt(median(r.reload))} |`,
    );
  }
  process.stdout.write(`${out.join('\n')}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench:load: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});

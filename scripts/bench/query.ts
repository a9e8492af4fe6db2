/**
 * `npm run bench:query`: median and p95 latency of every PlanQuery method on the memory and
 * Cypher engines over a ~10k-node synthetic graph, and a cross-check that both engines give
 * the same answers on every call.
 *
 * The Cypher side needs a Neo4j server: NEO4J_URI (+ NEO4J_USER, NEO4J_PASSWORD,
 * NEO4J_DATABASE) when set; otherwise a local server is started through the shared test
 * support (scripts/neo4j.ts). BENCH_SKIP_CYPHER=1 benchmarks the memory engine only.
 * The graph is LOADED INTO that database, replacing what is there.
 *
 * The graph is the loader's synthetic corpus (scripts/bench/synthetic.ts): 20 plans of ~500 nodes.
 * Options: --plans N (default 20 ≈ 10k nodes), --iterations N, --json out.json
 */
import { writeFileSync } from 'node:fs';
import type { PlanGraph } from '../../graph/model/types.ts';
import type { PlanQuery } from '../../graph/query/api.ts';
import { createMemoryQuery } from '../../graph/query/memory.ts';
import { syntheticLoadGraph } from './synthetic.ts';
import { connectCypherEngine } from './query-neo4j.ts';

interface Args {
  plans: number;
  iterations: number;
  json?: string;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { plans: 20, iterations: 60 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[i + 1];
    if (a === '--plans' && v) (args.plans = Number(v)), i++;
    else if (a === '--iterations' && v) (args.iterations = Number(v)), i++;
    else if (a === '--json' && v) (args.json = v), i++;
  }
  return args;
}

/** A deterministic workload: each query kind with its argument list. */
function workload(graph: PlanGraph, n: number): Record<string, ((q: PlanQuery) => Promise<unknown>)[]> {
  let s = 7;
  const rand = (): number => ((s = (s * 48271) % 2147483647) / 2147483647);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const ids = graph.nodes.map((x) => x.id);
  const goals = graph.nodes.filter((x) => x.kind === 'Goal').map((x) => x.id);
  const entities = graph.nodes.filter((x) => !['Plan', 'Goal', 'Action', 'Task'].includes(x.kind)).map((x) => x.id);
  const tasks = graph.nodes.filter((x) => x.kind === 'Task').map((x) => x.id);
  const texts = ['jin', 'jinfeng', 'jf', '科技', '实验室', 'lab', 'goal-3', 'chuang xin', 'zhi neng', 'Task 3.4', 'xyz', '产业集群', 'cheng yu'];
  const times = (k: number, f: () => (q: PlanQuery) => Promise<unknown>) => Array.from({ length: k }, f);
  return {
    search: times(n, () => {
      const t = pick(texts);
      return (q) => q.search(t);
    }),
    node: times(n, () => {
      const id = pick(ids);
      return (q) => q.node(id);
    }),
    'neighbourhood d1': times(n, () => {
      const id = pick(ids);
      return (q) => q.neighbourhood(id);
    }),
    'neighbourhood d2': times(n, () => {
      const id = pick(tasks);
      return (q) => q.neighbourhood(id, 2, 10);
    }),
    goalsServedBy: times(n, () => {
      const id = pick(rand() < 0.5 ? entities : tasks);
      return (q) => q.goalsServedBy(id);
    }),
    servingGoal: times(n, () => {
      const id = pick(goals);
      return (q) => q.servingGoal(id);
    }),
    'paths ≤4 hops': times(n, () => {
      const a = pick(tasks);
      const b = pick(tasks);
      return (q) => q.paths(a, b, 4);
    }),
    'paths ≤6 (default)': times(n, () => {
      const a = pick(ids);
      const b = pick(ids);
      return (q) => q.paths(a, b);
    }),
    coverage: times(Math.max(3, Math.floor(n / 10)), () => (q) => q.coverage()),
    stats: times(Math.max(3, Math.floor(n / 4)), () => (q) => q.stats()),
  };
}

/** JSON with object keys sorted: equal answers compare equal whatever their key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i]!;
}

interface Row {
  query: string;
  engine: string;
  calls: number;
  firstMs: number;
  medianMs: number;
  p95Ms: number;
}

async function bench(
  engine: string,
  q: PlanQuery,
  work: ReturnType<typeof workload>,
  answers: Map<string, string[]>,
): Promise<Row[]> {
  const rows: Row[] = [];
  for (const [query, calls] of Object.entries(work)) {
    // Warm-up: the first call of each kind (memory: lazy caches; Cypher: plan cache), timed apart.
    const f0 = performance.now();
    await calls[0]!(q);
    const firstMs = performance.now() - f0;
    const ms: number[] = [];
    const seen: string[] = [];
    for (const call of calls) {
      const t0 = performance.now();
      const answer = await call(q);
      ms.push(performance.now() - t0);
      seen.push(canonical(answer));
    }
    const prev = answers.get(query);
    if (prev) {
      const diffs = seen.filter((a, i) => a !== prev[i]).length;
      if (diffs > 0) console.error(`!! ${query}: ${diffs}/${seen.length} answers differ between engines`);
    } else answers.set(query, seen);
    ms.sort((a, b) => a - b);
    rows.push({ query, engine, calls: calls.length, firstMs, medianMs: percentile(ms, 50), p95Ms: percentile(ms, 95) });
  }
  return rows;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const graph = syntheticLoadGraph({ plans: args.plans, nodesPerPlan: 500, shared: 24 });
  console.log(`synthetic graph: ${graph.nodes.length} nodes, ${graph.edges.length} edges, ${graph.documents.length} documents`);
  const work = workload(graph, args.iterations);
  const answers = new Map<string, string[]>();
  const rows: Row[] = [];

  let t0 = performance.now();
  const memory = createMemoryQuery(graph);
  console.log(`memory engine built in ${(performance.now() - t0).toFixed(1)} ms`);
  rows.push(...(await bench('memory', memory, work, answers)));
  await memory.close();

  if (process.env.BENCH_SKIP_CYPHER !== '1') {
    t0 = performance.now();
    const cypher = await connectCypherEngine(graph);
    console.log(`neo4j loaded and engine ready in ${(performance.now() - t0).toFixed(0)} ms`);
    try {
      rows.push(...(await bench('cypher', cypher.query, work, answers)));
    } finally {
      await cypher.close();
    }
  }

  const queries = [...new Set(rows.map((r) => r.query))];
  const fmt = (x: number | undefined): string => (x === undefined ? '—' : x < 10 ? x.toFixed(2) : x.toFixed(1));
  const cell = (r: Row | undefined): string => (r ? `${fmt(r.medianMs)} / ${fmt(r.p95Ms)} (${fmt(r.firstMs)})` : '—');
  console.log('\nlatency in ms: median / p95 (first, cold call)');
  console.log(`${'query'.padEnd(20)} ${'calls'.padStart(5)}  ${'memory'.padStart(26)}  ${'cypher'.padStart(26)}`);
  for (const query of queries) {
    const m = rows.find((r) => r.query === query && r.engine === 'memory');
    const c = rows.find((r) => r.query === query && r.engine === 'cypher');
    console.log(
      `${query.padEnd(20)} ${String(m?.calls ?? c?.calls).padStart(5)}  ${cell(m).padStart(26)}  ${cell(c).padStart(26)}`,
    );
  }
  if (args.json) writeFileSync(args.json, JSON.stringify({ nodes: graph.nodes.length, edges: graph.edges.length, rows }, null, 2));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

/**
 * Loads PlanGraph JSON into Neo4j 5: idempotently, and atomically per plan.
 *
 * Storage (read back by graph/query/neo4j-shape.ts):
 *   (:PlanNode:<Kind> {id, kind, name_zh, name_en, name_pinyin?, prop_<key>..., source_doc[],
 *                      source_start[], source_end[], plans[]})
 *   (:PlanNode)-[:<TYPE> {id, basis, rationale?, prop_<key>..., source_doc[], source_start[],
 *                         source_end[], plans[]}]->(:PlanNode)
 *   (:Document {id, title, issuer, published, text, meta_<key>..., plans[]})
 * - Props are flattened one Neo4j property per key (`prop_<key>`), so Cypher can filter on them
 *   (e.g. `WHERE g.prop_target > 100`); an edge's basis and rationale are top-level properties.
 * - Integer values are stored as Neo4j integers (neo4j.int), other numbers as floats; a list of
 *   numbers is all integers or, when any is fractional, all floats (Neo4j lists are homogeneous).
 * - Sources are parallel arrays: the quote of source i is
 *   `substring(d.text, source_start[i], source_end[i] - source_start[i])` of the :Document whose
 *   id is source_doc[i].
 * - `plans` lists the plans (document ids) the element belongs to. An element belongs to the
 *   documents its sources quote (and an unquoted edge to its `props.plan`); a node also belongs to
 *   every plan of an edge that touches it, so each plan's subgraph is closed; an element with no
 *   plan at all belongs to every plan of the input.
 *
 * Loading one plan is ONE write transaction that MERGEs its document, nodes and relationships
 * (batched UNWIND; labels and relationship types cannot be parameters, so they come from the
 * NODE_KINDS / EDGE_TYPES whitelist: one statement for all nodes, one per relationship type), SETs an element only
 * when its stored content differs from the input, and then takes the plan away from elements it
 * no longer has (deleting those left in no plan). Killed at any point, the database keeps the
 * plan as it was before or as it is after. Loading the same input twice changes nothing.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { EDGE_TYPES, NODE_KINDS, type EdgeType, type NodeKind, type PlanDocument, type PlanEdge, type PlanGraph, type PlanNode, type PropValue, type Span } from '../model/types.ts';

export interface LoadCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
}

export interface PlanLoadReport {
  plan: string;
  nodes: number;
  edges: number;
  counters: LoadCounters;
  /** Elements (document, nodes, relationships) whose stored content or plan membership changed. */
  elementsChanged: number;
  ms: number;
}

export interface LoadReport {
  dryRun: boolean;
  /** Nodes and relationships deleted by --wipe (or that would be, in a dry run). */
  wiped: { nodes: number; relationships: number } | null;
  schema: { constraintsAdded: number; indexesAdded: number };
  plans: PlanLoadReport[];
  totals: LoadCounters;
  ms: number;
}

export interface LoadOptions {
  /** Database name (default: the server's default database). */
  database?: string;
  /** Only these plans (document ids) of the input; default all. */
  plans?: string[];
  /** Work out what would change in a transaction that is rolled back; write nothing. */
  dryRun?: boolean;
  /** Delete every node and relationship first. */
  wipe?: boolean;
  /** Rows per UNWIND statement (default 1000). */
  batchSize?: number;
  /** Progress lines (the CLI prints them on stderr). */
  onProgress?: (line: string) => void;
}

export class LoadInputError extends Error {
  override name = 'LoadInputError';
}

type Params = Record<string, unknown>;
type Runner = Pick<ManagedTransaction, 'run'>;

function zeroCounters(): LoadCounters {
  return { nodesCreated: 0, nodesDeleted: 0, relationshipsCreated: 0, relationshipsDeleted: 0, propertiesSet: 0, labelsAdded: 0, labelsRemoved: 0 };
}

function addCounters(into: LoadCounters, from: Partial<Record<keyof LoadCounters, number>>): void {
  for (const key of Object.keys(into) as Array<keyof LoadCounters>) into[key] += from[key] ?? 0;
}

export function countersChanged(c: LoadCounters): number {
  return Object.values(c).reduce((a, b) => a + b, 0);
}

// ---------------------------------------------------------------------------------------------
// Plan subgraphs and rows

export interface PlanSubgraph {
  plan: string;
  document: PlanDocument;
  nodes: PlanNode[];
  edges: PlanEdge[];
}

/** Splits a graph into one closed subgraph per document (= plan), following the rules above. */
export function planSubgraphs(graph: PlanGraph): PlanSubgraph[] {
  const docIds = graph.documents.map((d) => d.id);
  const known = new Set(docIds);
  const spanPlans = (spans: Span[]): Set<string> => new Set(spans.map((s) => s.doc).filter((d) => known.has(d)));
  const edgePlans = new Map<string, Set<string>>();
  for (const edge of graph.edges) {
    const plans = spanPlans(edge.sources);
    const own = edge.props.plan;
    if (typeof own === 'string' && known.has(own)) plans.add(own);
    edgePlans.set(edge.id, plans.size > 0 ? plans : new Set(docIds));
  }
  const nodePlans = new Map<string, Set<string>>();
  for (const node of graph.nodes) nodePlans.set(node.id, spanPlans(node.sources));
  for (const edge of graph.edges) {
    for (const end of [edge.source, edge.target]) {
      const plans = nodePlans.get(end);
      if (plans) for (const p of edgePlans.get(edge.id) ?? []) plans.add(p);
    }
  }
  for (const [id, plans] of nodePlans) if (plans.size === 0) nodePlans.set(id, new Set(docIds));

  return graph.documents.map((document) => ({
    plan: document.id,
    document,
    nodes: graph.nodes.filter((n) => nodePlans.get(n.id)?.has(document.id)),
    edges: graph.edges.filter((e) => edgePlans.get(e.id)?.has(document.id)),
  }));
}

/** A number as Neo4j will store it: integers as Integer, the rest as floats. */
function storedNumber(value: number): unknown {
  return Number.isInteger(value) ? neo4j.int(value) : value;
}

function storedValue(value: PropValue): unknown {
  if (typeof value === 'number') return storedNumber(value);
  if (Array.isArray(value) && value.length > 0 && typeof value[0] === 'number') {
    const numbers = value as number[];
    // The driver sends plain JS numbers as floats.
    return numbers.every(Number.isInteger) ? numbers.map((n) => neo4j.int(n)) : numbers;
  }
  return value;
}

function sourceArrays(spans: Span[]): Params {
  return {
    source_doc: spans.map((s) => s.doc),
    source_start: spans.map((s) => neo4j.int(s.start)),
    source_end: spans.map((s) => neo4j.int(s.end)),
  };
}

export function nodeProperties(node: PlanNode): Params {
  const props: Params = { id: node.id, kind: node.kind, name_zh: node.name.zh, name_en: node.name.en };
  if (node.name.pinyin !== undefined) props.name_pinyin = node.name.pinyin;
  for (const key of Object.keys(node.props).sort()) props[`prop_${key}`] = storedValue(node.props[key]!);
  return { ...props, ...sourceArrays(node.sources) };
}

export function edgeProperties(edge: PlanEdge): Params {
  const props: Params = { id: edge.id, basis: edge.props.basis };
  if (typeof edge.props.rationale === 'string') props.rationale = edge.props.rationale;
  for (const key of Object.keys(edge.props).sort()) {
    if (key === 'basis' || key === 'rationale') continue;
    props[`prop_${key}`] = storedValue(edge.props[key]!);
  }
  return { ...props, ...sourceArrays(edge.sources) };
}

export function documentProperties(doc: PlanDocument): Params {
  const props: Params = { id: doc.id, title: doc.title, issuer: doc.issuer, published: doc.published, text: doc.text };
  for (const key of Object.keys(doc.meta ?? {}).sort()) props[`meta_${key}`] = doc.meta![key];
  return props;
}

// ---------------------------------------------------------------------------------------------
// Cypher. Every value is a parameter; only whitelisted labels and types are spliced in.

/** `plans` stays sorted: $plan goes in its place (the rest is sorted already). */
const WITH_PLAN = "[x IN oldPlans WHERE x < $plan] + $plan + [x IN oldPlans WHERE x > $plan]";

function assertKind(kind: string): asserts kind is NodeKind {
  if (!(NODE_KINDS as readonly string[]).includes(kind)) throw new Error(`not a node kind: ${kind}`);
}
function assertType(type: string): asserts type is EdgeType {
  if (!(EDGE_TYPES as readonly string[]).includes(type)) throw new Error(`not an edge type: ${type}`);
}

/**
 * One statement for every kind (fewer distinct queries to plan): changed = the stored properties
 * (plans aside) or the labels differ from the input. The kind label is set from a whitelist of
 * FOREACH branches, since labels cannot be parameters.
 */
function mergeNodesCypher(): string {
  for (const kind of NODE_KINDS) assertKind(kind);
  const labelBranches = NODE_KINDS.map(
    (kind) =>
      `FOREACH (_ IN CASE WHEN changed AND p.kind = '${kind}' THEN [1] ELSE [] END | SET n:${kind})\n` +
      `FOREACH (_ IN CASE WHEN changed AND p.kind <> '${kind}' AND n:${kind} THEN [1] ELSE [] END | REMOVE n:${kind})`,
  ).join('\n');
  return `
UNWIND $rows AS row
MERGE (n:PlanNode {id: row.id})
WITH n, row.props AS p, coalesce(n.plans, []) AS oldPlans
WITH n, p, oldPlans, [l IN labels(n) WHERE l <> 'PlanNode'] <> [p.kind] OR properties(n) <> p{.*, plans: oldPlans} AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET n = p, n.plans = oldPlans)
${labelBranches}
FOREACH (_ IN CASE WHEN $plan IN oldPlans THEN [] ELSE [1] END | SET n.plans = ${WITH_PLAN})
RETURN count(*) AS rows, sum(CASE WHEN changed OR NOT $plan IN oldPlans THEN 1 ELSE 0 END) AS changed`;
}
const MERGE_NODES = mergeNodesCypher();

function mergeRelsCypher(type: EdgeType): string {
  assertType(type);
  return `
UNWIND $rows AS row
MATCH (a:PlanNode {id: row.source})
MATCH (b:PlanNode {id: row.target})
MERGE (a)-[r:${type} {id: row.id}]->(b)
WITH r, row.props AS p, coalesce(r.plans, []) AS oldPlans
WITH r, p, oldPlans, properties(r) <> p{.*, plans: oldPlans} AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END |
  SET r = p, r.plans = oldPlans)
FOREACH (_ IN CASE WHEN $plan IN oldPlans THEN [] ELSE [1] END |
  SET r.plans = ${WITH_PLAN})
RETURN count(*) AS rows, sum(CASE WHEN changed OR NOT $plan IN oldPlans THEN 1 ELSE 0 END) AS changed`;
}

const MERGE_DOCUMENT = `
MERGE (d:Document {id: $props.id})
WITH d, $props AS p, coalesce(d.plans, []) AS oldPlans
WITH d, p, oldPlans, properties(d) <> p{.*, plans: oldPlans} AS changed
FOREACH (_ IN CASE WHEN changed THEN [1] ELSE [] END | SET d = p, d.plans = oldPlans)
FOREACH (_ IN CASE WHEN $plan IN oldPlans THEN [] ELSE [1] END | SET d.plans = ${WITH_PLAN})
RETURN sum(CASE WHEN changed OR NOT $plan IN oldPlans THEN 1 ELSE 0 END) AS changed`;

/**
 * Relationships of this plan that the input no longer has: leave the plan, or go. A relationship
 * is kept by id, type and ends, so one whose id now joins other nodes (or has another type) goes.
 * A plan's relationships start at the plan's nodes (each plan is closed), so only those are expanded.
 */
const PRUNE_RELS = `
MATCH (a:PlanNode) WHERE $plan IN a.plans
MATCH (a)-[r]->(b:PlanNode)
WHERE $plan IN r.plans AND NOT (r.id + '|' + type(r) + '|' + a.id + '|' + b.id) IN $keep
WITH r, [x IN r.plans WHERE x <> $plan] AS rest
FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DELETE r)
FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET r.plans = rest)
RETURN count(*) AS changed`;

const PRUNE_NODES = `
MATCH (n:PlanNode)
WHERE $plan IN n.plans AND NOT n.id IN $keep
WITH n, [x IN n.plans WHERE x <> $plan] AS rest
FOREACH (_ IN CASE WHEN size(rest) = 0 THEN [1] ELSE [] END | DETACH DELETE n)
FOREACH (_ IN CASE WHEN size(rest) > 0 THEN [1] ELSE [] END | SET n.plans = rest)
RETURN count(*) AS changed`;

export const SCHEMA_STATEMENTS: readonly string[] = [
  'CREATE CONSTRAINT plan_node_id IF NOT EXISTS FOR (n:PlanNode) REQUIRE n.id IS UNIQUE',
  'CREATE CONSTRAINT document_id IF NOT EXISTS FOR (d:Document) REQUIRE d.id IS UNIQUE',
  "CREATE FULLTEXT INDEX planNodeNames IF NOT EXISTS FOR (n:PlanNode) ON EACH [n.name_zh, n.name_en, n.name_pinyin] OPTIONS {indexConfig: {`fulltext.analyzer`: 'cjk'}}",
  ...EDGE_TYPES.map((type) => `CREATE INDEX rel_${type.toLowerCase()}_id IF NOT EXISTS FOR ()-[r:${type}]-() ON (r.id)`),
];

// ---------------------------------------------------------------------------------------------

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function toInt(value: unknown): number {
  if (neo4j.isInt(value)) return value.toNumber();
  return typeof value === 'number' ? value : 0;
}

interface PlanWork {
  subgraph: PlanSubgraph;
  counters: LoadCounters;
  elementsChanged: number;
}

/** Everything one plan needs, run inside one transaction. */
async function writePlan(tx: Runner, work: PlanWork, batchSize: number, progress: (line: string) => void): Promise<void> {
  const { plan, document, nodes, edges } = work.subgraph;
  work.counters = zeroCounters();
  work.elementsChanged = 0;
  const debug = Boolean(process.env.PLANGRAPH_LOAD_DEBUG);
  const run = async (query: string, params: Params): Promise<Record<string, number>> => {
    const t0 = Date.now();
    const result = await tx.run(query, params);
    if (debug) progress(`    ${Date.now() - t0} ms: ${query.trim().split('\n').slice(0, 4).join(' ').slice(0, 110)}`);
    addCounters(work.counters, result.summary.counters.updates());
    const record = result.records[0];
    const out: Record<string, number> = {};
    if (record) for (const key of record.keys) out[String(key)] = toInt(record.get(key));
    return out;
  };

  work.elementsChanged += (await run(MERGE_DOCUMENT, { plan, props: documentProperties(document) })).changed ?? 0;

  const total = nodes.length + edges.length;
  let done = 0;
  let lastReport = Date.now();
  const tick = (n: number): void => {
    done += n;
    if (Date.now() - lastReport > 1000 || done === total) {
      lastReport = Date.now();
      progress(`  ${plan}: ${done}/${total} elements merged`);
    }
  };

  for (const batch of chunks(nodes, batchSize)) {
    const rows = batch.map((n) => ({ id: n.id, props: nodeProperties(n) }));
    const out = await run(MERGE_NODES, { plan, rows });
    work.elementsChanged += out.changed ?? 0;
    tick(batch.length);
  }

  const byType = new Map<EdgeType, PlanEdge[]>();
  for (const edge of edges) {
    const list = byType.get(edge.type);
    if (list) list.push(edge);
    else byType.set(edge.type, [edge]);
  }
  for (const type of EDGE_TYPES) {
    for (const batch of chunks(byType.get(type) ?? [], batchSize)) {
      const rows = batch.map((e) => ({ id: e.id, source: e.source, target: e.target, props: edgeProperties(e) }));
      const out = await run(mergeRelsCypher(type), { plan, rows });
      if ((out.rows ?? 0) !== batch.length) {
        throw new Error(`plan ${plan}: ${batch.length - (out.rows ?? 0)} ${type} edge(s) have an end node missing from the database`);
      }
      work.elementsChanged += out.changed ?? 0;
      tick(batch.length);
    }
  }

  work.elementsChanged += (await run(PRUNE_RELS, { plan, keep: edges.map((e) => `${e.id}|${e.type}|${e.source}|${e.target}`) })).changed ?? 0;
  work.elementsChanged += (await run(PRUNE_NODES, { plan, keep: nodes.map((n) => n.id) })).changed ?? 0;
}

/** Creates the constraints and indexes that are missing and waits until they are online. */
export async function ensureSchema(session: Session): Promise<LoadReport['schema']> {
  const schema = { constraintsAdded: 0, indexesAdded: 0 };
  for (const statement of SCHEMA_STATEMENTS) {
    const result = await session.run(statement);
    const updates = result.summary.counters.updates();
    schema.constraintsAdded += updates.constraintsAdded ?? 0;
    schema.indexesAdded += updates.indexesAdded ?? 0;
  }
  await session.run('CALL db.awaitIndexes(300)');
  return schema;
}

async function wipe(session: Session, dryRun: boolean): Promise<{ nodes: number; relationships: number }> {
  const counted = await session.run('MATCH (n) WITH count(n) AS nodes OPTIONAL MATCH ()-[r]->() RETURN nodes, count(r) AS relationships');
  const record = counted.records[0];
  const totals = { nodes: toInt(record?.get('nodes')), relationships: toInt(record?.get('relationships')) };
  if (!dryRun) await deleteEverything(session);
  return totals;
}

/** Deletes every node and relationship in batches (CALL ... IN TRANSACTIONS: an auto-commit `session.run`). */
export async function deleteEverything(session: Session): Promise<void> {
  await session.run('MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
}

/** Loads `graph` (or the plans chosen in options) and reports what changed. */
export async function loadGraph(driver: Driver, graph: PlanGraph, options: LoadOptions = {}): Promise<LoadReport> {
  const started = Date.now();
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? 1000;
  const progress = options.onProgress ?? (() => undefined);
  let subgraphs = planSubgraphs(graph);
  if (options.plans && options.plans.length > 0) {
    const available = subgraphs.map((s) => s.plan);
    const missing = options.plans.filter((p) => !available.includes(p));
    if (missing.length > 0) {
      throw new LoadInputError(`plan ${missing.join(', ')} is not in the input (it has: ${available.join(', ') || 'no plans'})`);
    }
    subgraphs = subgraphs.filter((s) => options.plans!.includes(s.plan));
  }
  const sessionConfig = { defaultAccessMode: neo4j.session.WRITE, ...(options.database ? { database: options.database } : {}) };
  const report: LoadReport = { dryRun, wiped: null, schema: { constraintsAdded: 0, indexesAdded: 0 }, plans: [], totals: zeroCounters(), ms: 0 };

  const session = driver.session(sessionConfig);
  try {
    if (options.wipe) {
      progress(dryRun ? 'wipe: counting what would be deleted' : 'wipe: deleting every node and relationship');
      report.wiped = await wipe(session, dryRun);
    }
    if (!dryRun) {
      progress('schema: constraints and indexes');
      report.schema = await ensureSchema(session);
    }
    for (const subgraph of subgraphs) {
      const planStarted = Date.now();
      progress(`plan ${subgraph.plan}: ${subgraph.nodes.length} nodes, ${subgraph.edges.length} edges${dryRun ? ' (dry run)' : ''}`);
      const work: PlanWork = { subgraph, counters: zeroCounters(), elementsChanged: 0 };
      if (dryRun && !options.wipe) {
        const tx = session.beginTransaction();
        try {
          await writePlan(tx, work, batchSize, progress);
        } finally {
          await tx.rollback();
        }
      } else if (dryRun) {
        // After a wipe everything would be created anew.
        work.counters.nodesCreated = subgraph.nodes.length;
        work.counters.relationshipsCreated = subgraph.edges.length;
        work.elementsChanged = subgraph.nodes.length + subgraph.edges.length + 1;
      } else {
        await session.executeWrite((tx) => writePlan(tx, work, batchSize, progress));
      }
      addCounters(report.totals, work.counters);
      report.plans.push({
        plan: subgraph.plan,
        nodes: subgraph.nodes.length,
        edges: subgraph.edges.length,
        counters: work.counters,
        elementsChanged: work.elementsChanged,
        ms: Date.now() - planStarted,
      });
    }
  } finally {
    await session.close();
  }
  report.ms = Date.now() - started;
  return report;
}

function countersLine(c: LoadCounters): string {
  return (
    `nodes +${c.nodesCreated} −${c.nodesDeleted}, relationships +${c.relationshipsCreated} −${c.relationshipsDeleted}, ` +
    `properties set ${c.propertiesSet}, labels +${c.labelsAdded} −${c.labelsRemoved}`
  );
}

/** The summary the CLI prints. */
export function formatLoadReport(report: LoadReport): string {
  const lines: string[] = [];
  if (report.wiped) {
    lines.push(`${report.dryRun ? 'would wipe' : 'wiped'}: ${report.wiped.nodes} nodes, ${report.wiped.relationships} relationships`);
  }
  if (!report.dryRun) lines.push(`schema: ${report.schema.constraintsAdded} constraints and ${report.schema.indexesAdded} indexes added`);
  for (const p of report.plans) {
    const verdict = p.elementsChanged === 0 ? 'unchanged' : `${p.elementsChanged} elements ${report.dryRun ? 'would change' : 'changed'}`;
    lines.push(`plan ${p.plan} (${p.nodes} nodes, ${p.edges} edges): ${verdict}; ${countersLine(p.counters)} [${(p.ms / 1000).toFixed(2)} s]`);
  }
  const changed = report.plans.reduce((a, p) => a + p.elementsChanged, 0);
  lines.push(
    `${report.dryRun ? 'dry run, nothing written' : 'total'}: ${report.plans.length} plan(s), ${changed === 0 && !report.wiped ? 'zero changes' : `${changed} elements ${report.dryRun ? 'would change' : 'changed'}`}; ` +
      `${countersLine(report.totals)} in ${(report.ms / 1000).toFixed(2)} s`,
  );
  return lines.join('\n');
}

/**
 * The Cypher query engine: the PlanQuery contract over a Neo4j 5 database loaded by
 * graph/neo4j/loader.ts. Every query is parameterised and runs in a READ transaction.
 *
 * Graph work is done by Neo4j where Cypher expresses it directly (allShortestPaths, the
 * coverage cells as fixed-length patterns, counts, the search pre-filter); where the contract
 * needs an exact deterministic rule (neighbourhood caps, climbing with mixed directions,
 * path ordering, search scoring) the engine fetches a bounded subgraph in a few parameterised
 * queries — one per BFS level — and finishes with the same code as the memory engine, so
 * both engines give identical answers.
 */
import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { EdgeType, NodeKind, PlanEdge, PlanNode } from '../model/types.ts';
import { EDGE_TYPES } from '../model/types.ts';
import {
  DEFAULT_CAP,
  DEFAULT_DEPTH,
  DEFAULT_MAX_HOPS,
  DEFAULT_SEARCH_LIMIT,
  type Coverage,
  type CoverageCell,
  type Neighbourhood,
  type NodeDetails,
  type PathsResult,
  type PlanQuery,
  type Relation,
  type SearchHit,
  type Stats,
  type Subgraph,
} from './api.ts';
import {
  byId,
  cmp,
  cmpPlanOrder,
  expandLevel,
  type DagEdge,
  finishPaths,
  GraphIndex,
  hasTarget,
  intArg,
  normaliseQuery,
  quotesFor,
  rankSearch,
  sortRecord,
  sortRelations,
  servesNothingIn,
  sortCells,
  statsFromCounts,
} from './memory.ts';
import { list, StorageShapeError, toNumber, toPlanEdge, toPlanNode, toStr } from './neo4j-shape.ts';

export interface CypherQueryOptions {
  /** Database name; the server default when omitted. */
  database?: string;
  /** Close the driver in close(). Default false: whoever made the driver closes it. */
  ownsDriver?: boolean;
}

/** Relationship types the engine reads; anything else in the database is ignored. */
const TYPES = [...EDGE_TYPES];
const TYPE_ALT = EDGE_TYPES.join('|');

/** Projections: a node and an edge as plain maps, converted at the boundary by neo4j-shape.ts. */
const NODE = (v: string): string => `${v} {.*} AS ${v}, labels(${v}) AS ${v}_labels`;
const EDGE = (r: string, prefix = 'r'): string =>
  `${r} {.*} AS ${prefix}, type(${r}) AS ${prefix}_type, startNode(${r}).id AS ${prefix}_source, endNode(${r}).id AS ${prefix}_target`;

function nodeOf(rec: Neo4jRecord, v = 'n'): PlanNode {
  return toPlanNode(rec.get(v), rec.get(`${v}_labels`));
}
function edgeOf(rec: Neo4jRecord, prefix = 'r'): PlanEdge {
  return toPlanEdge(rec.get(prefix), rec.get(`${prefix}_type`), rec.get(`${prefix}_source`), rec.get(`${prefix}_target`));
}

export function createCypherQuery(driver: Driver, options: CypherQueryOptions = {}): PlanQuery {
  let closed = false;

  async function read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    if (closed) throw new Error('PlanQuery (cypher) is closed');
    const session = driver.session({
      defaultAccessMode: neo4j.session.READ,
      ...(options.database ? { database: options.database } : {}),
    });
    try {
      return await session.executeRead(work);
    } finally {
      await session.close();
    }
  }

  async function run(tx: ManagedTransaction, cypher: string, params: Record<string, unknown> = {}): Promise<Neo4jRecord[]> {
    return (await tx.run(cypher, params)).records;
  }

  async function nodesById(tx: ManagedTransaction, ids: readonly string[]): Promise<PlanNode[]> {
    if (ids.length === 0) return [];
    const recs = await run(tx, `UNWIND $ids AS i MATCH (n:PlanNode {id: i}) RETURN ${NODE('n')}`, { ids: [...new Set(ids)] });
    return recs.map((r) => nodeOf(r));
  }

  /** Every edge of a known type among a node set. */
  async function inducedEdges(tx: ManagedTransaction, ids: readonly string[]): Promise<PlanEdge[]> {
    if (ids.length === 0) return [];
    const recs = await run(
      tx,
      `UNWIND $ids AS i
       MATCH (a:PlanNode {id: i})-[r]->(b:PlanNode)
       WHERE type(r) IN $types AND b.id IN $ids
       RETURN ${EDGE('r')}`,
      { ids: [...new Set(ids)], types: TYPES },
    );
    return recs.map((r) => edgeOf(r));
  }

  /**
   * Breadth-first fetch over typed, directed steps: from each frontier node, the edges that
   * `step` names, and the nodes at their other end. One query per level.
   */
  async function fetchClosure(
    tx: ManagedTransaction,
    seeds: PlanNode[],
    stepCypher: string,
  ): Promise<{ nodes: Map<string, PlanNode>; edges: Map<string, PlanEdge> }> {
    const nodes = new Map(seeds.map((n) => [n.id, n]));
    const edges = new Map<string, PlanEdge>();
    let frontier = seeds.filter((n) => n.kind !== 'Goal').map((n) => n.id);
    while (frontier.length > 0) {
      const recs = await run(tx, stepCypher, { frontier });
      const next: string[] = [];
      for (const rec of recs) {
        const e = edgeOf(rec);
        edges.set(e.id, e);
        const y = nodeOf(rec, 'y');
        if (!nodes.has(y.id)) {
          nodes.set(y.id, y);
          if (y.kind !== 'Goal') next.push(y.id);
        }
      }
      frontier = next;
    }
    return { nodes, edges };
  }

  const engine: PlanQuery = {
    async search(text, limit) {
      const query = normaliseQuery(text);
      const n = intArg(limit, DEFAULT_SEARCH_LIMIT);
      if (!query.q || n === 0) return [];
      // A superset of the memory engine's matches (ids and names only), scored and ranked in
      // TypeScript; then the whole nodes of the winners.
      return read(async (tx) => {
        const recs = await run(
          tx,
          `MATCH (n:PlanNode)
           WITH n, toLower(coalesce(n.name_pinyin, '')) AS py
           WHERE toLower(n.name_zh) CONTAINS $q
              OR toLower(n.name_en) CONTAINS $q
              OR toLower(n.id) CONTAINS $q
              OR (py <> '' AND (
                   py CONTAINS $q
                OR replace(py, ' ', '') CONTAINS $qc
                OR reduce(s = '', w IN split(py, ' ') | s + left(w, 1)) STARTS WITH $qc))
           RETURN n.id AS id, n.name_zh AS zh, n.name_en AS en, n.name_pinyin AS pinyin`,
          { q: query.q, qc: query.compact },
        );
        const candidates = recs.map((r) => {
          const pinyin = r.get('pinyin') as unknown;
          const zh = toStr(r.get('zh'), 'name_zh');
          const en = toStr(r.get('en'), 'name_en');
          return {
            id: toStr(r.get('id'), 'id'),
            name: pinyin === null || pinyin === undefined ? { zh, en } : { zh, en, pinyin: toStr(pinyin, 'name_pinyin') },
          };
        });
        const ranked = rankSearch(candidates, text, n);
        const full = new Map((await nodesById(tx, ranked.map((h) => h.node.id))).map((node) => [node.id, node]));
        return ranked.map((h): SearchHit => {
          const node = full.get(h.node.id);
          if (!node) throw new StorageShapeError(`search: node ${h.node.id} vanished`);
          return { node, field: h.field, score: h.score };
        });
      });
    },

    async node(id) {
      return read(async (tx) => {
        const [node] = await nodesById(tx, [id]);
        if (!node) return null;
        const recs = await run(
          tx,
          `MATCH (n:PlanNode {id: $id})-[r]-(o:PlanNode)
           WHERE type(r) IN $types
           RETURN ${EDGE('r')}, ${NODE('o')}`,
          { id, types: TYPES },
        );
        const seen = new Set<string>();
        const relations: Relation[] = [];
        for (const rec of recs) {
          const edge = edgeOf(rec);
          if (seen.has(edge.id)) continue; // a self-loop matches twice
          seen.add(edge.id);
          relations.push({ edge, direction: edge.source === id ? 'out' : 'in', other: nodeOf(rec, 'o') });
        }
        const docIds = [...new Set(node.sources.map((s) => s.doc))];
        const texts = new Map<string, string>();
        if (docIds.length > 0)
          for (const rec of await run(tx, `MATCH (d:Document) WHERE d.id IN $ids RETURN d.id AS id, d.text AS text`, { ids: docIds }))
            texts.set(toStr(rec.get('id'), 'document.id'), toStr(rec.get('text'), 'document.text'));
        const details: NodeDetails = { node, relations: sortRelations(relations), quotes: quotesFor(node, (d) => texts.get(d)) };
        return details;
      });
    },

    async neighbourhood(id, depth, cap) {
      const d = intArg(depth, DEFAULT_DEPTH);
      const c = intArg(cap, DEFAULT_CAP);
      return read(async (tx): Promise<Neighbourhood> => {
        const [root] = await nodesById(tx, [id]);
        if (!root) return { nodes: [], edges: [], truncated: {} };
        const visited = new Set([id]);
        const truncated: Record<string, number> = {};
        let frontier = [id];
        for (let level = 0; level < d && frontier.length > 0; level++) {
          // Per frontier node: its distinct neighbours not kept before this level, each at
          // the position of its first edge in (edge type, other id) order.
          const recs = await run(
            tx,
            `UNWIND $frontier AS uid
             MATCH (u:PlanNode {id: uid})-[r]-(o:PlanNode)
             WHERE type(r) IN $types AND NOT o.id IN $visited
             RETURN uid, o.id AS oid, min(type(r)) AS t`,
            { frontier, visited: [...visited], types: TYPES },
          );
          const cands = new Map<string, { oid: string; t: string }[]>();
          for (const rec of recs) {
            const uid = toStr(rec.get('uid'), 'uid');
            const list = cands.get(uid) ?? [];
            list.push({ oid: toStr(rec.get('oid'), 'oid'), t: toStr(rec.get('t'), 'type') });
            cands.set(uid, list);
          }
          const ordered = (u: string) =>
            (cands.get(u) ?? []).sort((a, b) => cmp(a.t, b.t) || cmp(a.oid, b.oid)).map((x) => x.oid);
          frontier = expandLevel(frontier, ordered, visited, c, truncated);
        }
        const ids = [...visited];
        const nodes = (await nodesById(tx, ids)).sort(byId);
        const edges = (await inducedEdges(tx, ids)).sort(byId);
        return { nodes, edges, truncated: sortRecord(truncated) };
      });
    },

    async goalsServedBy(id) {
      return read(async (tx): Promise<Subgraph> => {
        const [start] = await nodesById(tx, [id]);
        if (!start) return { nodes: [], edges: [] };
        if (start.kind === 'Goal') return { nodes: [start], edges: [] };
        // Climb: INVOLVES/HAS_TASK backwards, FEEDS forwards (never into a Goal), SERVES into a Goal.
        const { nodes, edges } = await fetchClosure(
          tx,
          [start],
          `UNWIND $frontier AS fid
           MATCH (x:PlanNode {id: fid})-[r:INVOLVES|HAS_TASK|FEEDS|SERVES]-(y:PlanNode)
           WHERE CASE type(r)
                   WHEN 'SERVES' THEN startNode(r) = x AND y:Goal
                   WHEN 'FEEDS' THEN startNode(r) = x AND NOT y:Goal
                   ELSE endNode(r) = x AND NOT y:Goal
                 END
           RETURN ${EDGE('r')}, ${NODE('y')}`,
        );
        return new GraphIndex(nodes.values(), edges.values()).goalsServedBy(id);
      });
    },

    async servingGoal(goalId) {
      return read(async (tx): Promise<Subgraph> => {
        const [goal] = await nodesById(tx, [goalId]);
        if (!goal || goal.kind !== 'Goal') return { nodes: [], edges: [] };
        const first = await run(
          tx,
          `MATCH (y:PlanNode)-[r:SERVES]->(g:Goal {id: $id})
           WHERE NOT y:Goal
           RETURN ${EDGE('r')}, ${NODE('y')}`,
          { id: goalId },
        );
        const seeds = first.map((rec) => nodeOf(rec, 'y'));
        // Descend: INVOLVES/HAS_TASK forwards, FEEDS backwards, never into a Goal.
        const { nodes, edges } = await fetchClosure(
          tx,
          seeds,
          `UNWIND $frontier AS fid
           MATCH (x:PlanNode {id: fid})-[r:INVOLVES|HAS_TASK|FEEDS]-(y:PlanNode)
           WHERE NOT y:Goal AND CASE type(r) WHEN 'FEEDS' THEN endNode(r) = x ELSE startNode(r) = x END
           RETURN ${EDGE('r')}, ${NODE('y')}`,
        );
        nodes.set(goal.id, goal);
        for (const rec of first) {
          const e = edgeOf(rec);
          edges.set(e.id, e);
        }
        return new GraphIndex(nodes.values(), edges.values()).servingGoal(goalId);
      });
    },

    async paths(from, to, maxHops, options) {
      const hops = intArg(maxHops, DEFAULT_MAX_HOPS);
      const avoid = [...new Set(options?.avoidKinds ?? [])];
      return read(async (tx): Promise<PathsResult> => {
        const ends = await nodesById(tx, [from, to]);
        const empty: PathsResult = { nodes: [], edges: [], paths: [] };
        if (!ends.some((n) => n.id === from) || !ends.some((n) => n.id === to)) return empty;
        if (from === to) return { nodes: ends.filter((n) => n.id === from), edges: [], paths: [{ nodes: [from], edges: [] }] };
        if (hops === 0) return empty;
        // `hops` is a validated non-negative integer: safe to put in the pattern.
        // With kinds to avoid, the shortest paths among those whose interior nodes are of
        // none of them (Neo4j checks the predicate during the search, falling back to an
        // exhaustive one when it must).
        const recs = await run(
          tx,
          `MATCH (a:PlanNode {id: $from}), (b:PlanNode {id: $to})
           MATCH p = allShortestPaths((a)-[:${TYPE_ALT}*..${hops}]-(b))
           ${avoid.length > 0 ? 'WHERE none(n IN nodes(p) WHERE n <> a AND n <> b AND n.kind IN $avoid)' : ''}
           UNWIND relationships(p) AS rel
           WITH DISTINCT rel
           RETURN ${EDGE('rel')}`,
          { from, to, avoid },
        );
        if (recs.length === 0) return empty;
        const edges = recs.map((r) => edgeOf(r));
        const nodes = await nodesById(
          tx,
          edges.flatMap((e) => [e.source, e.target]),
        );
        const index = new GraphIndex(nodes, edges);
        // Orient the union of shortest paths away from `from` by BFS distance.
        const dist = new Map([[from, 0]]);
        const queue = [from];
        for (let i = 0; i < queue.length; i++) {
          const u = queue[i]!;
          for (const inc of index.incident.get(u) ?? [])
            if (!dist.has(inc.other)) {
              dist.set(inc.other, dist.get(u)! + 1);
              queue.push(inc.other);
            }
        }
        const dag: DagEdge[] = [];
        for (const e of edges) {
          const ds = dist.get(e.source);
          const dt = dist.get(e.target);
          if (ds !== undefined && dt === ds + 1) dag.push({ from: e.source, to: e.target, edge: e.id });
          else if (dt !== undefined && ds === dt + 1) dag.push({ from: e.target, to: e.source, edge: e.id });
        }
        return finishPaths(index, from, to, dag);
      });
    },

    async coverage() {
      return read(async (tx): Promise<Coverage> => {
        const goalNodes = (await run(tx, `MATCH (n:Goal:PlanNode) RETURN ${NODE('n')}`)).map((r) => nodeOf(r)).sort(cmpPlanOrder);
        const actionNodes = (await run(tx, `MATCH (n:Action:PlanNode) RETURN ${NODE('n')}`)).map((r) => nodeOf(r)).sort(cmpPlanOrder);
        const goals = goalNodes.map((n) => n.id);
        const actions = actionNodes.map((n) => n.id);

        // Cells: the elements under an action (itself, its tasks, what they involve, what
        // those feed; no Goals) with their own SERVES edge into a goal.
        const cellRecs = await run(
          tx,
          `MATCH (a:Action:PlanNode)
           CALL (a) {
             RETURN a AS x
             UNION
             MATCH (a)-[:HAS_TASK]->(x:PlanNode) WHERE NOT x:Goal RETURN x
             UNION
             MATCH (a)-[:HAS_TASK]->(t:PlanNode)-[:INVOLVES]->(x:PlanNode) WHERE NOT t:Goal AND NOT x:Goal RETURN x
             UNION
             MATCH (a)-[:HAS_TASK]->(t:PlanNode)-[:INVOLVES]->(e:PlanNode)-[:FEEDS]->(x:PlanNode)
             WHERE NOT t:Goal AND NOT e:Goal AND NOT x:Goal RETURN x
           }
           MATCH (x)-[:SERVES]->(g:Goal:PlanNode)
           RETURN g.id AS goal, a.id AS action, collect(DISTINCT x.id) AS elements`,
        );
        const cells: CoverageCell[] = sortCells(
          cellRecs.map((r) => ({
            goal: toStr(r.get('goal'), 'goal'),
            action: toStr(r.get('action'), 'action'),
            elements: list(r.get('elements'), 'elements').map((x) => toStr(x, 'element')).sort(cmp),
          })),
          goals,
          actions,
        );

        const servedRecs = await run(
          tx,
          `MATCH (g:Goal:PlanNode) WHERE EXISTS { MATCH (x:PlanNode)-[:SERVES]->(g) WHERE NOT x:Goal } RETURN g.id AS id`,
        );
        const served = new Set(servedRecs.map((r) => toStr(r.get('id'), 'goal id')));
        const unservedGoals = goalNodes.filter((g) => hasTarget(g) && !served.has(g.id)).map((g) => g.id);

        // servesNothing: the containment skeleton (ids and kinds only, as a few collected
        // rows rather than one row per element), closed in TypeScript.
        const kindRecs = await run(tx, `MATCH (n:PlanNode) RETURN n.kind AS kind, collect(n.id) AS ids`);
        const skeletonRecs = await run(
          tx,
          `MATCH (a:PlanNode)-[r:HAS_TASK|INVOLVES|FEEDS|SERVES]->(b:PlanNode)
           RETURN type(r) AS type, collect([r.id, a.id, b.id]) AS rows`,
        );
        const skeletonNodes: PlanNode[] = [];
        for (const rec of kindRecs) {
          const kind = rec.get('kind');
          for (const id of list(rec.get('ids'), 'ids')) skeletonNodes.push(toPlanNode({ id, kind, name_zh: '', name_en: '' }));
        }
        const skeletonEdges: PlanEdge[] = [];
        for (const rec of skeletonRecs) {
          const type = rec.get('type');
          for (const row of list(rec.get('rows'), 'rows')) {
            const [id, source, target] = list(row, 'row');
            skeletonEdges.push(toPlanEdge({ id, basis: 'stated' }, type, source, target));
          }
        }
        const skeleton = new GraphIndex(skeletonNodes, skeletonEdges);
        const servesNothing = servesNothingIn(skeleton);
        return { goals, actions, cells, unservedGoals, servesNothing };
      });
    },

    async stats() {
      return read(async (tx): Promise<Stats> => {
        const kinds = await run(tx, `MATCH (n:PlanNode) RETURN n.kind AS kind, count(*) AS c`);
        const types = await run(
          tx,
          `MATCH (:PlanNode)-[r]->(:PlanNode) WHERE type(r) IN $types RETURN type(r) AS type, count(*) AS c`,
          { types: TYPES },
        );
        const docs = await run(tx, `MATCH (d:Document) RETURN count(d) AS c`);
        const nodeKinds = kinds.map((r): [NodeKind, number] => [
          toPlanNode({ id: '?', kind: r.get('kind'), name_zh: '', name_en: '' }).kind,
          toNumber(r.get('c'), 'count'),
        ]);
        const edgeTypes = types.map((r): [EdgeType, number] => [
          toPlanEdge({ id: '?', basis: 'stated' }, r.get('type'), '', '').type,
          toNumber(r.get('c'), 'count'),
        ]);
        return statsFromCounts(nodeKinds, edgeTypes, toNumber(docs[0]?.get('c') ?? 0, 'count'));
      });
    },

    async close() {
      if (closed) return;
      closed = true;
      if (options.ownsDriver) await driver.close();
    },
  };
  return engine;
}

export { StorageShapeError };

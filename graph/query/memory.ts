/**
 * The in-memory query engine over PlanGraph JSON: the explorer's embedded default.
 *
 * Dependency-free (types only) so it bundles into the browser. Every index is built once
 * in `createMemoryQuery`; each query then touches only what it needs.
 *
 * The graph algorithms live in `GraphIndex` and the exported helpers so that the Cypher
 * engine can fetch a bounded subgraph from Neo4j and finish with exactly the same code:
 * both engines then give identical answers by construction where that matters
 * (deterministic caps, tie-breaks, path enumeration).
 */
import { sentenceAround } from '../model/sentence.ts';
import type { EdgeType, NodeKind, PlanDocument, PlanEdge, PlanGraph, PlanNode, Span } from '../model/types.ts';
import { EDGE_TYPES, NODE_KINDS } from '../model/types.ts';
import {
  DEFAULT_CAP,
  DEFAULT_DEPTH,
  DEFAULT_MAX_HOPS,
  DEFAULT_SEARCH_LIMIT,
  MAX_PATHS,
  type Coverage,
  type CoverageCell,
  type Neighbourhood,
  type NodeDetails,
  type Path,
  type PathOptions,
  type PathsResult,
  type PlanQuery,
  type Quote,
  type Relation,
  type SearchHit,
  type Stats,
  type Subgraph,
} from './api.ts';

// ---------------------------------------------------------------------------------------
// Small shared helpers (also used by the Cypher engine)

/** Plain code-unit string comparison: the same on every engine and locale. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function cmpSpan(a: Span, b: Span): number {
  return cmp(a.doc, b.doc) || a.start - b.start || a.end - b.end;
}

/** Plan order: by the node's first source position (doc id, start, end); unsourced nodes last; then id. */
export function cmpPlanOrder(a: PlanNode, b: PlanNode): number {
  const sa = firstSpan(a);
  const sb = firstSpan(b);
  if (sa && sb) return cmpSpan(sa, sb) || cmp(a.id, b.id);
  if (sa) return -1;
  if (sb) return 1;
  return cmp(a.id, b.id);
}

function firstSpan(n: PlanNode): Span | undefined {
  let best: Span | undefined;
  for (const s of n.sources) if (!best || cmpSpan(s, best) < 0) best = s;
  return best;
}

export function byId<T extends { id: string }>(a: T, b: T): number {
  return cmp(a.id, b.id);
}

/** Clamp an optional count argument: non-finite → default, otherwise floor and at least 0. */
export function intArg(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value)) return fallback;
  return Math.max(0, Math.floor(value));
}

/** Node kinds that `coverage().servesNothing` considers (actions, tasks and entities). */
export const NOT_ELEMENT_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>(['Plan', 'Organization', 'Policy', 'Goal']);

/** True when `props.target` is a non-empty value. */
export function hasTarget(n: PlanNode): boolean {
  const t = n.props.target;
  if (t === undefined || t === null) return false;
  if (typeof t === 'string') return t.trim() !== '';
  if (Array.isArray(t)) return t.length > 0;
  return true;
}

// ---------------------------------------------------------------------------------------
// Search

export interface SearchKeys {
  zh: string;
  en: string;
  /** Pinyin with single spaces between syllables. */
  pinyin: string;
  /** Pinyin with the spaces removed: "jinfengshiyanshi". */
  compact: string;
  /** First letter of each syllable: "jfsys". */
  initials: string;
  id: string;
}

export function searchKeys(node: Pick<PlanNode, 'id' | 'name'>): SearchKeys {
  const pinyin = (node.name.pinyin ?? '').toLowerCase().trim().split(/\s+/).filter(Boolean);
  return {
    zh: node.name.zh.toLowerCase(),
    en: node.name.en.toLowerCase(),
    pinyin: pinyin.join(' '),
    compact: pinyin.join(''),
    initials: pinyin.map((s) => s[0] ?? '').join(''),
    id: node.id.toLowerCase(),
  };
}

/** Normalised query: lower case, trimmed, inner whitespace collapsed to one space. */
export function normaliseQuery(text: string): { q: string; compact: string } {
  const q = text.toLowerCase().trim().replace(/\s+/g, ' ');
  return { q, compact: q.replace(/ /g, '') };
}

function matchScore(key: string, q: string, allowSubstring = true): number {
  if (!key || !q) return 0;
  if (key === q) return 3;
  if (key.startsWith(q)) return 2;
  if (allowSubstring && key.includes(q)) return 1;
  return 0;
}

/**
 * Score one node against a normalised query (see `PlanQuery.search`): 3 exact, 2 prefix,
 * 1 substring, 0 no match; the reported field is the best-scoring one, ties going to
 * zh, en, pinyin, id in that order.
 */
export function scoreKeys(keys: SearchKeys, query: { q: string; compact: string }): { field: SearchHit['field']; score: number } | null {
  const { q, compact } = query;
  if (!q) return null;
  const candidates: [SearchHit['field'], number][] = [
    ['zh', matchScore(keys.zh, q)],
    ['en', matchScore(keys.en, q)],
    [
      'pinyin',
      Math.max(matchScore(keys.pinyin, q), matchScore(keys.compact, compact), matchScore(keys.initials, compact, false)),
    ],
    ['id', matchScore(keys.id, q)],
  ];
  let best: { field: SearchHit['field']; score: number } | null = null;
  for (const [field, score] of candidates) if (score > 0 && (!best || score > best.score)) best = { field, score };
  return best;
}

/**
 * Best hits first: higher score, then the shorter Chinese name (at equal scores the
 * shorter name is the more specific match: 金凤实验室 before a task that names it), then id.
 */
export function compareHits(
  a: { node: Pick<PlanNode, 'id' | 'name'>; score: number },
  b: { node: Pick<PlanNode, 'id' | 'name'>; score: number },
): number {
  return b.score - a.score || a.node.name.zh.length - b.node.name.zh.length || cmp(a.node.id, b.node.id);
}

/**
 * Score, sort (see `compareHits`) and cut a candidate list. Candidates need only id and
 * name, so a caller can fetch whole nodes for the winners only.
 */
export function rankSearch<T extends Pick<PlanNode, 'id' | 'name'>>(
  nodes: Iterable<T>,
  text: string,
  limit: number | undefined,
): { node: T; field: SearchHit['field']; score: number }[] {
  const query = normaliseQuery(text);
  const n = intArg(limit, DEFAULT_SEARCH_LIMIT);
  if (!query.q || n === 0) return [];
  const hits: { node: T; field: SearchHit['field']; score: number }[] = [];
  for (const node of nodes) {
    const s = scoreKeys(searchKeys(node), query);
    if (s) hits.push({ node, field: s.field, score: s.score });
  }
  hits.sort(compareHits);
  return hits.slice(0, n);
}

// ---------------------------------------------------------------------------------------
// Index

export interface Incident {
  edge: PlanEdge;
  /** 'out' when this node is the edge's source. A self-loop is listed once, as 'out'. */
  direction: 'out' | 'in';
  other: string;
}

function cmpIncident(a: Incident, b: Incident): number {
  return cmp(a.edge.type, b.edge.type) || cmp(a.other, b.other) || cmp(a.edge.id, b.edge.id);
}

/**
 * A graph with adjacency indexes. The memory engine builds one over the whole graph; the
 * Cypher engine builds small ones over subgraphs it fetched.
 */
export class GraphIndex {
  readonly nodes = new Map<string, PlanNode>();
  readonly edges = new Map<string, PlanEdge>();
  /** Incident edges per node, sorted by edge type, other id, edge id. Dangling edges are ignored. */
  readonly incident = new Map<string, Incident[]>();
  private readonly outByType = new Map<string, PlanEdge[]>();
  private readonly inByType = new Map<string, PlanEdge[]>();

  constructor(nodes: Iterable<PlanNode>, edges: Iterable<PlanEdge>) {
    for (const n of nodes) {
      this.nodes.set(n.id, n);
      this.incident.set(n.id, []);
    }
    for (const e of edges) {
      if (!this.nodes.has(e.source) || !this.nodes.has(e.target)) continue;
      this.edges.set(e.id, e);
      this.incident.get(e.source)!.push({ edge: e, direction: 'out', other: e.target });
      if (e.source !== e.target) this.incident.get(e.target)!.push({ edge: e, direction: 'in', other: e.source });
      push(this.outByType, `${e.source}\u0000${e.type}`, e);
      push(this.inByType, `${e.target}\u0000${e.type}`, e);
    }
    for (const list of this.incident.values()) list.sort(cmpIncident);
  }

  out(id: string, type: EdgeType): readonly PlanEdge[] {
    return this.outByType.get(`${id}\u0000${type}`) ?? [];
  }
  in(id: string, type: EdgeType): readonly PlanEdge[] {
    return this.inByType.get(`${id}\u0000${type}`) ?? [];
  }
  isGoal(id: string): boolean {
    return this.nodes.get(id)?.kind === 'Goal';
  }

  subgraph(nodeIds: Iterable<string>, edgeIds: Iterable<string>): Subgraph {
    const nodes: PlanNode[] = [];
    for (const id of new Set(nodeIds)) {
      const n = this.nodes.get(id);
      if (n) nodes.push(n);
    }
    const edges: PlanEdge[] = [];
    for (const id of new Set(edgeIds)) {
      const e = this.edges.get(id);
      if (e) edges.push(e);
    }
    return { nodes: nodes.sort(byId), edges: edges.sort(byId) };
  }

  /** The edges among a node set (the induced subgraph), sorted by id. */
  induced(nodeIds: ReadonlySet<string>): PlanEdge[] {
    const edges: PlanEdge[] = [];
    for (const id of nodeIds)
      for (const inc of this.incident.get(id) ?? [])
        if (inc.direction === 'out' && nodeIds.has(inc.other)) edges.push(inc.edge);
    return edges.sort(byId);
  }

  // ---- climbing (goalsServedBy / servingGoal) --------------------------------------------

  /**
   * The "climb" moves out of a node: INVOLVES and HAS_TASK followed backwards, FEEDS
   * forwards, never into a Goal. Returned as [edge, next node id].
   */
  upMoves(id: string): [PlanEdge, string][] {
    const moves: [PlanEdge, string][] = [];
    for (const e of this.in(id, 'INVOLVES')) moves.push([e, e.source]);
    for (const e of this.in(id, 'HAS_TASK')) moves.push([e, e.source]);
    for (const e of this.out(id, 'FEEDS')) moves.push([e, e.target]);
    return moves.filter(([, next]) => this.nodes.has(next) && !this.isGoal(next));
  }

  /** The reverse of `upMoves`: INVOLVES and HAS_TASK forwards, FEEDS backwards, never into a Goal. */
  downMoves(id: string): [PlanEdge, string][] {
    const moves: [PlanEdge, string][] = [];
    for (const e of this.out(id, 'INVOLVES')) moves.push([e, e.target]);
    for (const e of this.out(id, 'HAS_TASK')) moves.push([e, e.target]);
    for (const e of this.in(id, 'FEEDS')) moves.push([e, e.source]);
    return moves.filter(([, next]) => this.nodes.has(next) && !this.isGoal(next));
  }

  /** SERVES edges from a non-Goal node into Goal nodes. */
  servesOut(id: string): PlanEdge[] {
    if (this.isGoal(id)) return [];
    return this.out(id, 'SERVES').filter((e) => this.isGoal(e.target));
  }

  goalsServedBy(id: string): Subgraph {
    const start = this.nodes.get(id);
    if (!start) return { nodes: [], edges: [] };
    if (start.kind === 'Goal') return { nodes: [start], edges: [] };
    // Forward: everything reachable by climbing.
    const reach = closure([id], (u) => this.upMoves(u).map(([, next]) => next));
    // Backward within `reach`: what can still end on a SERVES edge.
    const nodeIds = new Set<string>();
    const edgeIds = new Set<string>();
    const direct: string[] = [];
    for (const r of reach) {
      const serves = this.servesOut(r);
      if (serves.length > 0) direct.push(r);
      for (const e of serves) {
        edgeIds.add(e.id);
        nodeIds.add(e.target);
      }
    }
    const useful = closure(direct, (u) => this.downMoves(u).map(([, prev]) => prev).filter((prev) => reach.has(prev)));
    return this.climbSubgraph(useful, nodeIds, edgeIds);
  }

  servingGoal(goalId: string): Subgraph {
    const goal = this.nodes.get(goalId);
    if (!goal || goal.kind !== 'Goal') return { nodes: [], edges: [] };
    const edgeIds = new Set<string>();
    const direct: string[] = [];
    for (const e of this.in(goalId, 'SERVES'))
      if (this.nodes.has(e.source) && !this.isGoal(e.source)) {
        edgeIds.add(e.id);
        direct.push(e.source);
      }
    const co = closure(direct, (u) => this.downMoves(u).map(([, prev]) => prev));
    return this.climbSubgraph(co, new Set([goalId]), edgeIds);
  }

  /** `members` with the climb edges among them, plus the given extra nodes and edges. */
  private climbSubgraph(members: ReadonlySet<string>, nodeIds: Set<string>, edgeIds: Set<string>): Subgraph {
    for (const u of members) {
      nodeIds.add(u);
      for (const [e, next] of this.upMoves(u)) if (members.has(next)) edgeIds.add(e.id);
    }
    return this.subgraph(nodeIds, edgeIds);
  }

  // ---- neighbourhood ---------------------------------------------------------------------

  neighbourhood(id: string, depth?: number, cap?: number): Neighbourhood {
    return neighbourhoodOver(this, id, intArg(depth, DEFAULT_DEPTH), intArg(cap, DEFAULT_CAP));
  }

  // ---- paths -----------------------------------------------------------------------------

  paths(from: string, to: string, maxHops?: number, options?: PathOptions): PathsResult {
    const hops = intArg(maxHops, DEFAULT_MAX_HOPS);
    if (!this.nodes.has(from) || !this.nodes.has(to)) return { nodes: [], edges: [], paths: [] };
    if (from === to) return { ...this.subgraph([from], []), paths: [{ nodes: [from], edges: [] }] };
    const avoid = new Set<string>(options?.avoidKinds ?? []);
    // A node may be on a path when it is an endpoint or not of an avoided kind.
    const allowed =
      avoid.size === 0
        ? (): boolean => true
        : (id: string): boolean => id === from || id === to || !avoid.has(this.nodes.get(id)!.kind);
    const distFrom = this.bfsDistances(from, hops, to, allowed);
    const d = distFrom.get(to);
    if (d === undefined) return { nodes: [], edges: [], paths: [] };
    const distTo = this.bfsDistances(to, d, from, allowed);
    // Edges on some shortest path, as an undirected DAG oriented away from `from`.
    const dag: DagEdge[] = [];
    for (const [u, du] of distFrom) {
      if (du >= d) continue;
      for (const inc of this.incident.get(u) ?? []) {
        const dv = distFrom.get(inc.other);
        const tv = distTo.get(inc.other);
        if (dv === du + 1 && tv === d - dv) dag.push({ from: u, to: inc.other, edge: inc.edge.id });
      }
    }
    return finishPaths(this, from, to, dag);
  }

  /** BFS distances from `start` over nodes `allowed` accepts, stopping at the level that reaches `stopAt`. */
  private bfsDistances(start: string, limit: number, stopAt: string, allowed: (id: string) => boolean): Map<string, number> {
    const dist = new Map([[start, 0]]);
    let frontier = [start];
    for (let level = 1; level <= limit && frontier.length > 0; level++) {
      const next: string[] = [];
      for (const u of frontier)
        for (const inc of this.incident.get(u) ?? [])
          if (!dist.has(inc.other) && allowed(inc.other)) {
            dist.set(inc.other, level);
            next.push(inc.other);
          }
      if (dist.has(stopAt)) break;
      frontier = next;
    }
    return dist;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// ---------------------------------------------------------------------------------------
// Neighbourhood, generic over where adjacency comes from

/**
 * Deterministic capped BFS (see `PlanQuery.neighbourhood`). `index` must hold the incident
 * edges of every node that gets expanded, and the nodes/edges of the result.
 */
export function neighbourhoodOver(index: GraphIndex, id: string, depth: number, cap: number): Neighbourhood {
  if (!index.nodes.has(id)) return { nodes: [], edges: [], truncated: {} };
  const visited = new Set([id]);
  const truncated: Record<string, number> = {};
  let frontier = [id];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    frontier = expandLevel(frontier, (u) => freshNeighbours(index.incident.get(u) ?? [], visited), visited, cap, truncated);
  }
  const nodes = [...visited].map((v) => index.nodes.get(v)).filter((n): n is PlanNode => n !== undefined);
  return { nodes: nodes.sort(byId), edges: index.induced(visited), truncated: sortRecord(truncated) };
}

/** Distinct not-yet-visited neighbours in (edge type, other id, edge id) order. */
export function freshNeighbours(incident: readonly Incident[], visited: ReadonlySet<string>): string[] {
  const sorted = [...incident].sort(cmpIncident);
  const seen = new Set<string>();
  const out: string[] = [];
  for (const inc of sorted)
    if (!visited.has(inc.other) && !seen.has(inc.other)) {
      seen.add(inc.other);
      out.push(inc.other);
    }
  return out;
}

export function sortRecord(r: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of Object.keys(r).sort(cmp)) out[k] = r[k]!;
  return out;
}

// ---------------------------------------------------------------------------------------
// Paths, generic: enumerate from a shortest-path DAG

export interface DagEdge {
  from: string;
  to: string;
  edge: string;
}

/**
 * Enumerate the shortest paths of a DAG (every edge one step further from `from`, every
 * edge on some shortest path to `to`) in (node-id sequence, edge-id sequence) order,
 * at most MAX_PATHS of them; the subgraph is the union of the returned paths.
 */
export function finishPaths(
  index: { subgraph(nodeIds: Iterable<string>, edgeIds: Iterable<string>): Subgraph },
  from: string,
  to: string,
  dag: readonly DagEdge[],
): PathsResult {
  // node -> next node -> edge ids (sorted)
  const next = new Map<string, Map<string, string[]>>();
  for (const e of dag) {
    let m = next.get(e.from);
    if (!m) next.set(e.from, (m = new Map()));
    const list = m.get(e.to);
    if (list) {
      if (!list.includes(e.edge)) list.push(e.edge);
    } else m.set(e.to, [e.edge]);
  }
  const paths: Path[] = [];
  const nodeSeq = [from];
  const walk = (u: string): void => {
    if (paths.length >= MAX_PATHS) return;
    if (u === to) {
      expandEdges(nodeSeq, next, paths);
      return;
    }
    const m = next.get(u);
    if (!m) return;
    for (const v of [...m.keys()].sort(cmp)) {
      nodeSeq.push(v);
      walk(v);
      nodeSeq.pop();
      if (paths.length >= MAX_PATHS) return;
    }
  };
  walk(from);
  const sg = index.subgraph(
    paths.flatMap((p) => p.nodes),
    paths.flatMap((p) => p.edges),
  );
  return { ...sg, paths };
}

function expandEdges(nodeSeq: readonly string[], next: Map<string, Map<string, string[]>>, paths: Path[]): void {
  const choices = nodeSeq.slice(1).map((v, i) => [...(next.get(nodeSeq[i]!)?.get(v) ?? [])].sort(cmp));
  const edges: string[] = [];
  const rec = (i: number): void => {
    if (paths.length >= MAX_PATHS) return;
    if (i === choices.length) {
      paths.push({ nodes: [...nodeSeq], edges: [...edges] });
      return;
    }
    for (const e of choices[i]!) {
      edges.push(e);
      rec(i + 1);
      edges.pop();
      if (paths.length >= MAX_PATHS) return;
    }
  };
  rec(0);
}

// ---------------------------------------------------------------------------------------
// Node details, coverage and stats helpers

export function sortRelations(relations: Relation[]): Relation[] {
  return relations.sort(
    (a, b) =>
      cmp(a.edge.type, b.edge.type) ||
      (a.direction === b.direction ? 0 : a.direction === 'out' ? -1 : 1) ||
      cmp(a.other.id, b.other.id) ||
      cmp(a.edge.id, b.edge.id),
  );
}

/**
 * One BFS level of `neighbourhood`, shared by both engines: the frontier in id order, each
 * node keeping at most `cap` of its not-yet-visited neighbours (`freshOf`, already in the
 * deterministic order) and recording in `truncated` how many it had to leave out.
 */
export function expandLevel(
  frontier: readonly string[],
  freshOf: (id: string) => string[],
  visited: Set<string>,
  cap: number,
  truncated: Record<string, number>,
): string[] {
  const next: string[] = [];
  for (const u of [...frontier].sort(cmp)) {
    const fresh = [...new Set(freshOf(u))].filter((v) => !visited.has(v));
    const taken = fresh.slice(0, cap);
    for (const v of taken) {
      visited.add(v);
      next.push(v);
    }
    if (fresh.length > taken.length) truncated[u] = fresh.length - taken.length;
  }
  return next;
}

/** The node's sources with their text, sorted by (doc id, start, end); unknown documents give "". */
export function quotesFor(node: PlanNode, textOf: (doc: string) => string | undefined): Quote[] {
  return [...node.sources].sort(cmpSpan).map((span) => {
    const text = textOf(span.doc);
    const quote: Quote = { span: { doc: span.doc, start: span.start, end: span.end }, text: text?.slice(span.start, span.end) ?? '' };
    if (text !== undefined) quote.sentence = sentenceAround(text, span);
    return quote;
  });
}

/**
 * The elements under an action (see `Coverage`): the action, its tasks (HAS_TASK), what
 * those involve (INVOLVES) and what those feed (FEEDS), never a Goal.
 */
export function elementsUnder(index: GraphIndex, actionId: string): Set<string> {
  const out = new Set<string>([actionId]);
  const step = (from: Iterable<string>, type: EdgeType): string[] => {
    const found: string[] = [];
    for (const id of from)
      for (const e of index.out(id, type))
        if (index.nodes.has(e.target) && !index.isGoal(e.target)) {
          found.push(e.target);
          out.add(e.target);
        }
    return found;
  };
  const tasks = step([actionId], 'HAS_TASK');
  const involved = step(tasks, 'INVOLVES');
  step(involved, 'FEEDS');
  return out;
}

export function computeCoverage(index: GraphIndex): Coverage {
  const all = [...index.nodes.values()];
  const goals = all.filter((n) => n.kind === 'Goal').sort(cmpPlanOrder);
  const actions = all.filter((n) => n.kind === 'Action').sort(cmpPlanOrder);

  const cellMap = new Map<string, CoverageCell>();
  for (const a of actions)
    for (const x of elementsUnder(index, a.id))
      for (const e of index.servesOut(x)) {
        const key = `${e.target}\u0000${a.id}`;
        let cell = cellMap.get(key);
        if (!cell) cellMap.set(key, (cell = { goal: e.target, action: a.id, elements: [] }));
        if (!cell.elements.includes(x)) cell.elements.push(x);
      }
  const cells = sortCells(
    [...cellMap.values()].map((c) => ({ ...c, elements: c.elements.sort(cmp) })),
    goals.map((g) => g.id),
    actions.map((a) => a.id),
  );

  const unservedGoals = goals
    .filter((g) => hasTarget(g) && !index.in(g.id, 'SERVES').some((e) => index.nodes.has(e.source) && !index.isGoal(e.source)))
    .map((g) => g.id);

  const servesNothing = servesNothingIn(index);

  return { goals: goals.map((g) => g.id), actions: actions.map((a) => a.id), cells, unservedGoals, servesNothing };
}

/** Cells in goal order, then action order (both lists already in plan order). */
export function sortCells(cells: CoverageCell[], goals: readonly string[], actions: readonly string[]): CoverageCell[] {
  const goalPos = new Map(goals.map((g, i) => [g, i]));
  const actionPos = new Map(actions.map((a, i) => [a, i]));
  return cells.sort((a, b) => goalPos.get(a.goal)! - goalPos.get(b.goal)! || actionPos.get(a.action)! - actionPos.get(b.action)!);
}

/**
 * `Coverage.servesNothing`: candidates (not Plan/Organization/Policy/Goal) that are neither
 * tied up (can climb to a SERVES edge) nor tied down (have below them, through HAS_TASK,
 * INVOLVES and FEEDS forwards, something with a SERVES edge). Needs only ids, kinds and the
 * HAS_TASK/INVOLVES/FEEDS/SERVES edges.
 */
export function servesNothingIn(index: GraphIndex): string[] {
  const all = [...index.nodes.values()];
  const direct = all.filter((n) => index.servesOut(n.id).length > 0).map((n) => n.id);
  const tiedUp = closure(direct, (id) => index.downMoves(id).map(([, prev]) => prev));
  const tiedDown = closure(direct, (id) => {
    const prev: string[] = [];
    for (const type of ['HAS_TASK', 'INVOLVES', 'FEEDS'] as const) for (const e of index.in(id, type)) prev.push(e.source);
    return prev.filter((p) => index.nodes.has(p) && !index.isGoal(p));
  });
  return all
    .filter((n) => !NOT_ELEMENT_KINDS.has(n.kind) && !tiedUp.has(n.id) && !tiedDown.has(n.id))
    .map((n) => n.id)
    .sort(cmp);
}

function closure(seeds: Iterable<string>, step: (id: string) => Iterable<string>): Set<string> {
  const seen = new Set(seeds);
  const queue = [...seen];
  for (let i = 0; i < queue.length; i++)
    for (const next of step(queue[i]!))
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return seen;
}

export function statsOf(nodes: Iterable<{ kind: NodeKind }>, edges: Iterable<{ type: EdgeType }>, documents: number): Stats {
  const kinds = new Map<NodeKind, number>();
  const types = new Map<EdgeType, number>();
  for (const node of nodes) kinds.set(node.kind, (kinds.get(node.kind) ?? 0) + 1);
  for (const edge of edges) types.set(edge.type, (types.get(edge.type) ?? 0) + 1);
  return statsFromCounts(kinds, types, documents);
}

/** Stats from per-kind and per-type counts (repeated keys add up). */
export function statsFromCounts(
  kinds: Iterable<[NodeKind, number]>,
  types: Iterable<[EdgeType, number]>,
  documents: number,
): Stats {
  const k = new Map<NodeKind, number>();
  const t = new Map<EdgeType, number>();
  let n = 0;
  let m = 0;
  for (const [kind, c] of kinds) {
    k.set(kind, (k.get(kind) ?? 0) + c);
    n += c;
  }
  for (const [type, c] of types) {
    t.set(type, (t.get(type) ?? 0) + c);
    m += c;
  }
  const byKind: Stats['byKind'] = {};
  for (const kind of NODE_KINDS) {
    const c = k.get(kind);
    if (c) byKind[kind] = c;
  }
  const byType: Stats['byType'] = {};
  for (const type of EDGE_TYPES) {
    const c = t.get(type);
    if (c) byType[type] = c;
  }
  return { nodes: n, edges: m, byKind, byType, documents };
}

// ---------------------------------------------------------------------------------------
// The engine

export function createMemoryQuery(graph: PlanGraph): PlanQuery {
  const index = new GraphIndex(graph.nodes, graph.edges);
  const docs = new Map<string, PlanDocument>(graph.documents.map((d) => [d.id, d]));
  const nodes = [...index.nodes.values()].sort(byId);
  const keys = nodes.map((node) => ({ node, keys: searchKeys(node) }));
  let coverage: Coverage | undefined;
  let stats: Stats | undefined;

  const engine: PlanQuery = {
    async search(text, limit) {
      const query = normaliseQuery(text);
      const n = intArg(limit, DEFAULT_SEARCH_LIMIT);
      if (!query.q || n === 0) return [];
      const hits: SearchHit[] = [];
      for (const { node, keys: k } of keys) {
        const s = scoreKeys(k, query);
        if (s) hits.push({ node, field: s.field, score: s.score });
      }
      hits.sort(compareHits);
      return hits.slice(0, n);
    },

    async node(id) {
      const node = index.nodes.get(id);
      if (!node) return null;
      const relations: Relation[] = (index.incident.get(id) ?? []).map((inc) => ({
        edge: inc.edge,
        direction: inc.direction,
        other: index.nodes.get(inc.other)!,
      }));
      const details: NodeDetails = {
        node,
        relations: sortRelations(relations),
        quotes: quotesFor(node, (doc) => docs.get(doc)?.text),
      };
      return details;
    },

    async neighbourhood(id, depth, cap) {
      return index.neighbourhood(id, depth, cap);
    },

    async goalsServedBy(id) {
      return index.goalsServedBy(id);
    },

    async servingGoal(goalId) {
      return index.servingGoal(goalId);
    },

    async paths(from, to, maxHops, options) {
      return index.paths(from, to, maxHops, options);
    },

    async coverage() {
      return (coverage ??= computeCoverage(index));
    },

    async stats() {
      return (stats ??= statsOf(index.nodes.values(), index.edges.values(), graph.documents.length));
    },

    async close() {},
  };
  return engine;
}

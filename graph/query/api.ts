/**
 * What the explorer asks of a plan graph. Two engines implement it — in memory over
 * PlanGraph JSON (the embedded default) and Cypher over Neo4j — and one contract
 * suite (tests/graph/query/contract.ts) holds them to the same answers.
 *
 * Every answer is plain data that survives JSON: no engine objects leak out.
 * Lists are sorted deterministically (documented per method) so both engines agree.
 */
import type { EdgeType, NodeKind, PlanEdge, PlanNode, Span } from '../model/types.ts';

/**
 * Conventions shared by every method:
 * - Ids and strings are compared by UTF-16 code units (`a < b`), never by locale.
 * - "Plan order" sorts nodes by their first source span — the smallest (doc id, start, end)
 *   among `sources` — with unsourced nodes after all sourced ones, then by id.
 * - Count arguments (limit, depth, cap, maxHops) that are undefined or not finite take their
 *   default; otherwise they are floored and clamped to at least 0.
 * - Unknown ids never throw: they give null (node) or an empty answer.
 * - Answers are read-only: the memory engine may hand out shared objects.
 */
export const DEFAULT_SEARCH_LIMIT = 20;
export const DEFAULT_DEPTH = 1;
export const DEFAULT_CAP = 25;
export const DEFAULT_MAX_HOPS = 6;
/** `paths` returns at most this many paths (the first ones in its sort order). */
export const MAX_PATHS = 100;

/** A subgraph: nodes and the edges among them, each list sorted by id. */
export interface Subgraph {
  nodes: PlanNode[];
  edges: PlanEdge[];
}

export interface SearchHit {
  node: PlanNode;
  /**
   * Which key matched best: zh, en, pinyin (spaced "jin feng shi yan shi", compact
   * "jinfengshiyanshi" or initials "jfsys") or the node id. On equal scores the first of
   * zh, en, pinyin, id wins.
   */
  field: 'zh' | 'en' | 'pinyin' | 'id';
  /** 3 exact, 2 prefix, 1 substring (initials match exact or prefix only, never substring). */
  score: number;
}

export interface Quote {
  span: Span;
  /** `document.text.slice(span.start, span.end)`; "" when the document is unknown. */
  text: string;
  /** The sentence of the plan the span lies in (see graph/model/sentence.ts), for display with the span highlighted. */
  sentence?: { start: number; end: number; text: string };
}

export interface Relation {
  edge: PlanEdge;
  direction: 'out' | 'in';
  /** The node at the other end. A self-loop is listed once, as 'out', with the node itself as other. */
  other: PlanNode;
}

export interface NodeDetails {
  node: PlanNode;
  /** Sorted by edge type, then direction (out first), then the other node's id, then edge id. */
  relations: Relation[];
  /** The node's sources with their text, sorted by (doc id, start, end). */
  quotes: Quote[];
}

/**
 * `nodes` are the nodes the BFS kept; `edges` are ALL edges among them (the induced
 * subgraph), sorted by id.
 */
export interface Neighbourhood extends Subgraph {
  /**
   * For each expanded node whose new neighbours were cut by `cap`: how many distinct new
   * neighbours were left out at that moment (some may still be in `nodes`, reached from
   * another node of the same level). Keys sorted by id; nodes not cut are absent.
   */
  truncated: Record<string, number>;
}

export interface Path {
  /** Node ids from `from` to `to`. */
  nodes: string[];
  /** Edge ids along the path, one fewer than nodes. */
  edges: string[];
}

/** Options of `PlanQuery.paths`. */
export interface PathOptions {
  /**
   * Node kinds that may not appear strictly inside a path: a path may start or end on a
   * node of these kinds but never pass through one. Paths are then the shortest among those
   * that avoid them (which may be longer than the unrestricted shortest paths, or none at
   * all). Default: avoid nothing. Unknown kinds are ignored.
   */
  avoidKinds?: readonly NodeKind[];
}

/** `nodes` and `edges` are the union of the returned paths (not the induced subgraph). */
export interface PathsResult extends Subgraph {
  /**
   * All shortest paths (ignoring direction), sorted by their node-id sequence, then by
   * their edge-id sequence (parallel edges make distinct paths); at most MAX_PATHS.
   */
  paths: Path[];
}

/**
 * The elements under an action A are: A itself; its tasks T (A -HAS_TASK-> T); what those
 * tasks involve E (T -INVOLVES-> E); and what those feed K (E -FEEDS-> K, i.e. the cluster
 * fed by an involved chain). One step each, no Goal nodes, no other edge types.
 * An element x under A serves goal G when x has its own SERVES edge to G.
 */
export interface CoverageCell {
  goal: string;
  action: string;
  /** Ids of the elements under this action that have a SERVES edge to the goal, sorted by id. */
  elements: string[];
}

export interface Coverage {
  /** Ids of all Goal nodes in plan order. */
  goals: string[];
  /** Ids of all Action nodes in plan order. */
  actions: string[];
  /** Only non-empty cells, sorted by goal then action in the order above. */
  cells: CoverageCell[];
  /**
   * Goals with a target value (`props.target` present and not "" or []) that no non-Goal
   * node has a SERVES edge into (so servingGoal(g) is just g), in plan order.
   */
  unservedGoals: string[];
  /**
   * Nodes of any kind except Plan, Organization, Policy and Goal (i.e. actions, tasks and
   * entities) that are tied to no goal, sorted by id. A node x is tied when
   * goalsServedBy(x) is non-empty (x, or something x climbs to through INVOLVES/HAS_TASK
   * backwards and FEEDS forwards, has a SERVES edge into a Goal), or when something below
   * x (following HAS_TASK, INVOLVES and FEEDS forwards, any number of steps, never through a
   * Goal) has a SERVES edge into a Goal. So an action with a non-empty coverage cell is tied.
   */
  servesNothing: string[];
}

/** Counts; byKind/byType hold only non-zero entries (keys in NODE_KINDS/EDGE_TYPES order). */
export interface Stats {
  nodes: number;
  edges: number;
  byKind: Partial<Record<NodeKind, number>>;
  byType: Partial<Record<EdgeType, number>>;
  documents: number;
}

export interface PlanQuery {
  /**
   * Case-insensitive search over name.zh, name.en, name.pinyin and id. The query is lower-cased,
   * trimmed and its inner whitespace collapsed to one space; it is matched against zh, en,
   * id and spaced pinyin as is, and, with spaces removed, against compact pinyin
   * ("jinfeng") and pinyin initials ("jfsys"). Each node scores its best match (see
   * SearchHit); hits sorted by score (desc), then the shorter zh name, then id; at most `limit` (default 20).
   * Blank text or limit 0 gives [].
   */
  search(text: string, limit?: number): Promise<SearchHit[]>;
  /** A node with its relations and quotes, or null when there is no such id. */
  node(id: string): Promise<NodeDetails | null>;
  /**
   * Breadth-first from `id`, ignoring direction, `depth` levels (default 1; 0 gives the node
   * alone). Each level's frontier is expanded in id order; for a node u, its incident edges
   * are sorted by (edge type, other node id, edge id), the distinct other nodes not yet
   * kept are taken in that order and the first `cap` (default 25) are kept. Unknown id
   * gives an empty neighbourhood.
   */
  neighbourhood(id: string, depth?: number, cap?: number): Promise<Neighbourhood>;
  /**
   * Every path from `id` up to the goals it serves, as one subgraph. A path climbs from the
   * node to what contains it (INVOLVES and HAS_TASK followed backwards), may follow FEEDS
   * forwards (a chain feeds a cluster), and ends on a SERVES edge into a Goal. Only nodes and
   * edges on such a path are returned; a goal itself returns just itself. Climbing never
   * passes through a Goal. When no goal is reached (or the id is unknown) the answer is
   * empty — the start node is not returned on its own. Paths are walks: on cyclic data an
   * edge counts when its start is reachable from `id` and its end can still reach a goal.
   */
  goalsServedBy(id: string): Promise<Subgraph>;
  /**
   * Everything that serves a goal, down to labs and projects: the nodes with a SERVES edge
   * into the goal, then what they contain (HAS_TASK, INVOLVES forwards) and what feeds them
   * (FEEDS backwards), with the edges used. Exactly the union of goalsServedBy(n) over the
   * nodes n that reach this goal, restricted to paths ending at this goal. A Goal always
   * includes itself; an unknown id or a node that is not a Goal gives an empty subgraph.
   * SERVES edges from other Goals do not count.
   */
  servingGoal(goalId: string): Promise<Subgraph>;
  /**
   * Shortest paths between two nodes, ignoring edge direction, at most `maxHops` edges
   * (default 6). from === to gives the one path [from]. Unknown ids or no path within
   * maxHops give an empty result. With `options.avoidKinds`, only paths whose interior
   * nodes (all but `from` and `to`) are of none of those kinds count: the answer is all
   * shortest such paths, in the same order (see PathOptions). For example, avoiding 'Plan'
   * keeps the path between two entities from running through the plan node that every
   * part of the plan hangs from.
   */
  paths(from: string, to: string, maxHops?: number, options?: PathOptions): Promise<PathsResult>;
  coverage(): Promise<Coverage>;
  stats(): Promise<Stats>;
  /** Release resources (drivers, sessions). Safe to call twice. */
  close(): Promise<void>;
}

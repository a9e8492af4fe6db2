/**
 * What the explorer asks of a plan graph. Two engines implement it — in memory over
 * PlanGraph JSON (the embedded default) and Cypher over Neo4j — and one contract
 * suite (tests/graph/query/contract.ts) holds them to the same answers.
 *
 * Every answer is plain data that survives JSON: no engine objects leak out.
 * Lists are sorted deterministically (documented per method) so both engines agree.
 */
import type { EdgeType, NodeKind, PlanEdge, PlanNode, Span } from '../model/types.ts';

/** A subgraph: nodes and the edges among them, each list sorted by id. */
export interface Subgraph {
  nodes: PlanNode[];
  edges: PlanEdge[];
}

export interface SearchHit {
  node: PlanNode;
  /** Which name matched: zh, en or pinyin (also initials, e.g. "jfsys"). */
  field: 'zh' | 'en' | 'pinyin' | 'id';
  /** Higher is better: exact > prefix > substring. */
  score: number;
}

export interface Quote {
  span: Span;
  /** `document.text.slice(span.start, span.end)` */
  text: string;
}

export interface Relation {
  edge: PlanEdge;
  direction: 'out' | 'in';
  /** The node at the other end. */
  other: PlanNode;
}

export interface NodeDetails {
  node: PlanNode;
  /** Sorted by edge type, then direction (out first), then the other node's id. */
  relations: Relation[];
  /** The node's sources with their text, in source order. */
  quotes: Quote[];
}

export interface Neighbourhood extends Subgraph {
  /** For each node at the frontier whose neighbours were cut by `cap`, how many were left out. */
  truncated: Record<string, number>;
}

export interface Path {
  /** Node ids from `from` to `to`. */
  nodes: string[];
  /** Edge ids along the path, one fewer than nodes. */
  edges: string[];
}

export interface PathsResult extends Subgraph {
  /** All shortest paths (ignoring direction), sorted by their node-id sequence. */
  paths: Path[];
}

export interface CoverageCell {
  goal: string;
  action: string;
  /** Ids of the elements under this action (the action, its tasks, and what they involve) that serve the goal, sorted. */
  elements: string[];
}

export interface Coverage {
  /** Goal ids in plan order (by first source position), then id. */
  goals: string[];
  /** Action ids in plan order. */
  actions: string[];
  /** Only non-empty cells, sorted by goal then action in the order above. */
  cells: CoverageCell[];
  /** Goals with a target value (props.target) that nothing serves, in plan order. */
  unservedGoals: string[];
  /** Actions, tasks and entities that neither serve a goal nor lead (through HAS_TASK/INVOLVES) to something that does; sorted by id. */
  servesNothing: string[];
}

export interface Stats {
  nodes: number;
  edges: number;
  byKind: Partial<Record<NodeKind, number>>;
  byType: Partial<Record<EdgeType, number>>;
  documents: number;
}

export interface PlanQuery {
  /** Case-insensitive search over zh, en and pinyin names; best first, then id. Empty text gives []. */
  search(text: string, limit?: number): Promise<SearchHit[]>;
  /** A node with its relations and quotes, or null when there is no such id. */
  node(id: string): Promise<NodeDetails | null>;
  /** Nodes within `depth` hops (either direction), at most `cap` new neighbours per expanded node. */
  neighbourhood(id: string, depth?: number, cap?: number): Promise<Neighbourhood>;
  /**
   * Every path from `id` up to the goals it serves, as one subgraph. A path climbs from the
   * node to what contains it (INVOLVES and HAS_TASK followed backwards), may follow FEEDS
   * forwards (a chain feeds a cluster), and ends on a SERVES edge into a Goal. Only nodes and
   * edges on such a path are returned; a goal itself returns just itself.
   */
  goalsServedBy(id: string): Promise<Subgraph>;
  /**
   * Everything that serves a goal, down to labs and projects: the nodes with a SERVES edge
   * into the goal, then what they contain (HAS_TASK, INVOLVES forwards) and what feeds them
   * (FEEDS backwards), with the edges used. Exactly the union of goalsServedBy(n) over the
   * nodes n that reach this goal, restricted to paths ending at this goal.
   */
  servingGoal(goalId: string): Promise<Subgraph>;
  /** Shortest paths between two nodes, ignoring edge direction, at most `maxHops` edges. */
  paths(from: string, to: string, maxHops?: number): Promise<PathsResult>;
  coverage(): Promise<Coverage>;
  stats(): Promise<Stats>;
  /** Release resources (drivers, sessions). Safe to call twice. */
  close(): Promise<void>;
}

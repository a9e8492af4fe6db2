/**
 * The PlanGraph data model: one plan (or several) as a graph whose every node and
 * edge points back to the passage of the source text it came from.
 *
 * This module is the single source of truth for the shapes used by the extractor,
 * the build, the Neo4j loader, both query engines and the explorer.
 */

/** Node kinds; each one is also a Neo4j label. */
export const NODE_KINDS = [
  'Plan',
  'Organization',
  'Policy',
  'Goal',
  'Action',
  'Task',
  'Facility',
  'Technology',
  'Lab',
  'InnovationHub',
  'IndustryChain',
  'Cluster',
  'Project',
  'Corridor',
  'Place',
] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

/** Relationship types; each one is also a Neo4j relationship type. */
export const EDGE_TYPES = [
  'ISSUED_BY', // Plan -> Organization that issued it
  'INTERPRETED_BY', // Plan -> Organization that wrote the published interpretation
  'IMPLEMENTS', // Plan -> Policy (document or meeting) it carries out
  'SETS', // Plan -> Goal
  'HAS_ACTION', // Plan -> Action
  'HAS_TASK', // Action -> Task
  'INVOLVES', // Task -> entity the task names
  'SERVES', // Action | Task | entity -> Goal
  'FEEDS', // IndustryChain -> Cluster
  'ABOUT', // Goal -> entity the goal names
  'RELATES_TO', // Action -> Action, or entity -> Action, where the text ties them together
] as const;
export type EdgeType = (typeof EDGE_TYPES)[number];

export function isNodeKind(value: unknown): value is NodeKind {
  return typeof value === 'string' && (NODE_KINDS as readonly string[]).includes(value);
}
export function isEdgeType(value: unknown): value is EdgeType {
  return typeof value === 'string' && (EDGE_TYPES as readonly string[]).includes(value);
}

/** A passage of a document: `document.text.slice(start, end)`, JavaScript string indices. */
export interface Span {
  doc: string;
  start: number;
  end: number;
}

export interface Name {
  zh: string;
  en: string;
  /** Toneless pinyin of `zh`, lower case, syllables separated by spaces; computed at build time for search. */
  pinyin?: string;
}

/** Scalar property values only: every one maps onto a Neo4j property type. */
export type PropValue = string | number | boolean | string[] | number[];
export type Props = Record<string, PropValue>;

export interface PlanNode {
  id: string;
  kind: NodeKind;
  name: Name;
  props: Props;
  sources: Span[];
}

/**
 * `props.basis` is "stated" when the text says it (then `sources` quote it) or
 * "inferred" when it does not (then `props.rationale` says why in one line).
 */
export interface PlanEdge {
  id: string;
  type: EdgeType;
  source: string;
  target: string;
  props: Props & { basis: 'stated' | 'inferred'; rationale?: string };
  sources: Span[];
}

export interface PlanDocument {
  id: string;
  title: string;
  issuer: string;
  published: string; // ISO date, YYYY-MM-DD
  text: string;
  /** Optional extra metadata (interpreting office, plan period, source file name). */
  meta?: Record<string, string>;
}

export interface GraphWarning {
  code: string;
  message: string;
  doc?: string;
  start?: number;
  end?: number;
  node?: string;
}

export const FORMAT = 'plangraph/1';

export interface PlanGraph {
  format: typeof FORMAT;
  documents: PlanDocument[];
  nodes: PlanNode[];
  edges: PlanEdge[];
  warnings: GraphWarning[];
}

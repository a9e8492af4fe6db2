/**
 * A draft graph under construction. Naming the same thing twice (the Q&A part
 * repeats the main part; an entity recurs under several actions) returns the
 * same node with one more span, never a second node.
 */
import { pinyin } from 'pinyin-pro';
import type { EdgeType, GraphWarning, NodeKind, PlanEdge, PlanNode, Props, Span } from '../model/types.ts';
import type { Segment } from './text.ts';

const KIND_SLUGS: Record<NodeKind, string> = {
  Plan: 'plan',
  Organization: 'org',
  Policy: 'policy',
  Goal: 'goal',
  Action: 'action',
  Task: 'task',
  Facility: 'facility',
  Technology: 'tech',
  Lab: 'lab',
  InnovationHub: 'hub',
  IndustryChain: 'chain',
  Cluster: 'cluster',
  Project: 'project',
  Corridor: 'corridor',
  Place: 'place',
};

/** Kinds whose nodes are things in the world, shared across plans by name. */
export const ENTITY_KINDS: ReadonlySet<NodeKind> = new Set<NodeKind>([
  'Organization', 'Policy', 'Facility', 'Technology', 'Lab', 'InnovationHub', 'IndustryChain', 'Cluster',
  'Project', 'Corridor', 'Place',
]);

/** The form of a name used to decide that two mentions are one thing. */
export function canonicalName(zh: string): string {
  return zh.replace(/[\s“”"‘’'「」]/g, '').replace(/\uFF08/g, '(').replace(/\uFF09/g, ')');
}

/** Toneless pinyin, syllables separated by spaces; other characters kept as runs. */
export function toPinyin(zh: string): string {
  return pinyin(zh, { toneType: 'none', type: 'array', nonZh: 'consecutive', v: true })
    .map((s) => s.trim().toLowerCase())
    .filter((s) => /[a-z0-9]/.test(s))
    .map((s) => s.replace(/[^a-z0-9]+/g, ''))
    .join(' ');
}

/** A readable, stable id fragment: the pinyin of a name, hyphenated. */
export function slug(zh: string): string {
  const fromPinyin = toPinyin(canonicalName(zh)).replace(/ /g, '-');
  return fromPinyin || 'x';
}

/** An edge's id: its type and ends, so the same statement made twice is one edge. */
export function edgeId(type: EdgeType, source: string, target: string): string {
  return `${type.toLowerCase()}:${source}->${target}`;
}

/** The id an entity of this kind and name gets in every plan that names it. */
export function entityId(kind: NodeKind, zh: string): string {
  return `${KIND_SLUGS[kind]}/${slug(zh)}`;
}

export interface DraftNode {
  id: string;
  kind: NodeKind;
  zh: string;
  props: Props;
  spans: Segment[];
}

export interface DraftEdge {
  type: EdgeType;
  source: string;
  target: string;
  basis: 'stated' | 'inferred';
  rationale?: string;
  props: Props;
  spans: Segment[];
}

export class Draft {
  readonly nodes = new Map<string, DraftNode>();
  readonly edges = new Map<string, DraftEdge>();
  readonly warnings: GraphWarning[] = [];
  /** Actions in the order they were found (the RELATES_TO and Q&A passes look them up often). */
  readonly actions: DraftNode[] = [];
  private readonly entitiesByName = new Map<string, DraftNode>();
  private readonly warningKeys = new Set<string>();

  constructor(readonly docId: string) {}

  /** Add a node, or one more span to the node with this id. */
  node(id: string, kind: NodeKind, zh: string, span: Segment, props: Props = {}): DraftNode {
    let node = this.nodes.get(id);
    if (!node) {
      node = { id, kind, zh, props: { ...props }, spans: [] };
      this.nodes.set(id, node);
      if (kind === 'Action') this.actions.push(node);
    } else {
      for (const [key, value] of Object.entries(props)) if (!(key in node.props)) node.props[key] = value;
    }
    addSpan(node.spans, span);
    return node;
  }

  /** An entity: its id comes from kind and name, so every mention lands on one node. */
  entity(kind: NodeKind, zh: string, span: Segment, props: Props = {}): DraftNode {
    const name = canonicalName(zh);
    // A name already known under another kind is the same thing (the first kind wins).
    const existing = this.entitiesByName.get(name);
    if (existing) return this.node(existing.id, existing.kind, existing.zh, span, props);
    const created = this.node(entityId(kind, name), kind, zh, span, props);
    this.entitiesByName.set(name, created);
    return created;
  }

  edge(type: EdgeType, source: string, target: string, span?: Segment, props: Props = {}): DraftEdge {
    const key = edgeId(type, source, target);
    let edge = this.edges.get(key);
    if (!edge) {
      edge = { type, source, target, basis: 'stated', props: { ...props }, spans: [] };
      this.edges.set(key, edge);
    }
    if (span) addSpan(edge.spans, span);
    return edge;
  }

  inferred(type: EdgeType, source: string, target: string, rationale: string): DraftEdge {
    const key = edgeId(type, source, target);
    const existing = this.edges.get(key);
    if (existing) return existing;
    const edge: DraftEdge = { type, source, target, basis: 'inferred', rationale, props: {}, spans: [] };
    this.edges.set(key, edge);
    return edge;
  }

  warn(code: string, message: string, span?: Segment, node?: string): void {
    if (this.warningKeys.has(`${code}|${message}`)) return;
    this.warningKeys.add(`${code}|${message}`);
    const warning: GraphWarning = { code, message };
    if (span) Object.assign(warning, { doc: this.docId, start: span.start, end: span.end });
    if (node) warning.node = node;
    this.warnings.push(warning);
  }

  toNodes(): PlanNode[] {
    return [...this.nodes.values()].map((n) => ({
      id: n.id,
      kind: n.kind,
      name: { zh: n.zh, en: '', pinyin: toPinyin(n.zh) },
      props: n.props,
      sources: n.spans.map((s) => this.span(s)),
    }));
  }

  toEdges(): PlanEdge[] {
    return [...this.edges.values()].map((e) => ({
      id: edgeId(e.type, e.source, e.target),
      type: e.type,
      source: e.source,
      target: e.target,
      props: {
        ...e.props,
        basis: e.basis,
        ...(e.rationale ? { rationale: e.rationale } : {}),
      },
      sources: e.spans.map((s) => this.span(s)),
    }));
  }

  private span(seg: Segment): Span {
    return { doc: this.docId, start: seg.start, end: seg.end };
  }
}

/** Keep spans in text order without repeats; new spans mostly come last, so check the tail first. */
function addSpan(spans: Segment[], span: Segment): void {
  if (spans.some((s) => s.start === span.start && s.end === span.end)) return;
  spans.push(span);
  if (spans.length > 1 && spans[spans.length - 2]!.start > span.start) spans.sort((a, b) => a.start - b.start);
}

/** Shared helpers for the graph tests: the built-in plan, built once per file. */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildGraph, discoverPlans } from '../../graph/build/index.ts';
import type { PlanGraph, PlanNode } from '../../graph/model/types.ts';

let cached: PlanGraph | undefined;

/** The graph of the plans under graph/sources, curated. */
export function builtInGraph(): PlanGraph {
  cached ??= buildGraph(discoverPlans());
  return cached;
}

export const PLAN = 'cq-hitech-2023';

export function byKind(graph: PlanGraph, kind: PlanNode['kind']): PlanNode[] {
  return graph.nodes.filter((n) => n.kind === kind);
}

export function node(graph: PlanGraph, id: string): PlanNode {
  const found = graph.nodes.find((n) => n.id === id);
  if (!found) throw new Error(`no node ${id}`);
  return found;
}

export function quote(graph: PlanGraph, span: { doc: string; start: number; end: number }): string {
  const doc = graph.documents.find((d) => d.id === span.doc);
  if (!doc) throw new Error(`no document ${span.doc}`);
  return doc.text.slice(span.start, span.end);
}

/** Targets of edges of one type from a node. */
export function targets(graph: PlanGraph, source: string, type: string): string[] {
  return graph.edges.filter((e) => e.source === source && e.type === type).map((e) => e.target);
}

/** A fresh folder with the given files (relative path → content). */
export function tempTree(files: Record<string, string | Uint8Array>): string {
  const root = mkdtempSync(join(tmpdir(), 'plangraph-'));
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(join(full, '..'), { recursive: true });
    writeFileSync(full, content);
  }
  return root;
}

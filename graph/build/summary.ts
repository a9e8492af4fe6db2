/** The build's report: counts per kind and per relationship type, then the warnings with their lines. */
import { EDGE_TYPES, NODE_KINDS, type GraphWarning, type PlanGraph } from '../model/types.ts';

export function summarize(graph: PlanGraph): string {
  const out: string[] = [];
  out.push(`${graph.documents.length} plan(s): ${graph.documents.map((d) => `${d.id} (${d.title})`).join(', ')}`);
  out.push(`${graph.nodes.length} nodes`);
  for (const kind of NODE_KINDS) {
    const n = graph.nodes.filter((x) => x.kind === kind).length;
    if (n > 0) out.push(`  ${kind.padEnd(14)} ${String(n).padStart(4)}`);
  }
  out.push(`${graph.edges.length} relationships`);
  for (const type of EDGE_TYPES) {
    const all = graph.edges.filter((x) => x.type === type);
    const inferred = all.filter((e) => e.props.basis === 'inferred').length;
    if (all.length > 0) out.push(`  ${type.padEnd(14)} ${String(all.length).padStart(4)}${inferred ? `  (${inferred} inferred)` : ''}`);
  }
  out.push(`${graph.warnings.length} warning(s)`);
  for (const w of graph.warnings) out.push(`  ${where(graph, w)}${w.code}: ${w.message}`);
  return out.join('\n');
}

/** "plan:line: " for a warning with a span. */
export function where(graph: PlanGraph, w: GraphWarning): string {
  if (w.doc === undefined || w.start === undefined) return '';
  const doc = graph.documents.find((d) => d.id === w.doc);
  if (!doc) return `${w.doc}: `;
  const line = doc.text.slice(0, w.start).split('\n').length;
  return `${doc.meta?.file ?? doc.id}:${line}: `;
}

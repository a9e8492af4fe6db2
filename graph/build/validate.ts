/**
 * The checks a graph must pass before anything is written: every edge's ends exist,
 * ids are unique, every span lies inside its document and quotes something, every
 * node has a span, every inferred edge says why.
 */
import type { PlanGraph } from '../model/types.ts';

export function validateGraph(graph: PlanGraph): string[] {
  const problems: string[] = [];
  const docs = new Map(graph.documents.map((d) => [d.id, d]));
  const ids = new Set<string>();
  const checkSpans = (owner: string, spans: PlanGraph['nodes'][number]['sources']) => {
    for (const span of spans) {
      const doc = docs.get(span.doc);
      if (!doc) problems.push(`${owner}: span in unknown document ${span.doc}`);
      else if (!Number.isInteger(span.start) || !Number.isInteger(span.end) || span.start < 0 || span.end > doc.text.length) {
        problems.push(`${owner}: span ${span.start}–${span.end} lies outside ${span.doc} (length ${doc.text.length})`);
      } else if (span.end <= span.start || !doc.text.slice(span.start, span.end).trim()) {
        problems.push(`${owner}: span ${span.start}–${span.end} in ${span.doc} is empty`);
      }
    }
  };
  for (const doc of graph.documents) {
    if (ids.has(`doc:${doc.id}`)) problems.push(`duplicate document id ${doc.id}`);
    ids.add(`doc:${doc.id}`);
  }
  const nodeIds = new Set<string>();
  for (const node of graph.nodes) {
    if (nodeIds.has(node.id)) problems.push(`duplicate node id ${node.id}`);
    nodeIds.add(node.id);
    if (node.sources.length === 0) problems.push(`node ${node.id} (${node.name.zh}) has no span in any document`);
    if (!node.name.zh.trim()) problems.push(`node ${node.id} has no name`);
    checkSpans(`node ${node.id}`, node.sources);
  }
  const edgeIds = new Set<string>();
  for (const edge of graph.edges) {
    if (edgeIds.has(edge.id)) problems.push(`duplicate edge id ${edge.id}`);
    edgeIds.add(edge.id);
    if (!nodeIds.has(edge.source)) problems.push(`edge ${edge.id} starts at a node that does not exist: ${edge.source}`);
    if (!nodeIds.has(edge.target)) problems.push(`edge ${edge.id} ends at a node that does not exist: ${edge.target}`);
    if (edge.props.basis === 'stated' && edge.sources.length === 0) problems.push(`edge ${edge.id} is stated but quotes nothing`);
    if (edge.props.basis === 'inferred' && !edge.props.rationale) problems.push(`edge ${edge.id} is inferred but gives no rationale`);
    checkSpans(`edge ${edge.id}`, edge.sources);
  }
  return problems;
}

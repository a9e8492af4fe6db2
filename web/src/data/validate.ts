/** Checks that unknown JSON has the PlanGraph shape before the explorer trusts it. */
import { FORMAT, isEdgeType, isNodeKind, type PlanGraph } from '../../../graph/model/types.ts';

export class GraphShapeError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not a PlanGraph (${FORMAT}): ${problems.slice(0, 5).join('; ')}${problems.length > 5 ? ` (+${problems.length - 5} more)` : ''}`);
    this.name = 'GraphShapeError';
  }
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';

function checkSpans(v: unknown, where: string, docs: Map<string, number>, problems: string[]): void {
  if (!Array.isArray(v)) {
    problems.push(`${where}.sources is not an array`);
    return;
  }
  v.forEach((s: unknown, i) => {
    if (!isObj(s) || !isStr(s.doc) || typeof s.start !== 'number' || typeof s.end !== 'number') {
      problems.push(`${where}.sources[${i}] is not a span`);
      return;
    }
    const len = docs.get(s.doc);
    if (len === undefined) problems.push(`${where}.sources[${i}] names unknown document ${s.doc}`);
    else if (s.start < 0 || s.end < s.start || s.end > len) problems.push(`${where}.sources[${i}] is out of range`);
  });
}

/** Returns the input typed as PlanGraph, or throws GraphShapeError listing what is wrong. */
export function validatePlanGraph(json: unknown): PlanGraph {
  const problems: string[] = [];
  if (!isObj(json)) throw new GraphShapeError(['top level is not an object']);
  if (json.format !== FORMAT) problems.push(`format is ${JSON.stringify(json.format)}, expected ${FORMAT}`);
  const docs = new Map<string, number>();
  if (!Array.isArray(json.documents)) problems.push('documents is not an array');
  else
    json.documents.forEach((d: unknown, i) => {
      if (!isObj(d) || !isStr(d.id) || !isStr(d.text) || !isStr(d.title)) problems.push(`documents[${i}] lacks id, title or text`);
      else docs.set(d.id, d.text.length);
    });
  const ids = new Set<string>();
  if (!Array.isArray(json.nodes)) problems.push('nodes is not an array');
  else
    json.nodes.forEach((n: unknown, i) => {
      const where = `nodes[${i}]`;
      if (!isObj(n) || !isStr(n.id)) return void problems.push(`${where} has no id`);
      if (ids.has(n.id)) problems.push(`${where} repeats id ${n.id}`);
      ids.add(n.id);
      if (!isNodeKind(n.kind)) problems.push(`${where} (${n.id}) has unknown kind ${String(n.kind)}`);
      if (!isObj(n.name) || !isStr(n.name.zh) || !isStr(n.name.en)) problems.push(`${where} (${n.id}) lacks name.zh/name.en`);
      if (!isObj(n.props)) problems.push(`${where} (${n.id}) props is not an object`);
      checkSpans(n.sources, where, docs, problems);
    });
  const edgeIds = new Set<string>();
  if (!Array.isArray(json.edges)) problems.push('edges is not an array');
  else
    json.edges.forEach((e: unknown, i) => {
      const where = `edges[${i}]`;
      if (!isObj(e) || !isStr(e.id)) return void problems.push(`${where} has no id`);
      if (edgeIds.has(e.id)) problems.push(`${where} repeats id ${e.id}`);
      edgeIds.add(e.id);
      if (!isEdgeType(e.type)) problems.push(`${where} (${e.id}) has unknown type ${String(e.type)}`);
      if (!isStr(e.source) || !ids.has(e.source)) problems.push(`${where} (${e.id}) source is not a node`);
      if (!isStr(e.target) || !ids.has(e.target)) problems.push(`${where} (${e.id}) target is not a node`);
      if (!isObj(e.props)) problems.push(`${where} (${e.id}) props is not an object`);
      checkSpans(e.sources, where, docs, problems);
    });
  if (json.warnings !== undefined && !Array.isArray(json.warnings)) problems.push('warnings is not an array');
  if (problems.length) throw new GraphShapeError(problems);
  return json as unknown as PlanGraph;
}

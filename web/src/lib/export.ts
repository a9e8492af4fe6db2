/** Serializers for the shown subgraph: JSON, GraphML and CSV. Pure functions. */
import type { PlanEdge, PlanNode, PropValue } from '../../../graph/model/types.ts';
import type { Subgraph } from '../../../graph/query/api.ts';

export function toJson(g: Subgraph): string {
  return `${JSON.stringify({ nodes: g.nodes, edges: g.edges }, null, 2)}\n`;
}

const xml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
const flat = (v: PropValue): string => (Array.isArray(v) ? v.join(';') : String(v));

/** GraphML with typed keys for kind/names/type and every property seen (as strings, except numbers). */
export function toGraphml(g: Subgraph): string {
  const nodeProps = new Map<string, 'string' | 'double' | 'boolean'>();
  const edgeProps = new Map<string, 'string' | 'double' | 'boolean'>();
  const typeOf = (v: PropValue): 'string' | 'double' | 'boolean' => (typeof v === 'number' ? 'double' : typeof v === 'boolean' ? 'boolean' : 'string');
  const note = (m: Map<string, 'string' | 'double' | 'boolean'>, k: string, v: PropValue): void => {
    const ty = typeOf(v);
    const had = m.get(k);
    m.set(k, had && had !== ty ? 'string' : ty);
  };
  for (const n of g.nodes) for (const [k, v] of Object.entries(n.props)) note(nodeProps, k, v);
  for (const e of g.edges) for (const [k, v] of Object.entries(e.props)) note(edgeProps, k, v);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">',
    '  <key id="kind" for="node" attr.name="kind" attr.type="string"/>',
    '  <key id="name_zh" for="node" attr.name="name_zh" attr.type="string"/>',
    '  <key id="name_en" for="node" attr.name="name_en" attr.type="string"/>',
    '  <key id="type" for="edge" attr.name="type" attr.type="string"/>',
    ...[...nodeProps].map(([k, ty]) => `  <key id="n_${xml(k)}" for="node" attr.name="${xml(k)}" attr.type="${ty}"/>`),
    ...[...edgeProps].map(([k, ty]) => `  <key id="e_${xml(k)}" for="edge" attr.name="${xml(k)}" attr.type="${ty}"/>`),
    '  <graph id="plangraph" edgedefault="directed">',
  ];
  const data = (key: string, v: string): string => `      <data key="${xml(key)}">${xml(v)}</data>`;
  for (const n of g.nodes) {
    lines.push(`    <node id="${xml(n.id)}">`, data('kind', n.kind), data('name_zh', n.name.zh), data('name_en', n.name.en));
    for (const [k, v] of Object.entries(n.props)) lines.push(data(`n_${k}`, flat(v)));
    lines.push('    </node>');
  }
  for (const e of g.edges) {
    lines.push(`    <edge id="${xml(e.id)}" source="${xml(e.source)}" target="${xml(e.target)}">`, data('type', e.type));
    for (const [k, v] of Object.entries(e.props)) if (v !== undefined) lines.push(data(`e_${k}`, flat(v)));
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}

/** RFC 4180 field. */
export function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}
const row = (fields: string[]): string => fields.map(csvField).join(',');

/** Two CSV tables (nodes, edges) in one file, separated by a blank line; or each on its own. */
export function toCsv(g: Subgraph): { nodes: string; edges: string } {
  const nodeCols = [...new Set(g.nodes.flatMap((n: PlanNode) => Object.keys(n.props)))].sort();
  const edgeCols = [...new Set(g.edges.flatMap((e: PlanEdge) => Object.keys(e.props)))].sort();
  const nodes = [
    row(['id', 'kind', 'name_zh', 'name_en', ...nodeCols]),
    ...g.nodes.map((n) => row([n.id, n.kind, n.name.zh, n.name.en, ...nodeCols.map((c) => (n.props[c] === undefined ? '' : flat(n.props[c]!)))])),
  ].join('\r\n');
  const edges = [
    row(['id', 'type', 'source', 'target', ...edgeCols]),
    ...g.edges.map((e) => row([e.id, e.type, e.source, e.target, ...edgeCols.map((c) => { const v = e.props[c]; return v === undefined ? '' : flat(v); })])),
  ].join('\r\n');
  return { nodes: `${nodes}\r\n`, edges: `${edges}\r\n` };
}

export function toCsvFile(g: Subgraph): string {
  const { nodes, edges } = toCsv(g);
  return `${nodes}\r\n${edges}`;
}

/** Cytoscape stylesheet and layout options, at module scope so their identity never changes. */
import type cytoscape from 'cytoscape';
import { NODE_KINDS } from '../../../graph/model/types.ts';
import { EDGE_COLOURS, KIND_VISUALS } from './visuals.ts';
import type { LayoutName } from '../store/types.ts';

export const FONT_STACK = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif';

export const STYLESHEET: cytoscape.StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-family': FONT_STACK,
      'font-size': 11,
      color: '#111827',
      'text-valign': 'bottom',
      'text-halign': 'center',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      // Labels carry their own break opportunities (labels.ts: breakable).
      'text-overflow-wrap': 'whitespace',
      'text-max-width': '100px',
      'line-height': 1.2,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      'min-zoomed-font-size': 7,
      'border-width': 1.5,
      width: 26,
      height: 26,
    },
  },
  ...NODE_KINDS.map((kind) => ({
    selector: `node[kind = "${kind}"]`,
    style: {
      'background-color': KIND_VISUALS[kind].fill,
      'border-color': KIND_VISUALS[kind].stroke,
      shape: KIND_VISUALS[kind].shape,
      width: KIND_VISUALS[kind].size,
      height: kind === 'Plan' ? 30 : KIND_VISUALS[kind].size,
    },
  })),
  { selector: 'node[kind = "Plan"]', style: { 'font-weight': 'bold', 'font-size': 13, 'text-max-width': '220px' } },
  { selector: 'node[kind = "Action"]', style: { 'font-weight': 'bold' } },
  // The overview (see overview.ts): the plan's title above it, the nodes beside it with labels
  // below, and list entries with labels to the right.
  { selector: 'node.role-plan', style: { 'text-valign': 'top', 'text-margin-y': -6, 'font-size': 15, 'text-max-width': '290px', width: 56, height: 36 } },
  { selector: 'node.role-meta', style: { color: '#374151', 'text-max-width': '84px' } },
  {
    selector: 'node.role-item',
    style: { 'text-halign': 'right', 'text-valign': 'center', 'text-margin-x': 5, 'text-margin-y': 0, 'text-justification': 'left' },
  },
  // Deeper entries start further right: narrower labels keep every column the same width.
  { selector: 'node.depth-0', style: { 'text-max-width': '112px' } },
  { selector: 'node.depth-1', style: { 'text-max-width': '96px' } },
  { selector: 'node.depth-2', style: { 'text-max-width': '80px' } },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'curve-style': 'bezier',
      'line-color': '#94a3b8',
      'target-arrow-color': '#94a3b8',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.8,
      opacity: 0.85,
    },
  },
  ...Object.entries(EDGE_COLOURS).map(([type, colour]) => ({
    selector: `edge[type = "${type}"]`,
    style: { 'line-color': colour, 'target-arrow-color': colour },
  })),
  // Overview tree edges: routed along rails and buses (bend points set per edge, see layout.ts).
  {
    selector: 'edge.tree',
    style: {
      'curve-style': 'segments',
      'edge-distances': 'node-position',
      'target-arrow-shape': 'none',
      opacity: 1,
      width: 1.3,
    },
  },
  { selector: 'edge.tree.straight', style: { 'curve-style': 'straight' } },
  { selector: 'edge.cross', style: { display: 'none' } },
  { selector: 'edge.cross.near', style: { display: 'element', width: 1.6, label: 'data(typeLabel)', 'font-size': 9, color: '#374151', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.9, 'font-family': FONT_STACK } },
  { selector: 'edge.layout-helper', style: { display: 'none' } },
  { selector: '.kind-hidden', style: { display: 'none' } },
  { selector: 'node.faded', style: { opacity: 0.12, 'text-opacity': 0, events: 'no' } },
  { selector: 'edge.faded', style: { opacity: 0.05, events: 'no' } },
  {
    selector: '.focus-edge',
    style: { opacity: 1, width: 1.8, label: 'data(typeLabel)', 'font-size': 9, color: '#374151', 'text-rotation': 'autorotate', 'text-background-color': '#fff', 'text-background-opacity': 0.9, 'font-family': FONT_STACK },
  },
  {
    selector: 'node:selected',
    style: { 'border-width': 4, 'border-color': '#dc2626', 'underlay-color': '#fecaca', 'underlay-opacity': 0.9, 'underlay-padding': 6 },
  },
  { selector: 'node.path-end', style: { 'border-width': 4, 'border-color': '#7c3aed' } },
  { selector: 'node.truncated', style: { 'outline-width': 3, 'outline-color': '#a855f7', 'outline-offset': 2 } },
  { selector: 'node.search-hit', style: { 'underlay-color': '#fde68a', 'underlay-opacity': 0.9, 'underlay-padding': 8 } },
];

const common = { animate: false, fit: false, padding: 30, nodeDimensionsIncludeLabels: true } as const;

/** dagre, top-down, for focused subgraphs (the overview has its own layout, overview.ts); boxes include labels. */
export const DAGRE_OPTIONS = {
  ...common,
  name: 'dagre',
  rankDir: 'TB',
  nodeSep: 18,
  rankSep: 56,
  edgeSep: 10,
  ranker: 'network-simplex',
} as const;

export const LAYOUT_OPTIONS: Record<Exclude<LayoutName, 'dagre' | 'tree'>, cytoscape.LayoutOptions> = {
  breadthfirst: { ...common, name: 'breadthfirst', directed: true, spacingFactor: 1.1, avoidOverlap: true },
  concentric: {
    ...common,
    name: 'concentric',
    minNodeSpacing: 30,
    avoidOverlap: true,
    concentric: (n: cytoscape.NodeSingular) => 10 - (LEVEL[n.data('kind') as string] ?? 4),
    levelWidth: () => 1,
  },
  cose: { ...common, name: 'cose', randomize: false, nodeRepulsion: () => 12000, idealEdgeLength: () => 80, numIter: 1500 },
};

const LEVEL: Record<string, number> = { Plan: 0, Organization: 1, Policy: 1, Goal: 1, Action: 2, Task: 3 };

/** How each node kind looks: colours, shapes, sizes. Shared by the canvas, the legend and the SVG export. */
import type { EdgeType, NodeKind } from '../../../graph/model/types.ts';

export type Shape =
  | 'round-rectangle' | 'rectangle' | 'round-tag' | 'star' | 'hexagon' | 'ellipse' | 'barrel' | 'diamond'
  | 'octagon' | 'round-pentagon' | 'vee' | 'concave-hexagon' | 'rhomboid' | 'cut-rectangle' | 'triangle';

export interface KindVisual {
  fill: string;
  stroke: string;
  shape: Shape;
  size: number;
}

export const KIND_VISUALS: Record<NodeKind, KindVisual> = {
  Plan: { fill: '#1e3a8a', stroke: '#172554', shape: 'round-rectangle', size: 44 },
  Organization: { fill: '#9ca3af', stroke: '#374151', shape: 'rectangle', size: 26 },
  Policy: { fill: '#a78bfa', stroke: '#5b21b6', shape: 'round-tag', size: 28 },
  Goal: { fill: '#f59e0b', stroke: '#92400e', shape: 'star', size: 36 },
  Action: { fill: '#16a34a', stroke: '#14532d', shape: 'hexagon', size: 34 },
  Task: { fill: '#38bdf8', stroke: '#075985', shape: 'ellipse', size: 26 },
  Facility: { fill: '#f87171', stroke: '#991b1b', shape: 'barrel', size: 26 },
  Technology: { fill: '#e879f9', stroke: '#86198f', shape: 'diamond', size: 28 },
  Lab: { fill: '#fb923c', stroke: '#9a3412', shape: 'octagon', size: 26 },
  InnovationHub: { fill: '#2dd4bf', stroke: '#115e59', shape: 'round-pentagon', size: 26 },
  IndustryChain: { fill: '#facc15', stroke: '#854d0e', shape: 'vee', size: 28 },
  Cluster: { fill: '#34d399', stroke: '#065f46', shape: 'concave-hexagon', size: 28 },
  Project: { fill: '#94a3b8', stroke: '#1e293b', shape: 'rhomboid', size: 26 },
  Corridor: { fill: '#22d3ee', stroke: '#155e75', shape: 'cut-rectangle', size: 26 },
  Place: { fill: '#f472b6', stroke: '#9d174d', shape: 'triangle', size: 26 },
};

export const EDGE_COLOURS: Record<EdgeType, string> = {
  ISSUED_BY: '#9ca3af',
  INTERPRETED_BY: '#9ca3af',
  IMPLEMENTS: '#8b5cf6',
  SETS: '#d97706',
  HAS_ACTION: '#15803d',
  HAS_TASK: '#0284c7',
  INVOLVES: '#64748b',
  SERVES: '#b45309',
  FEEDS: '#a16207',
  ABOUT: '#c084fc',
  RELATES_TO: '#cbd5e1',
};

/** Edges that rank nodes top-down in the hierarchy (parent -> child). */
export const RANK_EDGES: ReadonlySet<EdgeType> = new Set(['ISSUED_BY', 'INTERPRETED_BY', 'IMPLEMENTS', 'SETS', 'HAS_ACTION', 'HAS_TASK', 'INVOLVES']);
/** Edges drawn child -> parent whose reverse ranks a focused trace (goal on top). */
export const UPWARD_EDGES: ReadonlySet<EdgeType> = new Set(['SERVES', 'FEEDS']);

/** Polygon points of a shape in a unit box [-1,1]², for the legend and the SVG export. */
export function shapePoints(shape: Shape): [number, number][] | null {
  const reg = (n: number, rot = -Math.PI / 2): [number, number][] =>
    Array.from({ length: n }, (_, i) => [Math.cos(rot + (2 * Math.PI * i) / n), Math.sin(rot + (2 * Math.PI * i) / n)]);
  switch (shape) {
    case 'ellipse':
    case 'round-rectangle':
    case 'barrel':
      return null;
    case 'rectangle':
      return [[-1, -1], [1, -1], [1, 1], [-1, 1]];
    case 'round-tag':
      return [[-1, -1], [0.4, -1], [1, 0], [0.4, 1], [-1, 1]];
    case 'star': {
      const pts: [number, number][] = [];
      for (let i = 0; i < 10; i++) {
        const r = i % 2 ? 0.45 : 1;
        const a = -Math.PI / 2 + (Math.PI * i) / 5;
        pts.push([r * Math.cos(a), r * Math.sin(a)]);
      }
      return pts;
    }
    case 'hexagon':
      return reg(6, 0);
    case 'diamond':
      return [[0, -1], [1, 0], [0, 1], [-1, 0]];
    case 'octagon':
      return reg(8, Math.PI / 8);
    case 'round-pentagon':
      return reg(5);
    case 'vee':
      return [[-1, -1], [0, -0.33], [1, -1], [0, 1]];
    case 'concave-hexagon':
      return [[-1, -0.95], [1, -0.95], [0.7, 0], [1, 0.95], [-1, 0.95], [-0.7, 0]];
    case 'rhomboid':
      return [[-0.5, -1], [1, -1], [0.5, 1], [-1, 1]];
    case 'cut-rectangle':
      return [[-0.6, -1], [0.6, -1], [1, -0.6], [1, 0.6], [0.6, 1], [-0.6, 1], [-1, 0.6], [-1, -0.6]];
    case 'triangle':
      return [[0, -1], [1, 1], [-1, 1]];
  }
}

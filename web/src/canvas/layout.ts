/**
 * Running layouts on the canvas: the overview (overview.ts) for the whole plan, dagre for
 * focused subgraphs, Cytoscape's own layouts otherwise. Each sizes nodes by their boxes with
 * labels, measured after the labels and label placement are set. Also the keyboard map
 * (parent, children, siblings) of what was laid out.
 */
import type cytoscape from 'cytoscape';
import type { Core, Layouts } from 'cytoscape';
import type { LayoutName } from '../store/types.ts';
import { overviewTree, placeOverview, type Box, type OvEdge, type OvNode, type Pt } from './overview.ts';
import { DAGRE_OPTIONS, LAYOUT_OPTIONS } from './style.ts';
import { RANK_EDGES } from './visuals.ts';

export const HELPER = '~rev:';
const ROLES = ['role-plan', 'role-meta', 'role-item', 'depth-0', 'depth-1', 'depth-2'];

/** Who is above, below and beside whom, for the arrow keys. */
export interface Nav {
  parent: Map<string, string>;
  children: Map<string, string[]>;
  /** Nodes without a parent, in reading order. */
  roots: string[];
}

/** Arrow key → the node to select next, or null (Up: parent, Down: first child, Left/Right: siblings). */
export function step(nav: Nav, from: string | null, key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight'): string | null {
  if (!from || (!nav.parent.has(from) && !nav.roots.includes(from) && !nav.children.has(from))) return nav.roots[0] ?? null;
  if (key === 'ArrowUp') return nav.parent.get(from) ?? null;
  if (key === 'ArrowDown') return nav.children.get(from)?.[0] ?? null;
  const p = nav.parent.get(from);
  const sibs = p ? (nav.children.get(p) ?? []) : nav.roots;
  const i = sibs.indexOf(from);
  const j = key === 'ArrowLeft' ? i - 1 : i + 1;
  return i < 0 || j < 0 || j >= sibs.length ? null : sibs[j]!;
}

/** Nav from layout edges (parent → child), children and roots in reading order (left to right, top to bottom). */
function navOf(nodes: cytoscape.NodeCollection, links: [string, string][]): Nav {
  const pos = new Map(nodes.map((n) => [n.id(), n.position()]));
  const order = (a: string, b: string): number => {
    const pa = pos.get(a)!;
    const pb = pos.get(b)!;
    return Math.round(pa.x - pb.x) || pa.y - pb.y;
  };
  const parent = new Map<string, string>();
  const children = new Map<string, string[]>();
  for (const [s, t] of links) {
    if (!pos.has(s) || !pos.has(t) || parent.has(t) || s === t) continue;
    parent.set(t, s);
    children.set(s, [...(children.get(s) ?? []), t]);
  }
  for (const list of children.values()) list.sort(order);
  const roots = [...pos.keys()].filter((id) => !parent.has(id)).sort(order);
  return { parent, children, roots };
}

function setRoles(nodes: cytoscape.NodeCollection, classes: (id: string) => string[]): void {
  nodes.forEach((n) => {
    const on = classes(n.id());
    for (const c of ROLES) n.toggleClass(c, on.includes(c));
  });
}

/** Boxes of the nodes, labels included, relative to their positions. */
function boxes(nodes: cytoscape.NodeCollection): Map<string, Box> {
  // Cytoscape caches bounds; a label changed in a batch keeps its old size until the next
  // frame unless the cache is bypassed once.
  nodes.boundingBox({ useCache: false } as cytoscape.BoundingBoxOptions);
  const out = new Map<string, Box>();
  const opts = { includeLabels: true, includeOverlays: false, includeUnderlays: false, includeOutlines: false } as cytoscape.BoundingBoxOptions;
  nodes.forEach((n) => {
    const p = n.position();
    const bb = n.boundingBox(opts);
    out.set(n.id(), { l: bb.x1 - p.x, r: bb.x2 - p.x, t: bb.y1 - p.y, b: bb.y2 - p.y });
  });
  return out;
}

/** Bend points as Cytoscape's segment weights and distances (relative to the centres' line). */
export function segments(s: Pt, t: Pt, bends: Pt[]): { w: number[]; d: number[] } {
  const dx = t.x - s.x;
  const dy = t.y - s.y;
  const l2 = dx * dx + dy * dy || 1;
  const l = Math.sqrt(l2);
  return {
    w: bends.map((p) => ((p.x - s.x) * dx + (p.y - s.y) * dy) / l2),
    d: bends.map((p) => ((p.x - s.x) * -dy + (p.y - s.y) * dx) / l),
  };
}

function clearOverview(cy: Core): void {
  cy.batch(() => {
    cy.nodes().removeClass(ROLES.join(' '));
    cy.edges('.tree').removeStyle('segment-weights segment-distances').removeClass('tree straight');
  });
}

/** The whole plan, tidy (overview.ts); only the tree's edges are drawn, the rest on selection. */
function overview(cy: Core, nodes: cytoscape.NodeCollection, edges: cytoscape.EdgeCollection): Nav {
  const ovNodes: OvNode[] = nodes.map((n) => ({ id: n.id(), kind: n.data('kind') }));
  const ovEdges: OvEdge[] = edges.map((e) => ({ id: e.id(), type: e.data('type'), source: e.source().id(), target: e.target().id() }));
  const tree = overviewTree(ovNodes, ovEdges);
  cy.batch(() =>
    setRoles(nodes, (id) => {
      const role = tree.role.get(id) ?? 'item';
      return role === 'item' ? ['role-item', `depth-${Math.min(2, tree.depth.get(id) ?? 0)}`] : [`role-${role}`];
    }),
  );
  const measured = boxes(nodes);
  const placed = placeOverview(tree, (id) => measured.get(id) ?? { l: -15, r: 15, t: -15, b: 15 });
  cy.batch(() => {
    nodes.positions((n) => placed.positions.get(n.id()) ?? n.position());
    edges.forEach((e) => {
      const bends = placed.routes.get(e.id());
      e.toggleClass('cross', !bends);
      e.toggleClass('tree', !!bends);
      if (!bends) return;
      const s = placed.positions.get(e.source().id())!;
      const t = placed.positions.get(e.target().id())!;
      const seg = segments(s, t, bends);
      const straight = seg.d.every((d) => Math.abs(d) < 0.5);
      e.toggleClass('straight', straight);
      if (straight) e.removeStyle('segment-weights segment-distances');
      else e.style({ 'segment-weights': seg.w.map((w) => +w.toFixed(4)), 'segment-distances': seg.d.map((d) => +d.toFixed(2)) });
    });
  });
  const children = new Map(tree.children);
  for (const p of tree.plans) {
    const m = tree.meta.get(p)!;
    children.set(p, [...tree.goals.get(p)!, ...tree.columns.get(p)!, ...m.left, ...m.right]);
  }
  const parent = new Map([...tree.parent].map(([id, x]) => [id, x.id]));
  return { parent, children, roots: [...tree.plans, ...tree.loose] };
}

const MIN_READABLE_ZOOM = 0.75;

/** Fits, but never zooms in past 1.25 (a small focus would otherwise fill the screen). */
export function fitCapped(cy: Core, eles: cytoscape.CollectionArgument, padding: number): void {
  cy.stop(true, false); // a viewport animation still running would undo the fit
  cy.fit(eles, padding);
  if (cy.zoom() > 1.25) {
    cy.zoom(1.25);
    cy.center(eles);
  }
}

/**
 * The overview's first view: all of it when that is readable; otherwise as wide as fits (but
 * readable), from the top, centred on the plan.
 */
export function overviewViewport(cy: Core, nodes: cytoscape.NodeCollection): void {
  cy.stop(true, false);
  const pad = 24;
  const bb = nodes.boundingBox({ includeLabels: true, includeOverlays: false } as cytoscape.BoundingBoxOptions);
  const W = cy.width() - 2 * pad;
  const H = cy.height() - 2 * pad;
  if (bb.w <= 0 || W <= 0) return;
  const fitAll = Math.min(W / bb.w, H / bb.h);
  if (fitAll >= MIN_READABLE_ZOOM) {
    fitCapped(cy, nodes, pad);
    return;
  }
  const z = Math.min(1, Math.max(MIN_READABLE_ZOOM, W / bb.w));
  const plan = nodes.filter((n) => n.data('kind') === 'Plan');
  const cx = bb.w * z <= W || plan.empty() ? (bb.x1 + bb.x2) / 2 : plan.position('x');
  cy.viewport({ zoom: z, pan: { x: cy.width() / 2 - cx * z, y: pad - bb.y1 * z } });
}

/** Lays out what is visible; in focus mode the focus subgraph goes top-down above the faded rest. */
export async function runLayout(
  cy: Core,
  name: LayoutName,
  focusIds: Set<string> | null,
  track: (l: Layouts | null) => void,
  alive: () => boolean,
): Promise<Nav | null> {
  const visNodes = cy.nodes().not('.kind-hidden');
  const visEdges = cy.edges().filter((e) => !e.source().hasClass('kind-hidden') && !e.target().hasClass('kind-hidden')).edges();
  const drawnEdges = visEdges.not('.layout-helper');
  const rankEdges = drawnEdges.filter((e) => RANK_EDGES.has(e.data('type')));
  const links = (eles: cytoscape.Collection): [string, string][] => eles.edges().map((e) => [e.source().id(), e.target().id()]);

  const run = async (eles: cytoscape.CollectionReturnValue, opts: cytoscape.LayoutOptions): Promise<boolean> => {
    if (eles.nodes().empty()) return true;
    const layout = eles.layout(opts);
    track(layout);
    const done = layout.promiseOn('layoutstop');
    layout.run();
    await done;
    track(null);
    return !cy.destroyed() && alive();
  };
  const base = (nodes: cytoscape.NodeCollection): Promise<boolean> => {
    const inside = (e: cytoscape.EdgeSingular): boolean => nodes.contains(e.source()) && nodes.contains(e.target());
    if (name === 'dagre' || name === 'tree') return run(nodes.union(rankEdges.filter(inside)), DAGRE_OPTIONS as cytoscape.LayoutOptions);
    return run(nodes.union(drawnEdges.filter(inside)), LAYOUT_OPTIONS[name]);
  };

  cy.stop(true, true);
  if (!focusIds && name === 'tree') {
    const nav = overview(cy, visNodes, drawnEdges);
    overviewViewport(cy, visNodes);
    return nav;
  }
  clearOverview(cy);
  cy.batch(() => {
    drawnEdges.forEach((e) => {
      e.toggleClass('cross', !focusIds && !RANK_EDGES.has(e.data('type')));
    });
  });
  boxes(visNodes);
  if (!focusIds) {
    if (!(await base(visNodes))) return null;
    fitCapped(cy, visNodes, 30);
    return navOf(visNodes, links(rankEdges));
  }
  const focusNodes = visNodes.filter((n) => focusIds.has(n.id()));
  const rest = visNodes.not(focusNodes);
  if (!(await base(rest))) return null;
  const inFocus = (e: cytoscape.EdgeSingular): boolean => focusNodes.contains(e.source()) && focusNodes.contains(e.target());
  // A helper edge (a SERVES or FEEDS edge reversed: the goal on top) counts only if its original edge is part of the focus.
  const focusRank = visEdges.filter(
    (e) => inFocus(e) && (e.hasClass('layout-helper') ? focusIds.has(e.id().slice(HELPER.length)) : RANK_EDGES.has(e.data('type'))),
  );
  if (!(await run(focusNodes.union(focusRank), DAGRE_OPTIONS as cytoscape.LayoutOptions))) return null;
  if (rest.nonempty() && focusNodes.nonempty()) {
    const fb = focusNodes.boundingBox({ includeLabels: true });
    const rb = rest.boundingBox({ includeLabels: true });
    const dx = (rb.x1 + rb.x2) / 2 - (fb.x1 + fb.x2) / 2;
    const dy = rb.y1 - 140 - fb.y2;
    focusNodes.positions((n) => ({ x: n.position('x') + dx, y: n.position('y') + dy }));
  }
  fitCapped(cy, focusNodes.nonempty() ? focusNodes : visNodes, 40);
  return navOf(focusNodes.nonempty() ? focusNodes : visNodes, links(focusRank));
}
